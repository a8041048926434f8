import AxeBuilder from '@axe-core/playwright';
import type { TenderDetail, TenderListItem } from '@openbrief/contracts';
import { Locator, Page, expect, test } from '@playwright/test';
import { ApiClient } from '../support/api-client';
import { demoBuyer, demoTenders } from '../support/demo-data';
import { SignInPage } from '../support/pages';
import { SERVER_WORK_MS } from '../support/waits';

/** A requirement's outcome, checked as the buyer types (other texts, such as the summary, are checked too). */
const CHECKED_OUTCOME = 'ob-checked-textarea:has(textarea[id^="outcome-"])';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// @axe-core/playwright's peer playwright-core resolves to a newer copy than @playwright/test's.
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

async function expectNoViolations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page: page as unknown as AxePage }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
  expect(results.violations, report).toEqual([]);
}

async function signInAsBuyer(page: Page): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(demoBuyer.email, demoBuyer.password);
  await expect(page).toHaveURL(/\/tenders$/);
}

/** The browser's session cookie is shared with page.request, so the API sees the signed-in buyer. */
async function demoDraftId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/tenders');
  expect(response.status()).toBe(200);
  const tenders = (await response.json()) as TenderListItem[];
  const draft = tenders.find((t) => t.title === demoTenders.draft);
  expect(draft, 'the demo draft tender should be seeded').toBeDefined();
  return draft!.id;
}

test.describe('tender history', () => {
  test('shows who changed what and compares two revisions side by side', async ({ page }) => {
    await signInAsBuyer(page);
    const id = await demoDraftId(page);

    await page.goto(`/tenders/${id}/history`);
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    await expect(page).toHaveTitle('History – Openbrief');
    await expect(page.getByText(demoTenders.draft).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the tender' })).toHaveAttribute('href', `/tenders/${id}`);

    // Revisions, newest first, with who and when (UK time: "5:30pm on 22 November 2026"). The seed makes
    // revisions 1 and 2; other tests may add more later, so only their order and content are asserted.
    const table = page.getByRole('table');
    await expect(table.getByRole('rowheader').first()).toBeVisible();
    const revisionNumbers = (await table.getByRole('rowheader').allTextContents()).map((t) => Number(t.trim()));
    expect(revisionNumbers.slice(-2)).toEqual([2, 1]);
    expect([...revisionNumbers].sort((a, b) => b - a)).toEqual(revisionNumbers);
    const revision2 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) });
    await expect(revision2).toContainText('Priya Shah');
    await expect(revision2).toContainText(/(\d{1,2}(:\d\d)?(am|pm)|midday|midnight) on \d{1,2} \w+ \d{4}/);
    await expect(revision2).toContainText('Summary');

    // Choosing the same revision twice is refused with a plain message.
    const from = page.getByLabel('From (older)');
    const to = page.getByLabel('To (newer)');
    await from.selectOption('2');
    await to.selectOption('2');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByText('Choose two different revisions')).toBeVisible();

    await from.selectOption('1');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page).toHaveURL(/[?&]from=1&to=2$/);
    const result = page.getByRole('heading', { level: 2, name: 'Changes from revision 1 to revision 2' });
    await expect(result).toBeVisible();
    await expect(result).toBeFocused();

    // A field filled in between the revisions: empty before, words inserted after (marked with <ins>, not colour alone).
    const summary = page.locator('section.diff').filter({ has: page.getByRole('heading', { level: 3, name: 'Summary', exact: true }) });
    await expect(summary.locator('.diff__column--before')).toContainText('Empty');
    await expect(summary.locator('.diff__column--after ins').first()).toContainText('Patients and carers find it hard');
    await expect(summary.locator('ins').first()).toHaveCSS('text-decoration-line', 'underline');
    // And something removed between them: struck through in the before column only.
    const removed = page.locator('section.diff del').first();
    await expect(removed).toBeVisible();
    await expect(removed).toHaveCSS('text-decoration-line', 'line-through');
    await expect(page.locator('.diff__column--after del')).toHaveCount(0);
    await expect(page.locator('.diff__column--before ins')).toHaveCount(0);

    await expectNoViolations(page);

    // The per-row shortcut gives the same comparison, and the link can be shared.
    await page.goto(`/tenders/${id}/history`);
    await revision2.getByRole('link', { name: 'Compare with revision 1' }).click();
    await expect(page).toHaveURL(/[?&]from=1&to=2$/);
    await expect(result).toBeVisible();
  });
});

