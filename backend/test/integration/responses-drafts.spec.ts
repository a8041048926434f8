import { NotificationKind, ResponseStatus, Role, type SupplierResponse, type TenderDetail } from '@openbrief/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../src/common/clock/clock';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { Notification } from '../../src/modules/notifications/entities/notification.entity';
import { DeadlineReminders } from '../../src/modules/responses/deadline-reminders';
import { TenderInterest } from '../../src/modules/clarifications/entities/tender-interest.entity';
import { countChanges, rowCounter } from '../support/row-counts';
import { addColleague, completeContent, publishedTender, saveResponse, signUpSupplier, startResponse } from '../support/response-fixtures';
import { readyContent } from '../support/tender-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/** Drafting a response: start, autosave with If-Match, computed counts and totals, refusals, corrigenda, the library. */
describe('responses: drafts', () => {
  let t: TestApp;
  let buyer: TestClient;
  let supplier: TestClient;
  let colleague: TestClient;
  let tender: TenderDetail;
  let counts: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    t = await startTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'openbrief-responses-')) });
    counts = rowCounter(t.dataSource);
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    colleague = await addColleague(t, supplier, 'colleague@brightpath.test', Role.Supplier);
    tender = await publishedTender(buyer, 'Drafted community transport');
  });
  afterAll(() => t.close());

  it('starts a response once per organisation and lot (201, then 200 with the same one), registering interest', async () => {
    const first = await supplier.post('/api/v1/responses', { tenderId: tender.id, lotId: tender.lots[0].id });
    expect(first.status).toBe(201);
    expect(first.headers['etag']).toBe('"1"');
    const r = first.body as SupplierResponse;
    expect(r).toMatchObject({ status: ResponseStatus.Draft, tenderVersion: 1, latestTenderVersion: 1, changesSince: null, revision: 1 });
    expect(r.answers.length).toBeGreaterThan(0);
    expect(r.declarations.length).toBeGreaterThan(0);
    expect(r.missing.map((m) => m.kind)).toEqual(expect.arrayContaining(['answer', 'declaration', 'price']));
    const again = await colleague.post('/api/v1/responses', { tenderId: tender.id, lotId: tender.lots[0].id });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(r.id);
    expect(await t.dataSource.getRepository(TenderInterest).countBy({ tenderId: tender.id })).toBe(1);
  });

  it('computes word counts, words over the limit and price totals; a typed total is refused', async () => {
    const r = await startResponse(supplier, tender);
    const limited = r.answers.find((a) => a.wordLimit !== null)!;
    const content = completeContent(r);
    const long = Array.from({ length: limited.wordLimit! + 7 }, (_, i) => `word${i}`).join(' \n ');
    content.answers = content.answers.map((a) => (a.criterionId === limited.criterionId ? { ...a, text: long } : a));
    const saved = await saveResponse(supplier, r, content);
    const answer = saved.answers.find((a) => a.criterionId === limited.criterionId)!;
    expect(answer).toMatchObject({ wordCount: limited.wordLimit! + 7, wordsOverLimit: 7, text: long });
    expect(saved.price.lines.map((l) => l.total)).toEqual([37_501.5, 23_999.88]);
    expect(saved.price.total).toBe(61_501.38);
    expect(saved.price.lines.every((l) => typeof l.id === 'string' && l.id.length > 0)).toBe(true);
    expect(saved.missing).toEqual([]);
    expect(saved.revision).toBe(r.revision + 1);

    const before = await counts();
    const typed = await supplier.put(
      `/api/v1/responses/${r.id}`,
      { ...content, priceLines: [{ ...content.priceLines[0], total: 1 }] },
      { 'If-Match': `"${saved.revision}"` },
    );
    expect(typed.status).toBe(400);
    expect(JSON.stringify(typed.body.details)).toContain('total');
    expect(countChanges(before, await counts())).toEqual([]);
  });

  it('never lets two people of one supplier overwrite each other silently (stale If-Match: 409 with the current state)', async () => {
    const r = (await supplier.get(`/api/v1/responses/${(await startResponse(supplier, tender)).id}`)).body as SupplierResponse;
    const mine = completeContent(r, 'Mine.');
    const theirs = completeContent(r, 'Theirs.');
    const a = await supplier.put(`/api/v1/responses/${r.id}`, mine, { 'If-Match': `"${r.revision}"` });
    expect(a.status).toBe(200);
    const before = await counts();
    const b = await colleague.put(`/api/v1/responses/${r.id}`, theirs, { 'If-Match': `"${r.revision}"` });
    expect(b.status).toBe(409);
    expect(b.body.message).toMatch(/saved this response since you opened it/);
    expect(b.body.current.revision).toBe(r.revision + 1);
    expect(b.body.current.answers[0].text).toContain('Mine.');
    expect(countChanges(before, await counts())).toEqual([]);

    // Concurrent saves at the same revision: exactly one wins, the other is told, nothing is lost.
    const current = a.body as SupplierResponse;
    const results = await Promise.all(
      ['One.', 'Two.', 'Three.'].map((w, i) =>
        (i % 2 ? colleague : supplier).put(`/api/v1/responses/${r.id}`, completeContent(r, w), { 'If-Match': `"${current.revision}"` }),
      ),
    );
    expect(results.map((x) => x.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((x) => x.status === 200)!.body as SupplierResponse;
    const now = (await supplier.get(`/api/v1/responses/${r.id}`)).body as SupplierResponse;
    expect(now.revision).toBe(current.revision + 1);
    expect(now.answers[0].text).toBe(winner.answers[0].text);
  });

  it('needs If-Match, and refuses bad content with a clear 4xx and nothing written', async () => {
    const r = (await supplier.get(`/api/v1/responses/${(await startResponse(supplier, tender)).id}`)).body as SupplierResponse;
    const ok = completeContent(r);
    const hundredThousandWords = Array.from({ length: 100_000 }, () => 'word').join(' ');
    const cases: [string, object, Record<string, string>, number[]][] = [
      ['no If-Match', ok, { 'If-Match': '' }, [400]],
      ['If-Match not a revision', ok, { 'If-Match': 'abc' }, [400]],
      ['100,000-word answer', { ...ok, answers: [{ ...ok.answers[0], text: hundredThousandWords }] }, {}, [400, 413, 422]],
      ['negative price', { ...ok, priceLines: [{ ...ok.priceLines[0], unitPrice: -1 }] }, {}, [400, 422]],
      ['non-numeric price', { ...ok, priceLines: [{ ...ok.priceLines[0], unitPrice: '12.50' }] }, {}, [400, 422]],
      ['three decimal places', { ...ok, priceLines: [{ ...ok.priceLines[0], unitPrice: 1.005 }] }, {}, [400, 422]],
      [
        'a criterion of another tender',
        { ...ok, answers: [{ criterionId: '8f14e45f-ceea-467f-a8f0-6d0f3bd3e6b1', text: 'x' }] },
        {},
        [422],
      ],
      [
        'a requirement that is not pass/fail',
        { ...ok, declarations: [{ requirementId: tender.lots[0].requirements[0].id, meets: true, evidence: '' }] },
        {},
        [422],
      ],
      ['an unknown field', { ...ok, supplierName: 'x' }, {}, [400]],
    ];
    for (const [what, body, headers, statuses] of cases) {
      const before = await counts();
      const res = await supplier.put(`/api/v1/responses/${r.id}`, body, { 'If-Match': `"${r.revision}"`, ...headers });
      expect({ what, status: statuses.includes(res.status) ? 'refused' : res.status }).toEqual({ what, status: 'refused' });
      expect(typeof res.body.message).toBe('string');
      expect(countChanges(before, await counts())).toEqual([]);
    }
    expect((await supplier.get(`/api/v1/responses/${r.id}`)).body.revision).toBe(r.revision);
  });

  it('lists "Your responses" with the next step, and offers earlier answers for reuse to its own organisation only', async () => {
    const list = await supplier.get('/api/v1/responses');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ tenderId: tender.id, status: 'draft', nextStep: 'Ready to submit. Submit before the deadline.' });
    const library = await colleague.get('/api/v1/responses/library');
    expect(library.status).toBe(200);
    expect(library.body.length).toBeGreaterThan(0);
    expect(library.body[0]).toMatchObject({ tenderTitle: 'Drafted community transport', wordCount: expect.any(Number) });
    const other = await signUpSupplier(t, 'Quill & Co', 'jo@quill.test');
    expect((await other.get('/api/v1/responses/library')).body).toEqual([]);
    expect((await other.get('/api/v1/responses')).body).toEqual([]);
  });

  it('shows what changed in a new version, refuses to submit until confirmed, and records every change in the audit log', async () => {
    const r = (await supplier.get(`/api/v1/responses/${(await startResponse(supplier, tender)).id}`)).body as SupplierResponse;
    const working = (await buyer.get(`/api/v1/tenders/${tender.id}`)).body as TenderDetail;
    // The same dates as version 1: only the question changes.
    const content = { ...readyContent(working), timetable: working.timetable };
    const question = content.lots[0].evaluationModel.criteria.find((c) => c.id === r.answers[0].criterionId)!;
    question.description = `${question.description} Include a timeline.`;
    const saved = await buyer.put(`/api/v1/tenders/${tender.id}`, { revision: working.revision, content });
    expect(saved.status).toBe(200);
    const v2 = await buyer.post(`/api/v1/tenders/${tender.id}/publish`, {
      revision: saved.body.revision,
      changeNote: 'Asked for a timeline.',
    });
    expect(v2.status).toBe(201);

    const changed = (await supplier.get(`/api/v1/responses/${r.id}`)).body as SupplierResponse;
    expect(changed.latestTenderVersion).toBe(2);
    expect(changed.changesSince).toEqual({
      fromVersion: 1,
      toVersion: 2,
      items: [{ kind: 'criterion', id: question.id, label: question.name, change: 'changed' }],
    });
    const summary = (await supplier.get('/api/v1/responses')).body[0];
    expect(summary.nextStep).toMatch(/tender has changed/);

    const before = await counts();
    const refused = await supplier.post(`/api/v1/responses/${r.id}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/changed since you wrote this response/);
    expect(countChanges(before, await counts())).toEqual([]);

    expect((await supplier.post(`/api/v1/responses/${r.id}/confirm-changes`, { version: 1 })).status).toBe(409);
    const confirmed = await supplier.post(`/api/v1/responses/${r.id}/confirm-changes`, { version: 2 });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ tenderVersion: 2, changesSince: null });

    const audit = await t.dataSource.getRepository(AuditEvent).find({ where: { subject: `response:${r.id}` }, order: { seq: 'ASC' } });
    const actions = audit.map((e) => e.action);
    expect(actions[0]).toBe('response.started');
    expect(actions).toContain('response.saved');
    expect(actions).toContain('response.changes-confirmed');
    expect(audit.every((e) => e.tenderId === null)).toBe(true);
  });

  it('reminds suppliers with an unsubmitted response 48 hours before the deadline, once', async () => {
    const deadline = new Date(tender.timetable.submissionDeadline!).getTime();
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    try {
      clock.mockReturnValue(new Date(deadline - 49 * 3_600_000));
      expect(await t.app.get(DeadlineReminders).scan()).toBe(0);
      clock.mockReturnValue(new Date(deadline - 47 * 3_600_000));
      expect(await t.app.get(DeadlineReminders).scan()).toBe(1);
      expect(await t.app.get(DeadlineReminders).scan()).toBe(1);
      const reminders = await t.dataSource.getRepository(Notification).findBy({ kind: NotificationKind.DeadlineSoon });
      // One each for the supplier and its colleague, however often the scan runs.
      expect(reminders).toHaveLength(2);
      expect(reminders[0].dedupeKey).toMatch(/^deadline-soon:/);
      expect(reminders[0].body).toMatch(/has not been submitted yet/);
    } finally {
      clock.mockRestore();
    }
  });
});
