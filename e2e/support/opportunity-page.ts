import { Locator, Page, expect } from '@playwright/test';

/** The demo supplier created by the seed (backend/src/seed/demo-data.ts). */
export const demoSupplier = {
  email: 'supplier@demo.test',
  password: 'demo-password',
  name: 'Sam Okafor',
  organisation: 'Brightpath Digital Ltd',
} as const;

/** A published tender's public page, as anyone or a signed-in supplier sees it. */
export class OpportunityPage {
  constructor(private readonly page: Page) {}

  async goto(tenderId: string, title: string): Promise<void> {
    await this.page.goto(`/opportunities/${tenderId}`);
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** A row of the timetable: the value next to a label such as "Questions close". */
  timetableValue(label: string): Locator {
    return this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  publishedAnswers(): Locator {
    return this.page.getByRole('list', { name: 'Published answers' });
  }

  ownQuestions(): Locator {
    return this.page.getByRole('list', { name: 'Your questions' });
  }

  questionBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Ask a question' });
  }

  howToRespond(): Locator {
    return this.page.locator('.respond');
  }
}

/** Signs in through the form and waits for the header to show who is signed in. */
export async function signInAs(page: Page, email: string, password: string, name: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(name);
}

/** Nothing on the page is wider than the viewport (a 375-pixel phone must not scroll sideways). */
export async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}
