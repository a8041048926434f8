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
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AuditEntry, AuditTrailPage, TenderDetail } from '@openbrief/contracts';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { AuditTrailApi } from './audit.api';

const PAGE_SIZE = 25;

/** "3" → 3; anything else (missing, "0", "abc") is page 1. */
function toPage(value: string | undefined): number {
  return value !== undefined && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : 1;
}

/**
 * Who did what to a tender and when, in words, from the hash-chained audit log: a table a page at a
 * time (the page lives in the URL, so it can be shared and the back button works), and the whole
 * trail as CSV for anyone who has to defend a decision.
 */
@Component({
  selector: 'ob-tender-audit-trail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice],
  templateUrl: './audit-trail-page.component.html',
  styleUrl: './audit-trail-page.component.scss',
})
export class TenderAuditTrailPage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();
  /** Bound from the `page` query parameter. */
  readonly page = input<string>();

  private readonly api = inject(AuditTrailApi);
  private readonly injector = inject(Injector);

  protected readonly tender = createLoader<TenderDetail>();
  protected readonly trail = createLoader<AuditTrailPage>();
  protected readonly pageNumber = computed(() => toPage(this.page()));
  protected readonly csvUrl = computed(() => this.api.csvUrl(this.id()));

  private readonly table = viewChild<ElementRef<HTMLElement>>('table');
  private firstLoad = true;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.tender.load(this.api.tender(id)));
    });
    effect(() => {
      const id = this.id();
      const page = this.pageNumber();
      untracked(() => this.trail.load(this.api.page(id, page, PAGE_SIZE)));
    });
    // After moving to another page, put focus on the table, so a screen reader hears its caption ("page 2 of 5").
    effect(() => {
      if (this.trail.state().status !== 'ready') return;
      if (this.firstLoad) {
        this.firstLoad = false;
        return;
      }
      afterNextRender(() => this.table()?.nativeElement.focus(), { injector: this.injector });
    });
  }

  protected pages(trail: AuditTrailPage): number {
    return Math.max(1, Math.ceil(trail.total / trail.pageSize));
  }

  protected who(entry: AuditEntry): string {
    return entry.actor.id === null ? `${entry.actor.name} (automatically)` : entry.actor.name;
  }

  protected reload(): void {
    this.trail.load(this.api.page(this.id(), this.pageNumber(), PAGE_SIZE));
  }
}
