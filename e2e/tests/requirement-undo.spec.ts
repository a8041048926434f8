import { APIRequestContext, Page, expect, test } from '@playwright/test';
import type { TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { createTender, signIn } from '../support/team';
import { GuidedStep, TenderWorkspace, toContent } from '../support/tender-editor';
import { SERVER_WORK_MS } from '../support/waits';

/**
 * Deleting a requirement asks nothing first: a notice says what was deleted and offers Undo, focus moves to
 * Undo, the deletion is announced, and Undo puts back the requirement itself (same id, same place) with
 * what pointed at it (the criterion assessing it, a justification of a checker finding).
 */

/** A digital-service tender whose second requirement has a buyer's justification; the template's first question assesses it. */
async function tenderWithJustification(request: APIRequestContext): Promise<TenderDetail> {
  const api = new ApiClient(request);
  await api.signIn(demoBuyer.email, demoBuyer.password);
  const tender = await createTender(api, 'Undo');
  const second = tender.lots[0].requirements[1];
  const content = toContent(tender);
  const put = await api.put(`/api/v1/tenders/${tender.id}`, {
    revision: tender.revision,
    content: { ...content, justifications: [{ requirementId: second.id, rule: 'names-a-standard', text: 'The law names this standard.' }] },
  });
  expect(put.status(), await put.text()).toBe(200);
  return (await put.json()) as TenderDetail;
}

async function serverCopy(request: APIRequestContext, id: string): Promise<TenderDetail> {
  const response = await request.get(`/api/v1/tenders/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as TenderDetail;
}

/** What a deletion changes: the requirements in order, the ids each criterion assesses, the justifications. */
function links(t: TenderDetail): unknown {
  const lot = t.lots[0];
  return {
    requirements: lot.requirements.map((r) => r.id),
    criteria: lot.evaluationModel.criteria.map((c) => [c.name, c.requirementIds]),
    justifications: t.justifications.map((j) => j.requirementId),
  };
}

function announced(page: Page, text: string) {
  return page.locator('[aria-live="polite"]').filter({ hasText: text });
}

test.describe('Undoing the deletion of a requirement', () => {
  test('in the full editor, by keyboard: the requirement, its criterion link and its justification come back and are saved', async ({
    page,
    request,
  }) => {
    const tender = await tenderWithJustification(request);
    const before = links(tender);
    const second = tender.lots[0].requirements[1];

    await signIn(page);
    await page.goto(`/tenders/${tender.id}`);
    const workspace = new TenderWorkspace(page);
    const outcomes = page.getByRole('list', { name: 'Requirements', exact: true }).getByLabel('What must be true?', { exact: true });
    await expect(outcomes).toHaveCount(3);
    await workspace.expectLive();

    // Delete with the keyboard: nothing to confirm; the notice says what went, and focus is on Undo.
    await page.getByRole('button', { name: 'Delete requirement 1.2' }).focus();
    await page.keyboard.press('Enter');
    await expect(outcomes).toHaveCount(2);
    const notice = page.getByRole('status').filter({ hasText: 'Requirement 1.2 deleted' });
    await expect(notice).toContainText(second.outcome.slice(0, 40));
    const undo = page.getByRole('button', { name: 'Undo deleting requirement 1.2' });
    await expect(undo).toBeFocused();
    await expect(announced(page, 'Requirement 1.2 deleted.')).toBeAttached();
    await expectNoAxeViolations(page);

    // The deletion reached the server, with the links to the requirement gone.
    await workspace.expectSaved();
    await expect
      .poll(async () => links(await serverCopy(request, tender.id)), { timeout: SERVER_WORK_MS })
      .toEqual({
        requirements: [tender.lots[0].requirements[0].id, tender.lots[0].requirements[2].id],
        criteria: tender.lots[0].evaluationModel.criteria.map((c) => [c.name, c.requirementIds.filter((id) => id !== second.id)]),
        justifications: [],
      });

    // Undo: the requirement is back in its place, focus is in its outcome, and the notice has gone.
    await page.keyboard.press('Enter');
    await expect(outcomes).toHaveCount(3);
    await expect(outcomes.nth(1)).toHaveValue(second.outcome);
    await expect(outcomes.nth(1)).toBeFocused();
    await expect(announced(page, 'Requirement 1.2 is back.')).toBeAttached();
    await expect(notice).toHaveCount(0);

    // The server holds the same requirement (same id) with what pointed at it.
    await workspace.expectSaved();
    await expect.poll(async () => links(await serverCopy(request, tender.id)), { timeout: SERVER_WORK_MS }).toEqual(before);
  });

  test('in the guided questions: an outcome deleted by mistake comes back with one click', async ({ page, request }) => {
    const tender = await tenderWithJustification(request);
    const second = tender.lots[0].requirements[1];

    await signIn(page);
    await page.goto(`/tenders/${tender.id}/guided/outcomes`);
    const guided = new GuidedStep(page);
    await guided.expectQuestion('What must be true when this works?');
    await expect(guided.outcome('1.2').getByLabel('What must be true?', { exact: true })).toHaveValue(second.outcome);

    await page.getByRole('button', { name: 'Delete outcome 1.2' }).click();
    await expect(guided.outcome('1.3')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Outcome 1.2 deleted' })).toBeVisible();
    const undo = page.getByRole('button', { name: 'Undo deleting outcome 1.2' });
    await expect(undo).toBeFocused();
    await expect(announced(page, 'Outcome 1.2 deleted.')).toBeAttached();

    await undo.click();
    const restored = guided.outcome('1.2').getByLabel('What must be true?', { exact: true });
    await expect(restored).toHaveValue(second.outcome);
    await expect(restored).toBeFocused();
    await expect(guided.outcome('1.3')).toBeVisible();
    await expect(undo).toHaveCount(0);

    await new TenderWorkspace(page).expectSaved();
    await expect
      .poll(async () => (await serverCopy(request, tender.id)).lots[0].requirements.map((r) => r.id), { timeout: SERVER_WORK_MS })
      .toEqual(tender.lots[0].requirements.map((r) => r.id));
  });
});
