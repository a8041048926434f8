import { ChangeDetectionStrategy, Component, ElementRef, OnInit, computed, inject, output, signal, viewChild } from '@angular/core';
import { MissingItem, ResponseStatus, SubmissionReceipt } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import { SummaryError } from '../../../shared/forms/form-errors';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { focusElementById } from '../../../shared/ui/focus';
import { newIdempotencyKey } from '../data-access/idempotency-key';
import { ResponseEditorStore } from '../data-access/response-editor.store';
import { fieldIds } from '../data-access/response-labels';
import { ResponsesApi } from '../data-access/responses.api';

export function missingFieldId(item: MissingItem): string {
  if (item.kind === 'answer' && item.id) return fieldIds.answer(item.id);
  if (item.kind === 'declaration' && item.id) return fieldIds.declaration(item.id);
  return fieldIds.price;
}

/**
 * Check and submit: what is still missing (each a link to its field) before Submit works; then the receipt
 * (server time in UK time, version, SHA-256, PDF), withdraw (after a confirm dialog) and submit again, and
 * every submission made. A retried submit sends the same Idempotency-Key, so it never makes a second one.
 */
@Component({
  selector: 'ob-submission-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary],
  host: { class: 'submission' },
  template: `
    @let r = store.response()!;
    @if (summary().length) {
      <ob-error-summary [errors]="summary()" />
    }
    @if (r.receipt && r.status !== withdrawn) {
      <section class="receipt" aria-labelledby="receipt-title">
        <h3 id="receipt-title" class="receipt__title" tabindex="-1">
          @if (r.status === opened) {
            Your response was submitted and has been opened by the buyer
          } @else {
            Your response has been submitted
          }
        </h3>
        <dl class="receipt__facts">
          <dt>Received</dt>
          <dd>{{ uk(r.receipt.submittedAt) }} (UK time)</dd>
          <dt>Submission</dt>
          <dd>Number {{ r.receipt.sequence }}</dd>
          <dt>Tender version</dt>
          <dd>{{ r.receipt.tenderReference }}, version {{ r.receipt.tenderVersion }}, lot {{ r.receipt.lotNumber }}</dd>
          <dt>SHA-256 fingerprint</dt>
          <dd class="receipt__hash">{{ r.receipt.sha256 }}</dd>
        </dl>
        <p class="rf-hint">
          The fingerprint is worked out from exactly what you submitted. The buyer sees the same fingerprint when they open the responses,
          so you can check nothing was changed.
        </p>
        <p><a [href]="pdfUrl(r.receipt)" download>Download receipt (PDF)</a></p>
      </section>
    } @else if (r.status === withdrawn) {
      <div class="notice notice--warning">
        <p><strong>You withdrew your response.</strong> It will not be considered unless you submit it again before the deadline.</p>
      </div>
    }

    @if (store.open()) {
      @if (r.status === draft || r.status === withdrawn) {
        @if (stillToDo().length) {
          <h3 class="submission__subtitle">Still to do before you can submit</h3>
          <ul class="submission__todo">
            @for (item of stillToDo(); track $index) {
              <li>
                <a [href]="'#' + item.fieldId" (click)="goTo($event, item.fieldId)">{{ item.message }}</a>
              </li>
            }
          </ul>
        } @else {
          <p>Everything the tender asks for is answered. Check your answers, then submit.</p>
        }
      } @else {
        <p>
          To change your response before the deadline, withdraw it, make your changes, then submit again. Only the last submission counts,
          and every submission is kept.
        </p>
      }
      @if (problem()) {
        <div class="notice notice--warning" role="alert">
          <p>{{ problem() }}</p>
          @if (retryable()) {
            <button type="button" class="text-button" (click)="submit()">Try again</button>
          }
        </div>
      }
      <div class="rf-actions">
        @if (r.status !== submitted) {
          <button type="button" class="rf-button rf-button--primary" id="submit-response" [disabled]="busy()" (click)="submit()">
            {{ r.status === draft ? 'Submit your response' : 'Submit again' }}
          </button>
        } @else {
          <button type="button" class="rf-button rf-button--warning" id="withdraw-response" [disabled]="busy()" (click)="askWithdraw()">
            Withdraw your response
          </button>
        }
      </div>
      @if (busy()) {
        <p role="status">{{ busyText() }}</p>
      }
    } @else {
      <p class="submission__closed">
        @if (r.status === opened) {
          The buyer has opened the responses. Nothing can be changed now.
        } @else {
          The deadline has passed. Your response can no longer be changed, submitted or withdrawn.
        }
      </p>
    }

    <div class="visually-hidden" role="status">{{ spoken() }}</div>

    @if (receipts().length) {
      <h3 class="submission__subtitle" id="submissions-title">All your submissions</h3>
      <div class="submission__table-wrap">
        <table class="submission__table" aria-labelledby="submissions-title">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Received (UK time)</th>
              <th scope="col">Version</th>
              <th scope="col">SHA-256 fingerprint</th>
              <th scope="col"><span class="visually-hidden">Receipt</span></th>
            </tr>
          </thead>
          <tbody>
            @for (receipt of receipts(); track receipt.submissionId) {
              <tr>
                <td data-label="Number">{{ receipt.sequence }}</td>
                <td data-label="Received">{{ uk(receipt.submittedAt) }}</td>
                <td data-label="Version">{{ receipt.tenderVersion }}</td>
                <td data-label="SHA-256" class="receipt__hash">{{ receipt.sha256 }}</td>
                <td>
                  <a [href]="pdfUrl(receipt)" download
                    >Receipt (PDF)<span class="visually-hidden"> for submission {{ receipt.sequence }}</span></a
                  >
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }

    <dialog #withdrawDialog class="confirm" aria-labelledby="withdraw-title" aria-describedby="withdraw-text" (close)="dialogClosed()">
      <h2 id="withdraw-title" class="confirm__title">Withdraw your response?</h2>
      <p id="withdraw-text">
        The buyer will not consider it unless you submit again before the deadline. Your answers stay saved, and every submission you made
        is kept.
      </p>
      <div class="rf-actions">
        <button type="button" class="rf-button rf-button--warning" (click)="withdraw()">Yes, withdraw it</button>
        <button type="button" class="rf-button" (click)="withdrawDialog.close()">No, keep it submitted</button>
      </div>
    </dialog>
  `,
  styleUrl: './submission-panel.component.scss',
})
export class SubmissionPanel implements OnInit {
  protected readonly store = inject(ResponseEditorStore);
  private readonly api = inject(ResponsesApi);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('withdrawDialog');
  /** Tells the page which fields to mark after a refused submit. */
  readonly attempted = output<MissingItem[]>();

