import { APIRequestContext, Browser, BrowserContext, Page, expect } from '@playwright/test';
import { Role, type SupplierResponse, type TenderDetail, type TenderEvaluation } from '@openbrief/contracts';
import { ApiClient } from './api-client';
import { uniqueEmail } from './demo-data';
import { SignInPage } from './pages';
import { type PublishedTender, publishTender } from './published-tender';
import { toContent } from './tender-editor';
import { SERVER_WORK_MS } from './waits';

/**
 * Evaluation from seeded data: a published tender whose responses are submitted and opened through the API (as
 * suppliers and a buyer would, with the deadline brought near by a corrigendum), then page helpers for the panel's
 * pages. Kept generic so the results and award specs can start from the same state.
 */

const SECONDS = 1000;
const CSRF_COOKIE = 'XSRF-TOKEN';

export interface Person {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export interface SubmittedBid {
  readonly supplierName: string;
  readonly responseId: string;
}

export interface OpenedTender {
  readonly tender: PublishedTender;
  readonly lotId: string;
  readonly bids: SubmittedBid[];
}

/** What one supplier writes: an answer per criterion name (others get a default), and a price. */
export interface BidPlan {
  readonly supplierName: string;
  readonly answers?: Record<string, string>;
  readonly unitPrice: number;
}

/** An evaluator of the demo trust, invited by the demo buyer; signs in with the returned details. */
export async function inviteEvaluator(priya: ApiClient, newRequest: () => Promise<APIRequestContext>, name: string): Promise<Person> {
  const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
  const password = `${name.split(' ')[0]!.toLowerCase()}-password-1`;
  const invitation = await priya.createInvitation({ email, role: Role.Evaluator });
  const request = await newRequest();
  const api = new ApiClient(request);
  await request.get('/api/v1/auth/me');
  const accepted = await api.post('/api/v1/invitations/accept', { token: invitation.acceptPath.split('/').pop(), name, password });
  expect(accepted.status(), await accepted.text()).toBeLessThan(300);
  await request.dispose();
  return { name, email, password };
}

/**
 * Publishes a tender, has one new supplier per plan submit a complete response, brings the deadline to a few
 * seconds away with a corrigendum, waits for it to pass and opens the responses.
 */
export async function openedTenderWithBids(
  priya: ApiClient,
  priyaRequest: APIRequestContext,
  newRequest: () => Promise<APIRequestContext>,
  title: string,
  plans: readonly BidPlan[],
): Promise<OpenedTender> {
  const tender = await publishTender(priya, title);
  const detail = (await (await priyaRequest.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
  const lotId = detail.lots[0]!.id;
  const bids: SubmittedBid[] = [];
  for (const plan of plans) bids.push(await submitBid(newRequest, tender.id, lotId, plan));

  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const deadline = Date.now() + 20 * SECONDS;
  const content = toContent(detail);
  content.timetable = {
    ...content.timetable,
    clarificationDeadline: at(4 * SECONDS),
    answersPublishedBy: at(8 * SECONDS),
    submissionDeadline: new Date(deadline).toISOString(),
  };
  const saved = await priya.put(`/api/v1/tenders/${tender.id}`, { revision: detail.revision, content });
  expect(saved.status(), await saved.text()).toBe(200);
  const republished = await priya.post(`/api/v1/tenders/${tender.id}/publish`, {
    revision: ((await saved.json()) as TenderDetail).revision,
    changeNote: 'The deadline for responses is earlier.',
  });
  expect(republished.status(), await republished.text()).toBe(201);

  // The server runs on this machine's clock: wait for the deadline to pass, then open.
  await expect.poll(() => Date.now() > deadline + SECONDS, { timeout: 120 * SECONDS, intervals: [1000] }).toBe(true);
  await expect
    .poll(async () => (await priya.post(`/api/v1/tenders/${tender.id}/responses/open`, {})).status(), { timeout: SERVER_WORK_MS })
    .toBeLessThan(300);
  return { tender, lotId, bids };
}

async function submitBid(
  newRequest: () => Promise<APIRequestContext>,
  tenderId: string,
  lotId: string,
  plan: BidPlan,
): Promise<SubmittedBid> {
  const request = await newRequest();
  const api = new ApiClient(request);
  await request.get('/api/v1/auth/me');
  const email = uniqueEmail('bidder');
  const password = 'a-long-enough-password';
  const signUp = await api.post('/api/v1/auth/sign-up', {
    name: 'Bid Writer',
    email,
    password,
    organisationName: plan.supplierName,
    isSme: true,
  });
  expect(signUp.status(), await signUp.text()).toBeLessThan(300);
  await api.signIn(email, password);
  const started = await api.post('/api/v1/responses', { tenderId, lotId });
  expect(started.status(), await started.text()).toBe(201);
  const response = (await started.json()) as SupplierResponse;
  const body = {
    answers: response.answers.map((a) => ({
      criterionId: a.criterionId,
      text: plan.answers?.[a.criterionName] ?? `${plan.supplierName} on ${a.criterionName}: we meet the outcome and measure it monthly.`,
    })),
    declarations: response.declarations.map((d) => ({ requirementId: d.requirementId, meets: true, evidence: '' })),
    priceLines: [{ description: 'The whole service', quantity: 1, unit: 'service', unitPrice: plan.unitPrice }],
  };
  const saved = await request.put(`/api/v1/responses/${response.id}`, {
    data: body,
    headers: { 'If-Match': String(response.revision), 'X-XSRF-TOKEN': await csrf(request) },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const submitted = await api.post(`/api/v1/responses/${response.id}/submit`, {});
  expect(submitted.status(), await submitted.text()).toBe(201);
  await request.dispose();
  return { supplierName: plan.supplierName, responseId: response.id };
}

async function csrf(request: APIRequestContext): Promise<string> {
  const { cookies } = await request.storageState();
  return decodeURIComponent(cookies.find((c) => c.name === CSRF_COOKIE)?.value ?? '');
}

/** The lot's panel as the buying team sees it (null until formed). */
export async function panelOf(priyaRequest: APIRequestContext, tenderId: string): Promise<TenderEvaluation['lots'][number]['panel']> {
  const overview = (await (await priyaRequest.get(`/api/v1/tenders/${tenderId}/evaluation`)).json()) as TenderEvaluation;
  return overview.lots[0]!.panel;
}

/** A separate browser signed in as anyone, landing on their start page. */
export async function browserAs(
  browser: Browser,
  person: Pick<Person, 'email' | 'password'>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(person.email, person.password);
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: SERVER_WORK_MS });
  return { context, page };
}

/** "No conflict" for every bidder on the panel's declaration page, then confirm. */
export async function declareNoConflicts(page: Page, panelId: string): Promise<void> {
  await page.goto(`/evaluations/${panelId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Declare any conflicts of interest' })).toBeVisible({ timeout: SERVER_WORK_MS });
  const none = page.getByRole('radio', { name: 'No conflict' });
  const n = await none.count();
  for (let i = 0; i < n; i++) await none.nth(i).check();
  await page.getByRole('button', { name: 'Confirm your declarations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Your scoring|Your declarations)$/ })).toBeFocused({
    timeout: SERVER_WORK_MS,
  });
}

/**
 * Scores every response listed on the evaluator's page: `scoreFor(label, criterion)` picks the point; each score
 * is saved with a justification that refers to the response.
 */
export async function scoreEveryResponse(
  page: Page,
  panelId: string,
  scoreFor: (label: string, criterion: string) => number,
): Promise<void> {
  await page.goto(`/evaluations/${panelId}`);
  const links = page.getByRole('table', { name: /Responses to score/ }).getByRole('link');
  await expect(links.first()).toBeVisible({ timeout: SERVER_WORK_MS });
  const labels = (await links.allInnerTexts()).map((t) => t.replace(/^Score /, '').trim());
  for (const label of labels) {
    await page.goto(`/evaluations/${panelId}`);
    await page.getByRole('link', { name: `Score ${label}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Score ${label}` })).toBeVisible({ timeout: SERVER_WORK_MS });
    const sections = page.locator('section.answer');
    const count = await sections.count();
    for (let i = 0; i < count; i++) {
      const section = sections.nth(i);
      const criterion = (await section.getByRole('heading', { level: 2 }).innerText()).trim();
      const point = scoreFor(label, criterion);
      await section
        .getByRole('group', { name: `Your score for ${criterion}` })
        .getByRole('radio', { name: new RegExp(`^${point} `) })
        .check();
      await section
        .getByLabel(`Your justification for ${criterion}`)
        .fill(`${label} scores ${point} on ${criterion}: the answer names its monthly measures and who reports them.`);
      await section.getByRole('button', { name: `Save score for ${criterion}` }).click();
      await expect(section.getByRole('status')).toContainText('Saved at', { timeout: SERVER_WORK_MS });
    }
  }
}

/** "Submit scores for …" for each of the evaluator's criteria still open. */
export async function submitEveryCriterion(page: Page, panelId: string): Promise<void> {
  await page.goto(`/evaluations/${panelId}`);
  const buttons = page.getByRole('button', { name: /^Submit scores for / });
  await expect(buttons.first()).toBeVisible({ timeout: SERVER_WORK_MS });
  while ((await buttons.count()) > 0) {
    const before = await buttons.count();
    const name = (await buttons.first().innerText()).trim();
    await buttons.first().click();
    await expect(
      page.getByRole('status').filter({ hasText: `Your scores for ${name.replace('Submit scores for ', '')} are submitted` }),
    ).toBeAttached({
      timeout: SERVER_WORK_MS,
    });
    await expect(buttons).toHaveCount(before - 1, { timeout: SERVER_WORK_MS });
  }
}

/** Records a consensus on the moderation page for the item titled "<label>: <criterion>". */
export async function recordConsensus(page: Page, title: string, point: number, note: string): Promise<void> {
  const item = page.getByRole('article', { name: title });
  await item
    .getByRole('group', { name: `Consensus score for ${title}` })
    .getByRole('radio', { name: new RegExp(`^${point} `) })
    .check();
  await item.getByLabel(`Moderation note for ${title}`).fill(note);
  await item.getByRole('button', { name: `Record consensus for ${title}` }).click();
  await expect(item.getByRole('status')).toContainText('Consensus recorded', { timeout: SERVER_WORK_MS });
}
