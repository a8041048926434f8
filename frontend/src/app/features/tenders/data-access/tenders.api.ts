import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ChangeTenderStatusRequest,
  CreateTenderRequest,
  PublishBlocker,
  PublishTenderRequest,
  PublishedVersion,
  SaveTenderRequest,
  TenderDetail,
  TenderListItem,
  TenderRevisionSummary,
  TenderTemplateSummary,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

const API = '/api/v1';

/** The signed-in buyer's own organisation's tenders. */
@Injectable({ providedIn: 'root' })
export class TendersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<TenderListItem[]> {
    return this.http.get<TenderListItem[]>(`${API}/tenders`);
  }

  templates(): Observable<TenderTemplateSummary[]> {
    return this.http.get<TenderTemplateSummary[]>(`${API}/tender-templates`);
  }

  create(request: CreateTenderRequest): Observable<TenderDetail> {
    return this.http.post<TenderDetail>(`${API}/tenders`, request);
  }

  get(id: string): Observable<TenderDetail> {
    return this.http.get<TenderDetail>(`${API}/tenders/${encodeURIComponent(id)}`);
  }

  /** Refused with 409 when someone saved since `request.revision`. */
  save(id: string, request: SaveTenderRequest): Observable<TenderDetail> {
    return this.http.put<TenderDetail>(`${API}/tenders/${encodeURIComponent(id)}`, request);
  }

  publicationCheck(id: string): Observable<PublishBlocker[]> {
    return this.http.get<PublishBlocker[]>(`${API}/tenders/${encodeURIComponent(id)}/publication-check`);
  }

  /** 422 with the blockers (as error details) when the tender is not ready. */
  publish(id: string, request: PublishTenderRequest): Observable<PublishedVersion> {
    return this.http.post<PublishedVersion>(`${API}/tenders/${encodeURIComponent(id)}/publish`, request);
  }

  changeStatus(id: string, request: ChangeTenderStatusRequest): Observable<TenderDetail> {
    return this.http.post<TenderDetail>(`${API}/tenders/${encodeURIComponent(id)}/status`, request);
  }

  /** Newest first: who saved which revision, and which fields it changed. */
  revisions(id: string): Observable<TenderRevisionSummary[]> {
    return this.http.get<TenderRevisionSummary[]>(`${API}/tenders/${encodeURIComponent(id)}/revisions`);
  }
}