  protected readonly draft = ResponseStatus.Draft;
  protected readonly submitted = ResponseStatus.Submitted;
  protected readonly withdrawn = ResponseStatus.Withdrawn;
  protected readonly opened = ResponseStatus.Opened;

  protected readonly receipts = signal<SubmissionReceipt[]>([]);
  protected readonly busy = signal(false);
  protected readonly busyText = signal('');
  protected readonly problem = signal('');
  protected readonly retryable = signal(false);
  protected readonly spoken = signal('');
  protected readonly summary = signal<SummaryError[]>([]);
  /** Kept until the server has answered, so "Try again" repeats the same submission rather than making a new one. */
  private pendingKey: string | null = null;

  protected readonly stillToDo = computed<SummaryError[]>(() => [
    ...this.store.problems(),
    ...(this.store.response()?.missing ?? []).map((m) => ({ fieldId: missingFieldId(m), message: m.label })),
  ]);

  ngOnInit(): void {
    this.loadReceipts();
  }

  protected uk(iso: string): string {
    return formatUkDate(iso);
  }

  protected pdfUrl(receipt: SubmissionReceipt): string {
    return receipt.pdfPath || this.api.receiptPdfUrl(receipt.responseId, receipt.submissionId);
  }

  protected goTo(event: Event, fieldId: string): void {
    event.preventDefault();
    focusElementById(fieldId);
  }

