import { Locator, Page, expect } from '@playwright/test';

/** The site header, present on every page. */
export class SiteHeader {
  readonly nav: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  signInLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: 'Sign in' });
  }

  signOutButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Sign out' });
  }

  async expectSignedInAs(name: string): Promise<void> {
    await expect(this.page.getByRole('banner')).toContainText(name);
    await expect(this.signOutButton()).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.signOutButton().click();
    await expect(this.signInLink()).toBeVisible();
  }
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-mail address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
  }
}

export interface SupplierDetails {
  name: string;
  email: string;
  password: string;
  organisationName: string;
  companyNumber?: string;
  isSme: boolean;
}

export class SignUpPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/sign-up');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Create a supplier account' })).toBeVisible();
  }

  async signUp(details: SupplierDetails): Promise<void> {
    await this.page.getByLabel('Full name').fill(details.name);
    await this.page.getByLabel('E-mail address').fill(details.email);
    await this.page.getByLabel('Create a password').fill(details.password);
    await this.page.getByLabel('Organisation name').fill(details.organisationName);
    if (details.companyNumber) {
      await this.page.getByLabel(/Companies House or charity number/).fill(details.companyNumber);
    }
    await this.page.getByRole('checkbox', { name: /small or medium-sized enterprise/ }).setChecked(details.isSme);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }
}
