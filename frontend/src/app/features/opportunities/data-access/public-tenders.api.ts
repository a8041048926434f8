import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PublishedTenderPage, PublishedTenderView } from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** Published tenders anyone can read, signed in or not. */
@Injectable({ providedIn: 'root' })
export class PublicTendersApi {
  private readonly http = inject(HttpClient);

  /** One page, newest publication first; pass the previous page's nextCursor for the next one. */
  list(cursor?: string | null): Observable<PublishedTenderPage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<PublishedTenderPage>('/api/v1/public/tenders', { params });
  }

  /** The latest published version, with the log of earlier versions. */
  get(id: string): Observable<PublishedTenderView> {
    return this.http.get<PublishedTenderView>(`/api/v1/public/tenders/${encodeURIComponent(id)}`);
  }
}