test.describe('over-prescription checker in the editor', () => {
  /** A fresh tender from a template, so typing (and autosaving) leaves the demo tenders alone. */
  async function newTenderWithOutcomes(page: Page): Promise<string> {
    const api = new ApiClient(page.request);
    const response = await api.post('/api/v1/tenders', { title: `Checker test ${Date.now()}`, templateId: 'digital-service' });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as TenderDetail).id;
  }

  async function firstCheckedOutcome(page: Page, id: string): Promise<Locator> {
    await page.goto(`/tenders/${id}`);
    const field = page.locator(CHECKED_OUTCOME).first();
    await expect(field).toBeVisible({ timeout: SERVER_WORK_MS });
    return field;
  }

  test('underlines a brand as the buyer types, explains it and fixes it in one click', async ({ page }) => {
    await signInAsBuyer(page);
    const id = await newTenderWithOutcomes(page);
    const field = await firstCheckedOutcome(page, id);
    const textarea = field.locator('textarea').first();

    // The live panel (browser) and the server's check of the saved tender agree on the openness score.
    const panel = page.locator('ob-findings-panel');
    await expect(panel).toBeVisible();
    const serverCheck = await page.request.get(`/api/v1/tenders/${id}/check`);
    expect(serverCheck.status()).toBe(200);
    const { openness } = (await serverCheck.json()) as { openness: { score: number } };
    await expect(panel.locator('.fp__score-value')).toHaveText(String(openness.score));

    await textarea.fill('');
    await textarea.pressSequentially('Staff laptops must be Dell Latitude 7450.', { delay: 5 });

    // The underline: a <mark> behind the text, styled per severity (wavy for errors, not colour alone).
    const mark = field.locator('mark.checked__mark--error');
    await expect(mark).toHaveText('Dell Latitude 7450');
    await expect(mark).toHaveCSS('text-decoration-style', 'wavy');

    // The finding below the field: what, why, the legal reference and the suggested rewrite.
    const finding = field.locator('li[data-rule="brand.named-product"]');
    await expect(finding).toContainText('Brand or product named without "or equivalent"');
    await expect(finding).toContainText('Problem');
    await expect(finding).toContainText('Procurement Act 2023 s56(7)–(8)');
    await expect(finding).toContainText('Dell Latitude 7450 or equivalent');
    await finding.getByText('Why this matters').click();
    await expect(finding).toContainText('shuts out every supplier');

    // The count is announced politely once typing pauses.
    await expect(field.locator('[aria-live="polite"]')).toContainText('1 thing to check', { timeout: SERVER_WORK_MS });

    // One click applies the drop-in rewrite and returns focus to the text.
    await finding.getByRole('button', { name: 'Replace with “Dell Latitude 7450 or equivalent”' }).click();
    await expect(textarea).toHaveValue('Staff laptops must be Dell Latitude 7450 or equivalent.');
    await expect(textarea).toBeFocused();
    await expect(field.locator('mark')).toHaveCount(0);
    await expect(field).toContainText('No problems found');
  });

  test('lets the buyer justify a finding, which then shows as justified', async ({ page }) => {
    await signInAsBuyer(page);
    const id = await newTenderWithOutcomes(page);
    const field = await firstCheckedOutcome(page, id);
    const textarea = field.locator('textarea').first();

    await textarea.fill('Staff laptops must be Dell Latitude 7450.');
    const finding = field.locator('li[data-rule="brand.named-product"]');
    await finding.getByRole('button', { name: /^Justify/ }).click();

    const reason = field.getByRole('textbox', { name: 'Why is this needed?' });
    await expect(reason).toBeFocused();
    await field.getByRole('button', { name: 'Save justification' }).click();
    await expect(field.getByText('Enter why this is needed')).toBeVisible();

    await reason.fill('They must fit the 40 Dell docking stations we already own.');
    await field.getByRole('button', { name: 'Save justification' }).click();

    await expect(field).toContainText('Justified: They must fit the 40 Dell docking stations we already own.');
    await expect(field.locator('mark')).toHaveCount(0);
    await expect(field).toContainText('No problems found, 1 justified.');

    // The editor keeps the justification; the whole-tender panel lists it as justified.
    const panel = page.locator('ob-findings-panel');
    await expect(panel.getByRole('heading', { name: /^Justified/ })).toBeVisible();
    await expect(panel.locator('li[data-rule="brand.named-product"].finding--justified')).toContainText('docking stations');
  });
});

