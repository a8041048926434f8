import { Page, expect, test } from '@playwright/test';
import { Jurisdiction, PriceMethod, TieBreakRule, type TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { SignInPage } from '../support/pages';
import { createTender, inviteColleague } from '../support/team';
import { GuidedStep, PriceChart, TenderWorkspace, toContent, ukDateTimeInDays } from '../support/tender-editor';

const OUTCOMES = [
  {
    outcome: 'Residents can report a missed bin collection online in under two minutes, first time.',
    measure: 'Share of reports completed online without help',
    baseline: '35%',
    target: '80%',
    unit: '% of reports',
    room: 'Any channel or combination: web, app, text message or something we have not thought of.',
  },
  {
    outcome: 'Missed collections reported online are put right within two working days.',
    measure: 'Time from report to collection',
    baseline: '5 working days',
    target: '2 working days',
    unit: 'working days',
    room: 'How reports reach crews and how rounds are rescheduled.',
  },
  {
    outcome: 'Residents who do not use the internet can report a problem as easily as anyone else.',
    measure: 'Satisfaction with reporting, by channel',
    baseline: 'Not measured',
    target: 'No gap between channels',
    unit: 'points out of 10',
    room: 'Assisted routes, partners and outreach are for you to propose.',
  },
];

async function signInAsBuyer(page: Page): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(demoBuyer.email, demoBuyer.password);
  await expect(page).toHaveURL(/\/tenders$/);
}

