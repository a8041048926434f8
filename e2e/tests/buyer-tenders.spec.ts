import { expect, test } from '@playwright/test';
import { demoBuyer, demoTenders } from '../support/demo-data';
import { SignInPage, SiteHeader } from '../support/pages';

test.describe('buyer', () => {
  test('signs in and sees the demo tenders in the tender list', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(demoBuyer.email, demoBuyer.password);

    await expect(page).toHaveURL(/\/tenders$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your tenders' })).toBeVisible();
    await expect(page).toHaveTitle('Your tenders – Openbrief');

    const header = new SiteHeader(page);
    await expect(header.nav.getByRole('link', { name: 'Tenders', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(header.nav.getByRole('link', { name: 'Invite to team' })).toBeVisible();
    await expect(header.signOutButton()).toBeVisible();

    const table = page.getByRole('table');
    const draftRow = table.getByRole('row').filter({ hasText: demoTenders.draft });
    await expect(draftRow).toBeVisible();
    await expect(draftRow.getByText('Draft', { exact: true })).toBeVisible();

    const publishedRow = table.getByRole('row').filter({ hasText: demoTenders.published });
    await expect(publishedRow).toBeVisible();
    await expect(publishedRow.getByText('Published', { exact: true })).toBeVisible();
  });

  test('is sent to sign in when opening the tender list signed out', async ({ page }) => {
    await page.goto('/tenders');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Ftenders$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });
});
