import { Locator, Page, expect } from '@playwright/test';
import { SERVER_WORK_MS } from './waits';

/** The supplier's response editor (/responses/:id). */
export class ResponseEditor {
  constructor(private readonly page: Page) {}

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** Waits until the draft is saved (the save status says so). */
  async expectSaved(): Promise<void> {
    await expect(this.page.getByText(/^(Saved at .+|All changes saved)$/)).toBeVisible({ timeout: SERVER_WORK_MS });
  }

  /** Answers every question; waits for the questions to be on the page first (count() does not wait). */
  async answerEveryQuestion(text: string): Promise<number> {
    const boxes = this.section('Questions').getByRole('textbox');
    await expect(boxes.first()).toBeVisible({ timeout: SERVER_WORK_MS });
    const n = await boxes.count();
    for (let i = 0; i < n; i++) await boxes.nth(i).fill(text);
    return n;
  }

  /** Declares every pass/fail requirement met (none, if the tender has none); waits for the editor to load first. */
  async declareEveryRequirement(): Promise<void> {
    const yes = this.section('Requirements you must meet').getByRole('radio', { name: 'Yes, we meet it' });
    // A tender may have no pass/fail requirements: wait for the loaded editor (its contents list), not for a radio.
    await expect(this.page.getByRole('navigation', { name: 'Parts of your response' })).toBeVisible({ timeout: SERVER_WORK_MS });
    const n = await yes.count();
    for (let i = 0; i < n; i++) await yes.nth(i).check();
  }

  async addPriceLine(line: { description: string; quantity: string; unit: string; unitPrice: string }): Promise<Locator> {
    const price = this.section('Price');
    await price.getByRole('button', { name: 'Add a price line' }).click();
    const group = price.getByRole('group').last();
    await expect(group.getByLabel('Description')).toBeFocused();
    await group.getByLabel('Description').fill(line.description);
    await group.getByLabel('Quantity').fill(line.quantity);
    await group.getByLabel(/^Unit( \(optional\))?$/).fill(line.unit);
    await group.getByLabel(/^Unit price/).fill(line.unitPrice);
    return group;
  }
}
