import { expect, test } from '@playwright/test';
import type { PublishedTenderPage, PublishedTenderView, SupplierResponse, TenderListItem } from '@openbrief/contracts';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer, demoTenders, uniqueEmail } from '../support/demo-data';
import { SignUpPage } from '../support/pages';
import { ResponseEditor } from '../support/response-editor';
import { SERVER_WORK_MS } from '../support/waits';

/** A small but real PDF: its type is checked from the content, not the name. */
const CASE_STUDY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test.describe("a supplier's response", () => {
  test('start, answer, price, attach, submit, download the receipt, withdraw and submit again', async ({ page }) => {
    // A new supplier of its own, so no earlier run's response is in the way.
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp({
      name: 'Priya Shah',
      email: uniqueEmail('responder'),
      password: 'a-long-enough-password',
      organisationName: `Shah Transport ${Date.now()}`,
      isSme: true,
    });
    await expect(page.getByRole('link', { name: /Your responses/ }).first()).toBeVisible({ timeout: SERVER_WORK_MS });

    // The empty list says how to start.
    await page.goto('/responses');
    await expect(page.getByRole('heading', { level: 2, name: 'You have not started a response yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Find an opportunity' })).toBeVisible();

    // Start a response to the demo published tender (the opportunity page's button does the same call).
    const api = new ApiClient(page.request);
    const list = (await (await page.request.get('/api/v1/public/tenders')).json()) as PublishedTenderPage;
    const summary = list.items.find((t) => t.title === demoTenders.published);
    expect(summary, 'the demo published tender').toBeDefined();
    const view = (await (await page.request.get(`/api/v1/public/tenders/${summary!.id}`)).json()) as PublishedTenderView;
    const started = await api.post('/api/v1/responses', { tenderId: summary!.id, lotId: view.tender.lots[0]!.id });
    expect(started.status(), await started.text()).toBe(201);
    const response = (await started.json()) as SupplierResponse;

    // "Your responses": the row, its countdown in words, and the next step as its link.
    await page.goto('/responses');
    const row = page.getByRole('row', { name: new RegExp(demoTenders.published) });
    await expect(row.getByText(/\d+ days? .*left|hours? .*left/)).toBeVisible();
    await expect(row.getByText('Draft', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/responses/${response.id}$`));

    const editor = new ResponseEditor(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

    // Submitting with nothing done lists what is missing, each linked to its field.
    await page.getByRole('button', { name: 'Submit your response' }).click();
    const summaryBox = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summaryBox).toBeFocused();
    await expect(summaryBox.getByRole('link').first()).toBeVisible();

    // Answers, with a live word count against the limit.
    const questions = await editor.answerEveryQuestion('We run accessible minibuses with trained drivers in every village.');
    expect(questions).toBeGreaterThan(0);
    await expect(
      editor
        .section('Questions')
        .getByText(/^10 words( of [\d,]+: [\d,]+ words left| \(no word limit\))$/)
        .first(),
    ).toBeVisible();
    await editor.declareEveryRequirement();

    // Price: totals computed, never typed.
    const line = await editor.addPriceLine({ description: 'Driver hours', quantity: '120', unit: 'hour', unitPrice: '18.50' });
    await expect(line.getByLabel('Line 1 total')).toHaveText('£2,220.00');
    await expect(editor.section('Price').getByText(/Total price: £2,220\.00/)).toBeVisible();
    await editor.expectSaved();

    // A document, type-checked by the server from its content.
    await editor.section('Documents').getByLabel('Add a document').setInputFiles({
      name: 'case-study.pdf',
      mimeType: 'application/pdf',
      buffer: CASE_STUDY_PDF,
    });
    await expect(editor.section('Documents').getByRole('link', { name: /case-study\.pdf/ })).toBeVisible({ timeout: SERVER_WORK_MS });
    await expectNoAxeViolations(page);

    // Submit: the receipt with the server's time, the version and the SHA-256.
    await page.getByRole('button', { name: 'Submit your response' }).click();
    const receipt = page.getByRole('region', { name: 'Your response has been submitted' });
    await expect(receipt).toBeVisible({ timeout: SERVER_WORK_MS });
    const sha256 = (await receipt.locator('.receipt__hash').innerText()).trim();
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(receipt.getByText(/\(UK time\)/)).toBeVisible();

    // The receipt PDF names the same fingerprint (read with poppler).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      receipt.getByRole('link', { name: 'Download receipt (PDF)' }).click(),
    ]);
    const pdfPath = await download.path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain(sha256);
    await expectNoAxeViolations(page);

    // Withdraw (after a confirm dialog), then submit again: a second receipt, both kept.
    await page.getByRole('button', { name: 'Withdraw your response' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw your response?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await expect(page.getByText('You withdrew your response.')).toBeVisible({ timeout: SERVER_WORK_MS });
    await page.getByRole('button', { name: 'Submit again' }).click();
    await expect(page.getByRole('region', { name: 'Your response has been submitted' }).getByText('Number 2')).toBeVisible({
      timeout: SERVER_WORK_MS,
    });
    await expect(page.getByRole('table', { name: 'All your submissions' }).getByRole('row')).toHaveCount(3);

    // The list shows it submitted; a 375-pixel screen needs no sideways scrolling.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.goto('/responses');
    await expect(page.getByRole('row', { name: new RegExp(demoTenders.published) }).getByText('Submitted', { exact: true })).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
  });

  test('the buying team sees numbers only before the deadline', async ({ page }) => {
    const api = new ApiClient(page.request);
    await api.signIn(demoBuyer.email, demoBuyer.password);
    const tenders = (await (await page.request.get('/api/v1/tenders')).json()) as TenderListItem[];
    const tender = tenders.find((t) => t.title === demoTenders.published);
    expect(tender, 'the demo published tender').toBeDefined();

    await page.goto(`/tenders/${tender!.id}`);
    await page.getByRole('link', { name: /^Responses/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Responses' })).toBeVisible();
    await expect(page.locator('dt', { hasText: 'Suppliers interested' }).locator('xpath=following-sibling::dd[1]')).toHaveText(/^\d+$/);
    await expect(page.locator('dt', { hasText: 'Responses submitted' }).locator('xpath=following-sibling::dd[1]')).toHaveText(/^\d+$/);
    await expect(page.getByText(/Responses stay sealed until the submission deadline/)).toBeVisible();
    // Two-person opening is explained, and nothing can be opened (nor any supplier named) before the deadline.
    await expect(page.getByText(/needs two people to open the responses/)).toBeVisible();
    await expect(page.getByRole('button', { name: /Open responses/ })).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
