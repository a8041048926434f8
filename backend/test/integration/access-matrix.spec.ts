import { CommentThreadStatus, type TenderDetail, TenderStatus } from '@openbrief/contracts';
import type { Action } from '../../src/common/access/actions';
import { CommentThread } from '../../src/modules/comments/entities/comment-thread.entity';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { buildFuzzWorld, type FuzzWorld, ROLES, type RoleName } from '../support/fuzz-world';
import { listNestRoutes, type NestRoute, openApiKey } from '../support/nest-routes';
import { listOperations, type OpenApiDocument, operationKey, type Operation } from '../support/openapi-operations';
import { rawRequest, type RawResponse } from '../support/raw-http';
import { startTestApp, type TestApp } from '../support/test-app';
import { readyContent } from '../support/tender-fixtures';

/**
 * Every route the application registers (enumerated from Nest's metadata, as access-routes.spec.ts does),
 * called as every kind of caller, about a tender in every status, against an expected outcome written per
 * action: what the route declares (`@Allow`) and the tender's status decide the answer, not the route.
 *
 * Requests are minimal and valid, so they reach the access decision; where being allowed would change the
 * tender's status (publishing, changing status), the probe stops just after it, on a check that only an
 * allowed caller reaches (ALLOWED_AS). One application and one set of tenders serve the whole table.
 */

type Outcome = 'allowed' | 401 | 403 | 404 | 409;
type Cell = Outcome | ((status: TenderStatus) => Outcome);
/** One cell per caller, in the order of ROLES: anonymous, supplier, evaluator, buyer, other-buyer, admin. */
type Row = readonly [Cell, Cell, Cell, Cell, Cell, Cell];

// Written out here rather than read from the code under test, so a change to either shows up.
const editable: Cell = (s) => ([TenderStatus.Draft, TenderStatus.InReview, TenderStatus.Published].includes(s) ? 'allowed' : 409);
const movable: Cell = (s) => ([TenderStatus.Awarded, TenderStatus.Cancelled].includes(s) ? 409 : 'allowed');
const publicRecord: Cell = (s) =>
  [TenderStatus.Published, TenderStatus.Closed, TenderStatus.Evaluating, TenderStatus.Awarded].includes(s) ? 'allowed' : 404;

