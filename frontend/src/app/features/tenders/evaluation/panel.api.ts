import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  EVALUATION_ROUTES,
  type FormPanelRequest,
  type RecordConflictHandlingRequest,
  type RecordGateRequest,
  type TenderEvaluation,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

const api = (path: string) => `/api/v1${path}`;

/** The buying team's side of a panel: the overview, forming the panel, handling declared conflicts, gates. */
@Injectable({ providedIn: 'root' })
export class PanelApi {
  private readonly http = inject(HttpClient);

  overview(tenderId: string): Observable<TenderEvaluation> {
    return this.http.get<TenderEvaluation>(api(EVALUATION_ROUTES.tenderEvaluation(tenderId)));
  }

  /**
   * Forms the lot's panel (revision 0), or re-forms it before any score is submitted with the revision read, so two
   * colleagues never overwrite each other's panel. The page reloads the overview after.
   */
  formPanel(tenderId: string, lotId: string, revision: number, request: FormPanelRequest): Observable<unknown> {
    return this.http.put(api(EVALUATION_ROUTES.formPanel(tenderId, lotId)), request, {
      headers: new HttpHeaders({ 'If-Match': String(revision) }),
    });
  }

  recordHandling(panelId: string, declarationId: string, request: RecordConflictHandlingRequest): Observable<unknown> {
    return this.http.post(api(EVALUATION_ROUTES.conflictHandling(panelId, declarationId)), request);
  }

  recordGate(panelId: string, responseId: string, request: RecordGateRequest): Observable<unknown> {
    return this.http.post(api(EVALUATION_ROUTES.gate(panelId, responseId)), request);
  }
}
