import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TenderComparison, TenderDetail, TenderHistoryEntry } from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** A tender's history (saved revisions and published versions) and the comparison of two revisions. */
@Injectable({ providedIn: 'root' })
export class TenderHistoryApi {
  private readonly http = inject(HttpClient);

  /** Only used for the title and status shown above the history. */
  tender(id: string): Observable<TenderDetail> {
    return this.http.get<TenderDetail>(`/api/v1/tenders/${encodeURIComponent(id)}`);
  }

  /** Newest first. */
  history(id: string): Observable<TenderHistoryEntry[]> {
    return this.http.get<TenderHistoryEntry[]>(`/api/v1/tenders/${encodeURIComponent(id)}/history`);
  }

  compare(id: string, from: number, to: number): Observable<TenderComparison> {
    const params = new HttpParams().set('from', from).set('to', to);
    return this.http.get<TenderComparison>(`/api/v1/tenders/${encodeURIComponent(id)}/compare`, { params });
  }
}
