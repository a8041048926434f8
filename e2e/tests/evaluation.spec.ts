import { Page, expect, test } from '@playwright/test';
import {
  type AwardState,
  CriterionType,
  EVALUATION_ROUTES,
  type ModerationView,
  type TenderDetail,
  type TenderEvaluation,
} from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import {
  browserAs,
  declareNoConflicts,
  inviteEvaluator,
  openedTenderWithBids,
  panelOf,
  recordConsensus,
  scoreEveryResponse,
  submitEveryCriterion,
} from '../support/evaluation';
import { SERVER_WORK_MS } from '../support/waits';

/**
 * Evaluation by a panel: the buyer forms it from the opened responses, two evaluators declare no conflicts and score
 * three responses blind, disagreeing on one answer, and the moderator (the buyer) sees the flag and records consensus
 * scores. Responses are submitted and opened through the API; everything the panel does is done on its pages.
 */
const CRITERIA = ['Meeting user needs', 'Running a reliable service', 'Social value'];
const DISPUTED = { label: 'Response A', criterion: 'Meeting user needs' };

/** At 375 px wide nothing may need sideways scrolling (WCAG 1.4.10 reflow). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('evaluation by a panel', () => {
  test('two evaluators score three responses, disagree on one criterion, and the moderator records a consensus', async ({
    browser,
    playwright,
    baseURL,
  }) => {
    test.slow(); // It waits for a deadline to pass, and three people work on a busy machine.
    const newRequest = () => playwright.request.newContext({ baseURL });
    const priyaRequest = await newRequest();
    const priya = new ApiClient(priyaRequest);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const stamp = Date.now();
    const ada = await inviteEvaluator(priya, newRequest, 'Ada Quinn');
    const ben = await inviteEvaluator(priya, newRequest, 'Ben Okafor');
    const overLimit = Array.from({ length: 520 }, (_, i) => (i === 510 ? 'BEYONDLIMIT' : `word${i}`)).join(' ');
    const { tender } = await openedTenderWithBids(priya, priyaRequest, newRequest, `Patient transport evaluated ${stamp}`, [
      { supplierName: `Swift Wheels ${stamp} Ltd`, unitPrice: 90_000, answers: { 'Running a reliable service': overLimit } },
      { supplierName: `Care Cabs ${stamp} CIC`, unitPrice: 100_000 },
      { supplierName: `Village Vans ${stamp} Ltd`, unitPrice: 110_000 },
    ]);

    // The buyer goes from the opened responses to the evaluation and forms the panel: both evaluators on every
    // criterion, the buyer herself moderating.
    const buyer = await browserAs(browser, demoBuyer);
    await buyer.page.goto(`/tenders/${tender.id}/responses`);
    await buyer.page.getByRole('link', { name: 'Evaluation', exact: true }).click();
    await expect(buyer.page.getByRole('heading', { level: 1, name: 'Evaluation' })).toBeVisible();
    const lot = buyer.page.getByRole('region', { name: /^Lot 1:/ });
    await expect(lot).toContainText('3 responses opened.', { timeout: SERVER_WORK_MS });
    await expectNoAxeViolations(buyer.page);
    await lot.getByRole('button', { name: 'Form the panel' }).click();
    await expect(buyer.page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
    await lot.getByLabel('Moderator').selectOption({ label: 'Priya Shah' });
    for (const criterion of CRITERIA) {
      const group = lot.getByRole('group', { name: `Evaluators for ${criterion}` });
      await group.getByRole('checkbox', { name: ada.name }).check();
      await group.getByRole('checkbox', { name: ben.name }).check();
    }
    await lot.getByRole('button', { name: 'Form the panel' }).click();
    await expect(lot.getByRole('heading', { level: 3, name: 'The panel' })).toBeFocused({ timeout: SERVER_WORK_MS });
    await expect(lot).toContainText('Declaring conflicts');
    await expect(lot).toContainText(`Waiting for declarations from: ${ada.name}, ${ben.name}.`);
    await expectNoAxeViolations(buyer.page);
    const panelId = (await panelOf(priyaRequest, tender.id))!.id;

    // Ada finds the panel on her start page and declares against every bidder, by name, before seeing any response.
    const adaBrowser = await browserAs(browser, ada);
    const adaPage = adaBrowser.page;
    const consoleErrors: string[] = [];
    adaPage.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await expect(adaPage).toHaveURL(/\/evaluations$/);
    const task = adaPage.getByRole('region', { name: 'Your evaluations' }).getByRole('listitem').filter({ hasText: tender.title });
    await expect(task).toContainText('Declare any conflict of interest with the bidders.');
    await expectNoAxeViolations(adaPage);
    await task.getByRole('link', { name: /^Open your scoring/ }).click();
    await expect(adaPage.getByRole('group', { name: `Swift Wheels ${stamp} Ltd` })).toBeVisible();
    await expect(adaPage.getByRole('table', { name: /Responses to score/ })).toHaveCount(0);
    await expectNoAxeViolations(adaPage);
    await declareNoConflicts(adaPage, panelId);
    await expect(adaPage.getByText(/Blind marking/)).toBeVisible();
    await expect(adaPage.getByText(`Swift Wheels ${stamp} Ltd`)).toHaveCount(0);
    await expectNoAxeViolations(adaPage);

    // Blind marking: the responses are labelled; the words past a limit are shown, marked as not considered.
    // The buyer knows which label is whose (the evaluator does not): only Swift Wheels' page has words past the limit.
    const bidders = (await panelOf(priyaRequest, tender.id))!.bidders;
    const overLimitLabel = bidders.find((b) => b.supplierName === `Swift Wheels ${stamp} Ltd`)!.label;
    expect(bidders.map((b) => b.label).sort()).toEqual(['Response A', 'Response B', 'Response C']);
    for (const { label } of bidders) {
      await adaPage.goto(`/evaluations/${panelId}`);
      await adaPage.getByRole('link', { name: `Score ${label}`, exact: true }).click();
      await expect(adaPage.getByRole('heading', { level: 1, name: `Score ${label}` })).toBeVisible({ timeout: SERVER_WORK_MS });
      await expect(adaPage.getByText(/^Total price/)).toHaveCount(0);
      const excess = adaPage.getByText(/Not considered: these words are beyond the 500-word limit/);
      if (label === overLimitLabel) {
        await expect(excess.first()).toBeVisible();
        await expect(adaPage.locator('.answer__text--excess')).toContainText('BEYONDLIMIT');
        await expectNoAxeViolations(adaPage);
        await expectNoSidewaysScroll(adaPage);
      } else {
        await expect(excess).toHaveCount(0);
      }
    }

    // A score needs a point on the scale and a justification long enough.
    const section = adaPage.getByRole('region', { name: 'Meeting user needs' });
    await section.getByRole('button', { name: 'Save score for Meeting user needs' }).click();
    const problem = adaPage.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problem).toBeFocused();
    await expect(problem.getByRole('link', { name: 'Choose a score for Meeting user needs' })).toBeVisible();
    await expectNoAxeViolations(adaPage);

    // Both score everything: 3 throughout, except Response A on user needs, where Ada gives 4 and Ben 1.
    await scoreEveryResponse(adaPage, panelId, (label, criterion) =>
      label === DISPUTED.label && criterion === DISPUTED.criterion ? 4 : 3,
    );
    await adaPage.goto(`/evaluations/${panelId}`);
    await expect(adaPage.getByText('You have scored 9 of 9 answers.')).toBeVisible({ timeout: SERVER_WORK_MS });
    await expect(adaPage.getByText("Other evaluators' scores stay hidden until you submit yours.").first()).toBeVisible();
    await submitEveryCriterion(adaPage, panelId);
    await expectNoAxeViolations(adaPage);

    const benBrowser = await browserAs(browser, ben);
    await declareNoConflicts(benBrowser.page, panelId);
    await scoreEveryResponse(benBrowser.page, panelId, (label, criterion) =>
      label === DISPUTED.label && criterion === DISPUTED.criterion ? 1 : 3,
    );
    // Before Ben submits, Ada's scores stay hidden from him; after, he sees them beside his own.
    await benBrowser.page.goto(`/evaluations/${panelId}`);
    await expect(benBrowser.page.getByRole('table', { name: /The panel's scores/ })).toHaveCount(0);
    await submitEveryCriterion(benBrowser.page, panelId);
    const userNeeds = benBrowser.page.getByRole('table', { name: `The panel's scores for ${DISPUTED.criterion}` });
    await expect(userNeeds.getByRole('row', { name: new RegExp(`${DISPUTED.label} ${ada.name} 4 \\(`) })).toBeVisible({
      timeout: SERVER_WORK_MS,
    });
    await expectNoAxeViolations(benBrowser.page);

    // The moderator declares too, then sees the flag on the disputed answer, in words.
    await declareNoConflicts(buyer.page, panelId);
    await buyer.page.getByRole('link', { name: 'Open moderation' }).click();
    await expect(buyer.page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
    const disputedTitle = `${DISPUTED.label}: ${DISPUTED.criterion}`;
    const disputed = buyer.page.getByRole('article', { name: disputedTitle });
    await expect(disputed).toContainText('Flagged: the scores are 3 points apart (the threshold is 2).', { timeout: SERVER_WORK_MS });
    await expect(disputed).toContainText(`${ada.name}`);
    await expect(disputed).toContainText('4 (');
    await expect(disputed).toContainText('1 (');
    await expect(buyer.page.getByRole('table', { name: /average offset/ })).toContainText(ada.name);
    await expect(buyer.page.getByRole('table', { name: /Agreement between evaluators/ })).toContainText(DISPUTED.criterion);
    await buyer.page.getByLabel(/^Show flagged items only/).check();
    await expect(buyer.page.getByRole('article')).toHaveCount(1);
    await expectNoAxeViolations(buyer.page);
    await expectNoSidewaysScroll(buyer.page);

    await recordConsensus(buyer.page, disputedTitle, 3, 'Agreed 3: the plan covers most users, but assisted digital support is thin.');
    await expect(disputed).toContainText('Consensus 3 (');
    await buyer.page.getByLabel(/^Show flagged items only/).uncheck();
    await expect(buyer.page.getByRole('article')).toHaveCount(9);
    for (const label of ['Response A', 'Response B', 'Response C']) {
      for (const criterion of CRITERIA) {
        const title = `${label}: ${criterion}`;
        if (title !== disputedTitle) await recordConsensus(buyer.page, title, 3, `Agreed 3: both evaluators scored ${criterion} the same.`);
      }
    }
    await expect(buyer.page.getByText('9 of 9 items moderated.')).toBeVisible({ timeout: SERVER_WORK_MS });
    await expectNoAxeViolations(buyer.page);

    // Individual scores stay on record unchanged beside the consensus.
    const moderation = (await (await priyaRequest.get(`/api/v1/panels/${panelId}/moderation`)).json()) as ModerationView;
    const item = moderation.items.find((i) => i.label === DISPUTED.label && i.criterionName === DISPUTED.criterion);
    expect(item?.scores.map((s) => [s.evaluatorName, s.score]).sort()).toEqual([
      [ada.name, 4],
      [ben.name, 1],
    ]);
    expect(item?.consensus?.score).toBe(3);

    // The buying team's overview now shows the lot moderated, with the way on to results and award.
    await buyer.page.goto(`/tenders/${tender.id}/evaluation`);
    await expect(lot).toContainText('Moderated', { timeout: SERVER_WORK_MS });
    await expect(lot.getByRole('link', { name: /^Results/ })).toBeVisible();
    expect(consoleErrors).toEqual([]);

    await Promise.all([adaBrowser.context.close(), benBrowser.context.close(), buyer.context.close(), priyaRequest.dispose()]);
  });

  test('the buyer sees the ranking and the sensitivity chart, awards, edits and issues the assessment summaries, and sees the standstill end date', async ({
    browser,
    playwright,
    baseURL,
  }) => {
    test.slow(); // It waits for a deadline to pass; the panel's scoring is done through the API to keep it short.
    const newRequest = () => playwright.request.newContext({ baseURL });
    const priyaRequest = await newRequest();
    const priya = new ApiClient(priyaRequest);
    const me = await priya.signIn(demoBuyer.email, demoBuyer.password);
    const stamp = Date.now();
    const cleo = await inviteEvaluator(priya, newRequest, 'Cleo Marsh');
    const dev = await inviteEvaluator(priya, newRequest, 'Dev Patel');
    // 60,000 is far below the average of the three: flagged as abnormally low, for the buyer to investigate.
    const keen = `Keen Prices ${stamp} Ltd`;
    const { tender, lotId } = await openedTenderWithBids(priya, priyaRequest, newRequest, `Community transport awarded ${stamp}`, [
      { supplierName: keen, unitPrice: 60_000 },
      { supplierName: `Steady Care ${stamp} Ltd`, unitPrice: 130_000 },
      { supplierName: `Premier Routes ${stamp} Ltd`, unitPrice: 140_000 },
    ]);

    // The panel scores through the API, as its own pages are tested above: the evaluators agree throughout.
    const detail = (await (await priyaRequest.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
    const criteria = detail.lots[0]!.evaluationModel.criteria;
    const scored = criteria.filter((c) => c.type !== CriterionType.Price && !criteria.some((k) => k.parentId === c.id));
    const overview = (await (await priyaRequest.get(`/api/v1${EVALUATION_ROUTES.tenderEvaluation(tender.id)}`)).json()) as TenderEvaluation;
    const memberId = (name: string) => overview.members.find((m) => m.name === name)!.userId;
    const formed = await priya.put(`/api/v1${EVALUATION_ROUTES.formPanel(tender.id, lotId)}`, {
      moderatorId: me.id,
      evaluators: [cleo, dev].map((p) => ({ userId: memberId(p.name), criterionIds: scored.map((c) => c.id) })),
    });
    expect(formed.status(), await formed.text()).toBe(200);
    const panel = (await panelOf(priyaRequest, tender.id))!;
    // Each clears the minimum quality threshold (50%); Premier leads on quality, Keen on price.
    const point = (supplier: string, i: number) =>
      supplier.startsWith('Premier') ? (i < 2 ? 4 : 3) : supplier.startsWith('Steady') ? 3 : i === 0 ? 3 : 2;
    const declareAs = async (api: ApiClient) => {
      const declared = await api.put(`/api/v1${EVALUATION_ROUTES.declarations(panel.id)}`, {
        declarations: panel.bidders.map((b) => ({ responseId: b.responseId, conflict: false, details: '' })),
      });
      expect(declared.status(), await declared.text()).toBeLessThan(300);
    };
    for (const person of [cleo, dev]) {
      const request = await newRequest();
      const api = new ApiClient(request);
      await api.signIn(person.email, person.password);
      await declareAs(api);
      const { cookies } = await request.storageState();
      const csrf = decodeURIComponent(cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '');
      for (const bidder of panel.bidders) {
        for (const [i, criterion] of scored.entries()) {
          const saved = await request.put(`/api/v1${EVALUATION_ROUTES.score(panel.id, bidder.responseId, criterion.id)}`, {
            data: {
              score: point(bidder.supplierName, i),
              justification: `${bidder.label} on ${criterion.name}: the answer names its monthly measures and who reports them.`,
            },
            headers: { 'If-Match': '0', 'X-XSRF-TOKEN': csrf },
          });
          expect(saved.status(), await saved.text()).toBe(200);
        }
      }
      for (const criterion of scored) {
        const submitted = await api.post(`/api/v1${EVALUATION_ROUTES.submitCriterion(panel.id, criterion.id)}`, {});
        expect(submitted.status(), await submitted.text()).toBe(200);
      }
      await request.dispose();
    }
    await declareAs(priya);
    for (const bidder of panel.bidders) {
      for (const [i, criterion] of scored.entries()) {
        const moderated = await priya.put(`/api/v1${EVALUATION_ROUTES.moderate(panel.id, bidder.responseId, criterion.id)}`, {
          score: point(bidder.supplierName, i),
          note: `Agreed: both evaluators gave ${bidder.label} the same score on ${criterion.name}.`,
        });
        expect(moderated.status(), await moderated.text()).toBe(200);
      }
    }

    // The results: final, ranked, with the sentence and the two charts, each with its data in a table.
    const buyer = await browserAs(browser, demoBuyer);
    const page = buyer.page;
    await page.goto(`/tenders/${tender.id}/evaluation/${panel.id}/results`);
    await expect(page.getByRole('heading', { level: 1, name: 'Evaluation results' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Every score is moderated' })).toBeVisible({ timeout: SERVER_WORK_MS });
    const ranking = page.getByRole('table', { name: 'Ranking of the responses, leading response first' });
    await expect(ranking.getByRole('row')).toHaveCount(4);
    const leader = (await ranking.getByRole('row').nth(1).getByRole('rowheader').innerText()).trim();
    expect(leader).toContain(String(stamp));
    await expect(page.locator('#smallest-change')).toHaveText(
      /^(If the weight of .+ (fell|rose) from [\d.]+% to [\d.]+%, .+ would lead\.|No change to any single weight would change which response leads\.)$/,
    );
    await expect(page.getByRole('img', { name: /^Bar chart: the share of 10,000 random changes to the weights/ })).toBeVisible();
    const shares = page.getByRole('table', { name: 'Share of random weightings won' });
    await expect(shares.getByRole('row', { name: new RegExp(`^${leader} \\d+\\.\\d%$`) })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Stacked bar chart: the points each response loses to/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Points lost to the leader, by criterion' }).getByRole('row')).toHaveCount(3);
    await expect(page.getByRole('link', { name: 'Download the evaluation report (PDF)' })).toHaveAttribute(
      'href',
      `/api/v1/panels/${panel.id}/report.pdf`,
    );
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The abnormally low price is investigated, not excluded: the buyer records that it was explained.
    const investigation = page.getByRole('region', { name: `Record the investigation of ${keen}’s price` });
    await investigation.getByRole('button', { name: 'Record the investigation' }).click();
    await expect(investigation.getByText('Choose whether the price was accepted or rejected')).toBeVisible();
    await investigation.getByRole('radio', { name: /^Accepted/ }).check();
    await investigation
      .getByLabel('What the supplier said and why you decided this')
      .fill('They showed volunteer drivers cover most journeys.');
    await investigation.getByRole('button', { name: 'Record the investigation' }).click();
    await expect(
      page.getByRole('table', { name: 'Evaluated prices, lowest first' }).getByRole('row', { name: new RegExp(keen) }),
    ).toContainText('Accepted after investigation', { timeout: SERVER_WORK_MS });

    // The award: the leader is chosen to start with; the reasons are recorded and summaries drafted for all three.
    await page.getByRole('link', { name: 'Record the award decision' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Award' })).toBeVisible();
    await expect(page.getByRole('radio', { name: new RegExp(`^${leader}: ranked 1st`) })).toBeChecked({ timeout: SERVER_WORK_MS });
    await expectNoAxeViolations(page);
    await page.getByLabel('Reasons for the decision').fill('The highest total score, with the strongest plan for reliable journeys.');
    await page.getByRole('button', { name: 'Record the award decision' }).click();
    await expect(page.locator('#awarded-to')).toHaveText(leader, { timeout: SERVER_WORK_MS });
    const summaries = page.getByRole('article');
    await expect(summaries).toHaveCount(3);
    const publish = page.getByRole('button', { name: 'Publish the contract award notice' });
    await expect(publish).toBeDisabled();
    await expect(page.locator('#notice-blocked')).not.toBeEmpty();

    // The buyer edits the keenest bidder's explanation, then issues every summary after confirming.
    const keenSummary = page.getByRole('article', { name: keen });
    await keenSummary.getByRole('button', { name: `Edit ${keen}’s summary` }).click();
    await expect(keenSummary.getByRole('textbox').first()).toBeFocused();
    const explanation = keenSummary.getByLabel(`Explanation for ${scored[0]!.name}`);
    await explanation.fill('Your plan named monthly measures, but not who reports them or how often users are asked.');
    await keenSummary.getByRole('button', { name: 'Save the summary' }).click();
    await expect(keenSummary).toContainText('Your plan named monthly measures, but not who reports them', { timeout: SERVER_WORK_MS });
    await expectNoAxeViolations(page);
    for (const article of await summaries.all()) {
      const name = (await article.getByRole('heading', { level: 3 }).innerText()).trim();
      await article.getByRole('button', { name: `Issue to ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Issue the assessment summary to ${name}?` });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Yes, issue it' }).click();
      await expect(article).toContainText(/Issued on \d{1,2} \w+ \d{4}/, { timeout: SERVER_WORK_MS });
    }
    const pdf = await priyaRequest.get(
      (await keenSummary.getByRole('link', { name: `Download the assessment summary for ${keen} (PDF)` }).getAttribute('href'))!,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // The notice starts the standstill: its last day and end in UK time; the contract must wait for it.
    await expect(publish).toBeEnabled();
    await publish.click();
    await expect(page.getByText(/^Published at .+ \(UK time\)\.$/)).toBeVisible({ timeout: SERVER_WORK_MS });
    const state = (await (await priyaRequest.get(`/api/v1${EVALUATION_ROUTES.award(panel.id)}`)).json()) as AwardState;
    const lastDay = state.decision!.standstillLastDay!;
    const [y, m, d] = lastDay.split('-').map(Number);
    const expectedDay = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
      .format(new Date(Date.UTC(y!, m! - 1, d!, 12)))
      .replace(',', '');
    await expect(page.locator('#standstill-last-day')).toHaveText(expectedDay);
    expect(expectedDay).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday) /);
    expect(Date.parse(`${lastDay}T12:00:00Z`) - Date.now()).toBeGreaterThan(8 * 86_400_000);
    await expect(page.locator('#standstill-ends')).toHaveText(`midnight at the end of ${expectedDay} (UK time)`);
    await expect(page.getByRole('button', { name: 'Mark the contract as entered into' })).toBeDisabled();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    await Promise.all([buyer.context.close(), priyaRequest.dispose()]);
  });
});
