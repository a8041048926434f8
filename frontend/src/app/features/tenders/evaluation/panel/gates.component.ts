import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { type EvaluationPanel, type GateResult, type PanelBidder } from '@openbrief/contracts';
import { toAppError } from '../../../../core/http/app-error';
import { type SummaryError } from '../../../../shared/forms/form-errors';
import { PanelApi } from '../panel.api';
import { type GateDraft, gateErrors, gateFieldIds, gateText } from './gate-draft';

/**
 * Gates per response: pass/fail requirements and the quality threshold, applied as published. The buying team may
 * fail a requirement on the evidence (or restore it), always with a reason; a failed response is not scored further.
 */
@Component({
  selector: 'ob-gates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gates.component.html',
  styleUrls: ['../../../../shared/ui/evaluation-forms.scss', './gates.component.scss'],
})
export class Gates {
  readonly panel = input.required<EvaluationPanel>();
  /** The lot's pass/fail requirements. */
  readonly requirements = input.required<readonly { id: string; outcome: string }[]>();
  readonly problems = output<SummaryError[]>();
  readonly recorded = output<void>();

  private readonly api = inject(PanelApi);
  private readonly drafts = signal<Record<string, GateDraft>>({});
  protected readonly errors = signal<Record<string, SummaryError[]>>({});
  protected readonly busy = signal<string | null>(null);
  protected readonly fieldIds = gateFieldIds;
  protected readonly gateText = gateText;

  protected results(bidder: PanelBidder): GateResult[] {
    return this.panel().gates.filter((g) => g.responseId === bidder.responseId);
  }

  protected failed(bidder: PanelBidder): boolean {
    return this.results(bidder).some((g) => !g.passed);
  }

  protected draft(responseId: string): GateDraft {
    return this.drafts()[responseId] ?? { requirementId: '', passed: null, reason: '' };
  }

  protected error(responseId: string, fieldId: string): string {
    return this.errors()[responseId]?.find((e) => e.fieldId === fieldId)?.message ?? '';
  }

  protected set(responseId: string, change: Partial<GateDraft>): void {
    this.drafts.update((all) => ({ ...all, [responseId]: { ...this.draft(responseId), ...change } }));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  }

  protected record(bidder: PanelBidder, event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const draft = this.draft(bidder.responseId);
    const errors = gateErrors(bidder, draft);
    this.errors.update((e) => ({ ...e, [bidder.responseId]: errors }));
    this.problems.emit(errors);
    if (errors.length || draft.passed === null) return;
    this.busy.set(bidder.responseId);
    const request = { requirementId: draft.requirementId, passed: draft.passed, reason: draft.reason.trim() };
    this.api.recordGate(this.panel().id, bidder.responseId, request).subscribe({
      next: () => {
        this.busy.set(null);
        this.drafts.update((all) => ({ ...all, [bidder.responseId]: { requirementId: '', passed: null, reason: '' } }));
        this.recorded.emit();
      },
      error: (cause: unknown) => {
        this.busy.set(null);
        const shown = [{ fieldId: gateFieldIds(bidder.responseId).requirement, message: toAppError(cause).message }];
        this.errors.update((e) => ({ ...e, [bidder.responseId]: shown }));
        this.problems.emit(shown);
      },
    });
  }
}
