import { NotificationKind, ResponseStatus, type SubmissionReceipt, type SupplierResponse, type TenderDetail } from '@openbrief/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../src/common/clock/clock';
import { Notification } from '../../src/modules/notifications/entities/notification.entity';
import { ResponseSubmissionRow } from '../../src/modules/responses/entities';
import { readPdf } from '../support/pdf';
import { countChanges, rowCounter } from '../support/row-counts';
import { completeContent, download, publishedTender, saveResponse, startResponse, tinyPdf, upload } from '../support/response-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { zip } from '../support/zip-writer';

/** Submitting: what is missing, receipts, idempotency, the deadline to the second, withdraw and resubmit, attachments. */
describe('responses: submission', () => {
  let t: TestApp;
  let buyer: TestClient;
  let supplier: TestClient;
  let tender: TenderDetail;
  let clock: jest.SpyInstance<Date, []>;
  let counts: () => Promise<Record<string, number>>;
  const deadline = () => new Date(tender.timetable.submissionDeadline!).getTime();
  const at = (ms: number) => clock.mockReturnValue(new Date(deadline() + ms));

  beforeAll(async () => {
    t = await startTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'openbrief-responses-')) });
    counts = rowCounter(t.dataSource);
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    tender = await publishedTender(buyer, 'Submitted community transport', { maxAttachments: 2, maxAttachmentMb: 1 });
  });
  beforeEach(() => {
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterEach(() => clock.mockRestore());
  afterAll(() => t.close());

  it('refuses to submit while something is missing, listing each thing (422, nothing written)', async () => {
    const r = await startResponse(supplier, tender);
    const before = await counts();
    const res = await supplier.post(`/api/v1/responses/${r.id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.missing.map((m: { kind: string }) => m.kind)).toEqual(expect.arrayContaining(['answer', 'declaration', 'price']));
    expect(res.body.missing[0].label).toMatch(/^Answer the question ‘/);
    expect(countChanges(before, await counts())).toEqual([]);
  });

  it('attaches documents within the tender’s rules, and refuses bad files with a clear 4xx and nothing written', async () => {
    const r = await startResponse(supplier, tender);
    const path = `/api/v1/responses/${r.id}/attachments`;
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), deflate: true },
    ]);
    const cases: [string, Buffer, string, number[]][] = [
      ['an executable renamed .pdf', executable, 'invoice.pdf', [415, 422]],
      ['a zip bomb named .docx', bomb, 'method.docx', [413, 422]],
      ['a path in the name', tinyPdf('x'), '../../etc/method.pdf', [400, 422]],
      ['a Windows path in the name', tinyPdf('x'), '..\\..\\method.pdf', [400, 422]],
      ['too large', Buffer.concat([tinyPdf('x'), Buffer.alloc(1024 * 1024, 0x20)]), 'large.pdf', [413]],
    ];
    for (const [what, data, name, statuses] of cases) {
      const before = await counts();
      const res = await upload(supplier, path, data, name);
      expect({ what, status: statuses.includes(res.status) ? 'refused' : res.status }).toEqual({ what, status: 'refused' });
      expect(res.body.message).toEqual(expect.any(String));
      expect(countChanges(before, await counts())).toEqual([]);
    }
    const one = await upload(supplier, path, tinyPdf('method statement'), 'Method statement.pdf');
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({
      fileName: 'Method statement.pdf',
      contentType: 'application/pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const two = await upload(supplier, path, tinyPdf('case study'), 'Case study.pdf');
    expect(two.status).toBe(201);
    const before = await counts();
    const three = await upload(supplier, path, tinyPdf('one too many'), 'Extra.pdf');
    expect(three.status).toBe(422);
    expect(three.body.message).toMatch(/at most 2 documents/);
    expect(countChanges(before, await counts())).toEqual([]);

    const file = await download(supplier, `${path}/${one.body.id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('filename="Method statement.pdf"');
    expect((file.body as Buffer).toString()).toContain('method statement');
    expect((await supplier.delete(`${path}/${two.body.id}`)).status).toBe(204);
    expect((await supplier.get(`/api/v1/responses/${r.id}`)).body.attachments.map((a: { id: string }) => a.id)).toEqual([one.body.id]);
  });

  it('submits with a receipt; the same Idempotency-Key gives the same receipt, sequentially and concurrently', async () => {
    const r = await startResponse(supplier, tender);
    const full = await saveResponse(supplier, (await supplier.get(`/api/v1/responses/${r.id}`)).body, completeContent(r));
    at(-60_000);
    const key = 'retry-key-0001';
    const first = await supplier.post(`/api/v1/responses/${r.id}/submit`, undefined, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const receipt = first.body as SubmissionReceipt;
    expect(receipt).toMatchObject({
      responseId: r.id,
      sequence: 1,
      submittedAt: new Date(deadline() - 60_000).toISOString(),
      tenderReference: tender.reference,
      tenderVersion: 1,
      lotNumber: 1,
      supplierName: 'Brightpath Digital Ltd',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      pdfPath: `/api/v1/responses/${r.id}/receipts/${receipt.submissionId}.pdf`,
    });
    expect(receipt.attachments).toEqual(full.attachments.map((a) => ({ fileName: a.fileName, sha256: a.sha256, size: a.size })));

    const again = await supplier.post(`/api/v1/responses/${r.id}/submit`, undefined, { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(receipt);
    const together = await Promise.all(
      Array.from({ length: 4 }, () => supplier.post(`/api/v1/responses/${r.id}/submit`, undefined, { 'Idempotency-Key': key })),
    );
    expect(together.map((x) => x.status)).toEqual([200, 200, 200, 200]);
    expect(together.every((x) => x.body.submissionId === receipt.submissionId)).toBe(true);
    expect(await t.dataSource.getRepository(ResponseSubmissionRow).countBy({ responseId: r.id })).toBe(1);

    // Submitting again without withdrawing is refused: one counting submission at a time.
    const twice = await supplier.post(`/api/v1/responses/${r.id}/submit`, undefined, { 'Idempotency-Key': 'another-key-01' });
    expect(twice.status).toBe(409);
    // A submitted response is final until withdrawn.
    const locked = await supplier.put(`/api/v1/responses/${r.id}`, completeContent(r), {
      'If-Match': `"${receipt.sequence + full.revision}"`,
    });
    expect(locked.status).toBe(409);

    const received = await t.dataSource.getRepository(Notification).findBy({ kind: NotificationKind.ResponseReceived });
    expect(received).toHaveLength(1);
    expect(received[0].body).toContain(receipt.sha256);
  });

  it('gives a receipt PDF with the supplier, tender, lot, version, UTC and UK times, hashes and no answer text', async () => {
    const r = (await supplier.get('/api/v1/responses')).body[0];
    const [receipt] = (await supplier.get(`/api/v1/responses/${r.id}/receipts`)).body as SubmissionReceipt[];
    const res = await download(supplier, receipt.pdfPath);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = readPdf(res.body as Buffer);
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('Brightpath Digital Ltd');
    expect(text).toContain(tender.reference);
    expect(text).toContain('Submitted community transport');
    expect(text).toContain('Version 1');
    expect(text).toMatch(/UTC/);
    expect(text).toMatch(/G[MT]T|BST/);
    expect(flat).toContain(receipt.sha256);
    for (const a of receipt.attachments) {
      expect(text).toContain(a.fileName);
      expect(flat).toContain(a.sha256);
    }
    expect(text).not.toContain('We will run the service well');
  });

  it('withdraws and resubmits: both kept, the last counts', async () => {
    const r = (await supplier.get('/api/v1/responses')).body[0];
    at(-30_000);
    const withdrawn = await supplier.post(`/api/v1/responses/${r.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: ResponseStatus.Withdrawn, receipt: null });
    expect((await supplier.post(`/api/v1/responses/${r.id}/withdraw`)).status).toBe(409);
    const edited = await saveResponse(supplier, withdrawn.body, completeContent(withdrawn.body, 'A better answer.'));
    const second = await supplier.post(`/api/v1/responses/${r.id}/submit`);
    expect(second.status).toBe(201);
    expect(second.body.sequence).toBe(2);
    const receipts = (await supplier.get(`/api/v1/responses/${r.id}/receipts`)).body as SubmissionReceipt[];
    expect(receipts.map((x) => x.sequence)).toEqual([1, 2]);
    expect(receipts[0].sha256).not.toBe(receipts[1].sha256);
    const now = (await supplier.get(`/api/v1/responses/${r.id}`)).body as SupplierResponse;
    expect(now.status).toBe(ResponseStatus.Submitted);
    expect(now.receipt!.submissionId).toBe(second.body.submissionId);
    expect(now.revision).toBeGreaterThan(edited.revision);
    const pdf = readPdf((await download(supplier, receipts[0].pdfPath)).body as Buffer).text;
    expect(pdf).toContain('Withdrawn');
  });

  it('accepts a submission in the last second before the deadline and refuses one at it and a second after (nothing written)', async () => {
    const r = (await supplier.get(`/api/v1/responses/${(await supplier.get('/api/v1/responses')).body[0].id}`)).body as SupplierResponse;
    at(-2_000);
    expect((await supplier.post(`/api/v1/responses/${r.id}/withdraw`)).status).toBe(200);
    at(-1_000);
    const last = await supplier.post(`/api/v1/responses/${r.id}/submit`);
    expect(last.status).toBe(201);
    expect(last.body.submittedAt).toBe(new Date(deadline() - 1_000).toISOString());
    at(-500);
    expect((await supplier.post(`/api/v1/responses/${r.id}/withdraw`)).status).toBe(200);
    for (const ms of [0, 1_000]) {
      at(ms);
      const before = await counts();
      const late = await supplier.post(`/api/v1/responses/${r.id}/submit`);
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/deadline/);
      const change = await supplier.put(`/api/v1/responses/${r.id}`, completeContent(r), { 'If-Match': '"1"' });
      expect(change.status).toBe(409);
      expect((await upload(supplier, `/api/v1/responses/${r.id}/attachments`, tinyPdf('late'), 'Late.pdf')).status).toBe(409);
      expect((await supplier.post('/api/v1/responses', { tenderId: tender.id, lotId: tender.lots[0].id })).status).toBe(409);
      expect(countChanges(before, await counts())).toEqual([]);
    }
    // Reading stays open to the supplier after the deadline.
    expect((await supplier.get(`/api/v1/responses/${r.id}`)).status).toBe(200);
    expect((await supplier.get(`/api/v1/responses/${r.id}/receipts`)).body.map((x: SubmissionReceipt) => x.sequence)).toEqual([1, 2, 3]);
  });
});
