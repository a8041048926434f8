import { NotificationKind, ResponseStatus, Role, type SubmissionReceipt, type TenderDetail } from '@openbrief/contracts';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../src/common/clock/clock';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { Notification } from '../../src/modules/notifications/entities/notification.entity';
import { OpenedResponses } from '../../src/modules/responses/opening/opened-responses';
import { addColleague, publishedTender, saveResponse, startResponse, tinyPdf, upload } from '../support/response-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/** Words no template or seed contains: if any of them is found at rest, something leaked. */
const SECRETS = {
  answer: 'Zanzibar quokka methodology 7781',
  evidence: 'Obsidian marmot accreditation 5523',
  price: 'Heliotrope ferret licence 9040',
  fileName: 'Periwinkle otter plan.pdf',
  fileContent: 'Vermilion axolotl appendix 3317',
};

/** Sealed until the deadline: encryption at rest, the buyer's view before opening, and the opening (one or two people). */
describe('responses: sealed until the deadline', () => {
  let t: TestApp;
  let dataDir: string;
  let buyer: TestClient;
  let admin: TestClient;
  let evaluator: TestClient;
  let supplier: TestClient;
  let single: TenderDetail;
  let paired: TenderDetail;
  let clock: jest.SpyInstance<Date, []>;
  const receipts: Record<string, SubmissionReceipt> = {};
  const after = (tender: TenderDetail) => clock.mockReturnValue(new Date(new Date(tender.timetable.submissionDeadline!).getTime() + 1_000));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'openbrief-responses-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    admin = await addColleague(t, buyer, 'admin@demo.test', Role.Admin, 'Ada Admin');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    single = await publishedTender(buyer, 'Opened by one');
    paired = await publishedTender(buyer, 'Opened by two', { twoPersonOpening: true });
    for (const tender of [single, paired]) {
      const r = await startResponse(supplier, tender);
      const attached = await upload(supplier, `/api/v1/responses/${r.id}/attachments`, tinyPdf(SECRETS.fileContent), SECRETS.fileName);
      expect(attached.status).toBe(201);
      await saveResponse(supplier, r, {
        answers: r.answers.map((a) => ({ criterionId: a.criterionId, text: `${SECRETS.answer} for ${a.criterionName}` })),
        declarations: r.declarations.map((d) => ({ requirementId: d.requirementId, meets: true, evidence: SECRETS.evidence })),
        priceLines: [{ description: SECRETS.price, quantity: 2, unit: 'year', unitPrice: 48_000 }],
      });
      const submitted = await supplier.post(`/api/v1/responses/${r.id}/submit`);
      expect(submitted.status).toBe(201);
      receipts[tender.id] = submitted.body;
    }
  });
  beforeEach(() => {
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterEach(() => clock.mockRestore());
  afterAll(() => t.close());

  it('keeps no plaintext of answers, evidence, prices, file names or files in the database or the data directory', async () => {
    const found: string[] = [];
    const look = (where: string, bytes: Buffer) => {
      for (const [what, secret] of Object.entries(SECRETS)) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          if (bytes.includes(Buffer.from(secret, encoding))) found.push(`${what} in ${where} (${encoding})`);
        }
      }
    };
    if (t.db.kind === 'sqlite') {
      // Checkpoint nothing: read the main file and its write-ahead log as they are on disk.
      const file = t.db.env['DATABASE_PATH'];
      for (const suffix of ['', '-wal', '-shm']) {
        try {
          look(`${file}${suffix}`, readFileSync(`${file}${suffix}`));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    } else {
      for (const table of new Set(t.dataSource.entityMetadatas.map((m) => m.tableName))) {
        const rows = (await t.dataSource.query(`SELECT row_to_json(x)::text AS row FROM "${table}" x`)) as { row: string }[];
        look(`table ${table}`, Buffer.from(rows.map((r) => r.row).join('\n')));
      }
    }
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    const files = walk(dataDir);
    expect(files.some((f) => f.includes('responses'))).toBe(true);
    for (const file of files) look(file, readFileSync(file));
    expect(found).toEqual([]);
  });

  it('shows the buying team numbers only before the deadline, and nobody outside the supplier the response', async () => {
    const counts = await buyer.get(`/api/v1/tenders/${single.id}/responses/counts`);
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({
      interested: 1,
      submitted: 1,
      opening: {
        state: 'sealed',
        twoPersonOpening: false,
        requestedBy: null,
        requestedById: null,
        requestedAt: null,
        openedAt: null,
        confirmedBy: null,
      },
    });
    expect((await buyer.post(`/api/v1/tenders/${single.id}/responses/open`)).status).toBe(409);
    expect((await buyer.get(`/api/v1/tenders/${single.id}/responses/opening`)).body.responses).toEqual([]);
    for (const who of [buyer, admin, evaluator]) {
      expect((await who.get(`/api/v1/responses/${receipts[single.id].responseId}`)).status).toBe(404);
      expect((await who.get(receipts[single.id].pdfPath)).status).toBe(404);
    }
    // The tender's audit trail names no supplier and no response before the opening.
    const trail = await buyer.get(`/api/v1/tenders/${single.id}/audit?pageSize=100`);
    expect(trail.status).toBe(200);
    const text = JSON.stringify(trail.body);
    expect(text).not.toMatch(/Brightpath|Sam Okafor|response\.|interest\./);
    const sealedEvents = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { subject: `response:${receipts[single.id].responseId}` } });
    expect(sealedEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining(['response.started', 'response.attachment-added', 'response.saved', 'response.submitted']),
    );
    for (const e of sealedEvents) {
      expect(e.tenderId).toBeNull();
      for (const secret of Object.values(SECRETS)) expect(e.details).not.toContain(secret);
    }
  });

  it('opens at once after the deadline when one person may: the opening is audited with each hash, equal to the receipt’s', async () => {
    after(single);
    const opened = await buyer.post(`/api/v1/tenders/${single.id}/responses/open`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ state: 'opened', twoPersonOpening: false, requestedBy: 'Priya Shah', confirmedBy: null });
    expect((await buyer.post(`/api/v1/tenders/${single.id}/responses/open`)).status).toBe(409);

    const record = await buyer.get(`/api/v1/tenders/${single.id}/responses/opening`);
    expect(record.body.responses).toEqual([
      expect.objectContaining({
        supplierName: 'Brightpath Digital Ltd',
        sha256: receipts[single.id].sha256,
        submissionId: receipts[single.id].submissionId,
      }),
    ]);
    const event = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'responses.opened', tenderId: single.id });
    expect(JSON.parse(event.details)).toMatchObject({
      count: 1,
      responses: [
        { responseId: receipts[single.id].responseId, submissionId: receipts[single.id].submissionId, sha256: receipts[single.id].sha256 },
      ],
    });
    const told = await t.dataSource.getRepository(Notification).findBy({ kind: NotificationKind.ResponsesOpened });
    expect(told.length).toBeGreaterThanOrEqual(2);

    // The evaluation reads the opened content through the exported service.
    const me = (await buyer.get('/api/v1/auth/me')).body;
    const list = await t.app.get(OpenedResponses).list(me, single.id);
    expect(list[0].content.answers[0].text).toContain(SECRETS.answer);
    expect((await supplier.get(`/api/v1/responses/${receipts[single.id].responseId}`)).body.status).toBe(ResponseStatus.Opened);
    // Evaluators see none of it through the buyer's routes.
    expect((await evaluator.get(`/api/v1/tenders/${single.id}/responses/opening`)).status).toBe(404);
  });

  it('with two-person opening, the one who asked cannot confirm; a different colleague does', async () => {
    after(paired);
    const asked = await buyer.post(`/api/v1/tenders/${paired.id}/responses/open`);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ state: 'awaiting-confirmation', twoPersonOpening: true, requestedBy: 'Priya Shah' });
    expect((await buyer.get(`/api/v1/tenders/${paired.id}/responses/opening`)).body.responses).toEqual([]);
    const self = await buyer.post(`/api/v1/tenders/${paired.id}/responses/open/confirm`);
    expect(self.status).toBe(409);
    expect(self.body.message).toMatch(/different member/);
    expect((await evaluator.post(`/api/v1/tenders/${paired.id}/responses/open/confirm`)).status).toBe(404);
    const confirmed = await admin.post(`/api/v1/tenders/${paired.id}/responses/open/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'opened', requestedBy: 'Priya Shah', confirmedBy: 'Ada Admin' });
    const record = (await buyer.get(`/api/v1/tenders/${paired.id}/responses/opening`)).body;
    expect(record.responses.map((r: { sha256: string }) => r.sha256)).toEqual([receipts[paired.id].sha256]);
    const actions = (await t.dataSource.getRepository(AuditEvent).findBy({ tenderId: paired.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['responses.opening-requested', 'responses.opened']));
  });
});
