import { expect, test } from '@playwright/test';
import type { SupplierResponse, TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer, uniqueEmail } from '../support/demo-data';
import { SignUpPage } from '../support/pages';
import { publishTender } from '../support/published-tender';
import { ResponseEditor } from '../support/response-editor';
import { browserFor, inviteColleague } from '../support/team';
import { toContent } from '../support/tender-editor';
import { SERVER_WORK_MS } from '../support/waits';

/**
 * The sealed box from both sides: a supplier starts from the opportunity page and submits; before the deadline
 * the buyer sees a number and nothing else; after it, one buyer asks to open and a colleague confirms, and the
 * fingerprints shown are the supplier's receipt. The deadline is brought near by a corrigendum (a new published
 * version), as a buyer shortening a timetable would, and the test waits for the server's clock to pass it.
 */
const SECONDS = 1000;

test.describe('sealed responses and two-person opening', () => {
  test('a submission stays sealed until the deadline, then two buyers open it and see the receipt hash', async ({
    page,
    browser,
    playwright,
    baseURL,
  }) => {
    test.slow(); // It waits for a deadline to pass, on a busy machine.
    const buyerRequest = await playwright.request.newContext({ baseURL });
    const priya = new ApiClient(buyerRequest);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const tender = await publishTender(priya, `Sealed bids for patient transport ${Date.now()}`, {
      responseRules: { attachmentsAllowed: true, maxAttachments: 5, maxAttachmentMb: 10, twoPersonOpening: true },
    });

    // A new supplier, from the opportunity page: "Start a response" opens the editor.
    const organisationName = `Sealed Wheels ${Date.now()} Ltd`;
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp({
      name: 'Sam Reid',
      email: uniqueEmail('sealed'),
      password: 'a-long-enough-password',
      organisationName,
      isSme: true,
    });
    await expect(page.getByRole('link', { name: /Your responses/ }).first()).toBeVisible({ timeout: SERVER_WORK_MS });
    await page.goto(`/opportunities/${tender.id}`);
    await page.getByRole('button', { name: /^Start a response/ }).click();
    await expect(page).toHaveURL(/\/responses\/[0-9a-f-]{36}$/, { timeout: SERVER_WORK_MS });
    const responseId = page.url().split('/').pop()!;

    const editor = new ResponseEditor(page);
    await editor.answerEveryQuestion('Our drivers collect patients on time and tell the clinic when they are on their way.');
    await editor.declareEveryRequirement();
    await editor.addPriceLine({ description: 'Journeys', quantity: '400', unit: 'journey', unitPrice: '32.50' });
    await editor.expectSaved();
    await page.getByRole('button', { name: 'Submit your response' }).click();
    const receipt = page.getByRole('region', { name: 'Your response has been submitted' });
    await expect(receipt).toBeVisible({ timeout: SERVER_WORK_MS });
    const sha256 = (await receipt.locator('.receipt__hash').innerText()).trim();
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);

    // Before the deadline the buyer has a number: no names, no content, no way in.
    const buyer = await browserFor(browser, demoBuyer.email, demoBuyer.password);
    await buyer.page.goto(`/tenders/${tender.id}/responses`);
    const submitted = buyer.page.locator('.counts__item').filter({ hasText: 'Responses submitted' });
    await expect(submitted.locator('dd')).toHaveText('1', { timeout: SERVER_WORK_MS });
    await expect(buyer.page.getByText(/This tender needs two people to open the responses/)).toBeVisible();
    await expect(buyer.page.getByRole('button', { name: /^Open responses/ })).toHaveCount(0);
    await expect(buyer.page.getByText(organisationName)).toHaveCount(0);
    await expectNoAxeViolations(buyer.page);
    expect((await buyerRequest.get(`/api/v1/responses/${responseId}`)).status()).toBe(404);
    const early = await priya.post(`/api/v1/tenders/${tender.id}/responses/open`, {});
    expect(early.status(), await early.text()).toBe(409);

    // A corrigendum brings the deadline to a few seconds from now.
    const current = (await (await buyerRequest.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const deadline = Date.now() + 25 * SECONDS;
    const content = toContent(current);
    content.timetable = {
      ...content.timetable,
      clarificationDeadline: at(5 * SECONDS),
      answersPublishedBy: at(10 * SECONDS),
      submissionDeadline: new Date(deadline).toISOString(),
    };
    const saved = await priya.put(`/api/v1/tenders/${tender.id}`, { revision: current.revision, content });
    expect(saved.status(), await saved.text()).toBe(200);
    const republished = await priya.post(`/api/v1/tenders/${tender.id}/publish`, {
      revision: ((await saved.json()) as TenderDetail).revision,
      changeNote: 'The deadline for responses is earlier.',
    });
    expect(republished.status(), await republished.text()).toBe(201);

    // Wait for the deadline to pass (the server runs on this machine's clock)…
    await expect.poll(() => Date.now() > deadline + SECONDS, { timeout: 120 * SECONDS, intervals: [1000] }).toBe(true);
    // …and the server agrees: the supplier can no longer withdraw, and its submission still counts.
    const supplier = new ApiClient(page.request);
    const late = await supplier.post(`/api/v1/responses/${responseId}/withdraw`, {});
    expect(late.status(), await late.text()).toBe(409);
    const after = (await (await page.request.get(`/api/v1/responses/${responseId}`)).json()) as SupplierResponse;
    expect(after.receipt?.sha256).toBe(sha256);

    // One buyer asks to open…
    await buyer.page.reload();
    await buyer.page.getByRole('button', { name: 'Open responses: ask a colleague to confirm' }).click();
    await expect(buyer.page.getByText(/asked to open the responses/)).toBeVisible({ timeout: SERVER_WORK_MS });
    await expect(buyer.page.getByRole('button', { name: 'Confirm opening' })).toHaveCount(0);

    // …and a colleague confirms: the responses open, each with the supplier's receipt hash.
    const jordan = await inviteColleague(priya, () => playwright.request.newContext({ baseURL }), 'Jordan Lee');
    const second = await browserFor(browser, jordan.email, jordan.password);
    await second.page.goto(`/tenders/${tender.id}/responses`);
    await second.page.getByRole('button', { name: 'Confirm opening' }).click();
    const opened = second.page.getByRole('table', { name: /Opened responses/ });
    const row = opened.getByRole('row', { name: new RegExp(organisationName) });
    await expect(row).toBeVisible({ timeout: SERVER_WORK_MS });
    await expect(row.getByText(sha256)).toBeVisible();
    await expectNoAxeViolations(second.page);

    await Promise.all([buyer.context.close(), second.context.close(), buyerRequest.dispose(), jordan.request.dispose()]);
  });
});