  protected async submit(): Promise<void> {
    const response = this.store.response();
    if (!response || this.busy()) return;
    this.problem.set('');
    this.retryable.set(false);
    this.summary.set([]);
    this.busy.set(true);
    this.busyText.set('Saving your latest changes…');
    try {
      const saved = await this.store.flush();
      if (!saved) {
        this.showSummary(
          this.store.problems().length
            ? this.store.problems()
            : [
                {
                  fieldId: '',
                  message: this.store.conflict()
                    ? 'Someone else saved this response first: load their version, then submit.'
                    : 'Your latest changes could not be saved yet. Try again in a moment.',
                },
              ],
        );
        return;
      }
      const missing = this.store.response()?.missing ?? [];
      if (missing.length) {
        this.attempted.emit(missing);
        this.showSummary(missing.map((m) => ({ fieldId: missingFieldId(m), message: m.label })));
        return;
      }
      this.busyText.set('Submitting your response…');
      this.pendingKey ??= newIdempotencyKey();
      const receipt = await firstValueFrom(this.api.submit(response.id, this.pendingKey));
      this.pendingKey = null;
      await this.reload();
      this.receipts.update((list) => [receipt, ...list.filter((r) => r.submissionId !== receipt.submissionId)]);
      this.spoken.set(`Your response has been submitted. Submission number ${receipt.sequence}.`);
      setTimeout(() => document.getElementById('receipt-title')?.focus());
    } catch (cause: unknown) {
      await this.refused(toAppError(cause));
    } finally {
      this.busy.set(false);
    }
  }

  protected askWithdraw(): void {
    this.dialog().nativeElement.showModal();
  }

  protected dialogClosed(): void {
    // Back to where the supplier was, unless the withdrawal moved focus on.
    if (!this.busy()) document.getElementById('withdraw-response')?.focus();
  }

  protected async withdraw(): Promise<void> {
    const response = this.store.response();
    if (!response) return;
    this.busy.set(true);
    this.busyText.set('Withdrawing your response…');
    this.dialog().nativeElement.close();
    try {
      const updated = await firstValueFrom(this.api.withdraw(response.id));
      this.store.refreshMeta(updated);
      this.spoken.set('Your response has been withdrawn. Submit it again before the deadline for it to be considered.');
      this.problem.set('');
    } catch (cause: unknown) {
      const error = toAppError(cause);
      this.store.noteClosed(error);
      this.problem.set(`Your response was not withdrawn. ${error.message}`);
    } finally {
      this.busy.set(false);
      setTimeout(() => document.getElementById('submit-response')?.focus());
    }
  }

  private async refused(error: AppError): Promise<void> {
    if (error.status === 0 || error.status >= 500) {
      // The submission may or may not have arrived: the same key makes a retry safe either way.
      this.problem.set(`We do not know whether your response arrived. ${error.message}`);
      this.retryable.set(true);
      return;
    }
    this.pendingKey = null;
    if (error.status === 422) {
      await this.reload().catch(() => undefined);
      const missing = this.store.response()?.missing ?? [];
      this.attempted.emit(missing);
      this.showSummary(
        missing.length
          ? missing.map((m) => ({ fieldId: missingFieldId(m), message: m.label }))
          : error.details
              .map((d) => ({ fieldId: '', message: d.message }))
              .concat(error.details.length ? [] : [{ fieldId: '', message: error.message }]),
      );
      return;
    }
    this.store.noteClosed(error);
    this.problem.set(`Your response was not submitted. ${error.message}`);
  }

  private showSummary(errors: SummaryError[]): void {
    this.summary.set(errors);
  }

  private async reload(): Promise<void> {
    const response = this.store.response();
    if (!response) return;
    const current = await firstValueFrom(this.api.get(response.id));
    if (this.store.dirty()) this.store.refreshMeta(current);
    else this.store.replace(current);
  }

  private loadReceipts(): void {
    const response = this.store.response();
    if (!response) return;
    this.api.receipts(response.id).subscribe({
      next: (list) => this.receipts.set([...list].sort((a, b) => b.sequence - a.sequence)),
      error: () => this.receipts.set(response.receipt ? [response.receipt] : []),
    });
  }
}
