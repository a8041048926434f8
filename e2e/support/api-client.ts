import { APIRequestContext, APIResponse, expect } from '@playwright/test';
import type { CreateInvitationRequest, CurrentUser, InvitationCreated } from '@openbrief/contracts';

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

/**
 * Talks to the API the way the browser app does: a GET first so the backend
 * sets the XSRF cookie, then the cookie's value echoed in a header on every
 * state-changing request (double-submit CSRF).
 */
export class ApiClient {
  constructor(private readonly request: APIRequestContext) {}

  async signIn(email: string, password: string): Promise<CurrentUser> {
    await this.request.get('/api/v1/auth/me');
    const response = await this.post('/api/v1/auth/sign-in', { email, password });
    await expectStatus(response, 200);
    return (await response.json()) as CurrentUser;
  }

  async createInvitation(invitation: CreateInvitationRequest): Promise<InvitationCreated> {
    const response = await this.post('/api/v1/invitations', invitation);
    await expectStatus(response, 201);
    return (await response.json()) as InvitationCreated;
  }

  async put(path: string, data: unknown): Promise<APIResponse> {
    return this.request.put(path, {
      data,
      headers: { [CSRF_HEADER]: await this.csrfToken() },
    });
  }

  async post(path: string, data: unknown): Promise<APIResponse> {
    return this.request.post(path, {
      data,
      headers: { [CSRF_HEADER]: await this.csrfToken() },
    });
  }

  /** Read fresh each time: the backend may rotate the token when the session changes. */
  private async csrfToken(): Promise<string> {
    const { cookies } = await this.request.storageState();
    const cookie = cookies.find((c) => c.name === CSRF_COOKIE);
    expect(cookie, `the API should set the ${CSRF_COOKIE} cookie`).toBeDefined();
    return decodeURIComponent(cookie?.value ?? '');
  }
}

async function expectStatus(response: APIResponse, status: number): Promise<void> {
  expect(response.status(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(status);
}
