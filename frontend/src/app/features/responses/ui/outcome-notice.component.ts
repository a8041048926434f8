import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { API_PREFIX, EVALUATION_ROUTES, ResponseOutcome } from '@openbrief/contracts';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { Notice } from '../../../shared/ui/notice.component';

/** Once the buyer has issued the assessment summary: the outcome, when the summary was issued, and the summary itself. */
@Component({
  selector: 'ob-outcome-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Notice],
  template: `
    @let o = outcome();
    <ob-notice [tone]="o.successful ? 'success' : 'info'" [heading]="heading()">
      <p>
        Your assessment summary was issued on <time [attr.datetime]="o.summaryIssuedAt">{{ issuedOn() }}</time>. It explains how your
        response was scored against each criterion{{ o.successful ? '' : ', and why it was not successful' }}.
      </p>
      <p><a [href]="pdfUrl()" download>Download your assessment summary (PDF)</a></p>
    </ob-notice>
  `,
})
export class OutcomeNotice {
  readonly outcome = input.required<ResponseOutcome>();
  readonly responseId = input.required<string>();

  protected readonly heading = computed(() => `Outcome: ${this.outcome().successful ? 'successful' : 'not successful'}`);
  protected readonly issuedOn = computed(() => formatUkDate(this.outcome().summaryIssuedAt, 'date'));
  protected readonly pdfUrl = computed(
    () => this.outcome().summaryPdfPath || `/${API_PREFIX}${EVALUATION_ROUTES.supplierSummaryPdf(encodeURIComponent(this.responseId()))}`,
  );
}
