import { type SupplierResponse, type TenderDetail, TenderStatus } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import type { FuzzWorld, RoleName } from './fuzz-world';
import { rawRequest, type RawResponse } from './raw-http';
import { completeContent, tinyPdf } from './response-fixtures';
import type { TestApp } from './test-app';
import { readyContent } from './tender-fixtures';

/** One file in a multipart body, named and typed as the route expects it. */
export interface Upload {
  field: string;
  fileName: string;
  contentType: string;
  data: Buffer;
}

export interface SendOptions {
  /** Set-Cookie of an answer that signs someone else in is not kept: the caller stays who they are. */
  keepCookies?: boolean;
  upload?: Upload;
  headers?: Record<string, string>;
}

export type Send = (role: RoleName, method: string, path: string, body?: unknown, opts?: SendOptions) => Promise<RawResponse>;

/** Requests as each role's browser sends them: its cookies, the CSRF echo, JSON or one multipart file. */
export function matrixSender(t: TestApp, world: FuzzWorld): Send {
  return async (role, method, path, body, opts = {}) => {
    const jar = world.jars[role];
    const headers = { ...jar.headersFor(method), ...opts.headers };
    let payload: string | Buffer | undefined;
    if (opts.upload) {
      const { field, fileName, contentType, data } = opts.upload;
      const boundary = `matrix-${randomUUID()}`;
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await rawRequest(t.url, { method, path, headers, body: payload });
    if (opts.keepCookies !== false) jar.take(res);
    return res;
  };
}

export async function ok<T = unknown>(res: Promise<RawResponse>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`matrix set-up: ${what} answered ${r.status} ${r.text.slice(0, 300)}`);
  return JSON.parse(r.text || 'null') as T;
}

export const pdfUpload = (name: string): Upload => ({
  field: 'file',
  fileName: `${name}.pdf`,
  contentType: 'application/pdf',
  data: tinyPdf(name),
});

/** What a supplier did while the tender was open: the records the question and response routes are about. */
export interface TakingPart {
  questionId: string;
  responseId: string;
  /** Kept for the whole run: downloads and reuse aim at it, removal gets a fresh one. */
  attachmentId: string;
  submissionId: string;
}

export interface MatrixFixture {
  tender: TenderDetail;
  threadId: string;
  /** Null for a tender never published: nobody could ask about it or respond to it. */
  takingPart: TakingPart | null;
}

/** Statuses a tender reaches only through publication, after its submission deadline (by the server's clock in the run). */
export const PAST_DEADLINE: readonly TenderStatus[] = [TenderStatus.Closed, TenderStatus.Evaluating, TenderStatus.Awarded];
export const NEVER_PUBLISHED: readonly TenderStatus[] = [TenderStatus.Draft, TenderStatus.InReview];

/**
 * A tender of the demo trust in `status`, reached through the API as its buyer and the demo supplier would: published
 * ones (two-person opening, so opening is a request a colleague confirms) get the supplier's interest, a question and a
 * response with a document, submitted once and withdrawn (so it can be edited again), all while the tender was open.
 */
export async function matrixTender(t: TestApp, world: FuzzWorld, send: Send, status: TenderStatus): Promise<MatrixFixture> {
  let tender = await ok<TenderDetail>(
    send('buyer', 'POST', '/api/v1/tenders', { title: `Matrix ${status}`, templateId: 'digital-service' }),
    'create',
  );
  // Saved once more (revision 2, so there is something to compare); only tenders meant for publication get what publishing needs.
  const ready = !NEVER_PUBLISHED.includes(status);
  const content = ready ? readyContent(tender) : toTenderContent(tender);
  if (ready) content.responseRules = { ...content.responseRules, twoPersonOpening: true };
  tender = await ok(send('buyer', 'PUT', `/api/v1/tenders/${tender.id}`, { revision: tender.revision, content }), 'save');
  const move = async (to: TenderStatus, reason?: string) =>
    ok(
      send('buyer', 'POST', `/api/v1/tenders/${tender.id}/status`, { revision: await world.revisionOf(tender.id), status: to, reason }),
      `move to ${to}`,
    );
  if (status === TenderStatus.InReview) await move(TenderStatus.InReview);
  let takingPart: TakingPart | null = null;
  if (ready) {
    await ok(send('buyer', 'POST', `/api/v1/tenders/${tender.id}/publish`, { revision: await world.revisionOf(tender.id) }), 'publish');
    takingPart = await takePart(send, tender);
  }
  if (PAST_DEADLINE.includes(status)) {
    // The lifecycle closes a tender only after the deadline on its row: move both into the past, as time would. (The
    // published record keeps its dates; the run sets the server's clock past them, see the spec.)
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await t.dataSource
      .getRepository(Tender)
      .update({ id: tender.id }, { clarificationDeadline: daysAgo(2), submissionDeadline: daysAgo(1) });
    await move(TenderStatus.Closed);
    if (status !== TenderStatus.Closed) await move(TenderStatus.Evaluating);
    if (status === TenderStatus.Awarded) await move(TenderStatus.Awarded);
  }
  if (status === TenderStatus.Cancelled) await move(TenderStatus.Cancelled, 'Funding withdrawn.');
  const thread = await ok<{ id: string }>(
    send('buyer', 'POST', `/api/v1/tenders/${tender.id}/comments`, {
      body: 'Can the panel score this?',
      mentions: [world.userIds.evaluator],
    }),
    'thread',
  );
  tender = await ok(send('buyer', 'GET', `/api/v1/tenders/${tender.id}`), 'read back');
  if (tender.status !== status) throw new Error(`matrix set-up: the tender is ${tender.status}, not ${status}`);
  return { tender, threadId: thread.id, takingPart };
}

async function takePart(send: Send, tender: TenderDetail): Promise<TakingPart> {
  const as = (method: string, path: string, body?: unknown, opts?: SendOptions) => send('supplier', method, `/api/v1${path}`, body, opts);
  await ok(as('PUT', `/tenders/${tender.id}/interest`), 'register interest');
  const question = await ok<{ id: string }>(
    as('POST', `/tenders/${tender.id}/questions`, { text: 'Can the service be delivered in Welsh?' }),
    'ask',
  );
  const started = await ok<SupplierResponse>(as('POST', '/responses', { tenderId: tender.id, lotId: tender.lots[0].id }), 'start');
  const saved = await ok<SupplierResponse>(
    as('PUT', `/responses/${started.id}`, completeContent(started), { headers: { 'if-match': `"${started.revision}"` } }),
    'save the response',
  );
  const attachment = await ok<{ id: string }>(
    as('POST', `/responses/${saved.id}/attachments`, undefined, { upload: pdfUpload('matrix-evidence') }),
    'attach',
  );
  const receipt = await ok<{ submissionId: string }>(as('POST', `/responses/${saved.id}/submit`), 'submit');
  await ok(as('POST', `/responses/${saved.id}/withdraw`), 'withdraw');
  return { questionId: question.id, responseId: saved.id, attachmentId: attachment.id, submissionId: receipt.submissionId };
}
