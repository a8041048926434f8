import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AssessmentSummary,
  AwardDecision,
  AwardDecisionRequest,
  AwardState,
  EVALUATION_ROUTES,
  EditAssessmentSummaryRequest,
  EnterContractRequest,
  EvaluationPanel,
  EvaluationResults,
  PriceResult,
  PublishAwardNoticeRequest,
  RecordPriceInvestigationRequest,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

/** A lot's result and award: ranking, prices and sensitivity, the decision, assessment summaries and standstill. */
@Injectable({ providedIn: 'root' })
export class AwardApi {
  private readonly http = inject(HttpClient);

  panel(panelId: string): Observable<EvaluationPanel> {
    return this.http.get<EvaluationPanel>(API + EVALUATION_ROUTES.panel(this.id(panelId)));
  }

  results(panelId: string): Observable<EvaluationResults> {
    return this.http.get<EvaluationResults>(API + EVALUATION_ROUTES.results(this.id(panelId)));
  }

  /** A rejected abnormally low price disqualifies the response; an accepted one stays in. */
  recordInvestigation(panelId: string, responseId: string, request: RecordPriceInvestigationRequest): Observable<PriceResult> {
    return this.http.post<PriceResult>(API + EVALUATION_ROUTES.priceInvestigation(this.id(panelId), this.id(responseId)), request);
  }

  state(panelId: string): Observable<AwardState> {
    return this.http.get<AwardState>(API + EVALUATION_ROUTES.award(this.id(panelId)));
  }

  decide(panelId: string, request: AwardDecisionRequest): Observable<AwardDecision> {
    return this.http.post<AwardDecision>(API + EVALUATION_ROUTES.award(this.id(panelId)), request);
  }

  /** Refused (409/412) when a colleague saved the summary since `revision`: nothing is overwritten. */
  editSummary(panelId: string, responseId: string, revision: number, request: EditAssessmentSummaryRequest): Observable<AssessmentSummary> {
    const headers = new HttpHeaders({ 'If-Match': String(revision) });
    return this.http.put<AssessmentSummary>(API + EVALUATION_ROUTES.summary(this.id(panelId), this.id(responseId)), request, { headers });
  }

  issueSummary(panelId: string, responseId: string): Observable<AssessmentSummary> {
    return this.http.post<AssessmentSummary>(API + EVALUATION_ROUTES.issueSummary(this.id(panelId), this.id(responseId)), {});
  }

  publishNotice(panelId: string, request: PublishAwardNoticeRequest = {}): Observable<AwardDecision> {
    return this.http.post<AwardDecision>(API + EVALUATION_ROUTES.awardNotice(this.id(panelId)), request);
  }

  /** Refused by the server before the standstill ends. */
  enterContract(panelId: string, request: EnterContractRequest = {}): Observable<AwardDecision> {
    return this.http.post<AwardDecision>(API + EVALUATION_ROUTES.enterContract(this.id(panelId)), request);
  }

  summaryPdfUrl(panelId: string, responseId: string): string {
    return API + EVALUATION_ROUTES.summaryPdf(this.id(panelId), this.id(responseId));
  }

  reportUrl(panelId: string): string {
    return API + EVALUATION_ROUTES.report(this.id(panelId));
  }

  private id(value: string): string {
    return encodeURIComponent(value);
  }
}
