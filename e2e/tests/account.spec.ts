import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { uniqueEmail } from '../support/demo-data';
import { SignUpPage, SiteHeader } from '../support/pages';

test.describe('a supplier account', () => {
  test('a supplier signs up, sets SME and VCSE, changes their name and invites a colleague', async ({ page, browser }) => {
    const supplier = {
      name: 'Ola Owner',
      email: uniqueEmail('owner'),
      password: 'a-long-enough-password',
      organisationName: 'Riverside Community Interest Co',
      isSme: true,
    };
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp(supplier);
    await expect(page).toHaveURL(/\/opportunities$/);
    const header = new SiteHeader(page);
    await header.expectSignedInAs(supplier.name);

    await page.getByRole('banner').getByRole('link', { name: 'Your account' }).click();
    await expect(page).toHaveURL(/\/account$/);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Your account' })).toBeFocused();
    await expect(main).toContainText(supplier.email);
    await expect(main.getByLabel('Organisation name')).toHaveValue(supplier.organisationName);
    await expect(main.getByRole('checkbox', { name: /small or medium-sized enterprise/ })).toBeChecked();
    await expect(main.getByRole('checkbox', { name: /voluntary, community or social enterprise/ })).not.toBeChecked();
    await expect(main.getByRole('table')).toContainText(supplier.email);
    await expectNoAxeViolations(page);

    // Organisation details: VCSE and an address, kept after a reload.
    await main.getByRole('checkbox', { name: /voluntary, community or social enterprise/ }).check();
    await main.getByLabel('Building and street').fill('4 Mill Lane');
    await main.getByLabel('Town or city').fill('Leeds');
    await main.getByLabel('Postcode').fill('LS1 4AP');
    await main.getByLabel('Country').fill('United Kingdom');
    await main.getByLabel(/Phone number/).fill('not a number');
    await main.getByRole('button', { name: 'Save organisation details' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problem).toContainText('Enter a phone number, like 020 7946 0000');
    await expect(problem).toBeFocused();
    await main.getByLabel(/Phone number/).fill('0113 496 0000');
    await main.getByRole('button', { name: 'Save organisation details' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'details have been saved' })).toBeVisible();

    await page.reload();
    await expect(main.getByRole('checkbox', { name: /voluntary, community or social enterprise/ })).toBeChecked();
    await expect(main.getByLabel('Town or city')).toHaveValue('Leeds');
    await expect(main.getByLabel(/Phone number/)).toHaveValue('0113 496 0000');

    // A new name shows in the header at once.
    await main.getByLabel('Your full name').fill('Ola Owner-Smith');
    await main.getByRole('button', { name: 'Save name' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'Your name has been saved.' })).toBeVisible();
    await header.expectSignedInAs('Ola Owner-Smith');

    // Invite a colleague, who joins the same supplier organisation.
    await main.getByRole('link', { name: 'Invite a colleague' }).click();
    await expect(page).toHaveURL(/\/team\/invite$/);
    await expect(main.getByRole('heading', { level: 1, name: 'Invite a colleague' })).toBeVisible();
    await expect(main.getByRole('radio')).toHaveCount(0);
    await expectNoAxeViolations(page);
    const colleagueEmail = uniqueEmail('colleague');
    await main.getByLabel('Their e-mail address').fill(colleagueEmail);
    await main.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await main.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(link).toMatch(/\/invitations\/.+/);

    const other = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    const colleague = await other.newPage();
    await colleague.goto(link);
    await expect(colleague.getByRole('main')).toContainText(supplier.organisationName);
    await expect(colleague.getByRole('main')).toContainText('a member of the supplier team');
    await colleague.getByLabel('Full name').fill('Cal Colleague');
    await colleague.getByLabel('Create a password').fill('colleague-password-42');
    await colleague.getByRole('button', { name: 'Accept and create account' }).click();
    await expect(colleague).toHaveURL(/\/opportunities$/);
    await new SiteHeader(colleague).expectSignedInAs('Cal Colleague');
    await other.close();

    await main.getByRole('link', { name: 'Back to your account' }).click();
    const team = main.getByRole('table');
    await expect(team).toContainText('Cal Colleague');
    await expect(team).toContainText(colleagueEmail);
  });

  test('the account page fits a 375-pixel screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp({
      name: 'Nia Narrow',
      email: uniqueEmail('narrow'),
      password: 'a-long-enough-password',
      organisationName: 'Narrow Screens Ltd',
      isSme: false,
    });
    await expect(page).toHaveURL(/\/opportunities$/);
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
  });

  test('the notifications page renders for a supplier, keeps e-mail choices, and is axe-clean', async ({ page }) => {
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.signUp({
      name: 'Noor Notified',
      email: uniqueEmail('notified'),
      password: 'a-long-enough-password',
      organisationName: 'Notified Ltd',
      isSme: true,
    });
    await expect(page).toHaveURL(/\/opportunities$/);

    await page
      .getByRole('banner')
      .getByRole('link', { name: /^Notifications/ })
      .click();
    await expect(page).toHaveURL(/\/notifications$/);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Notifications' })).toBeFocused();
    await expect(main).toContainText('You have no unread notifications.');
    const reminder = main.getByRole('checkbox', { name: /48 hours away/ });
    await expect(reminder).toBeVisible();
    await expectNoAxeViolations(page);

    const wanted = !(await reminder.isChecked());
    await reminder.setChecked(wanted);
    await main.getByRole('button', { name: 'Save e-mail choices' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'Your e-mail choices have been saved.' })).toBeVisible();
    await page.reload();
    await expect(main.getByRole('checkbox', { name: /48 hours away/ })).toBeChecked({ checked: wanted });
  });
});
