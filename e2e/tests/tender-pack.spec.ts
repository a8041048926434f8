import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { demoBuyer, demoTenders } from '../support/demo-data';
import { SignInPage } from '../support/pages';

test.describe('tender pack download', () => {
  test('the public page links the published pack and shows the SHA-256 of exactly what it serves', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: demoTenders.published }).click();
    const link = page.getByRole('link', { name: /Download the tender pack \(PDF, version 1\)/ });
    await expect(link).toBeVisible();
    const shown = (await page.locator('.pack__hash').textContent())?.trim();
    expect(shown).toMatch(/^[0-9a-f]{64}$/);

    const res = await page.request.get((await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const body = await res.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(body).digest('hex')).toBe(shown);
  });

  test('the editor offers a download of the draft pack', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(demoBuyer.email, demoBuyer.password);
    await page.getByRole('link', { name: demoTenders.draft }).click();
    const link = page.getByRole('link', { name: /Download draft pack/ });
    await expect(link).toBeVisible();
    const res = await page.request.get((await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/-draft\.pdf/);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
