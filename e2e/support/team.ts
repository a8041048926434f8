import { APIRequestContext, Browser, BrowserContext, Page, expect } from '@playwright/test';
import { Role, type TenderDetail } from '@openbrief/contracts';
import { ApiClient } from './api-client';
import { demoBuyer, uniqueEmail } from './demo-data';
import { SignInPage } from './pages';

/** A second buyer in the demo trust, invited by the demo buyer (Priya Shah), with their own API session. */
export interface Colleague {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly api: ApiClient;
  readonly request: APIRequestContext;
}

export async function inviteColleague(priya: ApiClient, newRequest: () => Promise<APIRequestContext>, name: string): Promise<Colleague> {
  const email = uniqueEmail(name.split(' ')[0].toLowerCase());
  const password = `${name.split(' ')[0].toLowerCase()}-password-1`;
  const invitation = await priya.createInvitation({ email, role: Role.Buyer });
  const request = await newRequest();
  const api = new ApiClient(request);
  await request.get('/api/v1/auth/me');
  const token = invitation.acceptPath.split('/').pop();
  const accepted = await api.post('/api/v1/invitations/accept', { token, name, password });
  expect(accepted.status(), await accepted.text()).toBeLessThan(300);
  return { name, email, password, api, request };
}

/** A tender from the digital-service template, created by the demo buyer. */
export async function createTender(priya: ApiClient, title: string): Promise<TenderDetail> {
  const created = await priya.post('/api/v1/tenders', { title: `${title} ${Date.now()}`, templateId: 'digital-service' });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as TenderDetail;
}

export async function signIn(page: Page, email: string = demoBuyer.email, password: string = demoBuyer.password): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  await signInPage.signIn(email, password);
  await expect(page).toHaveURL(/\/tenders$/);
}

/** A separate browser (own cookies, own IndexedDB), signed in, with one page open. */
export async function browserFor(browser: Browser, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}
