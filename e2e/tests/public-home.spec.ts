import { expect, test } from '@playwright/test';
import { demoTenders } from '../support/demo-data';
import { SiteHeader } from '../support/pages';

test.describe('public home page', () => {
  test('lists the published demo tender without signing in', async ({ page }) => {
    await page.goto('/');

    await expect(page).toHaveTitle(/Openbrief/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find public sector opportunities');
    await expect(new SiteHeader(page).signInLink()).toBeVisible();

    const published = page.getByRole('link', { name: demoTenders.published });
    await expect(published).toBeVisible();
    // Drafts are never public.
    await expect(page.getByText(demoTenders.draft)).toHaveCount(0);

    const card = page.getByRole('article').filter({ has: published });
    await expect(card.getByText('Estimated value')).toBeVisible();
    await expect(card.getByText(/£[\d,]+/)).toBeVisible();

    await published.click();
    await expect(page).toHaveURL(/\/opportunities\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoTenders.published);
    await expect(page).toHaveTitle(`${demoTenders.published} – Openbrief`);
    for (const section of ['Key facts', 'What we want to achieve', 'How bids will be scored', 'Timetable']) {
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'Create a supplier account' }).first()).toBeVisible();
  });
});
