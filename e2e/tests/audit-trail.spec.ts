import { expect, test } from '@playwright/test';
import type { CommentThread } from '@openbrief/contracts';
import { readFileSync } from 'node:fs';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { createTender, signIn } from '../support/team';

/** More audited changes than one page of the trail holds (25), so it has a second page. */
const RESOLVED_THREADS = 26;

test.describe('audit trail', () => {
  test('a buyer reads who did what and when, in words, page by page, and downloads it as CSV', async ({ page, playwright }) => {
    test.setTimeout(120_000);
    const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const priya = new ApiClient(request);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const tender = await createTender(priya, 'Audited library services');
    for (let i = 0; i < RESOLVED_THREADS; i++) {
      const started = await priya.post(`/api/v1/tenders/${tender.id}/comments`, { body: `Question ${i + 1}` });
      expect(started.status(), await started.text()).toBe(201);
      const thread = (await started.json()) as CommentThread;
      const resolved = await priya.post(`/api/v1/tenders/${tender.id}/comments/${thread.id}/resolve`, {});
      expect(resolved.status(), await resolved.text()).toBe(200);
    }
    const trail = await request.get(`/api/v1/tenders/${tender.id}/audit?pageSize=1`);
    const total = ((await trail.json()) as { total: number }).total;
    expect(total).toBeGreaterThanOrEqual(RESOLVED_THREADS);
    const pages = Math.ceil(total / 25);

    // From the tender's workspace to its trail.
    await signIn(page);
    await page.goto(`/tenders/${tender.id}`);
    await page
      .getByRole('navigation', { name: 'This tender' })
      .getByRole('link', { name: /^Audit trail/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    await expect(page).toHaveTitle(/^Audit trail/);
    await expect(page.getByText(`(${tender.reference})`)).toBeVisible();

    const table = page.getByRole('table', { name: new RegExp(`^${total} entries, newest first: page 1 of ${pages}$`) });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText(['When', 'Who', 'What']);
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(26); // the header row and a page of 25
    const newest = rows.nth(1).getByRole('cell');
    await expect(newest.nth(1)).toHaveText('Priya Shah');
    await expect(newest.nth(2)).toHaveText('resolved a comment thread');
    await expect(newest.nth(0).locator('time')).toHaveText(/^(\d{1,2}(:\d{2})?(am|pm)|midday|midnight) on \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await expectNoAxeViolations(page);

    // Older entries are on the next page; the table takes focus so its caption is read out.
    const pager = page.getByRole('navigation', { name: 'Audit trail pages' });
    await expect(pager).toContainText(`Page 1 of ${pages}`);
    await pager.getByRole('link', { name: /^Older entries/ }).click();
    await expect(page).toHaveURL(/[?&]page=2\b/);
    const second = page.getByRole('table', { name: new RegExp(`page 2 of ${pages}$`) });
    await expect(second).toBeFocused();
    await expect(second.getByRole('row')).toHaveCount(Math.min(25, total - 25) + 1);
    await pager.getByRole('link', { name: /^Newer entries/ }).click();
    await expect(page.getByRole('table', { name: /page 1 of/ })).toBeVisible();

    // The whole trail as CSV, oldest first, with a header row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Download the audit trail \(CSV\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`audit-trail-${tender.id}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Entry","When (UK time)","When (UTC)","Who","What","Action","Entry hash"');
    expect(lines).toHaveLength(total + 1);
    expect(lines.at(-1)).toContain('"Priya Shah","resolved a comment thread","comment.resolved"');
    await request.dispose();
  });
});
