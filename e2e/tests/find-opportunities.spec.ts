import { APIRequestContext, Page, expect, request as playwrightRequest, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { Procedure, ProcurementCategory, type PublishedTenderView } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { expectNoSidewaysScroll } from '../support/opportunity-page';
import { type PublishedTender, cancelTender, publishTender } from '../support/published-tender';

/** A word no other tender has, so a search for it finds exactly this spec's tenders. */
const token = `zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

const titles = {
  /** Services in Yorkshire, open procedure, £150,000: suitable for small suppliers. */
  wayfinding: `Library wayfinding ${token}`,
  /** Goods in London, a call-off from a framework: not open to every supplier, so not suitable. */
  kiosks: `Library kiosks ${token}`,
  /** Works anywhere in the UK, open procedure: suitable. */
  benches: `Park benches ${token}`,
};

/** The list's heading: how many opportunities match. */
const heading = (page: Page) => page.locator('h2#opportunity-list-title');
const card = (page: Page, title: string) => page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) });
const cardTitles = (page: Page) => page.getByRole('article').getByRole('heading', { level: 3 });
const announcement = (page: Page) => page.locator('[aria-live="polite"]').filter({ hasText: /opportunit|problem/ });

test.describe('finding opportunities', () => {
  let buyerRequest: APIRequestContext;
  let buyer: ApiClient;
  const published: Record<keyof typeof titles, PublishedTender> = {} as Record<keyof typeof titles, PublishedTender>;

  test.beforeAll(async ({ baseURL }) => {
    buyerRequest = await playwrightRequest.newContext({ baseURL });
    buyer = new ApiClient(buyerRequest);
    await buyer.signIn(demoBuyer.email, demoBuyer.password);
    published.wayfinding = await publishTender(buyer, titles.wayfinding, {
      category: ProcurementCategory.Services,
      regions: ['TLE'],
      procedure: Procedure.Open,
    });
    published.kiosks = await publishTender(buyer, titles.kiosks, {
      category: ProcurementCategory.Goods,
      regions: ['TLI'],
      procedure: Procedure.FrameworkCallOff,
    });
    published.benches = await publishTender(buyer, titles.benches, {
      category: ProcurementCategory.Works,
      regions: [],
      procedure: Procedure.Open,
    });
    // The checker's verdicts the filter relies on, read as the public reads them.
    for (const [name, suitable] of [
      ['wayfinding', true],
      ['kiosks', false],
      ['benches', true],
    ] as const) {
      const view = (await (await buyerRequest.get(`/api/v1/public/tenders/${published[name].id}`)).json()) as PublishedTenderView;
      expect(view.openness.suitableForSmallSuppliers, `${name}: ${JSON.stringify(view.openness.reasons)}`).toBe(suitable);
    }
  });

  test.afterAll(async () => {
    // Cancelled tenders leave the public list, so other specs count the list as they expect.
    for (const tender of Object.values(published)) await cancelTender(buyer, tender);
    await buyerRequest.dispose();
  });

  test('an anonymous visitor searches, filters for small suppliers, opens a tender, reads its openness and downloads the pack', async ({
    page,
  }) => {
    // From the home page's search box to the list, with the words in the URL.
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search opportunities' }).fill(token);
    await page.getByRole('searchbox', { name: 'Search opportunities' }).press('Enter');
    await expect(page).toHaveURL(new RegExp(`/opportunities\\?q=${token}$`));
    await expect(heading(page)).toHaveText('3 opportunities');
    await expect(cardTitles(page)).toHaveCount(3);
    for (const title of Object.values(titles)) await expect(card(page, title)).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search opportunities' })).toHaveValue(token);
    await expectNoAxeViolations(page);

    // Each card says what, where, until when, its state, and whether small suppliers are welcome.
    const wayfinding = card(page, titles.wayfinding);
    await expect(wayfinding.getByText('Open for responses')).toBeVisible();
    await expect(wayfinding.getByText('Suitable for small suppliers')).toBeVisible();
    await expect(wayfinding.locator('dt', { hasText: 'Category' }).locator('xpath=following-sibling::dd[1]')).toHaveText('Services');
    await expect(wayfinding.locator('dt', { hasText: 'Region' }).locator('xpath=following-sibling::dd[1]')).toHaveText(
      'Yorkshire and The Humber',
    );
    await expect(wayfinding.locator('dt', { hasText: 'Closing date' })).toBeVisible();
    await expect(card(page, titles.kiosks).getByText('Suitable for small suppliers')).toHaveCount(0);
    await expect(card(page, titles.benches).locator('dt', { hasText: 'Region' }).locator('xpath=following-sibling::dd[1]')).toHaveText(
      'Anywhere in the UK',
    );

    // Only the tenders suitable for small suppliers; the count is announced.
    await page.getByRole('checkbox', { name: 'Suitable for small suppliers' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`\\?q=${token}&sme=true$`));
    await expect(heading(page)).toHaveText('2 opportunities');
    await expect(announcement(page)).toHaveText('2 opportunities');
    await expect(card(page, titles.kiosks)).toHaveCount(0);
    await expect(card(page, titles.wayfinding)).toBeVisible();
    await expect(card(page, titles.benches)).toBeVisible();
    await expectNoAxeViolations(page);

    // The tender's page: the openness panel, with each small-supplier test met or not, in words.
    await card(page, titles.wayfinding).getByRole('link', { name: titles.wayfinding }).click();
    await expect(page.getByRole('heading', { level: 1, name: titles.wayfinding })).toBeVisible();
    const openness = page.getByRole('region', { name: 'Openness' });
    await expect(openness.getByText(/^\d{1,3} out of 100$/)).toBeVisible();
    await expect(openness.getByText(/^About \d+ years/)).toBeVisible();
    const tests = openness.getByRole('list', { name: 'Suitable for small suppliers?' }).getByRole('listitem');
    await expect(tests).toHaveCount(4);
    for (const name of ['Turnover and insurance', 'Lots', 'Reading age', 'Procedure']) {
      await expect(tests.filter({ hasText: `${name}: met` })).toHaveCount(1);
    }
    await expect(openness.getByText('This tender passes every test below.')).toBeVisible();
    await expectNoAxeViolations(page);

    // The pack downloads as a real PDF of this tender.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download the tender pack \(PDF/ }).click(),
    ]);
    const pdfPath = await download.path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain(titles.wayfinding);
    const pack = await page.request.get(`/api/v1/public/tenders/${published.wayfinding.id}/pack.pdf`);
    expect(pack.status()).toBe(200);
    expect(pack.headers()['content-type']).toBe('application/pdf');

    // The framework call-off says which test it fails, in words.
    await page.goto(`/opportunities/${published.kiosks.id}`);
    const kioskTests = page.getByRole('region', { name: 'Openness' }).getByRole('listitem');
    await expect(kioskTests.filter({ hasText: 'Procedure: not met' })).toHaveCount(1);
    await expect(page.getByText('This tender does not pass every test below.')).toBeVisible();
  });

  test('a shared URL restores the search and filters, and Back and Forward step between searches', async ({ page }) => {
    await page.goto(`/opportunities?q=${token}&category=goods&region=TLI`);
    await expect(heading(page)).toHaveText('1 opportunity');
    await expect(card(page, titles.kiosks)).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search opportunities' })).toHaveValue(token);
    await expect(page.getByLabel('Category')).toHaveValue('goods');
    await expect(page.getByLabel('Region', { exact: true })).toHaveValue('TLI');
    await expect(page.getByRole('checkbox', { name: 'Suitable for small suppliers' })).not.toBeChecked();

    // Any category: London's tender and the one open to the whole UK.
    await page.getByLabel('Category').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`\\?q=${token}&region=TLI$`));
    await expect(heading(page)).toHaveText('2 opportunities');
    await expect(card(page, titles.benches)).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`\\?q=${token}&category=goods&region=TLI$`));
    await expect(heading(page)).toHaveText('1 opportunity');
    await expect(page.getByLabel('Category')).toHaveValue('goods');

    await page.goForward();
    await expect(heading(page)).toHaveText('2 opportunities');
    await expect(page.getByLabel('Category')).toHaveValue('');

    // "Clear filters" keeps the words.
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(new RegExp(`\\?q=${token}$`));
    await expect(heading(page)).toHaveText('3 opportunities');
    await expect(page.getByLabel('Region', { exact: true })).toHaveValue('');
  });

  test('a search the server refuses is explained next to the search box', async ({ page }) => {
    await page.goto('/opportunities');
    const box = page.getByRole('searchbox', { name: 'Search opportunities' });
    await box.fill('a'.repeat(201));
    await box.press('Enter');
    const error = page.locator('#search-q-error');
    await expect(error).toHaveText(/^Error: Your search must be at most 200 characters/);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAccessibleDescription(/Your search must be at most 200 characters/);
    await expect(announcement(page)).toContainText('There is a problem with your search');
    await expectNoAxeViolations(page);

    await box.fill(token);
    await box.press('Enter');
    await expect(heading(page)).toHaveText('3 opportunities');
    await expect(error).toHaveCount(0);
  });

  test('on a small phone the filters fold away behind a button', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/opportunities?q=${token}&sme=true`);
    await expect(heading(page)).toHaveText('2 opportunities');
    const toggle = page.getByRole('button', { name: /Show filters/ });
    await expect(toggle).toHaveText('Show filters (1 selected)');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('checkbox', { name: 'Suitable for small suppliers' })).toBeHidden();
    await expectNoSidewaysScroll(page, 375);

    await toggle.click();
    await expect(page.getByRole('button', { name: /Hide filters/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('checkbox', { name: 'Suitable for small suppliers' })).toBeChecked();
    await expectNoSidewaysScroll(page, 375);
    await expectNoAxeViolations(page);
  });
});
