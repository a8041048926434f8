import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditTrailPage, TenderDetail } from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** A tender's audit trail: a page at a time, and the whole trail as CSV. */
@Injectable({ providedIn: 'root' })
export class AuditTrailApi {
  private readonly http = inject(HttpClient);

  /** Only used for the title and reference shown above the trail. */
  tender(id: string): Observable<TenderDetail> {
    return this.http.get<TenderDetail>(`/api/v1/tenders/${encodeURIComponent(id)}`);
  }

  /** Newest first. */
  page(id: string, page: number, pageSize: number): Observable<AuditTrailPage> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<AuditTrailPage>(`/api/v1/tenders/${encodeURIComponent(id)}/audit`, { params });
  }

  /** A plain link (the browser downloads it with the session cookie), oldest first. */
  csvUrl(id: string): string {
    return `/api/v1/tenders/${encodeURIComponent(id)}/audit.csv`;
  }
}