test.describe('tender authoring', () => {
  test('a buyer writes a tender from a template, fixes the weights, previews, publishes, then publishes a change', async ({ page }) => {
    // The whole journey with two publications (each renders a PDF pack): several minutes on a busy machine.
    test.setTimeout(360_000);
    const title = `Reporting missed bin collections ${Date.now()}`;
    const guided = new GuidedStep(page);
    const workspace = new TenderWorkspace(page);

    await signInAsBuyer(page);
    await page.getByRole('link', { name: 'Start a new tender' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Start a new tender' })).toBeVisible();
    await page.getByLabel('Working title').fill(title);
    await page.getByRole('radio', { name: 'Digital service' }).check();
    await page.getByRole('radio', { name: /One question at a time/ }).check();
    await page.getByRole('button', { name: 'Create tender' }).click();

    // The problem, then the users: one question per page.
    await guided.expectQuestion('What problem are you trying to solve?');
    await expect(page).toHaveTitle('What problem are you trying to solve? – Openbrief');
    await page
      .getByLabel('What problem are you trying to solve?')
      .fill('About 900 missed bin collections are reported each month, mostly by phone. Calls peak on Mondays and a third are abandoned.');
    await expectNoAxeViolations(page);
    await guided.continue();

    await guided.expectQuestion('Who are the users, and what do they need?');
    await page
      .getByLabel('Who are the users, and what do they need?')
      .fill('Residents of every age, including people who do not use the internet; our customer service team and the crews.');
    await guided.continue();

    // Three outcomes, each with its measure and the room suppliers have to propose.
    await guided.expectQuestion('What must be true when this works?');
    for (const [i, item] of OUTCOMES.entries()) {
      await guided
        .outcome(`1.${i + 1}`)
        .getByLabel('What must be true?')
        .fill(item.outcome);
    }
    await guided.continue();

    await guided.expectQuestion('How will you know each outcome has been achieved?');
    for (const [i, item] of OUTCOMES.entries()) {
      const outcome = guided.outcome(`1.${i + 1}`);
      await expect(outcome).toContainText(item.outcome);
      await outcome.getByLabel('Measure').fill(item.measure);
      await outcome.getByLabel('Now (baseline)').fill(item.baseline);
      await outcome.getByLabel('Target').fill(item.target);
      await outcome.getByLabel('Unit').fill(item.unit);
    }
    await guided.continue();

    await guided.expectQuestion('What are suppliers free to propose?');
    for (const [i, item] of OUTCOMES.entries()) {
      await guided
        .outcome(`1.${i + 1}`)
        .getByLabel('What suppliers are free to propose')
        .fill(item.room);
    }
    await guided.continue();

    // Weights that do not add up are reported at once, and announced politely.
    await guided.expectQuestion('How will you score the bids?');
    await page.getByLabel('Weight for Price').fill('20');
    await expect(page.getByText('The top-level criteria add up to 90%, not 100%.').first()).toBeVisible();
    await expect(page.getByText('Add 10% to reach 100%.').first()).toBeVisible();
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'add up to 90%, not 100%' })).toHaveCount(1);
    // Live editing keeps the edit (a colleague may be mid-way through fixing the weights), but it blocks publication.
    await expect(page.getByText('1 problem to fix before publishing')).toBeVisible();
    await guided.continue();
    await expect(guided.errorSummary()).toContainText('The top-level criteria add up to 90%, not 100%.');
    await expect(page).toHaveTitle(/^Error: /);

    await page.getByLabel('Weight for Price').fill('30');
    await expect(page.getByText('The top-level criteria add up to 100%.')).toBeVisible();
    await workspace.expectSaved();
    await guided.continue();

    await guided.expectQuestion('Summarise the tender for suppliers');
    await page
      .getByLabel('Summarise the tender for suppliers')
      .fill(
        'We want residents to be able to report a missed bin collection quickly, in the way that suits them, and to have it put right within two working days.',
      );
    await guided.continue();

    await guided.expectQuestion('When are the key dates?');
    await page.getByLabel(/Deadline for clarification questions/).fill(ukDateTimeInDays(40));
    await page.getByLabel(/^Answers to questions published by/).fill(ukDateTimeInDays(45));
    await page.getByLabel(/^Deadline for bids/).fill(ukDateTimeInDays(60, 17));
    await expect(page.getByText(/^5pm on \d+ \w+ \d{4}$/)).toBeVisible();
    await guided.continue();

    // How suppliers respond: a number out of range is named in the error summary, then corrected.
    await guided.expectQuestion('How should suppliers respond?');
    await expect(page.getByLabel('Suppliers may attach documents')).toBeChecked();
    await page.getByLabel('Most attachments per response').fill('25');
    await guided.continue();
    await expect(guided.errorSummary()).toContainText('The most attachments per response must be a whole number from 1 to 20');
    await page.getByLabel('Most attachments per response').fill('3');
    await page.getByLabel('Two people must open the responses').check();
    await expectNoAxeViolations(page);
    await guided.continue();

    await guided.expectQuestion('Who can suppliers contact with questions?');
    await page.getByLabel(/^Name or team/).fill('Waste services procurement');
    await page.getByLabel('E-mail address').fill('waste.procurement@northshire.example');
    await guided.continue();

    // Ready to publish: nothing blocks it.
    await expect(page.getByRole('heading', { level: 1, name: 'Check and publish' })).toBeVisible();
    await expect(page.getByText('This tender is ready to publish')).toBeVisible();

    // The preview shows what suppliers will see.
    await workspace.tab('Preview').click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('This is what suppliers will see when you publish.')).toBeVisible();
    for (const item of OUTCOMES) await expect(page.getByText(item.outcome)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'How bids will be scored' })).toBeVisible();
    await expect(page.getByText('You may attach up to 3 documents to your response, each no larger than 10 MB.')).toBeVisible();
    await expect(page.getByText('Answers published by', { exact: true })).toBeVisible();

    await page.getByRole('link', { name: 'Check and publish' }).first().click();
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Version 1 published' })).toBeVisible();

    // After publication the full editor still works; changes become version 2.
    await page.getByRole('link', { name: 'Make more changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Version 1 is live' })).toBeVisible();
    await expectNoAxeViolations(page);

    const summary = page.getByLabel('Summary', { exact: true });
    await summary.fill(
      'We want residents to be able to report a missed bin collection quickly, in the way that suits them, and to have it put right the next working day.',
    );
    await workspace.expectSaved();

    await workspace.tab('Check and publish').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Publish version 2' })).toBeVisible();
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await expect(page.getByRole('alert')).toContainText('Say what has changed and why');
    await page
      .getByLabel('What has changed since version 1, and why?')
      .fill('We now want missed collections put right the next working day.');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Version 2 published' })).toBeVisible();

    // Suppliers see version 2 and its change note.
    await page.getByRole('link', { name: 'See the tender as suppliers see it' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(/Version 2, published/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Changes to this tender' })).toBeVisible();
    await expect(page.getByText('We now want missed collections put right the next working day.')).toBeVisible();
  });

  test('a buyer sets how the panel works and the price method, sees how prices would score, and suppliers see the rules', async ({
    page,
    request,
  }) => {
    const api = new ApiClient(request);
    await api.signIn(demoBuyer.email, demoBuyer.password);
    const created = await api.post('/api/v1/tenders', { title: `Evaluation rules ${Date.now()}`, templateId: 'digital-service' });
    expect(created.status()).toBe(201);
    const tender = (await created.json()) as TenderDetail;

    await signInAsBuyer(page);
    await page.goto(`/tenders/${tender.id}`);
    const workspace = new TenderWorkspace(page);
    const chart = new PriceChart(page);
    await expect(page.getByRole('heading', { level: 1, name: tender.title })).toBeVisible();

    // The panel's rules, each explained; a number out of range is named at its field, as the API would.
    await expect(page.getByLabel('Blind marking')).toBeChecked();
    await page.getByLabel('Hide prices until quality is moderated').uncheck();
    await page.getByRole('radio', { name: 'The bid with the lower evaluated price is ranked first' }).check();
    await page.getByRole('textbox', { name: 'Near-tie margin, in points' }).fill('11');
    await expect(page.getByText('Near-tie margin, in points must be a number from 0 to 10').first()).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Near-tie margin, in points' })).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('textbox', { name: 'Near-tie margin, in points' }).fill('2');
    await expect(page.getByText('Near-tie margin, in points must be a number')).toHaveCount(0);

    // The default method: the chart shows proportional scores from the lowest bid to twice it.
    await expect(chart.image()).toHaveAccessibleName(/100% at 100% of the lowest bid, .* and 50% at 200% of the lowest bid\.$/);
    await expect(chart.caption()).toContainText('depends on the other bids');

    // A linear method: only its parameters are asked for, and the chart is redrawn against them.
    await expect(page.getByRole('textbox', { name: 'Ratio to the lowest price that scores nothing (A)' })).toHaveCount(0);
    await page.getByRole('radio', { name: 'On a straight line from the budget to a floor price' }).check();
    await page.getByRole('textbox', { name: /^Ceiling price/ }).fill('120000');
    await page.getByRole('textbox', { name: /^Floor price/ }).fill('60000');
    await expect(chart.image()).toHaveAccessibleName(/50% at £90,000/);
    await expect(chart.caption()).toContainText('depends only on its own price');
    const figures = await chart.figures();
    expect(figures).toHaveLength(13);
    expect(figures).toContain('£90,000 50%');
    expect(figures.at(-1)).toBe('£126,000 0%');

    // Price per quality point has no price score: it is explained in words instead.
    await page.getByRole('radio', { name: 'Price per quality point (value for money)' }).check();
    await expect(chart.image()).toHaveCount(0);
    await expect(page.getByText(/lowest price per quality point wins/)).toBeVisible();

    await page.getByRole('radio', { name: 'Logarithmic, from the lowest price' }).check();
    await page.getByRole('textbox', { name: 'Ratio to the lowest price that scores nothing (A)' }).fill('4');
    // 1 − ln 2 ÷ ln 4 = 50% at twice the lowest.
    await expect(chart.image()).toHaveAccessibleName(/50% at 200% of the lowest bid\.$/);
    expect(await chart.figures()).toContain('200% 50%');

    await page.getByLabel('Law of the contract').selectOption({ label: 'Scotland' });
    await expectNoAxeViolations(page);
    await workspace.expectSaved();

    const saved = (await (await request.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
    const model = saved.lots[0].evaluationModel;
    expect(model.priceMethod).toBe(PriceMethod.Logarithmic);
    expect(model.rules).toMatchObject({
      blindMarking: true,
      priceHiddenUntilModerated: false,
      tieBreak: TieBreakRule.LowerPrice,
      nearTieMargin: 2,
      price: { ceilingPrice: 120_000, floorPrice: 60_000, logRatio: 4 },
    });
    expect(saved.contract.jurisdiction).toBe(Jurisdiction.Scotland);

    // On a phone-sized screen the chart and its fields fit without scrolling sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    await chart.image().scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = (await chart.image().boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);

    // Suppliers read the rules that affect them, with the method's formula.
    await page.setViewportSize({ width: 1280, height: 800 });
    await workspace.tab('Preview').click();
    await expect(page.getByRole('heading', { level: 2, name: 'How bids will be scored' })).toBeVisible();
    await expect(page.getByText('Score = the marks for price × (1 − ln(this price ÷ lowest price) ÷ ln A), never below 0')).toBeVisible();
    await expect(page.getByText(/we rank the one with the lower price first\./)).toBeVisible();
    await expect(page.getByText(/Evaluators mark quality and social value answers blind\./)).toBeVisible();
    await expect(page.getByText(/We will ask the bidder to explain it\./)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('requirements can be reordered by keyboard and by dragging, and a deletion undone', async ({ page, request }) => {
    const api = new ApiClient(request);
    await api.signIn(demoBuyer.email, demoBuyer.password);
    const created = await api.post('/api/v1/tenders', { title: `Reorder ${Date.now()}`, templateId: 'digital-service' });
    expect(created.status()).toBe(201);
    const tender = (await created.json()) as TenderDetail;
    const [first, second, third] = tender.lots[0].requirements.map((r) => r.outcome);

    await signInAsBuyer(page);
    await page.goto(`/tenders/${tender.id}`);
    const workspace = new TenderWorkspace(page);
    const requirements = page.getByRole('list', { name: 'Requirements', exact: true });
    const outcomes = requirements.getByLabel('What must be true?');
    await expect(outcomes).toHaveCount(3);

    // Keyboard: Move down keeps focus on the button, in the card's new place.
    await page.getByRole('button', { name: 'Move down requirement 1.1' }).click();
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Requirement moved to position 2 of 3' })).toBeAttached();
    await expect(outcomes.nth(0)).toHaveValue(second);
    await expect(outcomes.nth(1)).toHaveValue(first);
    await expect(page.getByRole('button', { name: 'Move down requirement 1.2' })).toBeFocused();

    // Mouse: drag requirement 1.3 by its handle above requirement 1.1 (a tall window keeps both in view).
    await page.setViewportSize({ width: 1280, height: 4800 });
    const target = page.getByRole('heading', { name: 'Requirement 1.1' });
    const top = (await target.boundingBox())!;
    await page.evaluate((y) => window.scrollBy(0, y), top.y - 150);
    const handle = requirements.getByTitle('Drag to reorder').nth(2);
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 20; step++) {
      await page.mouse.move(from.x + from.width / 2, from.y + ((to.y - 20 - from.y) * step) / 20);
    }
    await page.mouse.up();
    await expect(outcomes.nth(0)).toHaveValue(third);
    await expect(outcomes.nth(1)).toHaveValue(second);
    await expect(outcomes.nth(2)).toHaveValue(first);

    // Delete, then undo: the requirement comes back where it was.
    await page.getByRole('button', { name: 'Delete requirement 1.2' }).click();
    await expect(outcomes).toHaveCount(2);
    await expect(page.getByRole('status').filter({ hasText: 'Requirement 1.2 deleted' })).toBeVisible();
    await page.getByRole('button', { name: 'Undo deleting requirement 1.2' }).click();
    await expect(outcomes).toHaveCount(3);
    await expect(outcomes.nth(1)).toHaveValue(second);
    await workspace.expectSaved();

    const saved = (await (await request.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
    expect(saved.lots[0].requirements.map((r) => r.outcome)).toEqual([third, second, first]);
  });

  test('without live editing, when a colleague saves first, the buyer is told who, loads their version and keeps their own text', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Priya (the demo buyer) invites Oliver, another buyer, and starts a tender.
    const priyaContext = await playwright.request.newContext({ baseURL });
    const priya = new ApiClient(priyaContext);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const oliver = await inviteColleague(priya, () => playwright.request.newContext({ baseURL }), 'Oliver Reed');
    const oliverContext = oliver.request;
    const tender = await createTender(priya, 'Shared tender');

    // A network that blocks WebSockets: the editor falls back to saving over HTTP, with revision checks.
    await page.routeWebSocket(/\/api\/v1\/collab/, (socket) => socket.close());
    // Priya opens the tender in the browser.
    await signInAsBuyer(page);
    await page.goto(`/tenders/${tender.id}`);
    const workspace = new TenderWorkspace(page);
    await expect(page.getByRole('heading', { level: 1, name: tender.title })).toBeVisible();
    await expect(page.getByText(/Live editing could not connect/)).toBeVisible();
    await workspace.expectSaved();

    // Oliver saves a new summary first.
    const theirSummary = 'Oliver’s summary: residents can report problems with their bins in whatever way suits them.';
    const current = (await (await oliverContext.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
    const put = await oliver.api.put(`/api/v1/tenders/${tender.id}`, {
      revision: current.revision,
      content: { ...toContent(current), summary: theirSummary },
    });
    expect(put.status(), await put.text()).toBe(200);

    // Priya's next save is refused; nothing is overwritten and she is told who saved.
    const myProblem = 'Priya’s problem statement: a third of calls about missed bins are abandoned.';
    await page.getByLabel('What problem are you trying to solve?').fill(myProblem);
    await expect(workspace.conflictAlert()).toContainText('Oliver Reed saved changes while you were editing');
    await expect(page.getByText('Not saved: someone else saved first')).toBeVisible();

    await page.getByRole('button', { name: 'Load their version' }).click();
    await expect(page.getByLabel('Summary', { exact: true })).toHaveValue(theirSummary);
    const leftovers = page.getByRole('region', { name: 'Your changes that were not saved' });
    await expect(leftovers).toContainText(myProblem);
    await leftovers.getByRole('button', { name: 'Use my version of The problem' }).click();
    await expect(page.getByLabel('What problem are you trying to solve?')).toHaveValue(myProblem);
    await workspace.expectSaved();

    const saved = (await (await priyaContext.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
    expect(saved.summary).toBe(theirSummary);
    expect(saved.problem).toBe(myProblem);
    await priyaContext.dispose();
    await oliverContext.dispose();
  });
});
