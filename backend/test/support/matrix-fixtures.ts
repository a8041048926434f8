import {
  CriterionType,
  type EvaluationPanel,
  RequirementKind,
  RequirementPriority,
  SESSION_COOKIE,
  type SupplierResponse,
  type TenderDetail,
  TenderStatus,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock/clock';
import { User } from '../../src/modules/identity/entities/user.entity';
import { SessionService } from '../../src/modules/identity/session.service';
import { ResponseOpeningRow } from '../../src/modules/responses/entities';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import type { FuzzWorld, RoleName } from './fuzz-world';
import { CookieJar, rawRequest, type RawResponse } from './raw-http';
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

/**
 * A lot's evaluation panel, for a tender whose responses were opened: the demo evaluator scores every scored
 * criterion, a second evaluator scores the first one and declared a conflict with the bidder, and the administrator
 * moderates. Everyone has declared; nothing is scored yet.
 */
export interface PanelFixture {
  panelId: string;
  lotId: string;
  /** The one bidder: the supplier's response. */
  responseId: string;
  /** The first scored criterion (the matrix saves drafts of it) and the second (submitted by nobody). */
  criterionId: string;
  otherCriterionId: string;
  /** The second evaluator's declared conflict: what conflict handling is recorded on. */
  declarationId: string;
  /** The lot's pass/fail requirement. */
  requirementId: string;
}

export interface MatrixFixture {
  tender: TenderDetail;
  threadId: string;
  /** Null for a tender never published: nobody could ask about it or respond to it. */
  takingPart: TakingPart | null;
  /** Only for tenders in evaluation (or awarded): a panel exists only once the responses are opened. */
  panel: PanelFixture | null;
  /** The opening as the fixture left it (none before evaluation), to put back after the opening routes are probed. */
  opening: ResponseOpeningRow | null;
}

/** Statuses a tender reaches only through publication, after its submission deadline (by the server's clock in the run). */
export const PAST_DEADLINE: readonly TenderStatus[] = [TenderStatus.Closed, TenderStatus.Evaluating, TenderStatus.Awarded];
export const NEVER_PUBLISHED: readonly TenderStatus[] = [TenderStatus.Draft, TenderStatus.InReview];
/** Statuses whose fixture has its responses opened and a panel formed (which moved the tender into evaluation). */
export const EVALUATED: readonly TenderStatus[] = [TenderStatus.Evaluating, TenderStatus.Awarded];
const DAY = 86_400_000;

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
  if (ready) {
    content.responseRules = { ...content.responseRules, twoPersonOpening: true };
    content.lots[0].requirements.push({
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
  let panel: PanelFixture | null = null;
  if (PAST_DEADLINE.includes(status)) {
    // Counted at the opening: submitted again (takePart left it withdrawn) while the tender still takes responses.
    if (EVALUATED.includes(status))
      await ok(
        send('supplier', 'POST', `/api/v1/responses/${takingPart!.responseId}/submit`, undefined, {
          headers: { 'idempotency-key': randomUUID() },
        }),
        'submit again',
      );
    // The lifecycle closes a tender only after the deadline on its row: move both into the past, as time would. (The
    // published record keeps its dates; the run sets the server's clock past them, see the spec.)
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
    await t.dataSource
      .getRepository(Tender)
      .update({ id: tender.id }, { clarificationDeadline: daysAgo(2), submissionDeadline: daysAgo(1) });
    // Forming the first panel moves the tender to closed, then evaluating, itself.
    if (EVALUATED.includes(status)) panel = await evaluatedLot(t, world, send, tender, takingPart!);
    else await move(TenderStatus.Closed);
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
  const opening = await t.dataSource.getRepository(ResponseOpeningRow).findOneBy({ tenderId: tender.id });
  return { tender, threadId: thread.id, takingPart, panel, opening };
}

/**
 * Opens the responses (the buyer asks, the administrator confirms) with the server's clock past the published
 * deadline, adds a second evaluator, forms the lot's panel and has everyone declare, all through the API.
 */
async function evaluatedLot(t: TestApp, world: FuzzWorld, send: Send, tender: TenderDetail, part: TakingPart): Promise<PanelFixture> {
  const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 30 * DAY));
  try {
    await ok(send('buyer', 'POST', `/api/v1/tenders/${tender.id}/responses/open`), 'ask to open');
    await ok(send('admin', 'POST', `/api/v1/tenders/${tender.id}/responses/open/confirm`), 'confirm the opening');
    const second = await secondEvaluator(t, world);
    const lot = tender.lots[0];
    const parents = new Set(lot.evaluationModel.criteria.map((c) => c.parentId));
    const scored = lot.evaluationModel.criteria.filter((c) => !parents.has(c.id) && c.type !== CriterionType.Price).map((c) => c.id);
    const formed = await ok<EvaluationPanel>(
      send('buyer', 'PUT', `/api/v1/tenders/${tender.id}/lots/${lot.id}/panel`, {
        moderatorId: world.userIds.admin,
        evaluators: [
          { userId: world.userIds.evaluator, criterionIds: scored },
          { userId: second.id, criterionIds: [scored[0]] },
        ],
      }),
      'form the panel',
    );
    const declarations = (conflict: boolean) => ({
      declarations: [{ responseId: part.responseId, conflict, details: conflict ? 'I advised this bidder last year.' : '' }],
    });
    await ok(send('evaluator', 'PUT', `/api/v1/panels/${formed.id}/declarations`, declarations(false)), 'the evaluator declares');
    await ok(send('admin', 'PUT', `/api/v1/panels/${formed.id}/declarations`, declarations(false)), 'the moderator declares');
    await ok(second.send('PUT', `/api/v1/panels/${formed.id}/declarations`, declarations(true)), 'the second evaluator declares');
    const panel = await ok<EvaluationPanel>(send('buyer', 'GET', `/api/v1/panels/${formed.id}`), 'read the panel');
    return {
      panelId: panel.id,
      lotId: lot.id,
      responseId: part.responseId,
      criterionId: scored[0],
      otherCriterionId: scored[1],
      declarationId: panel.declarations.find((d) => d.conflict)!.id,
      requirementId: lot.requirements.find((r) => r.kind === RequirementKind.Mandatory)!.id,
    };
  } finally {
    clock.mockRestore();
  }
}

/** Another evaluator of the demo trust, signed in with a session of its own (the matrix's callers stay six). */
async function secondEvaluator(t: TestApp, world: FuzzWorld) {
  const users = t.dataSource.getRepository(User);
  const evaluator = await users.findOneByOrFail({ id: world.userIds.evaluator });
  const email = `second-evaluator-${randomUUID().slice(0, 8)}@demo.test`;
  const id = randomUUID();
  await users.insert({ ...evaluator, id, email, name: 'Sam Second' });
  const jar = new CookieJar();
  jar.cookies.set(SESSION_COOKIE, (await t.app.get(SessionService).start(id)).token);
  const send = async (method: string, path: string, body?: unknown) => {
    const headers = jar.headersFor(method);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await rawRequest(t.url, { method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    jar.take(res);
    return res;
  };
  await ok(send('GET', '/api/v1/auth/me'), 'the second evaluator signs in');
  return { id, send };
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
