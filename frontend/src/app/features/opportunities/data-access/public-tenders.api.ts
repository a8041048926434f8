import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PublishedClarification, PublishedTenderPage, PublishedTenderView } from '@openbrief/contracts';
import { Observable } from 'rxjs';
import { type SearchChoices, searchParams } from './tender-search';

const PUBLIC_TENDERS = '/api/v1/public/tenders';

/** Published tenders anyone can read, signed in or not. */
@Injectable({ providedIn: 'root' })
export class PublicTendersApi {
  private readonly http = inject(HttpClient);

  /**
   * One page of the tenders that match the search (every public tender, newest first, when it is empty);
   * pass the previous page's nextCursor, with the same search, for the next one.
   */
  list(search: SearchChoices = {}, cursor?: string | null): Observable<PublishedTenderPage> {
    let params = new HttpParams({ fromObject: searchParams(search) });
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<PublishedTenderPage>(PUBLIC_TENDERS, { params });
  }

  /** The latest published version, with the log of earlier versions. */
  get(id: string): Observable<PublishedTenderView> {
    return this.http.get<PublishedTenderView>(`${PUBLIC_TENDERS}/${encodeURIComponent(id)}`);
  }

  /** Answers published to everyone, in the order they were published; never says who asked. */
  clarifications(id: string): Observable<PublishedClarification[]> {
    return this.http.get<PublishedClarification[]>(`${PUBLIC_TENDERS}/${encodeURIComponent(id)}/clarifications`);
  }

  /** The questions and answers annex of the tender pack. */
  clarificationsPdfUrl(id: string): string {
    return `${PUBLIC_TENDERS}/${encodeURIComponent(id)}/clarifications.pdf`;
  }
}