/** `public`: a `@Public()` route that declares no action (signing in, checking text, health). A table, aligned by caller: */
// prettier-ignore
const EXPECTED: Record<Action | 'public', Row> = {
  //                         anonymous     supplier      evaluator     buyer         other-buyer   admin
  'tender.list':            [401,          403,          403,          'allowed',    'allowed',    'allowed'],
  'tender.create':          [401,          403,          403,          'allowed',    'allowed',    'allowed'],
  'tender.import':          [401,          403,          403,          'allowed',    'allowed',    'allowed'],
  'tender.read':            [401,          403,          403,          'allowed',    404,          'allowed'],
  'tender.edit':            [401,          403,          403,          editable,     404,          editable],
  'tender.publish':         [401,          403,          403,          editable,     404,          editable],
  'tender.changeStatus':    [401,          403,          403,          movable,      404,          movable],
  'tender.readHistory':     [401,          403,          403,          'allowed',    404,          'allowed'],
  'tender.readAudit':       [401,          404,          404,          'allowed',    404,          'allowed'],
  'comment.read':           [401,          404,          404,          'allowed',    404,          'allowed'],
  'comment.write':          [401,          404,          404,          'allowed',    404,          'allowed'],
  'comment.resolve':        [401,          404,          404,          'allowed',    404,          'allowed'],
  // The evaluator is mentioned in the thread the matrix uses (comment-mentions.spec.ts covers one who is not).
  'comment.answerMention':  [401,          404,          'allowed',    'allowed',    404,          'allowed'],
  'comment.listMentions':   [401,          403,          'allowed',    'allowed',    'allowed',    'allowed'],
  'team.invite':            [401,          403,          403,          'allowed',    'allowed',    'allowed'],
  'account.read':           [401,          'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'account.changePassword': [401,          'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'public.list':            ['allowed',    'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'public.read':            [publicRecord, publicRecord, publicRecord, publicRecord, publicRecord, publicRecord],
  public:                   ['allowed',    'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
};

/** What "allowed" answers with the probe sent: 2xx, except where the probe stops just past the access check. */
const ALLOWED_AS: Partial<Record<Action, { status: number; message: RegExp }>> = {
  // The draft and the tender in review are not ready; a published tender's next version needs a change note.
  'tender.publish': { status: 422, message: /cannot be published yet/ },
  // Cancelling needs a reason: the lifecycle's own check, after access.
  'tender.changeStatus': { status: 400, message: /Say why the tender is cancelled/ },
  'account.changePassword': { status: 400, message: /current password is not right/ },
};

const STATUSES = Object.values(TenderStatus);
const DEMO_PASSWORD = 'demo-password';
const NEW_PASSWORD = 'plum harbour violin forty seven';

interface Fixture {
  tender: TenderDetail;
  threadId: string;
}

describe('who may call which route, in every tender status', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let routes: NestRoute[];
  let operations: Map<string, Operation>;
  let doc: OpenApiDocument;
  const fixtures = new Map<TenderStatus, Fixture>();
  let unique = 0;

  const send = async (
    role: RoleName,
    method: string,
    path: string,
    body?: unknown,
    opts: { keepCookies?: boolean; multipart?: string } = {},
  ): Promise<RawResponse> => {
    const jar = world.jars[role];
    const headers = jar.headersFor(method);
    let payload: string | Buffer | undefined;
    if (opts.multipart) {
      const boundary = 'matrix-boundary';
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      payload = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${opts.multipart}"; filename="specification.txt"\r\nContent-Type: text/plain\r\n\r\n` +
          `The service must let parents apply for school transport online.\r\n--${boundary}--\r\n`,
      );
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await rawRequest(t.url, { method, path, headers, body: payload });
    if (opts.keepCookies !== false) jar.take(res);
    return res;
  };

  const ok = async (res: Promise<RawResponse>, what: string) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`matrix set-up: ${what} answered ${r.status} ${r.text.slice(0, 300)}`);
    return JSON.parse(r.text || 'null');
  };

  const revision = (id: string) => world.revisionOf(id);

  /** A tender of the demo trust in `status`, reached through the API as a buyer would, with a thread mentioning the evaluator. */
  async function tenderIn(status: TenderStatus): Promise<Fixture> {
    let tender = (await ok(
      send('buyer', 'POST', '/api/v1/tenders', { title: `Matrix ${status}`, templateId: 'digital-service' }),
      'create',
    )) as TenderDetail;
    // Saved once more (revision 2, so there is something to compare); only tenders meant for publication get what publishing needs.
    const ready = ![TenderStatus.Draft, TenderStatus.InReview].includes(status);
    const content = ready ? readyContent(tender) : toTenderContent(tender);
    tender = await ok(send('buyer', 'PUT', `/api/v1/tenders/${tender.id}`, { revision: tender.revision, content }), 'save');
    const move = async (to: TenderStatus, reason?: string) =>
      ok(
        send('buyer', 'POST', `/api/v1/tenders/${tender.id}/status`, { revision: await revision(tender.id), status: to, reason }),
        `move to ${to}`,
      );
    if (status === TenderStatus.InReview) await move(TenderStatus.InReview);
    if (ready) await ok(send('buyer', 'POST', `/api/v1/tenders/${tender.id}/publish`, { revision: await revision(tender.id) }), 'publish');
    if ([TenderStatus.Closed, TenderStatus.Evaluating, TenderStatus.Awarded].includes(status)) {
      // A tender closes only after its deadline for bids: move both deadlines into the past, as time would.
      const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
      await t.dataSource
        .getRepository(Tender)
        .update({ id: tender.id }, { clarificationDeadline: daysAgo(2), submissionDeadline: daysAgo(1) });
      await move(TenderStatus.Closed);
      if (status !== TenderStatus.Closed) await move(TenderStatus.Evaluating);
      if (status === TenderStatus.Awarded) await move(TenderStatus.Awarded);
    }
    if (status === TenderStatus.Cancelled) await move(TenderStatus.Cancelled, 'Funding withdrawn.');
    const thread = await ok(
      send('buyer', 'POST', `/api/v1/tenders/${tender.id}/comments`, {
        body: 'Can the panel score this?',
        mentions: [world.userIds.evaluator],
      }),
      'thread',
    );
    tender = await ok(send('buyer', 'GET', `/api/v1/tenders/${tender.id}`), 'read back');
    expect(tender.status).toBe(status);
    return { tender, threadId: thread.id };
  }

  beforeAll(async () => {
    t = await startTestApp(
      {
        SIGN_IN_LIMIT_PER_ADDRESS: '100000',
        SIGN_IN_LIMIT_PER_ACCOUNT: '100000',
        SPEC_CHECK_RATE_LIMIT: '100000',
        SPEC_CHECK_RATE_LIMIT_SIGNED_IN: '100000',
      },
    );
    world = await buildFuzzWorld(t);
    routes = listNestRoutes(t.app);
    doc = JSON.parse((await rawRequest(t.url, { method: 'GET', path: '/api/docs-json' })).text) as OpenApiDocument;
    operations = new Map(listOperations(doc).map((op) => [operationKey(op), op]));
    for (const status of STATUSES) fixtures.set(status, await tenderIn(status));
  }, 180_000);
  afterAll(() => t?.close());

  /** A fresh invitation's token, for a request that uses one up. */
  const freshInvitation = async () =>
    (
      (await ok(
        send('buyer', 'POST', '/api/v1/invitations', { email: `matrix-invitee-${++unique}@demo.test`, role: 'evaluator' }),
        'invite',
      )) as { acceptPath: string }
    ).acceptPath
      .split('/')
      .pop()!;

  const setThread = (id: string, status: CommentThreadStatus) =>
    t.dataSource
      .getRepository(CommentThread)
      .update(
        { id },
        status === CommentThreadStatus.Open
          ? { status, resolvedById: null, resolvedByName: null, resolvedAt: null }
          : { status, resolvedById: world.userIds.buyer!, resolvedByName: 'Matrix', resolvedAt: new Date() },
      );

  interface Probe {
    body?: unknown;
    /** Set-Cookie of an answer that signs someone else in is not kept: the caller stays who they are. */
    keepCookies?: boolean;
  }

  /**
   * The request body for each route that takes one, named by its handler: valid, so the request gets past
   * validation to the access decision. Returns undefined for a route with no probe (the coverage test names it).
   */
  async function probeFor(route: NestRoute, fixture: Fixture | undefined): Promise<Probe | undefined> {
    const tenderId = fixture?.tender.id ?? '';
    switch (route.handler) {
      case 'TenderController.create':
        return { body: { title: 'Matrix probe' } };
      case 'TenderController.importText':
        return { body: { text: 'The service must let parents apply for school transport online.' } };
      case 'TenderController.importFile':
        return {};
      case 'TenderController.save':
        // The content as it is: an allowed save writes a revision and changes nothing else.
        return { body: { revision: await revision(tenderId), content: toTenderContent(fixture!.tender) } };
      case 'TenderController.publish':
        return { body: { revision: await revision(tenderId) } };
      case 'TenderController.changeStatus':
        return { body: { revision: await revision(tenderId), status: TenderStatus.Cancelled } };
      case 'CommentsController.create':
        return { body: { body: 'Matrix probe' } };
      case 'CommentsController.reply':
        await setThread(fixture!.threadId, CommentThreadStatus.Open);
        return { body: { body: 'Matrix reply' } };
      case 'CommentsController.resolve':
        await setThread(fixture!.threadId, CommentThreadStatus.Open);
        return { body: {} };
      case 'CommentsController.reopen':
        await setThread(fixture!.threadId, CommentThreadStatus.Resolved);
        return { body: {} };
      case 'InvitationController.invite':
        return { body: { email: `matrix-${++unique}@demo.test`, role: 'evaluator' } };
      case 'InvitationController.accept':
        return { body: { token: await freshInvitation(), name: 'Matrix Invitee', password: NEW_PASSWORD }, keepCookies: false };
      case 'AuthController.signIn':
        return { body: { email: 'supplier@demo.test', password: DEMO_PASSWORD }, keepCookies: false };
      case 'AuthController.signUp':
        return {
          body: {
            name: 'Matrix Supplier',
            email: `matrix-supplier-${++unique}@demo.test`,
            password: NEW_PASSWORD,
            organisationName: `Matrix Ltd ${unique}`,
            isSme: true,
          },
        };
      case 'AuthController.signOut':
        return {};
      case 'AuthController.changePassword':
        return { body: { currentPassword: 'not-the-current-password', newPassword: NEW_PASSWORD } };
      case 'SpecCheckController.checkText':
        return { body: { text: 'The supplier must use Oracle Database 19c.' } };
      default:
        return route.method === 'GET' ? {} : undefined;
    }
  }

  /** The route's path with its parameters filled from the fixture; null if it names a parameter the matrix has nothing for. */
  function pathFor(route: NestRoute, fixture: Fixture | undefined): string | null {
    let missing = false;
    const values: Record<string, string | undefined> = {
      id: fixture?.tender.id,
      tenderId: fixture?.tender.id,
      threadId: fixture?.threadId,
      version: '1',
      token: world.invitationTokens[0],
    };
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? ((missing = true), ''));
    // Required query parameters (e.g. a comparison's two revisions): the fixture has revisions 1 and 2.
    const op = operations.get(openApiKey(route));
    const query = (doc.paths[openApiKey(route).split(' ')[1]]?.[route.method.toLowerCase()]?.parameters ?? [])
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=${p.name === 'to' ? 2 : 1}`);
    return missing || !op ? null : path + (query.length ? `?${query.join('&')}` : '');
  }

  const aboutATender = (route: NestRoute) => /:(id|tenderId)\b/.test(route.path);
  const describeRoute = (route: NestRoute) => `${route.method} ${route.path} [${route.action ?? '@Public()'}]`;

  function expectedFor(route: NestRoute, role: RoleName, status: TenderStatus | undefined): Outcome {
    const cell = EXPECTED[route.action ?? 'public'][ROLES.indexOf(role)];
    if (typeof cell !== 'function') return cell;
    if (!status) throw new Error(`${describeRoute(route)} is about no tender, yet its expectation depends on the tender's status`);
    return cell(status);
  }

  function answered(route: NestRoute, res: RawResponse): Outcome | string {
    const allowedAs = route.action && ALLOWED_AS[route.action];
    const message = (() => {
      try {
        return String(JSON.parse(res.text).message ?? '');
      } catch {
        return '';
      }
    })();
    if (allowedAs ? res.status === allowedAs.status && allowedAs.message.test(message) : res.status >= 200 && res.status < 300)
      return 'allowed';
    if ([401, 403, 404, 409].includes(res.status) && !(allowedAs && res.status === allowedAs.status)) return res.status as Outcome;
    return `${res.status} ${message.slice(0, 160)}`;
  }

  /** Calls each route as each caller; the mismatches, one line each. */
  async function run(selected: NestRoute[], status?: TenderStatus): Promise<string[]> {
    const fixture = status ? fixtures.get(status) : undefined;
    const mismatches: string[] = [];
    for (const route of selected) {
      for (const role of ROLES) {
        const path = pathFor(route, fixture);
        const probe = await probeFor(route, fixture);
        if (!path || !probe) {
          mismatches.push(`${describeRoute(route)}: the matrix has no ${path ? 'probe body' : 'value for a path parameter'} for it`);
          break;
        }
        const multipart = operations.get(openApiKey(route))?.bodyKind === 'multipart' ? 'file' : undefined;
        const res = await send(role, route.method, path, probe.body, { keepCookies: probe.keepCookies, multipart });
        await world.keepSignedIn(role);
        const expected = expectedFor(route, role, status);
        const got = answered(route, res);
        if (got !== expected)
          mismatches.push(`${role} ${describeRoute(route)}${status ? ` on a ${status} tender` : ''}: expected ${expected}, got ${got}`);
      }
    }
    return mismatches;
  }

  it('has a row for every action a route declares', () => {
    expect(routes.filter((r) => r.action && !EXPECTED[r.action]).map(describeRoute)).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });

  it.each(STATUSES)('answers every caller as the table says, on every route about a %s tender', async (status) => {
    expect(await run(routes.filter(aboutATender), status)).toEqual([]);
  });

  it('answers every caller as the table says, on every route about no tender', async () => {
    expect(await run(routes.filter((r) => !aboutATender(r)))).toEqual([]);
  });
});
