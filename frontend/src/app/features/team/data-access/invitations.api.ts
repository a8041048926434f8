import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreateInvitationRequest, InvitationCreated } from '@openbrief/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class TeamInvitationsApi {
  private readonly http = inject(HttpClient);

  create(request: CreateInvitationRequest): Observable<InvitationCreated> {
    return this.http.post<InvitationCreated>('/api/v1/invitations', request);
  }
}
