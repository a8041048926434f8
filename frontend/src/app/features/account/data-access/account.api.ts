import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CurrentUser,
  OrganisationDetails,
  OrganisationMembers,
  UpdateOrganisationRequest,
  UpdateProfileRequest,
} from '@openbrief/contracts';
import { Observable } from 'rxjs';

/** One's own name, one's organisation's details and its members. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  updateProfile(request: UpdateProfileRequest): Observable<CurrentUser> {
    return this.http.put<CurrentUser>('/api/v1/account/profile', request);
  }

  organisation(): Observable<OrganisationDetails> {
    return this.http.get<OrganisationDetails>('/api/v1/organisation');
  }

  updateOrganisation(request: UpdateOrganisationRequest): Observable<OrganisationDetails> {
    return this.http.put<OrganisationDetails>('/api/v1/organisation', request);
  }

  members(): Observable<OrganisationMembers> {
    return this.http.get<OrganisationMembers>('/api/v1/organisation/members');
  }
}
