import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TenderComparison, TenderDetail, TenderRevisionSummary } from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** A tender's saved revisions and the comparison of two of them. */
@Injectable({ providedIn: 'root' })
export class TenderHistoryApi {
  private readonly http = inject(HttpClient);

  /** Only used for the title and status shown above the history. */
  tender(id: string): Observable<TenderDetail> {
    return this.http.get<TenderDetail>(`/api/v1/tenders/${encodeURIComponent(id)}`);
  }

  /** Newest first. */
  revisions(id: string): Observable<TenderRevisionSummary[]> {
    return this.http.get<TenderRevisionSummary[]>(`/api/v1/tenders/${encodeURIComponent(id)}/revisions`);
  }

  compare(id: string, from: number, to: number): Observable<TenderComparison> {
    const params = new HttpParams().set('from', from).set('to', to);
    return this.http.get<TenderComparison>(`/api/v1/tenders/${encodeURIComponent(id)}/compare`, { params });
  }
}
