import { APIRequestContext, expect, test } from '@playwright/test';
import type { OwnQuestion } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { OpportunityPage, demoSupplier, expectNoSidewaysScroll, signInAs } from '../support/opportunity-page';
import { PublishedTender, cancelTender, publishTender } from '../support/published-tender';

const QUESTION = 'Will the appointment reminders need to work for patients without a mobile phone, for example by landline?';
const ANSWER = 'Yes. About 1 in 8 of our outpatients has no mobile phone, so a landline or letter route is needed for them.';

test.describe('clarification questions', () => {
  let buyerRequest: APIRequestContext;
  let buyer: ApiClient;
  let tender: PublishedTender;

  test.beforeAll(async ({ playwright, baseURL }) => {
    buyerRequest = await playwright.request.newContext({ baseURL });
    buyer = new ApiClient(buyerRequest);
    await buyer.signIn(demoBuyer.email, demoBuyer.password);
    tender = await publishTender(buyer, `Fewer missed appointments ${Date.now()}`, {
      responseRules: { attachmentsAllowed: true, maxAttachments: 3, maxAttachmentMb: 5, twoPersonOpening: false },
    });
  });

  test.afterAll(async () => {
    await cancelTender(buyer, tender);
    await buyerRequest.dispose();
  });

  test('a supplier registers interest and asks; the buyer answers for everyone; nobody sees who asked', async ({ page, browser }) => {
    test.setTimeout(240_000);
    const opportunity = new OpportunityPage(page);

    // Opened from the list, the page puts keyboard focus on its heading once it has loaded.
    await signInAs(page, demoSupplier.email, demoSupplier.password, demoSupplier.name);
    await page.goto('/opportunities');
    await page.getByRole('link', { name: tender.title }).click();
    const heading = page.getByRole('heading', { level: 1, name: tender.title });
    await expect(heading).toBeFocused();
    // Back one step is the back link; forward goes on into the page, never back to the top.
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('link', { name: 'All opportunities' })).toBeFocused();

    // Two dates, two plain labels; and what may be attached.
    await expect(opportunity.timetableValue('Questions close')).toHaveText(/\d{4}$/);
    await expect(opportunity.timetableValue('Answers published by')).toHaveText(/\d{4}$/);
    await expect(opportunity.timetableValue('Questions close')).not.toHaveText(
      await opportunity.timetableValue('Answers published by').innerText(),
    );
    await expect(page.getByText('You may attach up to 3 documents to your response, each no larger than 5 MB.')).toBeVisible();
    await expect(page.getByText(/coming soon/i)).toHaveCount(0);

    // Registering interest, shown as a state the supplier can undo.
    const respond = opportunity.howToRespond();
    await respond.getByRole('button', { name: 'Register interest' }).click();
    await expect(respond.getByText('You have registered interest')).toBeVisible();
    await expect(respond.getByRole('button', { name: 'Withdraw interest' })).toBeFocused();
    await expect(respond.getByRole('button', { name: 'Start a response' })).toBeVisible();

    // The word count is live, and a question over the limit is refused here with nothing sent.
    const box = opportunity.questionBox();
    await box.fill('word '.repeat(501));
    await expect(page.getByText('You have 1 word too many')).toBeVisible();
    await page.getByRole('button', { name: 'Send question' }).click();
    await expect(page.getByText('Your question must be 500 words or fewer. It has 501 words.')).toBeVisible();
    await expect(box).toBeFocused();
    const none = (await (await page.request.get(`/api/v1/tenders/${tender.id}/questions/mine`)).json()) as OwnQuestion[];
    expect(none).toEqual([]);

    await box.fill(QUESTION);
    await expect(page.getByText('You have 483 words remaining')).toBeVisible();
    await page.getByRole('button', { name: 'Send question' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your question has been sent.' })).toBeVisible();
    await expect(opportunity.ownQuestions().getByRole('listitem')).toHaveCount(1);
    await expect(opportunity.ownQuestions()).toContainText(QUESTION);
    await expect(opportunity.ownQuestions()).toContainText('Waiting for an answer');
    await expectNoAxeViolations(page);

    // The buyer sees "Questions (1 new)" on the tender and answers from the queue.
    const buyerContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    const buyerPage = await buyerContext.newPage();
    await signInAs(buyerPage, demoBuyer.email, demoBuyer.password, 'Priya Shah');
    await buyerPage.goto(`/tenders/${tender.id}/preview`);
    await buyerPage.getByRole('link', { name: 'Questions (1 new)' }).click();
    await expect(buyerPage.getByRole('heading', { level: 1, name: 'Questions from suppliers' })).toBeVisible();
    const tabs = buyerPage.getByRole('navigation', { name: 'Questions by status' });
    await expect(tabs.getByRole('link', { name: 'New (1)' })).toHaveAttribute('aria-current', 'page');
    await expect(buyerPage.getByText(QUESTION)).toBeVisible();
    await expect(buyerPage.getByRole('heading', { level: 3, name: new RegExp(`From ${demoSupplier.organisation}`) })).toBeVisible();
    await expect(buyerPage.locator('dt', { hasText: 'Questions close' })).toBeVisible();
    await expect(buyerPage.locator('dt', { hasText: 'Answers published by' })).toBeVisible();

    await buyerPage.getByLabel('Your answer').fill(ANSWER);
    await buyerPage.getByRole('button', { name: 'Save draft' }).click();
    await expect(buyerPage.getByText('Draft saved. Only your buying team can see it.')).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Drafted (1)' })).toBeVisible();

    // A private answer needs a reason; the buyer answers for everyone instead.
    await buyerPage.getByRole('radio', { name: 'Only the supplier who asked' }).check();
    await buyerPage.getByRole('button', { name: 'Send answer privately' }).click();
    await expect(buyerPage.getByText('Say why this question is commercially sensitive')).toBeVisible();
    await buyerPage.getByRole('radio', { name: 'Everyone', exact: true }).check();
    await expect(buyerPage.getByText(/The asker’s name and organisation are never shown/).first()).toBeVisible();
    await expectNoAxeViolations(buyerPage);
    await buyerPage.getByRole('button', { name: 'Publish answer to everyone' }).click();
    await expect(buyerPage.getByRole('status').filter({ hasText: 'Answer published to everyone' })).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Published (1)' })).toBeVisible();
    await tabs.getByRole('link', { name: 'Published (1)' }).click();
    await expect(buyerPage.getByText(ANSWER)).toBeVisible();
    await buyerContext.close();

    // The supplier sees the answer, published without a name, and its own question as answered.
    await page.reload();
    await expect(opportunity.publishedAnswers()).toContainText('Question 1');
    await expect(opportunity.publishedAnswers()).toContainText(QUESTION);
    await expect(opportunity.publishedAnswers()).toContainText(ANSWER);
    for (const who of [demoSupplier.organisation, demoSupplier.name]) await expect(opportunity.publishedAnswers()).not.toContainText(who);
    await expect(opportunity.ownQuestions()).toContainText('Answered to everyone, without your name');
    await expect(opportunity.ownQuestions()).toContainText(ANSWER);

    // A visitor without an account sees the same answer, no name, the annex PDF, and the way to respond.
    const visitorContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    const visitor = await visitorContext.newPage();
    await visitor.setViewportSize({ width: 375, height: 800 });
    await new OpportunityPage(visitor).goto(tender.id, tender.title);
    const answers = new OpportunityPage(visitor).publishedAnswers();
    await expect(answers).toContainText(ANSWER);
    for (const who of [demoSupplier.organisation, demoSupplier.name]) await expect(visitor.getByRole('main')).not.toContainText(who);
    const pdf = await visitor.request.get(
      (await visitor.getByRole('link', { name: /Download the questions and answers \(PDF\)/ }).getAttribute('href')) ?? '',
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const visitorRespond = new OpportunityPage(visitor).howToRespond();
    await expect(visitorRespond.getByRole('link', { name: 'Create a free supplier account' })).toBeVisible();
    await expect(visitorRespond.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      `/sign-in?returnUrl=${encodeURIComponent(`/opportunities/${tender.id}`)}`,
    );
    await expectNoSidewaysScroll(visitor, 375);
    await expectNoAxeViolations(visitor);
    await visitorContext.close();
  });

  test('the opportunity page fits a 375-pixel screen for a signed-in supplier', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(page, demoSupplier.email, demoSupplier.password, demoSupplier.name);
    const opportunity = new OpportunityPage(page);
    await opportunity.goto(tender.id, tender.title);
    await expect(opportunity.questionBox()).toBeVisible();
    await expect(opportunity.howToRespond().getByRole('button', { name: /Register interest|Withdraw interest/ })).toBeVisible();
    await expectNoSidewaysScroll(page, 375);
    await expectNoAxeViolations(page);
  });
});
