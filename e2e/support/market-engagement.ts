import { Locator, Page, expect } from '@playwright/test';

/** "2027-06-30T18:00": the wall-clock value a datetime-local field takes, read as UK time by the app. */
export function ukDateTimeInput(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/** The public engagement page, as anyone or a signed-in supplier sees it. */
export class EngagementPage {
  constructor(private readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await this.page.goto(`/engagements/${id}`);
    await expect(this.page.getByRole('heading', { level: 2, name: 'Draft outcomes' })).toBeVisible();
  }

  /** One draft outcome's card, e.g. "Outcome 1.1". */
  outcome(number: string): Locator {
    return this.page.getByRole('article', { name: `Outcome ${number}`, exact: true });
  }

  feedbackForm(number: string): Locator {
    return this.page.getByRole('form', { name: `Give feedback on outcome ${number}` });
  }

  async comment(number: string, text: string): Promise<void> {
    const form = this.feedbackForm(number);
    await form.getByRole('radio', { name: 'Comment on this outcome' }).check();
    await form.getByLabel('Your comment', { exact: true }).fill(text);
    await form.getByRole('button', { name: `Send feedback on outcome ${number}` }).click();
    await expect(form.getByRole('status')).toHaveText(`Your comment on outcome ${number} has been sent to the buyer.`);
  }

  async propose(number: string, outcome: string, why: string): Promise<void> {
    const form = this.feedbackForm(number);
    await form.getByRole('radio', { name: 'Propose a different outcome' }).check();
    await form.getByLabel('Your proposed outcome', { exact: true }).fill(outcome);
    await form.getByLabel('Why your outcome works better', { exact: true }).fill(why);
    await form.getByRole('button', { name: `Send feedback on outcome ${number}` }).click();
    await expect(form.getByRole('status')).toHaveText(`Your proposed outcome for outcome ${number} has been sent to the buyer.`);
  }
}
