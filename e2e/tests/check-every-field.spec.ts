import { expect, test } from '@playwright/test';
import type { TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { demoBuyer } from '../support/demo-data';
import { signIn } from '../support/team';
import { TenderWorkspace } from '../support/tender-editor';
import { SERVER_WORK_MS } from '../support/waits';

const PROBLEM_LABEL = 'What problem are you trying to solve?';
const PROBLEM = 'Staff re-key every case because our records do not reach Microsoft Dynamics.';

/** Every text a supplier reads is checked as the buyer types, and what blocks publication names the field. */
test('a brand typed into the problem gets a finding under that field, and the publish page names the field', async ({
  page,
  playwright,
}) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const priya = new ApiClient(request);
  await priya.signIn(demoBuyer.email, demoBuyer.password);
  const created = await priya.post('/api/v1/tenders', { title: `Case records ${Date.now()}`, templateId: 'digital-service' });
  expect(created.status(), await created.text()).toBe(201);
  const tender = (await created.json()) as TenderDetail;

  await signIn(page, demoBuyer.email, demoBuyer.password);
  await page.goto(`/tenders/${tender.id}`);
  const problem = page.getByRole('textbox', { name: PROBLEM_LABEL });
  await problem.fill(PROBLEM);

  // The finding appears under the problem field itself, quoting the brand, with a way to justify it.
  const findings = page.getByRole('list', { name: `Things to check in ${PROBLEM_LABEL}` });
  await expect(findings).toBeVisible();
  await expect(findings.getByRole('listitem').filter({ hasText: 'Microsoft Dynamics' }).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Things to check in Summary' })).toHaveCount(0);

  await new TenderWorkspace(page).expectSaved();
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/tenders/${tender.id}`)).json()) as TenderDetail).problem, {
      timeout: SERVER_WORK_MS,
    })
    .toBe(PROBLEM);

  // The publish page lists it as a blocker in the buyer's words, linking to the field.
  await page.goto(`/tenders/${tender.id}/publish`);
  await expect(page.getByRole('heading', { level: 2, name: /before you can publish/ })).toBeVisible();
  const blocker = page.getByRole('link', { name: new RegExp(`^${PROBLEM_LABEL.replace('?', '\\?')}: `) }).first();
  await expect(blocker).toBeVisible();
  await expect(blocker).toHaveAttribute('href', new RegExp(`/tenders/${tender.id}\\?field=problem`));
  await request.dispose();
});
