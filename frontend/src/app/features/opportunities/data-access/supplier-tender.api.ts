import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AskQuestionRequest,
  InterestState,
  OwnQuestion,
  StartResponseRequest,
  SupplierResponse,
  SupplierResponseSummary,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

/** What a signed-in supplier does on an opportunity: register interest, ask questions, start a response. */
@Injectable({ providedIn: 'root' })
export class SupplierTenderApi {
  private readonly http = inject(HttpClient);

  interest(tenderId: string): Observable<InterestState> {
    return this.http.get<InterestState>(`${this.tender(tenderId)}/interest`);
  }

  registerInterest(tenderId: string): Observable<InterestState> {
    return this.http.put<InterestState>(`${this.tender(tenderId)}/interest`, {});
  }

  withdrawInterest(tenderId: string): Observable<InterestState> {
    return this.http.delete<InterestState>(`${this.tender(tenderId)}/interest`);
  }

  /** Refused with 409 and a plain message once questions have closed. */
  ask(tenderId: string, request: AskQuestionRequest): Observable<OwnQuestion> {
    return this.http.post<OwnQuestion>(`${this.tender(tenderId)}/questions`, request);
  }

  /** This supplier organisation's questions, with answers given to everyone or privately to it. */
  ownQuestions(tenderId: string): Observable<OwnQuestion[]> {
    return this.http.get<OwnQuestion[]>(`${this.tender(tenderId)}/questions/mine`);
  }

  /** Every response of this supplier organisation, to every tender. */
  responses(): Observable<SupplierResponseSummary[]> {
    return this.http.get<SupplierResponseSummary[]>(`${API}/responses`);
  }

  /** Starts a response to one lot, or returns the one that already exists. */
  startResponse(request: StartResponseRequest): Observable<SupplierResponse> {
    return this.http.post<SupplierResponse>(`${API}/responses`, request);
  }

  private tender(tenderId: string): string {
    return `${API}/tenders/${encodeURIComponent(tenderId)}`;
  }
}
