import { Locator, Page, expect, test } from '@playwright/test';
import { type CommentThreadList, type TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { browserFor, inviteColleague, signIn } from '../support/team';
import { toContent } from '../support/tender-editor';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A tender from the digital-service template with everything publication needs. */
async function createReadyTender(priya: ApiClient): Promise<TenderDetail> {
  const created = await priya.post('/api/v1/tenders', { title: `School transport ${Date.now()}`, templateId: 'digital-service' });
  expect(created.status(), await created.text()).toBe(201);
  const tender = (await created.json()) as TenderDetail;
  const content = toContent(tender);
  content.summary = 'Parents can arrange school transport for their children online.';
  content.problem = 'Applications are on paper and take weeks.';
  content.contact = { name: 'Priya Shah', email: 'priya@nhs.test', phone: null };
  content.timetable = { ...content.timetable, clarificationDeadline: inDays(10), submissionDeadline: inDays(20) };
  content.estimatedValue = 200_000;
  const saved = await priya.put(`/api/v1/tenders/${tender.id}`, { revision: tender.revision, content });
  expect(saved.status(), await saved.text()).toBe(200);
  return (await saved.json()) as TenderDetail;
}

const thread = (page: Page, title: string): Locator => page.getByRole('article', { name: title, exact: true });
const filterLink = (page: Page, name: RegExp): Locator =>
  page.getByRole('navigation', { name: 'Show threads' }).getByRole('link', { name });

test.describe('comments on a draft tender', () => {
  test('start a thread on a requirement mentioning a colleague, reply, resolve, filter, and be warned when publishing', async ({
    page,
    browser,
    playwright,
  }) => {
    // Two browsers and live editing: well over the default on a busy machine.
    test.setTimeout(240_000);
    const priyaRequest = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const priya = new ApiClient(priyaRequest);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const chris = await inviteColleague(
      priya,
      () => playwright.request.newContext({ baseURL: test.info().project.use.baseURL }),
      `Chris Mentionable ${Date.now() % 100_000}`,
    );
    const tender = await createReadyTender(priya);
    const outcome = tender.lots[0].requirements[1].outcome;

    // From the requirement card in the editor to a new thread, ready for that requirement.
    await signIn(page, demoBuyer.email, demoBuyer.password);
    await page.goto(`/tenders/${tender.id}`);
    await page.getByRole('link', { name: 'Comment on requirement 1.2' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Comments' })).toBeVisible();
    await expect(page).toHaveTitle(/^Comments/);
    const about = page.getByLabel('What is it about?');
    await expect(about.locator('option:checked')).toHaveText(/^Requirement 1\.2: /);
    await page.getByLabel(/Which part\?/).selectOption({ label: 'Why it matters' });
    await page.getByLabel(/Words you are commenting on/).fill(outcome.slice(0, 30));

    // Mention by typing "@" and the start of a name, then choosing the suggestion.
    const box = page.getByLabel('Comment', { exact: true });
    await box.pressSequentially('Can we say who is hurt if this slips? @Chr');
    const suggestions = page.getByRole('listbox', { name: 'People to mention' });
    await expect(suggestions.getByRole('option', { name: chris.name })).toBeVisible();
    await box.press('Enter');
    await expect(suggestions).toBeHidden();
    await expect(box).toHaveValue(`Can we say who is hurt if this slips? @${chris.name} `);
    await expect(page.getByRole('checkbox', { name: new RegExp(chris.name) })).toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start thread' }).click();

    const onRequirement = thread(page, 'Requirement 1.2: why it matters');
    await expect(onRequirement).toBeVisible();
    await expect(onRequirement.getByRole('heading', { level: 3 })).toBeFocused();
    await expect(onRequirement).toContainText(`Mentioned: ${chris.name}`);
    await expect(onRequirement).toContainText(outcome.slice(0, 30));
    await expect(onRequirement.locator('time').first()).toHaveText(/^\d{1,2}(:\d{2})?(am|pm) on \d{1,2} \w+ \d{4}$|^(midday|midnight) on /);
    await expect(page.getByText('Only threads about requirement 1.2')).toBeVisible();

    // The colleague finds it under "Mentioning me" and replies, mentioning Priya back. Replying once threw
    // "TypeError … 'focus'" in the console every time: any console error or uncaught exception fails the test.
    const { page: chrisPage } = await browserFor(browser, chris.email, chris.password);
    const consoleErrors: string[] = [];
    chrisPage.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    chrisPage.on('pageerror', (error) => consoleErrors.push(error.message));
    await chrisPage.goto(`/tenders/${tender.id}/comments`);
    await filterLink(chrisPage, /^Mentioning me \(1\)$/).click();
    const theirs = thread(chrisPage, 'Requirement 1.2: why it matters');
    await theirs.getByRole('button', { name: /^Reply/ }).click();
    await expect(theirs.getByLabel('Your reply')).toBeFocused();
    await theirs.getByLabel('Your reply').fill('Families who miss school: I will add that.');
    // Evaluators of the organisation can be mentioned too (they then see that thread only: evaluator-comments.spec.ts).
    await expect(theirs.getByRole('checkbox', { name: /Dr Tom Evans/ })).toHaveCount(1);
    await theirs.getByRole('checkbox', { name: /Priya Shah/ }).check();
    await theirs.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(theirs.getByRole('list', { name: '2 comments' })).toBeVisible();
    await expect(theirs).toContainText('Mentioned: Priya Shah');
    // Focus goes back to the button that opened the reply box.
    await expect(theirs.getByRole('button', { name: /^Reply/ })).toBeFocused();
    expect(consoleErrors).toEqual([]);
    await chrisPage.context().close();

    // A second, tender-wide thread; then the first is resolved and leaves the open list.
    await page.goto(`/tenders/${tender.id}/comments`);
    const onRequirementNow = thread(page, 'Requirement 1.2: why it matters');
    await expect(onRequirementNow).toContainText('Families who miss school: I will add that.');
    await page.getByRole('button', { name: 'Start a new thread' }).click();
    await expect(page.getByLabel('What is it about?')).toBeFocused();
    await page.getByLabel('Comment', { exact: true }).fill('Should we hold a supplier day before publishing?');
    await page.getByRole('button', { name: 'Start thread' }).click();
    const wholeTender = thread(page, 'The tender as a whole');
    await expect(wholeTender).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '2 open threads' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Comments (2 open threads)' })).toBeVisible();

    await onRequirementNow.getByRole('button', { name: /^Resolve/ }).click();
    await expect(onRequirementNow).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: '1 open thread' })).toBeFocused();
    await expect(filterLink(page, /^Open \(1\)$/)).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('link', { name: 'Comments (1 open thread)' })).toBeVisible();

    await filterLink(page, /^Resolved \(1\)$/).click();
    const resolved = thread(page, 'Requirement 1.2: why it matters');
    await expect(resolved).toContainText('Resolved by Priya Shah');
    await expect(resolved).toContainText('Priya Shah resolved this thread');
    await expect(wholeTender).toBeHidden();
    await expectNoAxeViolations(page);

    await filterLink(page, /^Open \(1\)$/).click();
    await expect(wholeTender).toBeVisible();
    await expect(thread(page, 'Requirement 1.2: why it matters')).toBeHidden();

    // Publishing warns about the open thread, links to it, and still publishes.
    await page.getByRole('navigation', { name: 'This tender' }).getByRole('link', { name: 'Check and publish' }).click();
    const warning = page.locator('.notice--warning').filter({ hasText: '1 comment thread is still open' });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('link', { name: 'Read the open thread' })).toHaveAttribute(
      'href',
      `/tenders/${tender.id}/comments?status=open`,
    );
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(page).toHaveURL(new RegExp(`/tenders/${tender.id}/published/1$`));

    const kept = await priyaRequest.get(`/api/v1/tenders/${tender.id}/comments`);
    expect(((await kept.json()) as CommentThreadList).counts).toMatchObject({ open: 1, resolved: 1 });
  });
});
