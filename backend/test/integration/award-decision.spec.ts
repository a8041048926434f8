import {
  type AssessmentSummary,
  type AwardDecision,
  type AwardState,
  type EvaluationPanel,
  NotificationKind,
  TenderStatus,
} from '@openbrief/contracts';
import { SCORING_VERSION } from '@openbrief/scoring';
import { createHash } from 'node:crypto';
import { verifyChain } from '../../src/modules/audit/audit-chain-verifier';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { OutboxWorker } from '../../src/modules/notifications/delivery/outbox-worker';
import { Notification } from '../../src/modules/notifications/entities';
import {
  declare,
  type EvaluationWorld,
  formPanel,
  moderate,
  openedTender,
  scoreAndSubmit,
  SUPPLIER_NAMES,
} from '../support/evaluation-fixtures';
import { readPdf } from '../support/pdf';
import { download } from '../support/response-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TestMailServer } from '../support/test-mail-server';

const PUBLIC_URL = 'https://openbrief.example';
/** A Thursday before Good Friday (26 March 2027) and Easter Monday (29 March): the standstill skips both. */
const THURSDAY_BEFORE_EASTER = new Date('2027-03-25T09:00:00Z');
const CONFLICT = 'I worked for Ottervale Systems until last year.';
const HANDLING = 'Sam Second was removed from Ottervale Systems; the other evaluator scored it alone.';
const REASONS = 'The highest total, with the best approach and a sound price; no near-tie.';
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Table cells and long addresses wrap anywhere (even at a hyphen): compare without any white space. */
const squeezed = (text: string) => text.replace(/\s+/g, '');
const ADDRESS = { streetAddress: '7 Kilnworth Yard', locality: 'Bristol', postalCode: 'BS1 6QH', countryName: 'United Kingdom' };

/**
 * From a moderated lot to the contract: the award, assessment summaries drafted, edited, issued and e-mailed, the
 * award notice only once all are issued, the standstill, the contract, and the evaluation report. Consensus scores
 * (0–4): Approach 3, 3, 1 and Team 3, 2, 2, so A 52.5 + 30 = 82.5, B 45.5 + 25 = 70.5, C 24.5 (35% < 50%: out).
 */
