import { Role, type SupplierResponse, type TenderDetail } from '@openbrief/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../src/common/clock/clock';
import { signInElsewhere } from '../support/other-organisation';
import {
  addColleague,
  completeContent,
  download,
  publishedTender,
  saveResponse,
  signUpSupplier,
  startResponse,
  tinyPdf,
  upload,
} from '../support/response-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

type Who = 'anonymous' | 'supplier' | 'colleague' | 'otherSupplier' | 'buyer' | 'otherBuyer' | 'evaluator' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'supplier', 'colleague', 'otherSupplier', 'buyer', 'otherBuyer', 'evaluator', 'admin'];
/** 'ok': any 2xx. */
type Outcome = number | 'ok';
type Row = [route: string, call: (c: TestClient, who: Who) => Promise<{ status: number }>, expected: Outcome[]];

/** Every response route × every kind of person, before and after the deadline (SQLite, and PostgreSQL with TEST_DATABASE=postgres). */
describe('responses: who may do what', () => {
  let t: TestApp;
  let as: Record<Who, TestClient>;
  let tender: TenderDetail;
  let response: SupplierResponse;
  let clock: jest.SpyInstance<Date, []>;
  const attachments: Partial<Record<Who, string>> = {};
  let submissionId = '';

  beforeAll(async () => {
    t = await startTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'openbrief-responses-')) });
    const signedIn = async (email: string) => {
      const c = t.client();
      await c.signIn(email);
      return c;
    };
    const supplier = await signedIn('supplier@demo.test');
    const buyer = await signedIn('buyer@demo.test');
    as = {
      anonymous: t.client(),
      supplier,
      colleague: await addColleague(t, supplier, 'colleague@brightpath.test', Role.Supplier),
      otherSupplier: await signUpSupplier(t, 'Quill & Co', 'jo@quill.test'),
      buyer,
      otherBuyer: await signInElsewhere(t, { email: 'other.buyer@other.test', name: 'Other Buyer', role: Role.Buyer }),
      evaluator: await signedIn('evaluator@demo.test'),
      admin: await addColleague(t, buyer, 'admin@demo.test', Role.Admin, 'Ada Admin'),
    };
    tender = await publishedTender(buyer, 'Guarded community transport');
    response = await startResponse(supplier, tender);
    response = await saveResponse(supplier, response, completeContent(response));
    for (const who of ['supplier', 'colleague'] as const) {
      attachments[who] = (await upload(supplier, `/api/v1/responses/${response.id}/attachments`, tinyPdf(who), `${who}.pdf`)).body.id;
    }
    const first = await supplier.post(`/api/v1/responses/${response.id}/submit`);
    submissionId = first.body.submissionId;
    await supplier.post(`/api/v1/responses/${response.id}/withdraw`);
  });
  beforeEach(() => {
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterEach(() => clock.mockRestore());
  afterAll(() => t.close());

  const id = () => response.id;
  const current = async () => `"${(await as.supplier.get(`/api/v1/responses/${id()}`)).body.revision}"`;
  const lot = () => ({ tenderId: tender.id, lotId: tender.lots[0].id });
  const buyerRoute = (path: string) => `/api/v1/tenders/${tender.id}/responses${path}`;

  function check(rows: Row[]) {
    return async () => {
      const seen: Record<string, Record<Who, number | string>> = {};
      const wanted: Record<string, Record<Who, number | string>> = {};
      for (const [route, call, expected] of rows) {
        seen[route] = {} as Record<Who, number>;
        wanted[route] = {} as Record<Who, number>;
        for (const [i, who] of EVERYONE.entries()) {
          const { status } = await call(as[who], who);
          seen[route][who] = expected[i] === 'ok' && status >= 200 && status < 300 ? 'ok' : status;
          wanted[route][who] = expected[i];
        }
      }
      expect(seen).toEqual(wanted);
    };
  }

  // anonymous, supplier, colleague, otherSupplier, buyer, otherBuyer, evaluator, admin
  it(
    'before the deadline',
    check([
      ['GET /responses', (c) => c.get('/api/v1/responses'), [401, 'ok', 'ok', 'ok', 403, 403, 403, 403]],
      ['GET /responses/library', (c) => c.get('/api/v1/responses/library'), [401, 'ok', 'ok', 'ok', 403, 403, 403, 403]],
      [
        'GET /responses/library/documents',
        (c) => c.get('/api/v1/responses/library/documents'),
        [401, 'ok', 'ok', 'ok', 403, 403, 403, 403],
      ],
      ['POST /responses', (c) => c.post('/api/v1/responses', lot()), [401, 'ok', 'ok', 'ok', 403, 403, 403, 403]],
      ['GET /responses/:id', (c) => c.get(`/api/v1/responses/${id()}`), [401, 'ok', 'ok', 404, 404, 404, 404, 404]],
      [
        'PUT /responses/:id',
        async (c) => c.put(`/api/v1/responses/${id()}`, completeContent(response), { 'If-Match': await current() }),
        [401, 'ok', 'ok', 404, 404, 404, 404, 404],
      ],
      [
        'POST /responses/:id/confirm-changes',
        (c) => c.post(`/api/v1/responses/${id()}/confirm-changes`, { version: 1 }),
        [401, 'ok', 'ok', 404, 404, 404, 404, 404],
      ],
      [
        'GET /responses/:id/attachments/:a',
        (c) => download(c, `/api/v1/responses/${id()}/attachments/${attachments.supplier}`),
        [401, 'ok', 'ok', 404, 404, 404, 404, 404],
      ],
      [
        'POST /responses/:id/attachments',
        (c) => upload(c, `/api/v1/responses/${id()}/attachments`, tinyPdf('x'), 'x.pdf'),
        [401, 'ok', 'ok', 404, 404, 404, 404, 404],
      ],
      [
        'POST /responses/:id/attachments/reuse',
        (c) => c.post(`/api/v1/responses/${id()}/attachments/reuse`, { attachmentId: attachments.supplier }),
        // The supplier's copy is the fifth document, the tender's limit: its colleague is refused for the limit (422), not for access.
        [401, 'ok', 422, 404, 404, 404, 404, 404],
      ],
      [
        'DELETE /responses/:id/attachments/:a',
        (c, who) => c.delete(`/api/v1/responses/${id()}/attachments/${attachments[who] ?? attachments.supplier}`),
        [401, 204, 204, 404, 404, 404, 404, 404],
      ],
      ['GET /responses/:id/receipts', (c) => c.get(`/api/v1/responses/${id()}/receipts`), [401, 'ok', 'ok', 404, 404, 404, 404, 404]],
      [
        'GET /responses/:id/receipts/:s.pdf',
        (c) => download(c, `/api/v1/responses/${id()}/receipts/${submissionId}.pdf`),
        [401, 'ok', 'ok', 404, 404, 404, 404, 404],
      ],
      // The supplier submits; its colleague is then told it is already submitted (past access, refused by state).
      ['POST /responses/:id/submit', (c) => c.post(`/api/v1/responses/${id()}/submit`), [401, 201, 409, 404, 404, 404, 404, 404]],
      ['POST /responses/:id/withdraw', (c) => c.post(`/api/v1/responses/${id()}/withdraw`), [401, 200, 409, 404, 404, 404, 404, 404]],
      ['GET counts', (c) => c.get(buyerRoute('/counts')), [401, 404, 404, 404, 'ok', 404, 404, 'ok']],
      ['GET opening', (c) => c.get(buyerRoute('/opening')), [401, 404, 404, 404, 'ok', 404, 404, 'ok']],
      ['POST open', (c) => c.post(buyerRoute('/open')), [401, 404, 404, 404, 409, 404, 404, 409]],
      ['POST open/confirm', (c) => c.post(buyerRoute('/open/confirm')), [401, 404, 404, 404, 409, 404, 404, 409]],
    ]),
  );

  it('resubmits before the deadline', async () => {
    expect((await as.supplier.post(`/api/v1/responses/${id()}/submit`)).status).toBe(201);
  });

  it('after the deadline: nothing can be created or changed; the buying team opens', async () => {
    clock.mockReturnValue(new Date(new Date(tender.timetable.submissionDeadline!).getTime() + 1_000));
    await check([
      ['GET /responses', (c) => c.get('/api/v1/responses'), [401, 'ok', 'ok', 'ok', 403, 403, 403, 403]],
      ['POST /responses', (c) => c.post('/api/v1/responses', lot()), [401, 409, 409, 409, 403, 403, 403, 403]],
      ['GET /responses/:id', (c) => c.get(`/api/v1/responses/${id()}`), [401, 'ok', 'ok', 404, 404, 404, 404, 404]],
      [
        'PUT /responses/:id',
        async (c) => c.put(`/api/v1/responses/${id()}`, completeContent(response), { 'If-Match': await current() }),
        [401, 409, 409, 404, 404, 404, 404, 404],
      ],
      [
        'POST /responses/:id/confirm-changes',
        (c) => c.post(`/api/v1/responses/${id()}/confirm-changes`, { version: 1 }),
        [401, 409, 409, 404, 404, 404, 404, 404],
      ],
      [
        'POST /responses/:id/attachments',
        (c) => upload(c, `/api/v1/responses/${id()}/attachments`, tinyPdf('x'), 'x.pdf'),
        [401, 409, 409, 404, 404, 404, 404, 404],
      ],
      ['POST /responses/:id/submit', (c) => c.post(`/api/v1/responses/${id()}/submit`), [401, 409, 409, 404, 404, 404, 404, 404]],
      ['POST /responses/:id/withdraw', (c) => c.post(`/api/v1/responses/${id()}/withdraw`), [401, 409, 409, 404, 404, 404, 404, 404]],
      ['GET /responses/:id/receipts', (c) => c.get(`/api/v1/responses/${id()}/receipts`), [401, 'ok', 'ok', 404, 404, 404, 404, 404]],
      ['GET counts', (c) => c.get(buyerRoute('/counts')), [401, 404, 404, 404, 'ok', 404, 404, 'ok']],
      ['POST open/confirm', (c) => c.post(buyerRoute('/open/confirm')), [401, 404, 404, 404, 409, 404, 404, 409]],
      // The buyer opens (one person may, for this tender); the admin is then told it is already open.
      ['POST open', (c) => c.post(buyerRoute('/open')), [401, 404, 404, 404, 200, 404, 404, 409]],
      ['GET opening', (c) => c.get(buyerRoute('/opening')), [401, 404, 404, 404, 'ok', 404, 404, 'ok']],
      ['GET /responses/:id (opened)', (c) => c.get(`/api/v1/responses/${id()}`), [401, 'ok', 'ok', 404, 404, 404, 404, 404]],
    ])();
  });
});
