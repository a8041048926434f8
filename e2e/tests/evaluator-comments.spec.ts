import { expect, test } from '@playwright/test';
import { type CommentThread, type TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { SignInPage } from '../support/pages';
import { createTender, signIn } from '../support/team';

const evaluator = { email: 'evaluator@demo.test', password: 'demo-password', name: 'Dr Tom Evans' } as const;

test.describe('an evaluator mentioned in a comment', () => {
  test('finds the thread on their start page, reads it and replies, and sees nothing else of the tender', async ({
    page,
    browser,
    playwright,
  }) => {
    const priyaRequest = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const priya = new ApiClient(priyaRequest);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const tender: TenderDetail = await createTender(priya, 'Patient transport');
    const other = await priya.post(`/api/v1/tenders/${tender.id}/comments`, { body: 'Only for buyers: is the budget too low?' });
    expect(other.status(), await other.text()).toBe(201);

    // The buyer mentions the evaluator from the comments page, choosing them from the people offered.
    await signIn(page, demoBuyer.email, demoBuyer.password);
    await page.goto(`/tenders/${tender.id}/comments`);
    await page.getByRole('button', { name: 'Start a new thread' }).click();
    await page.getByLabel('Comment', { exact: true }).fill('Tom, could the panel score the first outcome as written?');
    await page.getByRole('checkbox', { name: new RegExp(evaluator.name) }).check();
    await page.getByRole('button', { name: 'Start thread' }).click();
    await expect(page.getByRole('article').filter({ hasText: 'could the panel score' })).toContainText(`Mentioned: ${evaluator.name}`);

    // The evaluator signs in and lands on their start page, which lists the thread.
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    const tom = await context.newPage();
    const signInPage = new SignInPage(tom);
    await signInPage.goto();
    await signInPage.signIn(evaluator.email, evaluator.password);
    await expect(tom).toHaveURL(/\/evaluations$/);
    // From here on (the sign-in page's anonymous 401 is expected), any console error or uncaught exception fails the test.
    const consoleErrors: string[] = [];
    tom.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    tom.on('pageerror', (error) => consoleErrors.push(error.message));
    const mentions = tom.getByRole('region', { name: 'Comments mentioning you' });
    const link = mentions.getByRole('link', { name: new RegExp(`^${tender.title} \\(${tender.reference}\\): the tender as a whole$`) });
    await expect(link).toBeVisible();
    await expect(mentions).toContainText('Priya Shah: “Tom, could the panel score the first outcome as written?”');
    await expect(mentions).not.toContainText('Only for buyers');
    await expectNoAxeViolations(tom);

    // The thread opens on a page of its own; the evaluator replies.
    await link.click();
    await expect(tom).toHaveURL(new RegExp(`/tenders/${tender.id}/comments/[0-9a-f-]{36}$`));
    await expect(tom.getByRole('heading', { level: 1, name: 'Comment thread' })).toBeVisible();
    await expect(tom).toHaveTitle(/^Comment thread/);
    await expect(tom.getByText(`${tender.title} (${tender.reference})`)).toBeVisible();
    const thread = tom.getByRole('article', { name: 'The tender as a whole' });
    await expect(thread).toContainText('Tom, could the panel score the first outcome as written?');
    await expect(thread.getByRole('button', { name: /^Resolve/ })).toHaveCount(0);
    await expect(thread.getByRole('link', { name: /Show in the editor/ })).toHaveCount(0);
    await thread.getByRole('button', { name: /^Reply/ }).click();
    await expect(thread.getByLabel('Your reply')).toBeFocused();
    await thread.getByLabel('Your reply').fill('Yes, if the target is a number we can check.');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(thread.getByRole('list', { name: '2 comments' })).toBeVisible();
    await expect(thread).toContainText(evaluator.name);
    await expect(thread.getByRole('button', { name: /^Reply/ })).toBeFocused();
    await expectNoAxeViolations(tom);
    expect(consoleErrors).toEqual([]);

    // The buyer sees the answer in the thread.
    const threads = (await (await priyaRequest.get(`/api/v1/tenders/${tender.id}/comments`)).json()) as { threads: CommentThread[] };
    const answered = threads.threads.find((t) => t.entries[0].body.startsWith('Tom, could'));
    expect(answered?.entries.map((e) => [e.author.name, e.body])).toEqual([
      ['Priya Shah', 'Tom, could the panel score the first outcome as written?'],
      [evaluator.name, 'Yes, if the target is a number we can check.'],
    ]);

    // Everything else of the tender stays closed: its pages send the evaluator back to their start page.
    for (const path of [`/tenders/${tender.id}`, `/tenders/${tender.id}/comments`, `/tenders/${tender.id}/history`, '/tenders']) {
      await tom.goto(path);
      await expect(tom).toHaveURL(/\/evaluations$/);
    }
    const otherThread = (await other.json()) as CommentThread;
    await tom.goto(`/tenders/${tender.id}/comments/${otherThread.id}`);
    await expect(tom.getByRole('heading', { level: 2, name: 'We could not find that thread' })).toBeVisible();
    await expect(tom.locator('body')).not.toContainText('Only for buyers');
    await context.close();
  });
});
