import { expect, test } from '@playwright/test';
import { Role } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { demoBuyer, uniqueEmail } from '../support/demo-data';
import { SignInPage, SignUpPage, SiteHeader } from '../support/pages';

test.describe('signing in and joining', () => {
  test('a wrong password shows a clear message', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(demoBuyer.email, 'not-the-right-password');

    await expect(signIn.errorSummary()).toBeVisible();
    await expect(signIn.errorSummary()).toContainText('The e-mail or password is not right.');
    await expect(signIn.errorSummary()).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(new SiteHeader(page).signInLink()).toBeVisible();
  });

  test('a supplier signs up, is signed in, then signs out', async ({ page }) => {
    const supplier = {
      name: 'Sam Supplier',
      email: uniqueEmail('supplier'),
      password: 'a-long-enough-password',
      organisationName: 'Small Co Ltd',
      companyNumber: '01234567',
      isSme: true,
    };

    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp(supplier);

    await expect(page).toHaveURL(/\/opportunities$/);
    await expect(page.getByRole('status').filter({ hasText: 'Your supplier account' })).toContainText(
      supplier.organisationName,
    );
    const header = new SiteHeader(page);
    await header.expectSignedInAs(supplier.name);
    await expect(header.nav.getByRole('link', { name: 'Your responses' })).toBeVisible();

    await header.signOut();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText('You have signed out.')).toBeVisible();
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  });

  test('signing up again with the same e-mail explains what to do', async ({ page, request }) => {
    const email = uniqueEmail('twice');
    const details = {
      name: 'Tess Twice',
      email,
      password: 'a-long-enough-password',
      organisationName: 'Twice Ltd',
      isSme: false,
    };
    const api = new ApiClient(request);
    await request.get('/api/v1/auth/me');
    expect((await api.post('/api/v1/auth/sign-up', details)).status()).toBe(201);

    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp(details);
    await expect(page.getByRole('alert')).toContainText('already exists');
    await expect(page.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true');
  });

  test('an evaluator accepts an invitation created by the buyer', async ({ page, request }) => {
    const api = new ApiClient(request);
    const buyer = await api.signIn(demoBuyer.email, demoBuyer.password);
    const invitation = await api.createInvitation({
      email: uniqueEmail('evaluator'),
      role: Role.Evaluator,
    });
    expect(invitation.acceptPath).toMatch(/^\/invitations\/.+/);

    await page.goto(invitation.acceptPath);
    await expect(page.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(buyer.organisation.name);
    await expect(page.getByRole('main')).toContainText(invitation.email);

    await page.getByLabel('Full name').fill('Eve Evaluator');
    await page.getByLabel('Create a password').fill('evaluator-password-1');
    await page.getByRole('button', { name: 'Accept and create account' }).click();

    await expect(page).toHaveURL(/\/evaluations$/);
    await expect(page.getByRole('heading', { name: 'No evaluations assigned yet' })).toBeVisible();
    await new SiteHeader(page).expectSignedInAs('Eve Evaluator');

    // The link works once.
    await page.goto(invitation.acceptPath);
    await expect(page.getByText('This invitation link cannot be used.')).toBeVisible();
  });
});
