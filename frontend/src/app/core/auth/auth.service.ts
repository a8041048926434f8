import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  CurrentUser,
  Role,
  SessionState,
  SignInRequest,
  SignUpAccepted,
  SupplierSignUpRequest,
} from '@openbrief/contracts';
import { Observable, firstValueFrom, tap } from 'rxjs';
import { expectUnauthorised } from '../http/http-context';

const AUTH_API = '/api/v1/auth';

/** Holds who is signed in. The session itself lives in an http-only cookie. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly currentUser = signal<CurrentUser | null>(null);

  readonly user = this.currentUser.asReadonly();
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  readonly role = computed(() => this.currentUser()?.role ?? null);

  /**
   * Never rejects: if the API cannot say who we are, we carry on as anonymous. Asks `/auth/session`, which
   * answers 200 with `user: null` to a visitor, so an anonymous page load logs no failed request.
   */
  async loadCurrentUser(): Promise<void> {
    try {
      const session = await firstValueFrom(this.http.get<SessionState>(`${AUTH_API}/session`, { context: expectUnauthorised() }));
      this.currentUser.set(session.user);
    } catch {
      this.currentUser.set(null);
    }
  }

  signIn(request: SignInRequest): Observable<CurrentUser> {
    return this.http
      .post<CurrentUser>(`${AUTH_API}/sign-in`, request, { context: expectUnauthorised() })
      .pipe(tap((user) => this.currentUser.set(user)));
  }

  /** Answers alike for a new and a known address and signs no one in: sign in afterwards. */
  signUp(request: SupplierSignUpRequest): Observable<SignUpAccepted> {
    return this.http.post<SignUpAccepted>(`${AUTH_API}/sign-up`, request);
  }

  /** Ends the account's other sessions; this browser gets a fresh one. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${AUTH_API}/password`, request);
  }

  acceptInvitation(request: AcceptInvitationRequest): Observable<CurrentUser> {
    return this.http.post<CurrentUser>('/api/v1/invitations/accept', request).pipe(tap((user) => this.currentUser.set(user)));
  }

  signOut(): Observable<void> {
    return this.http.post<void>(`${AUTH_API}/sign-out`, null, { context: expectUnauthorised() }).pipe(
      tap({
        next: () => {
          void forgetOfflineCopies(this.currentUser()?.id);
          this.forgetUser();
        },
        error: () => this.forgetUser(),
      }),
    );
  }

  /** After the account page changed the name: the header shows the new one at once. */
  replaceUser(user: CurrentUser): void {
    if (this.currentUser()?.id === user.id) this.currentUser.set(user);
  }

  hasRole(...roles: Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }

  forgetUser(): void {
    this.currentUser.set(null);
  }
}

/**
 * Signing out (which needs the network, so live edits have reached the server) removes this person's
 * offline copies of tenders from the browser: the next person at a shared computer must not find them.
 */
async function forgetOfflineCopies(userId: string | undefined): Promise<void> {
  if (!userId || typeof indexedDB === 'undefined' || !indexedDB.databases) return;
  try {
    for (const { name } of await indexedDB.databases()) {
      if (name?.startsWith(`openbrief:${userId}:`)) indexedDB.deleteDatabase(name);
    }
  } catch {
    // Storage blocked: there is nothing kept to forget.
  }
}
