import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { type DeclareConflictsRequest, type PanelBidder } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { type SummaryError } from '../../../shared/forms/form-errors';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { EvaluationApi } from '../data-access/evaluation.api';
import { type DeclarationDraft, declarationErrors, declarationFieldId, detailsFieldId } from '../data-access/declaration-draft';

/**
 * One fieldset per bidder, "No conflict" or "I have a conflict" with details, sent all at once: the evaluator sees
 * no response before declaring against every bidder, and a declared conflict removes them from that bidder.
 */
@Component({
  selector: 'ob-conflict-declarations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary],
  templateUrl: './conflict-declarations.component.html',
  styleUrl: '../../../shared/ui/evaluation-forms.scss',
})
export class ConflictDeclarations {
  readonly panelId = input.required<string>();
  readonly bidders = input.required<readonly PanelBidder[]>();
  /** Declarations recorded: the page reloads the workspace. */
  readonly declared = output<void>();

  private readonly api = inject(EvaluationApi);
  private readonly drafts = signal<Record<string, DeclarationDraft>>({});
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly busy = signal(false);
  private readonly errorFor = computed(() => new Map(this.errors().map((e) => [e.fieldId, e.message])));

  protected readonly choiceId = declarationFieldId;
  protected readonly detailsId = detailsFieldId;

  protected draft(responseId: string): DeclarationDraft {
    return this.drafts()[responseId] ?? { conflict: null, details: '' };
  }

  protected error(fieldId: string): string {
    return this.errorFor().get(fieldId) ?? '';
  }

  protected choose(responseId: string, conflict: boolean): void {
    this.update(responseId, { conflict });
  }

  protected typed(responseId: string, event: Event): void {
    this.update(responseId, { details: (event.target as HTMLTextAreaElement).value });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const errors = declarationErrors(this.bidders(), this.drafts());
    this.errors.set(errors);
    if (errors.length) return;
    const request: DeclareConflictsRequest = {
      declarations: this.bidders().map((b) => {
        const d = this.draft(b.responseId);
        return { responseId: b.responseId, conflict: d.conflict === true, details: d.conflict ? d.details.trim() : '' };
      }),
    };
    this.busy.set(true);
    this.api.declare(this.panelId(), request).subscribe({
      next: () => {
        this.busy.set(false);
        this.declared.emit();
      },
      error: (cause: unknown) => {
        this.busy.set(false);
        const error = toAppError(cause);
        this.errors.set([{ fieldId: '', message: error.message }, ...error.details.map((d) => ({ fieldId: '', message: d.message }))]);
      },
    });
  }

  private update(responseId: string, change: Partial<DeclarationDraft>): void {
    this.drafts.update((all) => ({ ...all, [responseId]: { ...this.draft(responseId), ...change } }));
  }
}
