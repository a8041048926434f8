import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CommentThreadInContext } from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** The comment threads in which a buyer mentioned the signed-in person, across the organisation's tenders. */
@Injectable({ providedIn: 'root' })
export class MentionsApi {
  private readonly http = inject(HttpClient);

  mentioningMe(): Observable<CommentThreadInContext[]> {
    return this.http.get<CommentThreadInContext[]>('/api/v1/comments/mentioning-me');
  }
}
