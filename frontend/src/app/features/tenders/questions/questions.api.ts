import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DraftAnswerRequest, PublishAnswerRequest, QueuedQuestion, QuestionQueue } from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** The buying team's queue of suppliers' clarification questions on one tender. */
@Injectable({ providedIn: 'root' })
export class QuestionsApi {
  private readonly http = inject(HttpClient);

  queue(tenderId: string): Observable<QuestionQueue> {
    return this.http.get<QuestionQueue>(this.base(tenderId));
  }

  /** Refused (409/412) when a colleague saved the draft since `revision`: nothing is overwritten. */
  saveDraft(tenderId: string, questionId: string, revision: number, request: DraftAnswerRequest): Observable<QueuedQuestion> {
    const headers = new HttpHeaders({ 'If-Match': String(revision) });
    return this.http.put<QueuedQuestion>(`${this.base(tenderId)}/${encodeURIComponent(questionId)}/draft`, request, { headers });
  }

  /** Publishes to everyone (asker anonymised) or answers the asker only, with the reason recorded. */
  answer(tenderId: string, questionId: string, request: PublishAnswerRequest): Observable<QueuedQuestion> {
    return this.http.post<QueuedQuestion>(`${this.base(tenderId)}/${encodeURIComponent(questionId)}/answer`, request);
  }

  private base(tenderId: string): string {
    return `/api/v1/tenders/${encodeURIComponent(tenderId)}/questions`;
  }
}
