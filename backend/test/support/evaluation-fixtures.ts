import {
  CriterionType,
  type EvaluationPanel,
  type EvaluationRules,
  type EvaluatorWorkspace,
  type FormPanelRequest,
  type ModerationItem,
  RequirementKind,
  RequirementPriority,
  Role,
  type SupplierResponse,
  type TenderContent,
  type TenderDetail,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock/clock';
import { addColleague, completeContent, saveResponse, signUpSupplier, startResponse } from './response-fixtures';
import { createReadyTender, readyContent } from './tender-fixtures';
import type { TestApp, TestClient } from './test-app';

/** The three bidders, in the order they submit; names no template or seed contains, so a leak is easy to find. */
export const SUPPLIER_NAMES = ['Quillfeather Analytics Ltd', 'Brackenmoor Digital CIC', 'Ottervale Systems plc'] as const;

export interface EvaluationWorld {
  t: TestApp;
  buyer: TestClient;
  /** Two evaluators of the buyer's organisation (the demo evaluator and a colleague) and a buyer who moderates. */
  evaluators: [TestClient, TestClient];
  moderator: TestClient;
  suppliers: TestClient[];
  ids: { evaluators: [string, string]; moderator: string; buyer: string };
  tender: TenderDetail;
  lotId: string;
  /** The two scored quality criteria (leaves), and the price criterion. */
  quality: [string, string];
  priceId: string;
  /** The lot's pass/fail requirement. */
  mandatoryId: string;
  /** In SUPPLIER_NAMES order. */
  responseIds: string[];
  /** The server's clock, held just past the submission deadline (restore it in afterAll). */
  clock: jest.SpyInstance<Date, []>;
}

export interface WorldOptions {
  rules?: Partial<EvaluationRules>;
  /** The answer text of bidder i to quality criterion q (0 or 1). */
  answer?: (bidder: number, criterion: number) => string;
  /** Whether bidder i declares it meets the pass/fail requirement (default: all do). */
  meets?: (bidder: number) => boolean;
  /** Word limit of the first quality criterion (default 500). */
  wordLimit?: number;
  /** false: past the deadline, but the responses are not opened (default: opened). */
  open?: boolean;
}

let worlds = 0;

/**
 * An opened tender: one lot with two quality criteria (under a Quality parent) and a price criterion, a pass/fail
 * requirement, three submitted responses from three supplier organisations, two evaluators and a moderator in the
 * buyer's organisation. The clock is held past the deadline, as the opening needs.
 */
export async function openedTender(t: TestApp, options: WorldOptions = {}): Promise<EvaluationWorld> {
  const n = ++worlds;
  const buyer = t.client();
  await buyer.signIn('buyer@demo.test');
  const first = t.client();
  await first.signIn('evaluator@demo.test');
  const second = await addColleague(t, buyer, `second-evaluator-${n}@demo.test`, Role.Evaluator, 'Sam Second');
  const moderator = await addColleague(t, buyer, `moderator-${n}@demo.test`, Role.Buyer, 'Morgan Moderator');
  const id = async (c: TestClient) => (await c.get('/api/v1/auth/me')).body.id as string;

  const tender = await publish(buyer, `Evaluation world ${n}`, (content) => {
    const lot = content.lots[0];
    lot.requirements.push({
      id: randomUUID(),
      heading: 'Compliance',
      kind: RequirementKind.Mandatory,
      priority: RequirementPriority.Essential,
      outcome: 'The service meets the Web Content Accessibility Guidelines 2.2 at level AA.',
      whyItMatters: 'The law requires it of public sector websites.',
      measure: { description: 'An accessibility audit', baseline: null, target: null, unit: null },
      roomForProposals: 'How you test and fix.',
      justification: null,
    });
    const parent = randomUUID();
    const assessed = lot.requirements.filter((r) => r.kind !== RequirementKind.Mandatory).map((r) => r.id);
    lot.evaluationModel.rules = { ...lot.evaluationModel.rules, ...options.rules };
    lot.evaluationModel.criteria = [
      {
        id: parent,
        parentId: null,
        name: 'Quality',
        type: CriterionType.Quality,
        weight: 70,
        description: 'How well the proposal achieves the outcomes.',
        requirementIds: [],
        wordLimit: null,
      },
      {
        id: randomUUID(),
        parentId: parent,
        name: 'Approach',
        type: CriterionType.Quality,
        weight: 60,
        description: 'How you will achieve the outcomes.',
        requirementIds: assessed.slice(0, 1),
        wordLimit: options.wordLimit ?? 500,
      },
      {
        id: randomUUID(),
        parentId: parent,
        name: 'Team',
        type: CriterionType.Quality,
        weight: 40,
        description: 'Who will do the work.',
        requirementIds: assessed.slice(1, 2),
        wordLimit: 500,
      },
      {
        id: randomUUID(),
        parentId: null,
        name: 'Price',
        type: CriterionType.Price,
        weight: 30,
        description: 'Total price for the initial contract period.',
        requirementIds: [],
        wordLimit: null,
      },
    ];
  });
  const lot = tender.lots[0];
  const leaves = lot.evaluationModel.criteria.filter((c) => c.parentId !== null);
  const quality: [string, string] = [leaves[0].id, leaves[1].id];
  const priceId = lot.evaluationModel.criteria.find((c) => c.type === CriterionType.Price)!.id;
  const mandatoryId = lot.requirements.find((r) => r.kind === RequirementKind.Mandatory)!.id;

  const suppliers: TestClient[] = [];
  const responseIds: string[] = [];
  for (const [i, name] of SUPPLIER_NAMES.entries()) {
    const supplier = await signUpSupplier(t, name, `bidder-${n}-${i}@supplier.test`);
    const started: SupplierResponse = await startResponse(supplier, tender);
    const content = completeContent(started);
    content.answers = started.answers.map((a) => ({
      criterionId: a.criterionId,
      text: options.answer?.(i, quality.indexOf(a.criterionId)) ?? `Our plan for ${a.criterionName}, written by bidder ${i + 1}.`,
    }));
    content.declarations = started.declarations.map((d) => ({
      requirementId: d.requirementId,
      meets: d.requirementId === mandatoryId ? (options.meets?.(i) ?? true) : true,
      evidence: 'Audit report 2026.',
    }));
    content.priceLines = [{ description: 'The service', quantity: 1, unit: 'contract', unitPrice: 100_000 + i * 20_000 }];
    await saveResponse(supplier, started, content);
    const submitted = await supplier.post(`/api/v1/responses/${started.id}/submit`);
    if (submitted.status !== 201) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    suppliers.push(supplier);
    responseIds.push(started.id);
  }

  const clock = jest.spyOn(t.app.get(Clock), 'now');
  clock.mockReturnValue(new Date(new Date(tender.timetable.submissionDeadline!).getTime() + 60_000));
  if (options.open !== false) {
    const opened = await buyer.post(`/api/v1/tenders/${tender.id}/responses/open`);
    if (opened.status >= 300) throw new Error(`open failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  }

  return {
    t,
    buyer,
    evaluators: [first, second],
    moderator,
    suppliers,
    ids: { evaluators: [await id(first), await id(second)], moderator: await id(moderator), buyer: await id(buyer) },
    tender,
    lotId: lot.id,
    quality,
    priceId,
    mandatoryId,
    responseIds,
    clock,
  };
}

async function publish(buyer: TestClient, title: string, adjust: (content: TenderContent) => void): Promise<TenderDetail> {
  const draft = await createReadyTender(buyer, title);
  const content = readyContent(draft);
  adjust(content);
  const saved = await buyer.put(`/api/v1/tenders/${draft.id}`, { revision: draft.revision, content });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  const res = await buyer.post(`/api/v1/tenders/${draft.id}/publish`, { revision: saved.body.revision });
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (await buyer.get(`/api/v1/tenders/${draft.id}`)).body as TenderDetail;
}

/** Both evaluators score both quality criteria; the third person moderates. */
export function standardPanel(w: EvaluationWorld): FormPanelRequest {
  return {
    moderatorId: w.ids.moderator,
    evaluators: w.ids.evaluators.map((userId) => ({ userId, criterionIds: [...w.quality] })),
  };
}

export async function formPanel(w: EvaluationWorld, body: FormPanelRequest = standardPanel(w), revision = 0): Promise<EvaluationPanel> {
  const res = await w.buyer.put(`/api/v1/tenders/${w.tender.id}/lots/${w.lotId}/panel`, body, { 'If-Match': `"${revision}"` });
  if (res.status !== 200) throw new Error(`forming the panel failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EvaluationPanel;
}

/** Declares for every bidder: no conflict, except those named (response id → details). */
export async function declare(
  w: EvaluationWorld,
  c: TestClient,
  panelId: string,
  conflicts: Record<string, string> = {},
): Promise<EvaluatorWorkspace> {
  const res = await c.put(`/api/v1/panels/${panelId}/declarations`, {
    declarations: w.responseIds.map((responseId) => ({
      responseId,
      conflict: responseId in conflicts,
      details: conflicts[responseId] ?? '',
    })),
  });
  if (res.status !== 200) throw new Error(`declaring failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EvaluatorWorkspace;
}

export const justification = (score: number, responseId: string) =>
  `Scored ${score}: the response sets out a clear plan with milestones and named roles (${responseId.slice(0, 8)}).`;

/** Saves a draft score (a new one, or over `revision`). */
export function saveScore(
  w: EvaluationWorld,
  c: TestClient,
  panelId: string,
  responseId: string,
  criterionId: string,
  score: number,
  revision = 0,
) {
  return c.put(
    `/api/v1/panels/${panelId}/scores/${responseId}/${criterionId}`,
    { score, justification: justification(score, responseId) },
    { 'If-Match': `"${revision}"` },
  );
}

/** Scores each response (response id → score) on a criterion and submits them. */
export async function scoreAndSubmit(
  w: EvaluationWorld,
  c: TestClient,
  panelId: string,
  criterionId: string,
  scores: Record<string, number>,
): Promise<EvaluatorWorkspace> {
  for (const [responseId, score] of Object.entries(scores)) {
    const res = await saveScore(w, c, panelId, responseId, criterionId, score);
    if (res.status !== 200) throw new Error(`scoring failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const res = await c.post(`/api/v1/panels/${panelId}/criteria/${criterionId}/submit`);
  if (res.status !== 200) throw new Error(`submitting failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EvaluatorWorkspace;
}

export async function moderate(
  w: EvaluationWorld,
  panelId: string,
  responseId: string,
  criterionId: string,
  score: number,
  note?: string,
): Promise<ModerationItem> {
  const res = await w.moderator.put(`/api/v1/panels/${panelId}/moderation/${responseId}/${criterionId}`, {
    score,
    note: note ?? `The panel agreed ${score} after discussing the evidence in the response.`,
  });
  if (res.status !== 200) throw new Error(`moderating failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ModerationItem;
}

/**
 * The whole way to a moderated panel: formed, everyone declared (no conflicts), both evaluators scored every
 * response on both criteria (`scores[e][q][i]`: evaluator e, criterion q, bidder i), and a consensus on each item
 * (the rounded mean unless `consensus` says otherwise).
 */
export async function moderatedPanel(
  w: EvaluationWorld,
  scores: number[][][] = [
    [
      [3, 2, 1],
      [4, 2, 2],
    ],
    [
      [3, 3, 1],
      [2, 2, 1],
    ],
  ],
): Promise<EvaluationPanel> {
  const panel = await formPanel(w);
  for (const c of [...w.evaluators, w.moderator]) await declare(w, c, panel.id);
  for (const [e, evaluator] of w.evaluators.entries()) {
    for (const [q, criterionId] of w.quality.entries()) {
      await scoreAndSubmit(w, evaluator, panel.id, criterionId, Object.fromEntries(w.responseIds.map((r, i) => [r, scores[e][q][i]])));
    }
  }
  for (const [q, criterionId] of w.quality.entries()) {
    for (const [i, responseId] of w.responseIds.entries()) {
      await moderate(w, panel.id, responseId, criterionId, Math.round((scores[0][q][i] + scores[1][q][i]) / 2));
    }
  }
  return (await w.buyer.get(`/api/v1/panels/${panel.id}`)).body as EvaluationPanel;
}
