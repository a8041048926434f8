import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { AssessmentCriterion, AssessmentSummary } from '@openbrief/contracts';
import { toAppError } from '../../../../core/http/app-error';
import { formatUkDate } from '../../../../shared/pipes/uk-date.pipe';
import { AwardApi } from '../award.api';
import { formatPoints, formatWeight } from '../results/results-format';
import { ordinal } from './award-rules';

/**
 * One supplier's assessment summary (Procurement Regulations 2024 reg 31): drafted from the moderation notes, edited
 * here with the revision it was read at (a colleague's save is never overwritten), then issued after a confirmation,
 * when it becomes a PDF the supplier is told about and can no longer change.
 */
@Component({
  selector: 'ob-assessment-summary-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-summary-card.component.html',
  styleUrls: ['../results/results-tables.scss', './award-forms.scss', './assessment-summary-card.component.scss'],
})
export class AssessmentSummaryCard {
  readonly panelId = input.required<string>();
  readonly summary = input.required<AssessmentSummary>();
  /** The summary changed on the server: reload, and say this. */
  readonly changed = output<string>();

  private readonly api = inject(AwardApi);
  private readonly injector = inject(Injector);
  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('issueDialog');

  protected readonly editing = signal(false);
  protected readonly explanations = signal<Record<string, string>>({});
  protected readonly why = signal('');
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly failure = signal('');
  protected readonly conflict = signal(false);
  protected readonly busy = signal<'save' | 'issue' | null>(null);

  protected readonly key = computed(() => `summary-${this.summary().responseId}`);
  protected readonly issued = computed(() => this.summary().status === 'issued');
  protected readonly pdfUrl = computed(() => this.api.summaryPdfUrl(this.panelId(), this.summary().responseId));
  protected readonly statusText = computed(() => {
    const s = this.summary();
    return s.status === 'issued' && s.issuedAt ? `Issued on ${formatUkDate(s.issuedAt, 'date')}` : 'Draft: not sent yet';
  });

  protected points(value: number): string {
    return formatPoints(value);
  }

  protected weight(value: number): string {
    return formatWeight(value);
  }

  protected hintFor(c: AssessmentCriterion): string {
    const facts = `Weight ${formatWeight(c.weight)}, ${c.score === null ? '' : `score ${c.score}, `}${formatPoints(c.points)} points.`;
    return `${facts} ${c.scoringScheme} ${c.score === null ? '' : 'Refer to what the response said.'}`.trim();
  }

  protected rankText(rank: number | null): string {
    return rank === null ? 'Disqualified' : ordinal(rank);
  }

  protected startEditing(): void {
    const s = this.summary();
    this.explanations.set(Object.fromEntries(s.criteria.map((c) => [c.criterionId, c.explanation])));
    this.why.set(s.whyNotSuccessful ?? '');
    this.reset();
    this.editing.set(true);
    this.focusAfterRender(`${this.key()}-explanation-${s.criteria[0]?.criterionId}`);
  }

  protected cancel(): void {
    this.editing.set(false);
    this.reset();
    this.focusAfterRender(`${this.key()}-edit`);
  }

  protected explanationOf(criterionId: string): string {
    return this.explanations()[criterionId] ?? '';
  }

  protected typedExplanation(criterionId: string, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.explanations.update((all) => ({ ...all, [criterionId]: value }));
  }

  protected typedWhy(event: Event): void {
    this.why.set((event.target as HTMLTextAreaElement).value);
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const s = this.summary();
    this.reset();
    const errors: Record<string, string> = {};
    // A scored criterion needs its explanation; a parent's (the sum of its parts) may stay blank.
    for (const c of s.criteria) {
      if (c.score !== null && !this.explanationOf(c.criterionId).trim()) errors[c.criterionId] = `Explain the score for ${c.name}`;
    }
    if (!s.successful && !this.why().trim()) errors['why'] = `Say why ${s.supplierName} was not successful`;
    if (Object.keys(errors).length) {
      this.errors.set(errors);
      const first = Object.keys(errors)[0];
      document.getElementById(first === 'why' ? `${this.key()}-why` : `${this.key()}-explanation-${first}`)?.focus();
      return;
    }
    this.busy.set('save');
    const request = {
      // The server takes only non-blank explanations.
      explanations: s.criteria
        .map((c) => ({ criterionId: c.criterionId, explanation: this.explanationOf(c.criterionId).trim() }))
        .filter((e) => e.explanation),
      whyNotSuccessful: s.successful ? null : this.why().trim(),
    };
    this.api.editSummary(this.panelId(), s.responseId, s.revision, request).subscribe({
      next: () => {
        this.busy.set(null);
        this.editing.set(false);
        this.changed.emit(`Assessment summary for ${s.supplierName} saved. It is still a draft.`);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  /** Drops this buyer's edits for the colleague's saved version, only once they chose to. */
  protected loadLatest(): void {
    this.editing.set(false);
    this.reset();
    this.changed.emit('');
  }

  protected askIssue(): void {
    this.dialog()?.nativeElement.showModal();
  }

  protected dialogClosed(): void {
    if (!this.busy()) document.getElementById(`${this.key()}-issue`)?.focus();
  }

  protected issue(): void {
    const s = this.summary();
    this.dialog()?.nativeElement.close();
    this.busy.set('issue');
    this.reset();
    this.api.issueSummary(this.panelId(), s.responseId).subscribe({
      next: () => {
        this.busy.set(null);
        this.changed.emit(`Assessment summary issued to ${s.supplierName}.`);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.busy.set(null);
    const appError = toAppError(error);
    this.conflict.set(appError.status === 409 || appError.status === 412);
    const fieldErrors: Record<string, string> = {};
    for (const detail of appError.details) {
      if (detail.field === 'whyNotSuccessful') fieldErrors['why'] = detail.message;
    }
    this.errors.set(fieldErrors);
    if (!Object.keys(fieldErrors).length) this.failure.set(appError.message);
  }

  private focusAfterRender(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }

  private reset(): void {
    this.errors.set({});
    this.failure.set('');
    this.conflict.set(false);
  }
}
