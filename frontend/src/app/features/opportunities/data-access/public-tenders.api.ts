import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PublishedTenderSummary, PublishedTenderView } from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** Published tenders anyone can read, signed in or not. */
@Injectable({ providedIn: 'root' })
export class PublicTendersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<PublishedTenderSummary[]> {
    return this.http.get<PublishedTenderSummary[]>('/api/v1/public/tenders');
  }

  /** The latest published version, with the log of earlier versions. */
  get(id: string): Observable<PublishedTenderView> {
    return this.http.get<PublishedTenderView>(`/api/v1/public/tenders/${encodeURIComponent(id)}`);
  }
}
