import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { PublishBlocker, TEXT_LIMITS, TenderStatus } from '@openbrief/contracts';
import { AppError } from '../../../core/http/app-error';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { focusElementById } from '../../../shared/ui/focus';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { StatusTag } from '../../../shared/ui/status-tag.component';
import { TenderValuePipe } from '../../../shared/pipes/tender-value.pipe';
import { locateField } from '../data-access/field-ids';
import { CommentCountsStore } from '../comments/comment-counts.store';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { TextField } from '../ui/text-field.component';

const CHANGE_NOTE = 'change-note';
const CHANGE_NOTE_CODE = 'change-note-missing';

interface BlockerLink {
  readonly message: string;
  /** The field on this page, or in the full editor (`?field=`), that fixes it. */
  readonly onPage: boolean;
  readonly fieldId: string | null;
}

type CheckState = 'checking' | 'unsaved' | 'ready' | 'error';

const isWarning = (b: PublishBlocker) => b.severity === 'warning';

/**
 * The last step: lists what still stops publication (each linked to the field that fixes it),
 * asks for a change note from version 2, and publishes.
 */
@Component({
  selector: 'ob-publish-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, RouterLink, MatButtonModule, UkDatePipe, TenderValuePipe, Loading, Notice, StatusTag, TextField],
  templateUrl: './publish-page.component.html',
  styleUrl: './publish-page.component.scss',
})
export class PublishPage {
  protected readonly store = inject(TenderEditorStore);
  protected readonly changeNoteLimit = TEXT_LIMITS.publish.changeNote;
  private readonly commentCounts = inject(CommentCountsStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  protected readonly state = signal<CheckState>('checking');
  protected readonly checkError = signal<AppError | null>(null);
  protected readonly blockers = signal<PublishBlocker[]>([]);
  /** Set after a publish attempt the server refused: shown as an error summary that takes focus. */
  protected readonly refused = signal<PublishBlocker[] | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly changeNote = signal('');
  protected readonly changeNoteError = signal('');
  protected readonly publishing = signal(false);
  protected readonly statusBusy = signal(false);
  protected readonly statusError = signal('');

  private readonly refusedSummary = viewChild<ElementRef<HTMLElement>>('refusedSummary');

  protected readonly tender = computed(() => this.store.tender()!);
  protected readonly nextVersion = computed(() => this.tender().publishedVersion + 1);
  protected readonly needsNote = computed(() => this.tender().publishedVersion > 0);
  protected readonly draft = TenderStatus.Draft;
  protected readonly inReview = TenderStatus.InReview;
  protected readonly counts = computed(() => {
    const lots = this.store.content()?.lots ?? [];
    return { lots: lots.length, requirements: lots.reduce((n, l) => n + l.requirements.length, 0) };
  });

  /** Open comment threads: a warning, never a blocker (the team decides whether they matter). */
  protected readonly openThreads = computed(() => this.commentCounts.countsFor(this.tender().id)?.open ?? 0);

  /** What stops publication; the change note is asked for on this page, so it is not listed. */
  protected readonly links = computed(() => this.toLinks(this.blockers().filter((b) => b.code !== CHANGE_NOTE_CODE && !isWarning(b))));
  /** Worth fixing, but publication goes ahead without (for example an outcome nobody can tell how to judge). */
  protected readonly warnings = computed(() => this.toLinks(this.blockers().filter(isWarning)));
  protected readonly refusedLinks = computed(() => this.toLinks(this.refused() ?? []));
  protected readonly unsavedProblems = computed(() =>
    this.store.problems().map((p) => ({ message: p.message, onPage: false, fieldId: p.fieldId })),
  );

  constructor() {
    const title = inject(Title);
    effect(() => {
      const prefix = this.refused()?.length ? 'Error: ' : '';
      title.setTitle(pageTitle(`${prefix}${this.needsNote() ? `Publish version ${this.nextVersion()}` : 'Check and publish'}`));
    });
    void this.check();
  }

  /** Saves whatever is waiting, then asks the server what still stops publication. */
  protected async check(): Promise<void> {
    this.state.set('checking');
    // A fresh check replaces the refusal: the list of what to fix is shown once, from the newest answer.
    this.refused.set(null);
    if (!(await this.store.flush())) {
      this.state.set(this.store.conflict() ? 'error' : 'unsaved');
      return;
    }
    try {
      const threads = this.commentCounts.refresh(this.tender().id);
      this.blockers.set(await this.store.publicationCheck());
      await threads;
      this.state.set('ready');
    } catch (error: unknown) {
      this.checkError.set(error instanceof AppError ? error : new AppError(0, 'We could not check the tender. Try again.'));
      this.state.set('error');
    }
  }

  protected setChangeNote(value: string): void {
    this.changeNote.set(value);
    if (value.trim()) this.changeNoteError.set('');
  }

  protected async publish(): Promise<void> {
    if (this.publishing()) return;
    this.failure.set(null);
    if (this.needsNote() && !this.changeNote().trim()) {
      this.changeNoteError.set('Say what has changed and why: bidders will see this note with the new version');
      const others = this.blockers().filter((b) => b.code !== CHANGE_NOTE_CODE && !isWarning(b));
      this.showRefused([{ code: CHANGE_NOTE_CODE, message: this.changeNoteError(), path: 'changeNote' }, ...others]);
      return;
    }
    this.publishing.set(true);
    const result = await this.store.publish(this.needsNote() ? this.changeNote() : undefined);
    this.publishing.set(false);
    switch (result.kind) {
      case 'published':
        await this.router.navigate(['/tenders', this.tender().id, 'published', result.version.version]);
        return;
      case 'blocked':
        if (result.blockers.some((b) => b.path === 'changeNote')) this.changeNoteError.set('Say what has changed and why');
        this.showRefused(result.blockers.length ? result.blockers : [{ code: '', message: result.message }]);
        return;
      case 'not-saved':
        this.state.set('unsaved');
        return;
      case 'conflict':
        this.failure.set(
          'Someone else saved this tender first, so it was not published. Load their version (above), check it, then publish.',
        );
        return;
      case 'failed':
        this.failure.set(result.error.message);
        return;
    }
  }

  protected async changeStatus(status: TenderStatus): Promise<void> {
    this.statusBusy.set(true);
    this.statusError.set('');
    const error = await this.store.changeStatus(status);
    this.statusBusy.set(false);
    if (error) this.statusError.set(error.message);
  }

  protected goToChangeNote(event: Event): void {
    event.preventDefault();
    focusElementById(CHANGE_NOTE);
  }

  private showRefused(blockers: PublishBlocker[]): void {
    this.refused.set(blockers);
    afterNextRender(() => this.refusedSummary()?.nativeElement.focus(), { injector: this.injector });
  }

  private toLinks(blockers: readonly PublishBlocker[]): BlockerLink[] {
    const content = this.store.content();
    return blockers.map((b) => {
      if (b.code === CHANGE_NOTE_CODE || b.path === 'changeNote') {
        return { message: b.message, onPage: true, fieldId: CHANGE_NOTE };
      }
      return { message: b.message, onPage: false, fieldId: locateField(b.path, content)?.fieldId ?? null };
    });
  }
}
