import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, signal } from '@angular/core';
import { EDITABLE_TENDER_STATUSES, type EngagementFeedback } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { focusElementById } from '../../../shared/ui/focus';
import { EngagementApi } from '../../engagement/data-access/engagement.api';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { EngagementFeedbackStore } from './engagement-feedback.store';

/**
 * Market engagement feedback beside one draft requirement: who said what, and for a proposed outcome, "Adopt this
 * wording". Adopting is an ordinary edit of the outcome (the same path typing takes, live or saved over HTTP), saved
 * first, then recorded with the API so the supplier is credited in the history.
 */
@Component({
  selector: 'ob-requirement-feedback',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UkDatePipe],
  templateUrl: './requirement-feedback.component.html',
  styleUrl: './requirement-feedback.component.scss',
})
export class RequirementFeedback {
  readonly lotId = input.required<string>();
  readonly requirementId = input.required<string>();
  /** "1.2", as the editor numbers it. */
  readonly number = input.required<string>();

  private readonly editor = inject(TenderEditorStore);
  private readonly feedbackStore = inject(EngagementFeedbackStore);
  private readonly api = inject(EngagementApi);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);

  protected readonly tenderId = computed(() => this.editor.tender()?.id ?? null);
  protected readonly items = computed(() => {
    const tenderId = this.tenderId();
    return tenderId ? this.feedbackStore.feedbackOn(tenderId, this.requirementId()) : [];
  });
  protected readonly editable = computed(() => {
    const status = this.editor.tender()?.status;
    return !!status && EDITABLE_TENDER_STATUSES.includes(status);
  });
  protected readonly currentOutcome = computed(() => {
    const lot = this.editor.content()?.lots.find((l) => l.id === this.lotId());
    return lot?.requirements.find((r) => r.id === this.requirementId())?.outcome ?? '';
  });
  protected readonly busyId = signal<string | null>(null);
  protected readonly problem = signal<{ id: string; message: string } | null>(null);
  protected readonly headingId = computed(() => `engagement-feedback-${this.requirementId()}`);

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      if (tenderId) void this.feedbackStore.ensure(tenderId);
    });
  }

  protected async adopt(feedback: EngagementFeedback): Promise<void> {
    const tenderId = this.tenderId();
    const proposed = feedback.proposedOutcome?.trim();
    if (!tenderId || !proposed || this.busyId()) return;
    this.busyId.set(feedback.id);
    this.problem.set(null);
    try {
      // The same call a typed edit of the outcome makes; then wait until the draft has it, before crediting.
      this.editor.setRequirement(this.lotId(), this.requirementId(), { outcome: proposed });
      if (!(await this.editor.flush())) {
        this.fail(
          feedback,
          'The new wording is in the draft but is not saved yet, so the adoption has not been recorded. Try again once the draft is saved.',
        );
        return;
      }
      const adopted = await firstValueFrom(this.api.adopt(feedback.id));
      this.feedbackStore.replace(tenderId, adopted);
      void this.announcer.announce(
        `Adopted. The outcome of requirement ${this.number()} now uses the wording from ${feedback.supplierName ?? 'the supplier'}.`,
        'polite',
      );
      // The button has gone: focus moves to the line that replaced it.
      afterNextRender(() => focusElementById(`adopted-${feedback.id}`), { injector: this.injector });
    } catch (error: unknown) {
      this.fail(feedback, toAppError(error).message);
    } finally {
      this.busyId.set(null);
    }
  }

  private fail(feedback: EngagementFeedback, message: string): void {
    this.problem.set({ id: feedback.id, message });
    afterNextRender(() => focusElementById(`adopt-problem-${feedback.id}`), { injector: this.injector });
  }
}
