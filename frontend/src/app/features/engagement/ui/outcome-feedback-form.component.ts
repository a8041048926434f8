import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { ENGAGEMENT_LIMITS, type EngagementFeedback, type EngagementFeedbackKind, type EngagementOutcome } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { EngagementApi } from '../data-access/engagement.api';
import { lengthMessage, newIdempotencyKey } from '../data-access/engagement-text';
import { FormProblem, problemsFromApi } from './form-problem';
import { FormProblems } from './form-problems.component';

/** How long typing must pause before a count is read out: announcing every key press drowns the reader. */
const ANNOUNCE_AFTER_MS = 1000;

/**
 * A supplier's feedback on one draft outcome: a comment, or an alternative outcome with the reason for it.
 * Checked here for a quick answer and again by the server, whose refusal is shown in the same summary.
 */
@Component({
  selector: 'ob-outcome-feedback-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormProblems],
  templateUrl: './outcome-feedback-form.component.html',
  styleUrls: ['../../../shared/ui/evaluation-forms.scss', './outcome-feedback-form.component.scss'],
})
export class OutcomeFeedbackForm {
  readonly engagementId = input.required<string>();
  readonly outcome = input.required<EngagementOutcome>();
  readonly given = output<EngagementFeedback>();

  private readonly api = inject(EngagementApi);
  protected readonly limits = ENGAGEMENT_LIMITS;

  protected readonly kind = signal<EngagementFeedbackKind>('comment');
  protected readonly text = signal('');
  protected readonly proposed = signal('');
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly busy = signal(false);
  /** Said once in the live region after sending; cleared as soon as they type again. */
  protected readonly confirmation = signal('');
  protected readonly announcedCount = signal('');

  protected readonly prefix = computed(() => `feedback-${this.outcome().requirementId}`);
  protected readonly ids = computed(() => {
    const p = this.prefix();
    return { kind: `${p}-kind`, comment: `${p}-kind-comment`, text: `${p}-text`, proposed: `${p}-proposed` };
  });
  protected readonly textCount = computed(() => lengthMessage(this.text(), ENGAGEMENT_LIMITS.feedbackText));
  protected readonly proposedCount = computed(() => lengthMessage(this.proposed(), ENGAGEMENT_LIMITS.proposedOutcome));
  protected readonly textOver = computed(() => this.text().length > ENGAGEMENT_LIMITS.feedbackText);
  protected readonly proposedOver = computed(() => this.proposed().length > ENGAGEMENT_LIMITS.proposedOutcome);
  protected readonly errorFor = computed(() => {
    const map = new Map<string, string>();
    for (const p of this.problems()) if (p.fieldId && !map.has(p.fieldId)) map.set(p.fieldId, p.message);
    return map;
  });

  /** Kept while the words are unchanged, so sending again after a lost answer cannot make a second copy. */
  private idempotencyKey: string | null = null;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.announceTimer));
  }

  protected setKind(kind: EngagementFeedbackKind): void {
    this.kind.set(kind);
    this.changed();
  }

  protected typed(which: 'text' | 'proposed', event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    (which === 'text' ? this.text : this.proposed).set(value);
    this.changed();
    clearTimeout(this.announceTimer);
    const message = which === 'text' ? this.textCount() : this.proposedCount();
    this.announceTimer = setTimeout(() => this.announcedCount.set(message), ANNOUNCE_AFTER_MS);
  }

  private changed(): void {
    this.idempotencyKey = null;
    this.confirmation.set('');
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const ids = this.ids();
    const alternative = this.kind() === 'alternative';
    const text = this.text().trim();
    const proposed = this.proposed().trim();
    const problems: FormProblem[] = [];
    if (alternative && !proposed) problems.push({ fieldId: ids.proposed, message: 'Enter the outcome as you would write it' });
    if (alternative && this.proposedOver()) {
      problems.push({
        fieldId: ids.proposed,
        message: `Your proposed outcome must be ${ENGAGEMENT_LIMITS.proposedOutcome.toLocaleString('en-GB')} characters or fewer`,
      });
    }
    if (!text) {
      problems.push({ fieldId: ids.text, message: alternative ? 'Enter why your outcome works better' : 'Enter your comment' });
    }
    if (this.textOver()) {
      problems.push({
        fieldId: ids.text,
        message: `${alternative ? 'Your reason' : 'Your comment'} must be ${ENGAGEMENT_LIMITS.feedbackText.toLocaleString('en-GB')} characters or fewer`,
      });
    }
    if (problems.length) {
      this.problems.set(problems);
      return;
    }
    this.problems.set([]);
    this.busy.set(true);
    this.idempotencyKey ??= newIdempotencyKey();
    const request = {
      requirementId: this.outcome().requirementId,
      kind: this.kind(),
      text,
      proposedOutcome: alternative ? proposed : null,
    };
    this.api.giveFeedback(this.engagementId(), request, this.idempotencyKey).subscribe({
      next: (feedback) => {
        this.busy.set(false);
        this.idempotencyKey = null;
        this.text.set('');
        this.proposed.set('');
        this.kind.set('comment');
        this.announcedCount.set('');
        this.confirmation.set(
          alternative
            ? `Your proposed outcome for outcome ${this.outcome().number} has been sent to the buyer.`
            : `Your comment on outcome ${this.outcome().number} has been sent to the buyer.`,
        );
        this.given.emit(feedback);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        const error = toAppError(failure);
        // A network failure keeps the key: sending again is then a retry of the same feedback.
        if (error.status !== 0) this.idempotencyKey = null;
        this.problems.set(problemsFromApi(error.message, error.details, { text: ids.text, proposedOutcome: ids.proposed }));
      },
    });
  }
}
