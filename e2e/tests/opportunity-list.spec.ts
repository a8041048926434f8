import { APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import type { PublishedTenderPage, TenderContent, TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { demoBuyer, demoTenders } from '../support/demo-data';

const PAGE_SIZE = 20;
const DAY = 86_400_000;

/** The editable part of a tender, as the API takes it back (the backend's toTenderContent). */
function contentOf(d: TenderDetail): TenderContent {
  return {
    title: d.title,
    summary: 'Residents can report a problem online and follow it to the end.',
    problem: 'Reports arrive by phone and e-mail and are lost between teams.',
    users: d.users,
    workDone: d.workDone,
    constraints: d.constraints,
    budget: d.budget,
    contract: d.contract,
    estimatedValue: 150_000,
    location: d.location,
    mainCategory: d.mainCategory,
    regions: d.regions,
    procedure: d.procedure,
    singleLotReason: d.singleLotReason,
    engagementSummary: d.engagementSummary,
    noEngagementReason: d.noEngagementReason,
    timetable: {
      ...d.timetable,
      clarificationDeadline: new Date(Date.now() + 10 * DAY).toISOString(),
      submissionDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
    },
    contact: { name: 'Alex', email: 'alex@council.test', phone: null },
    responseRules: d.responseRules,
    lots: d.lots.map((l) => ({
      id: l.id,
      title: l.title,
      description: l.description,
      estimatedValue: l.estimatedValue,
      evaluationModel: { ...l.evaluationModel, criteria: l.evaluationModel.criteria.map(({ order: _order, ...c }) => c) },
      requirements: l.requirements.map(({ lotId: _lotId, order: _order, ...r }) => r),
    })),
    justifications: d.justifications,
  };
}

/** Publishes a tender through the API; returns what cancelling it needs. */
async function publishTender(api: ApiClient, title: string): Promise<{ id: string; revision: number }> {
  const created = await api.post('/api/v1/tenders', { title, templateId: 'digital-service' });
  expect(created.status(), await created.text()).toBe(201);
  const draft = (await created.json()) as TenderDetail;
  const saved = await api.put(`/api/v1/tenders/${draft.id}`, { revision: draft.revision, content: contentOf(draft) });
  expect(saved.status(), await saved.text()).toBe(200);
  const published = await api.post(`/api/v1/tenders/${draft.id}/publish`, { revision: ((await saved.json()) as TenderDetail).revision });
  expect(published.status(), await published.text()).toBe(201);
  const { tender } = (await published.json()) as { tender: TenderDetail };
  return { id: tender.id, revision: tender.revision };
}

test.describe('public opportunity list', () => {
  let buyerRequest: APIRequestContext;
  let api: ApiClient;
  const added: { id: string; revision: number }[] = [];

  test.beforeAll(async ({ baseURL }) => {
    // More than one page of tenders: the demo tender and 21 more.
    buyerRequest = await playwrightRequest.newContext({ baseURL });
    api = new ApiClient(buyerRequest);
    await api.signIn(demoBuyer.email, demoBuyer.password);
    const existing = (await (await buyerRequest.get('/api/v1/public/tenders')).json()) as PublishedTenderPage;
    for (let n = existing.total; n <= PAGE_SIZE + 1; n++) added.push(await publishTender(api, `Report a problem online, area ${n}`));
  });

  test.afterAll(async () => {
    // Cancelled tenders leave the public list, so later specs find the demo tender on the first page again.
    for (const { id, revision } of added) {
      const res = await api.post(`/api/v1/tenders/${id}/status`, { revision, status: 'cancelled', reason: 'End of the e2e test.' });
      expect(res.status(), await res.text()).toBe(201);
    }
    await buyerRequest.dispose();
  });

  test('shows a page at a time, and "Show more" adds the next page and moves focus to it', async ({ page }) => {
    const { total } = (await (await page.request.get('/api/v1/public/tenders')).json()) as PublishedTenderPage;
    expect(total).toBeGreaterThan(PAGE_SIZE);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/opportunities');
    await expect(page.getByRole('heading', { level: 2, name: `${total} opportunities` })).toBeVisible();
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(PAGE_SIZE);

    const more = page.getByRole('button', { name: 'Show more opportunities' });
    await expect(more).toBeVisible();
    // Nothing overflows sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await more.click();

    await expect(cards).toHaveCount(total);
    await expect(page.getByText(`Showing ${total} of ${total} opportunities.`)).toBeAttached();
    // Focus is on the first tender of the new page, so keyboard users carry on from there.
    await expect(cards.nth(PAGE_SIZE).getByRole('link')).toBeFocused();
    // The last page has no "Show more"; the oldest tender, the demo one, is last.
    await expect(more).toHaveCount(0);
    await expect(cards.last().getByRole('link')).toHaveText(demoTenders.published);
    // Each tender once.
    const titles = await cards.getByRole('link').allTextContents();
    expect(new Set(titles).size).toBe(total);
  });
});
