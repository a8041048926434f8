import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { InvitationPreview } from '@openbrief/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  preview(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`);
  }
}
