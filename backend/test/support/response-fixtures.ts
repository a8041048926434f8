import {
  CSRF_COOKIE,
  CSRF_HEADER,
  RequirementKind,
  RequirementPriority,
  type ResponseContentInput,
  type ResponseRules,
  Role,
  type SupplierResponse,
  type TenderDetail,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { User } from '../../src/modules/identity/entities/user.entity';
import { PasswordService } from '../../src/modules/identity/password.service';
import { createReadyTender, readyContent } from './tender-fixtures';
import type { TestApp, TestClient } from './test-app';

/** A published tender whose lot has questions, a pass/fail requirement, and the given response rules. */
export async function publishedTender(buyer: TestClient, title: string, rules: Partial<ResponseRules> = {}): Promise<TenderDetail> {
  const draft = await createReadyTender(buyer, title);
  const content = readyContent(draft);
  content.responseRules = { ...content.responseRules, ...rules };
  const lot = content.lots[0];
  if (!lot.requirements.some((r) => r.kind === RequirementKind.Mandatory)) {
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
  }
  const saved = await buyer.put(`/api/v1/tenders/${draft.id}`, { revision: draft.revision, content });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  const res = await buyer.post(`/api/v1/tenders/${draft.id}/publish`, { revision: saved.body.revision });
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (await buyer.get(`/api/v1/tenders/${draft.id}`)).body as TenderDetail;
}

/** A new supplier organisation with one person, signed in. */
export async function signUpSupplier(t: TestApp, organisationName: string, email: string): Promise<TestClient> {
  const c = t.client();
  const res = await c.post('/api/v1/auth/sign-up', { name: 'Jo Quill', email, password: 'a-long-password', organisationName, isSme: true });
  if (res.status >= 300) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  await c.signIn(email, 'a-long-password');
  return c;
}

/** Another person of `colleague`'s organisation with `role`, signed in. */
export async function addColleague(
  t: TestApp,
  colleague: TestClient,
  email: string,
  role: Role,
  name = 'Casey Colleague',
): Promise<TestClient> {
  const me = (await colleague.get('/api/v1/auth/me')).body;
  await t.dataSource.getRepository(User).insert({
    id: randomUUID(),
    organisationId: me.organisation.id,
    email,
    name,
    role,
    passwordHash: await t.app.get(PasswordService).hash('a-long-password'),
    createdAt: new Date(),
  });
  const c = t.client();
  await c.signIn(email, 'a-long-password');
  return c;
}

/** Answers every question and declaration of the response, with a two-line price. */
export function completeContent(r: SupplierResponse, words = 'We will run the service well.'): ResponseContentInput {
  return {
    answers: r.answers.map((a) => ({ criterionId: a.criterionId, text: `${words} (${a.criterionName})` })),
    declarations: r.declarations.map((d) => ({ requirementId: d.requirementId, meets: true, evidence: 'Audit report 2026.' })),
    priceLines: [
      { description: 'Discovery and alpha', quantity: 3, unit: 'month', unitPrice: 12_500.5 },
      { description: 'Support', quantity: 12, unit: 'month', unitPrice: 1_999.99 },
    ],
  };
}

/** Starts (or finds) the supplier's response to the tender's first lot. */
export async function startResponse(c: TestClient, tender: TenderDetail): Promise<SupplierResponse> {
  const res = await c.post('/api/v1/responses', { tenderId: tender.id, lotId: tender.lots[0].id });
  if (res.status !== 201 && res.status !== 200) throw new Error(`start failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SupplierResponse;
}

export async function saveResponse(c: TestClient, r: SupplierResponse, content: ResponseContentInput): Promise<SupplierResponse> {
  const res = await c.put(`/api/v1/responses/${r.id}`, content, { 'If-Match': `"${r.revision}"` });
  if (res.status !== 200) throw new Error(`save failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SupplierResponse;
}

/**
 * A multipart upload of one file, written by hand so the file name reaches the server exactly as given (form
 * libraries cut `../` off names, as browsers do; a hostile client need not).
 */
export function upload(c: TestClient, path: string, data: Buffer, fileName: string, field = 'file') {
  const boundary = `----openbrief${randomUUID().replace(/-/g, '')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replace(/"/g, '%22')}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return c
    .raw()
    .post(path)
    .set('Cookie', c.cookieHeader())
    .set(CSRF_HEADER, c.cookies.get(CSRF_COOKIE) ?? '')
    .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
    .send(body);
}

/** The body of a binary response (PDF, attachment) as bytes. */
export function download(c: TestClient, path: string) {
  return c
    .raw()
    .get(path)
    .set('Cookie', c.cookieHeader())
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}

/** A small but real PDF (pdf magic bytes and trailer), with `marker` inside. */
export function tinyPdf(marker: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${marker}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}