describe('award: decision, assessment summaries, standstill and the evaluation report', () => {
  let mail: TestMailServer;
  let t: TestApp;
  let w: EvaluationWorld;
  let panelId: string;
  let ids: string[];
  const path = (tail: string) => `/api/v1/panels/${panelId}/${tail}`;
  const state = async () => (await w.buyer.get(path('award'))).body as AwardState;
  const summaryOf = async (i: number) => (await state()).summaries.find((s) => s.responseId === ids[i])!;
  const at = (iso: string | Date) => w.clock.mockReturnValue(new Date(iso));

  beforeAll(async () => {
    mail = new TestMailServer();
    t = await startTestApp({ SMTP_URL: await mail.start(), PUBLIC_URL, NOTIFY_POLL_MS: '3600000' });
    w = await openedTender(t);
    ids = w.responseIds;
    const panel = await formPanel(w);
    panelId = panel.id;
    await declare(w, w.evaluators[0], panelId);
    await declare(w, w.evaluators[1], panelId, { [ids[2]]: CONFLICT });
    await declare(w, w.moderator, panelId);
    const declared = (await w.buyer.get(`/api/v1/panels/${panelId}`)).body as EvaluationPanel;
    const conflict = declared.declarations.find((d) => d.conflict)!;
    const handled = await w.buyer.post(`/api/v1/panels/${panelId}/declarations/${conflict.id}/handling`, { handling: HANDLING });
    expect(handled.status).toBe(200);
    await scoreAndSubmit(w, w.evaluators[0], panelId, w.quality[0], { [ids[0]]: 3, [ids[1]]: 3, [ids[2]]: 1 });
    await scoreAndSubmit(w, w.evaluators[0], panelId, w.quality[1], { [ids[0]]: 4, [ids[1]]: 2, [ids[2]]: 2 });
    await scoreAndSubmit(w, w.evaluators[1], panelId, w.quality[0], { [ids[0]]: 3, [ids[1]]: 3 });
    await scoreAndSubmit(w, w.evaluators[1], panelId, w.quality[1], { [ids[0]]: 2, [ids[1]]: 2 });
    for (const [q, consensus] of [
      [0, [3, 3, 1]],
      [1, [3, 2, 2]],
    ] as const) {
      for (const [i, score] of consensus.entries()) await moderate(w, panelId, ids[i], w.quality[q], score);
    }
    // Reg 31(2)(a)–(c): the supplier's address and identifier, as its organisation records them.
    const organisation = await w.suppliers[1].put('/api/v1/organisation', {
      name: SUPPLIER_NAMES[1],
      companyNumber: 'SC612345',
      isSme: true,
      isVcse: true,
      address: ADDRESS,
      contactPhone: null,
    });
    expect(organisation.status).toBe(200);
    at(THURSDAY_BEFORE_EASTER);
  });
  afterAll(async () => {
    w?.clock.mockRestore();
    await t?.close();
    await mail?.close();
  });

  it('refuses a disqualified response, short reasons, and departing from the ranking without saying why', async () => {
    const c = await w.buyer.post(path('award'), { responseId: ids[2], reasons: REASONS });
    expect(c.status).toBe(409);
    expect(c.body.message).toMatch(/disqualified.*50%/);
    expect((await w.buyer.post(path('award'), { responseId: ids[0], reasons: 'Best.' })).status).toBe(400);
    const b = await w.buyer.post(path('award'), { responseId: ids[1], reasons: 'Second, but we prefer their team.' });
    expect(b.status).toBe(422);
    expect(b.body.message).toMatch(/ranked 2, not first.*100 characters/);
    expect((await w.buyer.post(path('award'), { responseId: w.tender.id, reasons: REASONS })).status).toBe(422);
    expect((await state()).decision).toBeNull();
  });

  it('awards the leader, drafts a summary for every assessed supplier, and moves the tender to awarded', async () => {
    const res = await w.buyer.post(path('award'), { responseId: ids[0], reasons: REASONS });
    expect(res.status).toBe(200);
    const s = res.body as AwardState;
    expect(s.decision).toMatchObject({ responseId: ids[0], supplierName: SUPPLIER_NAMES[0], reasons: REASONS, noticePublishedAt: null });
    expect(s.decision!.decidedAt).toBe(THURSDAY_BEFORE_EASTER.toISOString());
    expect(s.summaries.map((x) => x.supplierName).sort()).toEqual([...SUPPLIER_NAMES].sort());
    expect(s.summaries.every((x) => x.status === 'draft' && x.revision === 1)).toBe(true);
    expect(s.noticeBlockedBy).toMatch(/3 assessment summaries are not issued yet/);

    const [a, b, c] = [0, 1, 2].map((i) => s.summaries.find((x) => x.responseId === ids[i])!);
    expect(a).toMatchObject({ successful: true, rank: 1, total: 82.5, whyNotSuccessful: null, winnerName: SUPPLIER_NAMES[0] });
    expect(b).toMatchObject({ successful: false, rank: 2, total: 70.5 });
    expect(b.whyNotSuccessful).toMatch(/ranked 2 of 2 with 70.50 points.*scored 82.50 points/);
    expect(b.whyNotSuccessful).toMatch(/Quality \(7.00 points fewer\), Price \(5.00 points fewer\)/);
    expect(c).toMatchObject({ successful: false, rank: null });
    expect(c.whyNotSuccessful).toMatch(/not scored further: .*50%/);
    // Each criterion with its weight, scheme, score and the moderator's note as the explanation.
    const approach = b.criteria.find((x) => x.criterionId === w.quality[0])!;
    expect(approach).toMatchObject({ name: 'Approach', weight: 42, score: 3, points: 31.5 });
    expect(approach.scoringScheme).toMatch(/Scored 0 to 4/);
    expect(approach.explanation).toMatch(/The panel agreed 3 after discussing the evidence/);
    expect(b.criteria.find((x) => x.criterionId === w.priceId)).toMatchObject({ weight: 30, points: 25, score: null });

    expect((await w.buyer.get(`/api/v1/tenders/${w.tender.id}`)).body.status).toBe(TenderStatus.Awarded);
    const again = await w.buyer.post(path('award'), { responseId: ids[0], reasons: REASONS });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already been awarded/);
  });

  it('edits a draft summary with If-Match, refusing a stale revision with the current one', async () => {
    const b = await summaryOf(1);
    const body = {
      explanations: [{ criterionId: w.quality[1], explanation: 'Your team plan named roles but not the people who would fill them.' }],
      whyNotSuccessful: 'Your response scored fewer points on the team and on price than the successful one.',
    };
    expect((await w.buyer.put(path(`summaries/${ids[1]}`), body)).status).toBe(400);
    const edited = await w.buyer.put(path(`summaries/${ids[1]}`), body, { 'If-Match': `"${b.revision}"` });
    expect(edited.status).toBe(200);
    expect(edited.headers['etag']).toBe(`"${b.revision + 1}"`);
    expect((edited.body as AssessmentSummary).criteria.find((x) => x.criterionId === w.quality[1])!.explanation).toBe(
      body.explanations[0].explanation,
    );
    const stale = await w.buyer.put(
      path(`summaries/${ids[1]}`),
      { ...body, whyNotSuccessful: 'Overwritten by a stale edit.' },
      { 'If-Match': `"${b.revision}"` },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current.whyNotSuccessful).toBe(body.whyNotSuccessful);
    const unknown = await w.buyer.put(
      path(`summaries/${ids[1]}`),
      { explanations: [{ criterionId: w.tender.id, explanation: 'Not a criterion.' }], whyNotSuccessful: 'Anything.' },
      { 'If-Match': `"${b.revision + 1}"` },
    );
    expect(unknown.status).toBe(422);
    const missingWhy = await w.buyer.put(
      path(`summaries/${ids[1]}`),
      { explanations: [], whyNotSuccessful: null },
      { 'If-Match': `"${b.revision + 1}"` },
    );
    expect(missingWhy.status).toBe(422);
  });

  it('refuses the award notice while any summary is a draft', async () => {
    // No body at all is the same as {}: publish now.
    const res = await w.buyer.post(path('award/notice'));
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/not issued yet.*regulation 31/);
  });

  it('issues a summary as a stored PDF, e-mails the supplier, and lets only that supplier download it', async () => {
    at('2027-03-25T09:30:00Z');
    const res = await w.buyer.post(path(`summaries/${ids[1]}/issue`));
    expect(res.status).toBe(200);
    const issued = res.body as AssessmentSummary;
    expect(issued).toMatchObject({
      status: 'issued',
      issuedAt: '2027-03-25T09:30:00.000Z',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await w.buyer.post(path(`summaries/${ids[1]}/issue`))).status).toBe(409);
    expect(
      (
        await w.buyer.put(
          path(`summaries/${ids[1]}`),
          { explanations: [], whyNotSuccessful: 'Late.' },
          { 'If-Match': `"${issued.revision}"` },
        )
      ).status,
    ).toBe(409);

    const buyerCopy = await download(w.buyer, path(`summaries/${ids[1]}/pdf`));
    expect(buyerCopy.status).toBe(200);
    expect(buyerCopy.headers['content-type']).toBe('application/pdf');
    expect(buyerCopy.headers['cache-control']).toBe('private, no-store');
    expect(createHash('sha256').update(buyerCopy.body).digest('hex')).toBe(issued.sha256);
    const text = flat(readPdf(buyerCopy.body).text);
    for (const expected of ['Approach', 'Team', 'Price', '42', '28', '30', SUPPLIER_NAMES[1], SUPPLIER_NAMES[0], '70.50'])
      expect(text).toContain(expected);
    expect(text).toContain('Your team plan named roles but not the people');
    expect(text).toContain('fewer points on the team and on price than the successful one');
    // Reg 31(2): addressed to the supplier (address, the submitter's e-mail, identifier) and where the criteria are published.
    const submitter = (await w.suppliers[1].get('/api/v1/auth/me')).body.email as string;
    for (const expected of [
      '7 Kilnworth Yard, Bristol, BS1 6QH, United Kingdom',
      submitter,
      'Companies House number SC612345',
      `${PUBLIC_URL}/opportunities/${w.tender.id}`,
    ])
      expect(squeezed(text)).toContain(squeezed(expected));

    // The supplier's own copy: the same bytes; another supplier, and the winner before its own is issued, see nothing.
    const own = await download(w.suppliers[1], `/api/v1/responses/${ids[1]}/assessment-summary.pdf`);
    expect(own.status).toBe(200);
    expect(Buffer.compare(own.body, buyerCopy.body)).toBe(0);
    expect((await w.suppliers[0].get(`/api/v1/responses/${ids[1]}/assessment-summary.pdf`)).status).toBe(404);
    expect((await w.suppliers[0].get(`/api/v1/responses/${ids[0]}/assessment-summary.pdf`)).status).toBe(404);
    expect((await w.buyer.get(`/api/v1/responses/${ids[1]}/assessment-summary.pdf`)).status).toBe(404);

    const me = (await w.suppliers[1].get('/api/v1/auth/me')).body as { id: string; email: string };
    const inApp = await t.dataSource.getRepository(Notification).findBy({ userId: me.id, kind: NotificationKind.AssessmentSummaryIssued });
    expect(inApp).toHaveLength(1);
    expect(inApp[0].link).toBe(`/responses/${ids[1]}`);
    await t.app.get(OutboxWorker).drainOnce();
    const sent = mail.received.filter((m) => m.envelopeTo.includes(me.email) && m.parsed.subject?.startsWith('Assessment summary'));
    expect(sent).toHaveLength(1);
    expect(sent[0].parsed.subject).toMatch(/^Assessment summary: /);
    expect(sent[0].parsed.text).toContain(`${PUBLIC_URL}/responses/${ids[1]}`);
  });

  it('publishes the award notice once every summary is issued, and counts the standstill past Easter', async () => {
    for (const i of [0, 2]) expect((await w.buyer.post(path(`summaries/${ids[i]}/issue`))).status).toBe(200);
    expect((await state()).noticeBlockedBy).toBeNull();
    expect((await w.buyer.post(path('award/notice'), { publishedAt: '2027-03-26T09:00:00Z' })).status).toBe(422);
    expect((await w.buyer.post(path('award/notice'), { publishedAt: 'Thursday' })).status).toBe(400);
    at('2027-03-25T10:00:00Z');
    const res = await w.buyer.post(path('award/notice'), {});
    expect(res.status).toBe(200);
    // Thu 25 March is day 1; Good Friday and Easter Monday are skipped; day 8 is Wed 7 April, ending at midnight BST.
    expect(res.body as AwardDecision).toMatchObject({
      noticePublishedAt: '2027-03-25T10:00:00.000Z',
      jurisdiction: 'england_and_wales',
      standstillLastDay: '2027-04-07',
      standstillEndsAt: '2027-04-07T23:00:00.000Z',
      contractEnteredAt: null,
    });
    expect((await w.buyer.post(path('award/notice'), {})).status).toBe(409);
  });

  it('refuses the contract before the standstill ends by the server clock, and records it after', async () => {
    at('2027-04-07T22:59:00Z');
    const early = await w.buyer.post(path('award/contract'), {});
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/Wednesday 7 April 2027/);
    at('2027-04-08T09:00:00Z');
    expect((await w.buyer.post(path('award/contract'), { enteredAt: '2027-04-07T12:00:00Z' })).status).toBe(422);
    const res = await w.buyer.post(path('award/contract'), {});
    expect(res.status).toBe(200);
    expect((res.body as AwardDecision).contractEnteredAt).toBe('2027-04-08T09:00:00.000Z');
    expect((await w.buyer.post(path('award/contract'), {})).status).toBe(409);

    const actions = (await t.dataSource.getRepository(AuditEvent).find({ where: { tenderId: w.tender.id }, order: { seq: 'ASC' } })).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a.startsWith('award.'))).toEqual([
      'award.decided',
      'award.summary-issued',
      'award.summary-issued',
      'award.summary-issued',
      'award.notice-published',
      'award.contract-entered',
    ]);
    expect(await verifyChain(t.dataSource.manager)).toMatchObject({ ok: true });
  });

  it('makes the evaluation report: panel, conflicts, every score with its justification, totals, sensitivity, decision', async () => {
    const res = await download(w.buyer, path('report.pdf'));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="evaluation-report-.*\.pdf"$/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const { text, info } = readPdf(res.body);
    const all = flat(text);
    for (const expected of [
      'Sam Second',
      'Morgan Moderator',
      // Table cells wrap: the declaration and its handling are checked by their first words.
      'Conflict: I worked for',
      'Sam Second was removed from',
      'Scored 4: the response sets out a clear plan',
      'The panel agreed 3 after discussing the evidence',
      '82.50',
      '70.50',
      REASONS,
      SCORING_VERSION,
      ...SUPPLIER_NAMES,
    ])
      expect(all).toContain(flat(expected));
    expect(all).toMatch(/[Ss]ensitivity/);
    expect(Number(info['Pages'])).toBeGreaterThan(1);
    expect((await w.suppliers[0].get(path('report.pdf'))).status).toBe(404);
    expect((await w.evaluators[0].get(path('report.pdf'))).status).toBe(404);
  });
});
