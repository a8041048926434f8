import { expect, test } from '@playwright/test';
import type { TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer, demoTenders } from '../support/demo-data';
import { SignInPage, SiteHeader } from '../support/pages';
import { TenderWorkspace } from '../support/tender-editor';

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

  test('chooses how suppliers respond in the full editor, and the choice is saved', async ({ page, request }) => {
    const api = new ApiClient(request);
    await api.signIn(demoBuyer.email, demoBuyer.password);
    const created = await api.post('/api/v1/tenders', { title: `Response rules ${Date.now()}`, templateId: 'digital-service' });
    expect(created.status()).toBe(201);
    const tender = (await created.json()) as TenderDetail;

    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(demoBuyer.email, demoBuyer.password);
    await expect(page).toHaveURL(/\/tenders$/);
    await page.goto(`/tenders/${tender.id}`);
    const section = page.getByRole('region', { name: 'How suppliers respond' });
    await expect(section).toBeVisible();
    await expect(page.getByLabel(/^Answers to questions published by/)).toBeVisible();

    // The defaults: attachments allowed, 5 of up to 10 MB each, one person opens.
    await expect(section.getByLabel('Suppliers may attach documents')).toBeChecked();
    await expect(section.getByLabel('Most attachments per response')).toHaveValue('5');
    await expect(section.getByLabel('Largest attachment, in MB')).toHaveValue('10');
    await expect(section.getByLabel('Two people must open the responses')).not.toBeChecked();
    await expect(section.getByText(/a second member of your organisation must confirm/)).toBeVisible();

    // A size out of range is named at the field; corrected, it saves.
    await section.getByLabel('Largest attachment, in MB').fill('60');
    await expect(section.getByText('The largest attachment size, in MB, must be a whole number from 1 to 50')).toBeVisible();
    await section.getByLabel('Largest attachment, in MB').fill('25');
    await section.getByLabel('Two people must open the responses').check();
    // No attachments: the numbers about them are not asked.
    await section.getByLabel('Suppliers may attach documents').uncheck();
    await expect(section.getByLabel('Most attachments per response')).toBeHidden();
    await expectNoAxeViolations(page);
    await new TenderWorkspace(page).expectSaved();

    await expect
      .poll(async () => ((await (await request.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail).responseRules)
      .toEqual({ attachmentsAllowed: false, maxAttachments: 5, maxAttachmentMb: 25, twoPersonOpening: true });
  });
});
