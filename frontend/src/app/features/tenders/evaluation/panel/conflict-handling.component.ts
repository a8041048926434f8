import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { type ConflictDeclaration, type EvaluationPanel } from '@openbrief/contracts';
import { toAppError } from '../../../../core/http/app-error';
import { type SummaryError } from '../../../../shared/forms/form-errors';
import { UkDatePipe } from '../../../../shared/pipes/uk-date.pipe';
import { PanelApi } from '../panel.api';
import { MIN_REASON_CHARS } from './gate-draft';

/** Every evaluator's declarations for a lot, and for each declared conflict how the buying team handled it (audited). */
@Component({
  selector: 'ob-conflict-handling',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UkDatePipe],
  templateUrl: './conflict-handling.component.html',
  styleUrl: '../../../../shared/ui/evaluation-forms.scss',
})
export class ConflictHandling {
  readonly panel = input.required<EvaluationPanel>();
  readonly problems = output<SummaryError[]>();
  readonly recorded = output<void>();

  private readonly api = inject(PanelApi);
  private readonly texts = signal<Record<string, string>>({});
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly busy = signal<string | null>(null);

  protected fieldId(declaration: ConflictDeclaration): string {
    return `handling-${declaration.id}`;
  }

  protected text(declaration: ConflictDeclaration): string {
    return this.texts()[declaration.id] ?? '';
  }

  protected typed(declaration: ConflictDeclaration, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.texts.update((t) => ({ ...t, [declaration.id]: value }));
  }

  /** Evaluators who have not declared yet: the panel waits for them. */
  protected waitingFor(panel: EvaluationPanel): string[] {
    const declared = new Set(panel.declarations.map((d) => d.evaluatorId));
    return panel.evaluators.filter((e) => !declared.has(e.userId)).map((e) => e.name);
  }

  protected record(declaration: ConflictDeclaration, event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const handling = this.text(declaration).trim();
    if (handling.length < MIN_REASON_CHARS) {
      this.fail(
        declaration,
        `Say how the conflict between ${declaration.evaluatorName} and ${declaration.supplierName} was handled, in at least ${MIN_REASON_CHARS} characters`,
      );
      return;
    }
    this.busy.set(declaration.id);
    this.api.recordHandling(this.panel().id, declaration.id, { handling }).subscribe({
      next: () => {
        this.busy.set(null);
        this.errors.update((e) => ({ ...e, [declaration.id]: '' }));
        this.problems.emit([]);
        this.recorded.emit();
      },
      error: (cause: unknown) => {
        this.busy.set(null);
        this.fail(declaration, toAppError(cause).message);
      },
    });
  }

  private fail(declaration: ConflictDeclaration, message: string): void {
    this.errors.update((e) => ({ ...e, [declaration.id]: message }));
    this.problems.emit([{ fieldId: this.fieldId(declaration), message }]);
  }
}
