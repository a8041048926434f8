import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommentStatusFilter,
  CommentThread,
  CommentThreadInContext,
  CommentThreadList,
  CreateCommentThreadRequest,
  ReplyToCommentThreadRequest,
  TeamMember,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

export interface ThreadQuery {
  status?: CommentStatusFilter;
  mentioningMe?: boolean;
  requirementId?: string | null;
}

/** The buying team's comment threads on one tender. */
@Injectable({ providedIn: 'root' })
export class CommentsApi {
  private readonly http = inject(HttpClient);

  list(tenderId: string, query: ThreadQuery = {}): Observable<CommentThreadList> {
    let params = new HttpParams();
    if (query.status && query.status !== 'all') params = params.set('status', query.status);
    if (query.mentioningMe) params = params.set('mentioning', 'me');
    if (query.requirementId) params = params.set('requirementId', query.requirementId);
    return this.http.get<CommentThreadList>(this.base(tenderId), { params });
  }

  start(tenderId: string, request: CreateCommentThreadRequest): Observable<CommentThread> {
    return this.http.post<CommentThread>(this.base(tenderId), request);
  }

  /** One thread and its tender: for the buying team, and for someone mentioned in it. */
  thread(tenderId: string, threadId: string): Observable<CommentThreadInContext> {
    return this.http.get<CommentThreadInContext>(`${this.base(tenderId)}/${encodeURIComponent(threadId)}`);
  }

  reply(tenderId: string, threadId: string, request: ReplyToCommentThreadRequest): Observable<CommentThread> {
    return this.http.post<CommentThread>(`${this.base(tenderId)}/${encodeURIComponent(threadId)}/replies`, request);
  }

  resolve(tenderId: string, threadId: string): Observable<CommentThread> {
    return this.http.post<CommentThread>(`${this.base(tenderId)}/${encodeURIComponent(threadId)}/resolve`, {});
  }

  reopen(tenderId: string, threadId: string): Observable<CommentThread> {
    return this.http.post<CommentThread>(`${this.base(tenderId)}/${encodeURIComponent(threadId)}/reopen`, {});
  }

  /** Who can be mentioned: the tender organisation's buying team and its evaluators. */
  team(tenderId: string): Observable<TeamMember[]> {
    return this.http.get<TeamMember[]>(`/api/v1/tenders/${encodeURIComponent(tenderId)}/team`);
  }

  private base(tenderId: string): string {
    return `/api/v1/tenders/${encodeURIComponent(tenderId)}/comments`;
  }
}
