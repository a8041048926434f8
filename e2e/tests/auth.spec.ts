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
    await expect(page.getByRole('status').filter({ hasText: 'Your supplier account' })).toContainText(supplier.organisationName);
    const header = new SiteHeader(page);
    await header.expectSignedInAs(supplier.name);
    await expect(header.nav.getByRole('link', { name: 'Your responses' })).toBeVisible();

    await header.signOut();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText('You have signed out.')).toBeVisible();
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  });

  test('signing up with a known e-mail reveals nothing and changes nothing', async ({ page, request }) => {
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
    const first = await api.post('/api/v1/auth/sign-up', details);
    expect(first.status()).toBe(202);

    // Someone else tries the same address with their own password: told only to sign in.
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp({ ...details, name: 'Mallory', password: 'someone-elses-passphrase', organisationName: 'Other Ltd' });
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('status').filter({ hasText: 'If this e-mail address is new to Openbrief' })).toBeVisible();
    await expect(new SiteHeader(page).signInLink()).toBeVisible();

    // The account holder's details are untouched.
    const holder = await api.signIn(email, details.password);
    expect(holder).toMatchObject({ name: 'Tess Twice', organisation: { name: 'Twice Ltd' } });
  });

  test('a guessable password gets live advice and is refused with it', async ({ page }) => {
    const signUp = new SignUpPage(page);
    await signUp.goto();
    const password = page.getByLabel('Create a password');
    await password.fill('password12');
    await expect(page.getByText('This is a commonly used password.')).toBeVisible();
    await password.fill('correct-lantern-meadow');
    await expect(page.getByText('This password is hard to guess.')).toBeVisible();

    await signUp.signUp({
      name: 'Gill Guessable',
      email: uniqueEmail('guessable'),
      password: '1234567890',
      organisationName: 'Guessable Ltd',
      isSme: true,
    });
    await expect(page.getByRole('alert')).toContainText('Choose a password that is harder to guess.');
    await expect(page.getByLabel('Create a password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/sign-up$/);
  });

  test('a signed-in supplier changes their password from the account page', async ({ page, request }) => {
    const email = uniqueEmail('changer');
    const api = new ApiClient(request);
    await request.get('/api/v1/auth/me');
    const signUp = await api.post('/api/v1/auth/sign-up', {
      name: 'Chris Changer',
      email,
      password: 'first-chosen-passphrase',
      organisationName: 'Changer Ltd',
      isSme: true,
    });
    expect(signUp.status()).toBe(202);
    await api.signIn(email, 'first-chosen-passphrase');

    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, 'first-chosen-passphrase');
    await new SiteHeader(page).expectSignedInAs('Chris Changer');
    await page.getByRole('banner').getByRole('link', { name: 'Your account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(email);

    await page.getByLabel('Current password').fill('first-chosen-passphrase');
    await page.getByLabel('New password').fill('Changer Ltd 2025');
    await expect(page.getByText('There should not be any personal or page related data.')).toBeVisible();
    await page.getByLabel('New password').fill('second-chosen-passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();

    // The session in the other client (the API) ended; this browser carries on.
    expect((await request.get('/api/v1/auth/me')).status()).toBe(401);
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(200);
    await api.signIn(email, 'second-chosen-passphrase');
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