test.describe('importing a specification', () => {
  test('splits pasted text and an uploaded file into lines, with the checker findings per line', async ({ page }) => {
    await signInAsBuyer(page);
    const api = new ApiClient(page.request);
    const created = await api.post('/api/v1/tenders', { title: `Import test ${Date.now()}`, templateId: 'digital-service' });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as TenderDetail).id;

    await page.goto(`/tenders/${id}`);
    await expect(page.locator(CHECKED_OUTCOME).first()).toBeVisible({ timeout: SERVER_WORK_MS });
    const opener = page.locator('summary', { hasText: 'existing specification' }).first();
    await opener.click();
    const importer = page.locator('ob-import-specification').first();

    // Nothing pasted: a plain message, in an error summary that links to the field.
    await importer.getByRole('button', { name: 'Check the pasted text' }).click();
    await expect(importer.getByRole('alert')).toContainText('Paste the text of your specification');

    const outcomesBefore = await page.locator(CHECKED_OUTCOME).count();
    await importer
      .getByLabel('Specification text')
      .fill('# Devices\nStaff laptops must be Dell Latitude 7450.\nThe supplier answers calls within 2 minutes.');
    await importer.getByRole('button', { name: 'Check the pasted text' }).click();
    await expect(importer.getByText('2 requirements found')).toBeFocused();
    const lines = importer.locator('.imp__line');
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(0)).toContainText('1 thing to rewrite');
    await expect(lines.nth(0)).toContainText('Brand or product named without "or equivalent"');
    await expect(lines.nth(1)).toContainText('No problems found');
    await expect(importer.getByText('Devices', { exact: true })).toBeVisible();

    // Tick only the one to bring in.
    await lines.nth(1).getByRole('checkbox').uncheck();
    await importer.getByRole('button', { name: 'Add 1 requirement' }).click();
    await expect(importer.getByText('1 requirement was added')).toBeVisible();
    await expect(page.locator(CHECKED_OUTCOME)).toHaveCount(outcomesBefore + 1);

    // A file goes to the upload endpoint; a file of the wrong type is refused before upload.
    await importer.getByLabel('Specification file').setInputFiles({
      name: 'specification.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4'),
    });
    await importer.getByRole('button', { name: 'Upload and check' }).click();
    await expect(importer.getByRole('alert')).toContainText('The file must be a Word (.docx), Markdown (.md) or text (.txt) file');

    await importer.getByLabel('Specification file').setInputFiles({
      name: 'specification.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Suppliers must be ISO 9001 certified.\nResidents can report a missed bin online at any time.\n'),
    });
    await importer.getByRole('button', { name: 'Upload and check' }).click();
    await expect(importer.getByText('2 requirements found')).toBeVisible();
    await expect(importer.locator('.imp__line').nth(0)).toContainText('Certification or accreditation without equivalents');
  });
});
