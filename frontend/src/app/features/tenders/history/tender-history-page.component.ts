import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { FieldDiff, TenderComparison, TenderDetail, TenderHistoryEntry, TenderHistoryRevision } from '@openbrief/contracts';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe, formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { StatusTag } from '../../../shared/ui/status-tag.component';
import { TenderHistoryApi } from './history.api';

/** How many changed fields a revision row lists before folding the rest away. */
const FIELDS_SHOWN = 4;

type DiffPart = FieldDiff['parts'][number];

function toRevision(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

/**
 * Who changed what and when, and a side-by-side comparison of any two revisions with word-level
 * insertions and deletions. The pair compared lives in the URL (?from=&to=), so it can be shared and
 * the back button works.
 */
@Component({
  selector: 'ob-tender-history-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice, StatusTag],
  templateUrl: './tender-history-page.component.html',
  styleUrl: './tender-history-page.component.scss',
})
export class TenderHistoryPage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();
  /** Bound from the `from` and `to` query parameters. */
  readonly from = input<string>();
  readonly to = input<string>();

  private readonly api = inject(TenderHistoryApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  protected readonly tender = createLoader<TenderDetail>();
  /** Saved revisions and published versions, newest first. */
  protected readonly entries = createLoader<TenderHistoryEntry[]>();
  protected readonly comparison = createLoader<TenderComparison>();
  protected readonly fieldsShown = FIELDS_SHOWN;

  /** The saved revisions alone: what can be compared. */
  protected readonly revisionList = computed(() => {
    const state = this.entries.state();
    return state.status === 'ready' ? state.value.filter((e): e is TenderHistoryRevision => e.kind === 'revision') : [];
  });

  /** The pair in the URL, if it is a valid one. */
  protected readonly requested = computed(
    () => {
      const from = toRevision(this.from());
      const to = toRevision(this.to());
      return from !== null && to !== null && from !== to ? { from, to } : null;
    },
    { equal: (a, b) => a?.from === b?.from && a?.to === b?.to },
  );

  /** The URL asked for a comparison that cannot be made (same revision twice, not a number). */
  protected readonly badRequest = computed(() => (this.from() !== undefined || this.to() !== undefined) && this.requested() === null);

  /** The choices in the two drop-downs: the pair in the URL, or else the two newest revisions. */
  protected readonly fromChoice = linkedSignal<number | null>(() => {
    const list = this.revisionList();
    return this.requested()?.from ?? list[1]?.revision ?? list[0]?.revision ?? null;
  });
  protected readonly toChoice = linkedSignal<number | null>(() => this.requested()?.to ?? this.revisionList()[0]?.revision ?? null);
  protected readonly choiceError = signal('');

  private focusResult = false;
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.tender.load(this.api.tender(id));
        this.entries.load(this.api.history(id));
      });
    });
    effect(() => {
      const id = this.id();
      const pair = this.requested();
      if (pair) untracked(() => this.comparison.load(this.api.compare(id, pair.from, pair.to)));
    });
    effect(() => {
      const state = this.comparison.state();
      if (state.status === 'loading' || !this.focusResult) return;
      this.focusResult = false;
      afterNextRender(() => this.resultHeading()?.nativeElement.focus(), { injector: this.injector });
    });
  }

  protected reload(): void {
    this.entries.load(this.api.history(this.id()));
  }

  protected focusNextResult(): void {
    this.focusResult = true;
  }

  protected revisionLabel(r: TenderHistoryRevision): string {
    return `Revision ${r.revision}: ${formatUkDate(r.at)}, ${r.by}`;
  }

  /** The revision saved before this one (numbers skip where a publication moved the revision on). */
  protected previousRevision(e: TenderHistoryRevision): number | null {
    const list = this.revisionList();
    const i = list.findIndex((r) => r.revision === e.revision);
    return i >= 0 && i + 1 < list.length ? list[i + 1].revision : null;
  }

  protected entryKey(e: TenderHistoryEntry): string {
    return e.kind === 'revision' ? `r${e.revision}` : `v${e.version}`;
  }

  protected choose(which: 'from' | 'to', value: string): void {
    const n = toRevision(value);
    (which === 'from' ? this.fromChoice : this.toChoice).set(n);
    this.choiceError.set('');
  }

  protected compare(): void {
    const from = this.fromChoice();
    const to = this.toChoice();
    if (from === null || to === null) return;
    if (from === to) {
      this.choiceError.set('Choose two different revisions');
      return;
    }
    this.choiceError.set('');
    this.focusResult = true;
    const same = this.requested()?.from === from && this.requested()?.to === to;
    if (same) {
      // Same pair again: reload it (someone may have saved since), and still move focus to the result.
      this.comparison.load(this.api.compare(this.id(), from, to));
      return;
    }
    void this.router.navigate([], { queryParams: { from, to }, queryParamsHandling: 'merge', replaceUrl: false });
  }

  protected beforeParts(diff: FieldDiff): DiffPart[] {
    return diff.parts.filter((p) => !p.added);
  }

  protected afterParts(diff: FieldDiff): DiffPart[] {
    return diff.parts.filter((p) => !p.removed);
  }

  protected countChanges(diff: FieldDiff): { added: number; removed: number } {
    let added = 0;
    let removed = 0;
    for (const p of diff.parts) {
      const words = p.value.trim() ? p.value.trim().split(/\s+/).length : 0;
      if (p.added) added += words;
      if (p.removed) removed += words;
    }
    return { added, removed };
  }
}
