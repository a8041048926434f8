import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { TenderVersion } from '../../src/modules/tenders/entities/tender-version.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { readPdf } from '../support/pdf';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

const binary = (res: Response) => res.body as Buffer;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('tender packs', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  const download = (c: TestClient, path: string) =>
    c
      .raw()
      .get(path)
      .set('Cookie', c.cookieHeader())
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  it('streams a draft pack with a DRAFT watermark, the same bytes for the same revision', async () => {
    const d = await createReadyTender(buyer, 'Pack draft');
    const res = await download(buyer, `/api/v1/tenders/${d.id}/pack.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${d.reference}-draft.pdf`);
    const pdf = readPdf(binary(res));
    expect(pdf.text).toContain('DRAFT');
    expect(pdf.text).toContain('Pack draft');
    for (const r of d.lots[0].requirements) expect(pdf.text.replace(/\s+/g, ' ')).toContain(r.outcome.slice(0, 30));
    expect(pdf.info['Tagged']).toBe('yes');
    const again = await download(buyer, `/api/v1/tenders/${d.id}/pack.pdf`);
    expect(sha(binary(again))).toBe(sha(binary(res)));
  });

  it('makes the published pack once, stores it with its hash, and serves every version from storage', async () => {
    const d = await createReadyTender(buyer, 'Pack published');
    const v1 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(v1.body.packSha256).toMatch(/^[0-9a-f]{64}$/);

    const anyone = t.client();
    const res = await download(anyone, `/api/v1/public/tenders/${d.id}/pack.pdf`);
    expect(res.status).toBe(200);
    expect(sha(binary(res))).toBe(v1.body.packSha256);
    expect(res.headers['x-content-sha256']).toBe(v1.body.packSha256);
    const stored = await t.dataSource.getRepository(TenderVersion).findOneByOrFail({ tenderId: d.id, version: 1 });
    expect(stored.packSha256).toBe(v1.body.packSha256);
    const text = readPdf(binary(res)).text;
    expect(text).not.toContain('DRAFT');
    expect(text).toContain('Pack published');

    const current = (await buyer.get(`/api/v1/tenders/${d.id}`)).body;
    const content = toTenderContent(current);
    content.title = 'Pack published, corrected';
    const saved = (await buyer.put(`/api/v1/tenders/${d.id}`, { revision: current.revision, content })).body;
    const v2 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.revision, changeNote: 'Title corrected.' });
    expect(v2.body.packSha256).not.toBe(v1.body.packSha256);
    expect(readPdf(binary(await download(anyone, `/api/v1/public/tenders/${d.id}/pack.pdf`))).text).toContain('Pack published, corrected');
    const old = await download(anyone, `/api/v1/public/tenders/${d.id}/versions/1/pack.pdf`);
    expect(sha(binary(old))).toBe(v1.body.packSha256);
  });

  it('remakes a missing stored pack identically (deterministic) on first download', async () => {
    const d = await createReadyTender(buyer, 'Pack remade');
    const v1 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    await t.dataSource.query(`DELETE FROM stored_file WHERE key LIKE 'tender-pack/${d.id}/%'`);
    const res = await download(t.client(), `/api/v1/public/tenders/${d.id}/pack.pdf`);
    expect(sha(binary(res))).toBe(v1.body.packSha256);
  });

  it('keeps drafts private: 404 on the public route, 403 for a supplier, 404 for another organisation', async () => {
    const d = await createReadyTender(buyer, 'Pack private');
    expect((await t.client().get(`/api/v1/public/tenders/${d.id}/pack.pdf`)).status).toBe(404);
    const supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    expect((await supplier.get(`/api/v1/tenders/${d.id}/pack.pdf`)).status).toBe(403);
  });
});
