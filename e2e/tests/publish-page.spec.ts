import { expect, test } from '@playwright/test';
import { RequirementKind, type TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { signIn } from '../support/team';
import { toContent } from '../support/tender-editor';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const SUMMARY_MISSING = 'Write a plain-English summary, so suppliers can tell quickly whether this is for them.';
const PROBLEM_MISSING = 'Describe the problem to be solved.';
const UNMEASURED = 'Families can see where the bus is on the way to school.';

test.describe('check and publish', () => {
  test('lists each thing to fix once, before and after a refused attempt, warns about an unmeasured outcome, and publishes', async ({
    page,
    playwright,
  }) => {
    const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const priya = new ApiClient(request);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const created = await priya.post('/api/v1/tenders', { title: `Home to school transport ${Date.now()}`, templateId: 'digital-service' });
    expect(created.status(), await created.text()).toBe(201);
    const tender = (await created.json()) as TenderDetail;

    // Two blockers (no summary, no problem) and one warning: requirement 1.3 is an outcome nobody can tell how to judge.
    const content = toContent(tender);
    content.summary = '';
    content.problem = '';
    content.contact = { name: 'Priya Shah', email: 'priya@nhs.test', phone: null };
    content.timetable = { ...content.timetable, clarificationDeadline: inDays(10), submissionDeadline: inDays(20) };
    content.estimatedValue = 200_000;
    const r = content.lots[0].requirements[2];
    Object.assign(r, {
      outcome: UNMEASURED,
      kind: RequirementKind.Outcome,
      measure: { description: '', baseline: null, target: null, unit: null },
    });
    for (const c of content.lots[0].evaluationModel.criteria) c.requirementIds = c.requirementIds.filter((id) => id !== r.id);
    const saved = await priya.put(`/api/v1/tenders/${tender.id}`, { revision: tender.revision, content });
    expect(saved.status(), await saved.text()).toBe(200);

    await signIn(page, demoBuyer.email, demoBuyer.password);
    await page.goto(`/tenders/${tender.id}/publish`);
    await expect(page.getByRole('heading', { level: 2, name: 'Fix 2 things before you can publish' })).toBeVisible();
    const once = async () => {
      for (const message of [SUMMARY_MISSING, PROBLEM_MISSING]) await expect(page.getByText(message, { exact: true })).toHaveCount(1);
    };
    await once();

    const warning = page
      .locator('ob-notice')
      .filter({ has: page.getByRole('heading', { level: 2, name: '1 thing to check before you publish' }) });
    await expect(warning).toContainText(`Requirement 1.3 (“${UNMEASURED}”) has no measure of success and no criterion assesses it`);
    await expect(warning.getByRole('link', { name: /Requirement 1\.3/ })).toHaveAttribute(
      'href',
      new RegExp(`/tenders/${tender.id}\\?field=`),
    );
    await expectNoAxeViolations(page);

    // Publishing anyway is refused: the summary at the top takes focus and is now the only list of what to fix.
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('The tender was not published.');
    await expect(page.getByRole('heading', { name: /before you can publish/ })).toHaveCount(0);
    await once();
    for (const message of [SUMMARY_MISSING, PROBLEM_MISSING]) await expect(summary.getByText(message, { exact: true })).toBeVisible();
    await expect(summary).not.toContainText(UNMEASURED);
    await expectNoAxeViolations(page);

    // Fixed elsewhere (here over the API), checked again: nothing blocks, the warning stays, and it publishes.
    const current = (await (await request.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail;
    const fixed = toContent(current);
    fixed.summary = 'Children get to school safely, on time, whatever their needs.';
    fixed.problem = 'Families wait weeks to hear whether transport is arranged.';
    expect((await priya.put(`/api/v1/tenders/${tender.id}`, { revision: current.revision, content: fixed })).status()).toBe(200);
    await summary.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'This tender is ready to publish' })).toBeVisible();
    await expect(summary).toHaveCount(0);
    await expect(warning).toBeVisible();
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(page).toHaveURL(new RegExp(`/tenders/${tender.id}/published/1$`));

    // The history shows the publication as an event, above the revisions, and the changes in words.
    await page.goto(`/tenders/${tender.id}/history`);
    const rows = page.getByRole('table').getByRole('row');
    const published = rows.filter({ has: page.getByRole('rowheader', { name: 'Published', exact: true }) });
    await expect(published).toHaveCount(1);
    await expect(published).toContainText('Published version 1');
    await expect(published).toContainText('Priya Shah');
    await expect(rows.nth(1)).toContainText('Published version 1');
    const lastSave = rows.filter({ hasText: 'What problem are you trying to solve?' }).first();
    await expect(lastSave).toContainText('Summary');
    await expect(page.getByRole('table')).not.toContainText(/submissionDeadline|position|\/kind/);
    await expectNoAxeViolations(page);
  });
});
