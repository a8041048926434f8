import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { OpeningRecord, OpeningState, ResponseCounts } from '@openbrief/contracts';
import { Observable } from 'rxjs';

const tenderUrl = (tenderId: string) => `/api/v1/tenders/${encodeURIComponent(tenderId)}/responses`;

/** What the buying team may know of responses: numbers before opening, then the opened list with receipt hashes. */
@Injectable({ providedIn: 'root' })
export class ResponsesPanelApi {
  private readonly http = inject(HttpClient);

  counts(tenderId: string): Observable<ResponseCounts> {
    return this.http.get<ResponseCounts>(`${tenderUrl(tenderId)}/counts`);
  }

  opening(tenderId: string): Observable<OpeningRecord> {
    return this.http.get<OpeningRecord>(`${tenderUrl(tenderId)}/opening`);
  }

  /** Opens at once, or (two-person opening) asks a colleague to confirm. Refused before the deadline. */
  open(tenderId: string): Observable<OpeningState> {
    return this.http.post<OpeningState>(`${tenderUrl(tenderId)}/open`, {});
  }

  /** By a different member of the buying team from the one who asked. */
  confirm(tenderId: string): Observable<OpeningState> {
    return this.http.post<OpeningState>(`${tenderUrl(tenderId)}/open/confirm`, {});
  }
}
