import { Page, expect, test } from '@playwright/test';
import type { EngagementNotice, TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer, uniqueEmail } from '../support/demo-data';
import { EngagementPage, ukDateTimeInput } from '../support/market-engagement';
import { SignUpPage } from '../support/pages';
import { createTender, signIn } from '../support/team';
import { SERVER_WORK_MS } from '../support/waits';

const DAY = 86_400_000;

/** Nothing on the page is wider than the screen: no sideways scrolling at 375 px. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
}

test.describe('preliminary market engagement', () => {
  test('a buyer publishes draft outcomes, a supplier comments, proposes and registers, and the buyer adopts the proposal', async ({
    page,
    browser,
    playwright,
  }) => {
    // Three people in three browsers, and live editing: well over the default on a busy machine.
    test.setTimeout(300_000);
    const priyaRequest = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const priya = new ApiClient(priyaRequest);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const tender = await createTender(priya, 'School transport engagement');
    const first = [...tender.lots[0]!.requirements].sort((a, b) => a.order - b.order)[0]!;

    // The buyer publishes the engagement from the draft, through the page.
    await signIn(page, demoBuyer.email, demoBuyer.password);
    await page.goto(`/tenders/${tender.id}`);
    await page.getByRole('navigation', { name: 'This tender' }).getByRole('link', { name: 'Market engagement' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Market engagement' })).toBeVisible();
    await expect(page.getByRole('list').filter({ hasText: first.outcome.slice(0, 40) })).toBeVisible();

    // Sending it empty: a GOV.UK error summary, focused, linking to each field.
    await page.getByRole('button', { name: 'Publish for market engagement' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: 'Enter what you want to learn from suppliers' }).click();
    await expect(page.getByLabel('What do you want to learn from suppliers?')).toBeFocused();

    await page.getByLabel('What do you want to learn from suppliers?').fill('Is a year long enough to move every family online?');
    await page.getByLabel('When does feedback close?', { exact: true }).fill(ukDateTimeInput(new Date(Date.now() + 14 * DAY)));
    await page.getByRole('checkbox', { name: /Hold an event for suppliers/ }).check();
    await page.getByLabel('When does it start?', { exact: true }).fill(ukDateTimeInput(new Date(Date.now() + 7 * DAY)));
    await page.getByRole('radio', { name: 'In person', exact: true }).check();
    await page.getByLabel('Where is it?').fill('Civic Centre, Market Street, Northshire');
    await page.getByLabel('How many places are there? (optional)').fill('20');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Publish for market engagement' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Published for market engagement' })).toBeVisible({ timeout: SERVER_WORK_MS });
    const noticeLink = page.getByRole('link', { name: 'Read the notice as suppliers see it' });
    const engagementId = (await noticeLink.getAttribute('href'))!.split('/').pop()!;
    expect(engagementId).toMatch(/^[0-9a-f-]{36}$/);

    // A supplier, signed up in the test, reads it, comments, proposes an alternative and registers.
    const supplierContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    const supplier = await supplierContext.newPage();
    const organisation = `Shah Transport ${Date.now()}`;
    const signUp = new SignUpPage(supplier);
    await signUp.goto();
    await signUp.signUp({
      name: 'Asha Shah',
      email: uniqueEmail('engager'),
      password: 'a-long-enough-password',
      organisationName: organisation,
      isSme: true,
    });
    await expect(supplier.getByRole('link', { name: /Your responses/ }).first()).toBeVisible({ timeout: SERVER_WORK_MS });
    const engagement = new EngagementPage(supplier);
    await engagement.goto(engagementId);
    await expect(supplier.getByRole('heading', { level: 1 })).toHaveText(tender.title);
    await expect(engagement.outcome('1.1')).toContainText(first.outcome);
    const comment = `Could the measure be termly rather than yearly? ${Date.now()}`;
    const proposed = `Every eligible child has school transport arranged before term starts ${Date.now()}.`;
    await engagement.comment('1.1', comment);
    await engagement.propose('1.1', proposed, 'It measures the result for families, not the channel they use.');
    const mine = engagement.outcome('1.1').getByRole('list');
    await expect(mine.getByRole('listitem')).toHaveCount(2);
    await expect(mine).toContainText(comment);
    await expect(mine).toContainText(proposed);

    const registration = supplier.getByRole('form', { name: 'Register for the event' });
    await registration.getByLabel('How many people from your organisation will come?').fill('2');
    await registration.getByLabel('Access needs (optional)').fill('One of us uses a wheelchair.');
    await registration.getByRole('button', { name: 'Register' }).click();
    await expect(supplier.getByRole('status').filter({ hasText: 'You are registered for the event: 2 people.' })).toBeVisible();
    await expect(supplier.getByRole('form', { name: 'Your registration' })).toBeVisible();
    await expectNoAxeViolations(supplier);
    await supplierContext.close();

    // Anyone sees the notice, but no feedback and no supplier's name; at 375 px nothing scrolls sideways.
    const anonymousContext = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      viewport: { width: 375, height: 800 },
    });
    const anonymous = await anonymousContext.newPage();
    await anonymous.goto('/engagements');
    await anonymous.getByRole('link', { name: tender.title }).click();
    await expect(anonymous.getByRole('heading', { level: 2, name: 'Draft outcomes' })).toBeVisible();
    await expect(new EngagementPage(anonymous).outcome('1.1')).toContainText(first.outcome);
    await expect(anonymous.getByText('Is a year long enough to move every family online?')).toBeVisible();
    await expect(anonymous.getByText('Civic Centre, Market Street, Northshire')).toBeVisible();
    await expect(anonymous.getByText('1 organisation has registered so far.')).toBeVisible();
    const signInLink = anonymous.getByRole('link', { name: 'Sign in to comment' });
    await expect(signInLink).toHaveAttribute('href', `/sign-in?returnUrl=${encodeURIComponent(`/engagements/${engagementId}`)}`);
    await expect(anonymous.getByRole('form')).toHaveCount(0);
    const main = anonymous.getByRole('main');
    await expect(main).not.toContainText(organisation);
    await expect(main).not.toContainText(comment);
    await expect(main).not.toContainText(proposed);
    const publicJson = await (await anonymous.request.get(`/api/v1/public/engagements/${engagementId}`)).text();
    expect(publicJson).not.toContain(organisation);
    expect(publicJson).not.toContain(proposed);
    expect((JSON.parse(publicJson) as EngagementNotice).registrations).toBe(1);
    await expectNoSidewaysScroll(anonymous);
    await expectNoAxeViolations(anonymous);
    await anonymousContext.close();

    // The buyer sees who registered and all the feedback with names.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Who registered for the event' })).toBeVisible();
    const registrations = page.getByRole('table');
    await expect(registrations).toContainText(organisation);
    await expect(registrations).toContainText('One of us uses a wheelchair.');
    await expectNoAxeViolations(page);

    // Beside requirement 1.1 in the editor: the feedback, and Adopt for the proposed outcome.
    await page.goto(`/tenders/${tender.id}`);
    const card = page.getByRole('article', { name: 'Requirement 1.1', exact: true });
    const feedback = card.getByRole('region', { name: 'Market engagement feedback on requirement 1.1 (2)' });
    await expect(feedback).toContainText(organisation);
    await expect(feedback).toContainText(comment);
    await expect(feedback).toContainText(proposed);
    await feedback.getByRole('button', { name: `Adopt this wording from ${organisation} as the outcome of requirement 1.1` }).click();
    const adopted = feedback.getByText(/Adopted by .+ on \d{1,2} \w+ \d{4}/);
    await expect(adopted).toBeVisible({ timeout: SERVER_WORK_MS });
    await expect(adopted).toBeFocused();
    await expect(card.getByLabel('What must be true?', { exact: true })).toHaveValue(proposed);

    // After a reload the draft reads the proposed outcome, and the adoption is still credited.
    await page.reload();
    const reloaded = page.getByRole('article', { name: 'Requirement 1.1', exact: true });
    await expect(reloaded.getByLabel('What must be true?', { exact: true })).toHaveValue(proposed, { timeout: SERVER_WORK_MS });
    await expect(reloaded.getByText(/Adopted by .+ on \d{1,2} \w+ \d{4}/)).toBeVisible();
    await expect(reloaded.getByRole('button', { name: /^Adopt this wording/ })).toHaveCount(0);
    const saved = (await (await priyaRequest.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
    expect(saved.lots[0]!.requirements.find((r) => r.id === first.id)?.outcome).toBe(proposed);

    await priyaRequest.dispose();
  });
});
