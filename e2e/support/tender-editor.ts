import { Locator, Page, expect } from '@playwright/test';
import type { TenderContent, TenderDetail } from '@openbrief/contracts';
import { GOING_LIVE_MS, SERVER_WORK_MS } from './waits';

/** The frame around every page of one tender: save status, tabs, and notices. */
export class TenderWorkspace {
  constructor(private readonly page: Page) {}

  tab(name: 'Full editor' | 'Guided' | 'Preview' | 'Check and publish'): Locator {
    return this.page.getByRole('navigation', { name: 'This tender' }).getByRole('link', { name, exact: true });
  }

  /** Waits until the server has everything typed (live editing, or autosave where live editing is off). */
  async expectSaved(): Promise<void> {
    await expect(this.page.getByText(/^(Saved at .+|All changes saved|Live: all changes saved)$/)).toBeVisible({ timeout: SERVER_WORK_MS });
  }

  /** Waits until this page is co-editing live. */
  async expectLive(): Promise<void> {
    await expect(this.page.getByText(/^(Live: all changes saved|Saving…)$/)).toBeVisible({ timeout: GOING_LIVE_MS });
  }

  /** Who else this page shows as being in the tender, e.g. "Oliver Reed in requirement 1: the outcome". */
  presence(): Locator {
    return this.page.getByRole('list', { name: 'Also in this tender' });
  }

  conflictAlert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'while you were editing' });
  }
}

/** One question per page: the question is the h1; "Save and continue" moves on. */
export class GuidedStep {
  constructor(private readonly page: Page) {}

  async expectQuestion(question: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: question })).toBeVisible();
  }

  /** The fieldset holding one outcome, e.g. "Outcome 1.2". */
  outcome(number: string): Locator {
    return this.page.getByRole('group', { name: `Outcome ${number}`, exact: true });
  }

  async continue(): Promise<void> {
    await this.page.getByRole('button', { name: /^Save and (continue|check before publishing)$/ }).click();
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
  }
}

/** The price chart beside a lot's price method: an image with a text alternative, and its figures in a table. */
export class PriceChart {
  constructor(private readonly page: Page) {}

  /** The SVG, named by its text alternative ("…: 100% at £54,000, 50% at £90,000 and 0% at £126,000."). */
  image(): Locator {
    return this.page.getByRole('img', { name: /^Line chart of the price score/ });
  }

  caption(): Locator {
    return this.page.locator('figcaption').filter({ hasText: 'How the price score moves with the price' });
  }

  /** Opens "Show the figures" and returns the table's rows, each as "price score". */
  async figures(): Promise<string[]> {
    const details = this.page.locator('details').filter({ hasText: 'Show the figures' });
    if (!(await details.getAttribute('open'))) await details.getByText('Show the figures').click();
    const rows = details.getByRole('table').getByRole('row');
    await expect(rows.first()).toBeVisible();
    return (await rows.allInnerTexts()).slice(1).map((row) => row.replace(/\s+/g, ' ').trim());
  }
}

/** A datetime-local value (UK wall-clock time) some days from now, at the given hour. */
export function ukDateTimeInDays(days: number, hour = 12): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date,
  );
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

/** The editable content of a tender as the API returns it, ready to send back with PUT. */
export function toContent(t: TenderDetail): TenderContent {
  return {
    title: t.title,
    summary: t.summary,
    problem: t.problem,
    users: t.users,
    workDone: t.workDone,
    constraints: t.constraints,
    budget: t.budget,
    contract: t.contract,
    estimatedValue: t.estimatedValue,
    location: t.location,
    mainCategory: t.mainCategory,
    regions: t.regions,
    procedure: t.procedure,
    singleLotReason: t.singleLotReason,
    engagementSummary: t.engagementSummary,
    noEngagementReason: t.noEngagementReason,
    timetable: t.timetable,
    responseRules: t.responseRules,
    contact: t.contact,
    justifications: t.justifications,
    lots: t.lots.map((lot) => ({
      id: lot.id,
      title: lot.title,
      description: lot.description,
      estimatedValue: lot.estimatedValue,
      evaluationModel: {
        ...lot.evaluationModel,
        criteria: lot.evaluationModel.criteria.map(({ order: _order, ...c }) => c),
      },
      requirements: lot.requirements.map(({ order: _order, lotId: _lotId, ...r }) => r),
    })),
  };
}
