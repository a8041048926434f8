import {
  CommentThreadStatus,
  NotificationKind,
  OPTIONAL_NOTIFICATION_KINDS,
  type OrganisationDetails,
  type QuestionQueue,
  type SupplierResponse,
  TenderStatus,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { Action } from '../../src/common/access/actions';
import { Clock } from '../../src/common/clock/clock';
import { CommentThread } from '../../src/modules/comments/entities/comment-thread.entity';
import { UnsubscribeTokens } from '../../src/modules/notifications/delivery/unsubscribe-tokens';
import { Notifications } from '../../src/modules/notifications/notifications.service';
import { ConflictDeclarationRow, EvaluationPanelRow, IndividualScoreRow } from '../../src/modules/evaluation/entities';
import { EngagementFeedbackRow, EngagementRow } from '../../src/modules/engagement/entities';
import { ResponseOpeningRow } from '../../src/modules/responses/entities';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { buildFuzzWorld, type FuzzWorld, ROLES, type RoleName } from '../support/fuzz-world';
import {
  EVALUATED,
  type MatrixFixture,
  matrixSender,
  matrixTender,
  NEVER_PUBLISHED,
  ok,
  PAST_DEADLINE,
  pdfUpload,
  type Send,
  type Upload,
} from '../support/matrix-fixtures';
import { listNestRoutes, type NestRoute, openApiKey } from '../support/nest-routes';
import { listOperations, type OpenApiDocument, operationKey, type Operation } from '../support/openapi-operations';
import { rawRequest, type RawResponse } from '../support/raw-http';
import { completeContent } from '../support/response-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every route the application registers (enumerated from Nest's metadata, as access-routes.spec.ts does),
 * called as every kind of caller, about a tender in every status, against an expected outcome written per
 * action: what the route declares (`@Allow`) and the tender's status decide the answer, not the route.
 *
 * Requests are minimal and valid, so they reach the access decision, and the record they are about is in the
 * state where an allowed call succeeds (a response not yet submitted before a save, submitted before a
 * withdrawal, an opening asked for by a colleague before a confirmation), so a refusal can only come from access.
 * Where being allowed would change something for good (publishing, changing status, answering a question), the
 * probe stops just after access, on a check only an allowed caller reaches (ALLOWED_AS). One application and one
 * set of tenders serve the whole table.
 *
 * Deadlines are the server's clock's: runs about a closed, evaluating or awarded tender set it past the
 * submission deadline of the published record; the others run at the real time, before it.
 */

type Outcome = 'allowed' | 401 | 403 | 404 | 409;
type Cell = Outcome | ((status: TenderStatus) => Outcome);
/** One cell per caller, in the order of ROLES: anonymous, supplier, evaluator, buyer, other-buyer, admin. */
type Row = readonly [Cell, Cell, Cell, Cell, Cell, Cell];

// Written out here rather than read from the code under test, so a change to either shows up.
const editable: Cell = (s) => ([TenderStatus.Draft, TenderStatus.InReview, TenderStatus.Published].includes(s) ? 'allowed' : 409);
const movable: Cell = (s) => ([TenderStatus.Awarded, TenderStatus.Cancelled].includes(s) ? 409 : 'allowed');
const isPublic = (s: TenderStatus) =>
  [TenderStatus.Published, TenderStatus.Closed, TenderStatus.Evaluating, TenderStatus.Awarded].includes(s);
const publicRecord: Cell = (s) => (isPublic(s) ? 'allowed' : 404);
/** Interest, questions, starting a response: a tender published now and before its deadline; a withdrawn one does not exist. */
const takingPart: Cell = (s) => (!isPublic(s) ? 404 : s === TenderStatus.Published ? 'allowed' : 409);
/** A response changes only while its tender takes responses: published and before the deadline (cancelled counts as past it). */
const whileOpen: Cell = (s) => (s === TenderStatus.Published ? 'allowed' : 409);
/** Sealed until the submission deadline, by the clock alone (a cancelled tender's never came). */
const afterDeadline: Cell = (s) => (PAST_DEADLINE.includes(s) ? 'allowed' : 409);

/** Market engagement comes before the tender is published. */
const beforeTender: Cell = (s) => ([TenderStatus.Draft, TenderStatus.InReview].includes(s) ? 'allowed' : 409);

/** Evaluation is the buying team's once the responses are opened: before, the tender's team is told so (409). */
const afterOpening: Cell = (s) => (NEVER_PUBLISHED.includes(s) ? 404 : EVALUATED.includes(s) ? 'allowed' : 409);

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
  // Suppliers invite fellow suppliers; buyers and admins invite buyers and evaluators.
  'team.invite':            [401,          'allowed',    403,          'allowed',    'allowed',    'allowed'],
  'account.read':           [401,          'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'account.changePassword': [401,          'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'account.editProfile':    [401,          'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'organisation.edit':      [401,          'allowed',    403,          403,          403,          'allowed'],
  'organisation.readTeam':  [401,          'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'notification.read':      [401,          'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  // Taking part is the supplier's, and said so plainly (403) to everyone else; what a supplier may ask about is public.
  'interest.register':      [401,          takingPart,   403,          403,          403,          403],
  'question.ask':           [401,          takingPart,   403,          403,          403,          403],
  'question.readOwn':       [401,          publicRecord, 403,          403,          403,          403],
  'question.manage':        [401,          404,          404,          'allowed',    404,          'allowed'],
  'response.list':          [401,          'allowed',    403,          403,          403,          403],
  'response.create':        [401,          takingPart,   403,          403,          403,          403],
  // A response is its supplier's alone: to the buying team, evaluators and admins alike it does not exist.
  'response.read':          [401,          'allowed',    404,          404,          404,          404],
  'response.write':         [401,          whileOpen,    404,          404,          404,          404],
  // The buying team learns numbers only, opens after the deadline, and reads responses once opened.
  'response.count':         [401,          404,          404,          'allowed',    404,          'allowed'],
  'response.open':          [401,          404,          404,          afterDeadline, 404,         afterDeadline],
  // No route declares it (OpeningController.record lists opened responses through it inside the service).
  'response.readOpened':    [401,          404,          404,          409,          404,          409],
  // Evaluation: suppliers and other organisations are told none exists (404), on every route. Panel routes run only on the
  // tenders with a panel (evaluating, awarded): the demo evaluator scores on it, the administrator moderates it, the buyer
  // is on no panel. An evaluator reads others' scores of a criterion only after submitting their own (409 here).
  'evaluation.listTasks':   [401,          404,          'allowed',    'allowed',    'allowed',    'allowed'],
  'evaluation.read':        [401,          404,          404,          afterOpening, 404,          afterOpening],
  'evaluation.manage':      [401,          404,          404,          afterOpening, 404,          afterOpening],
  'panel.participate':      [401,          404,          'allowed',    404,          404,          'allowed'],
  'bid.read':               [401,          404,          'allowed',    404,          404,          'allowed'],
  'score.write':            [401,          404,          'allowed',    404,          404,          404],
  'score.readCriterion':    [401,          404,          409,          'allowed',    404,          'allowed'],
  'moderation.read':        [401,          404,          404,          'allowed',    404,          'allowed'],
  'moderation.write':       [401,          404,          404,          403,          404,          'allowed'],
  // Market engagement: the buying team publishes (before the tender) and manages it; suppliers take part in any tender status.
  'engagement.publish':     [401,          403,          403,          beforeTender, 404,          beforeTender],
  'engagement.manage':      [401,          403,          403,          'allowed',    404,          'allowed'],
  'engagement.adopt':       [401,          403,          403,          editable,     404,          editable],
  'engagement.readOwn':     [401,          'allowed',    403,          403,          403,          403],
  'engagement.feedback':    [401,          'allowed',    403,          403,          403,          403],
  'engagement.register':    [401,          'allowed',    403,          403,          403,          403],
  'engagement.readPublic':  ['allowed',    'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'public.list':            ['allowed',    'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  'public.read':            [publicRecord, publicRecord, publicRecord, publicRecord, publicRecord, publicRecord],
  'savedSearch.manage':     [401,          'allowed',    403,          403,          403,          403],
  'savedSearch.feed':       ['allowed',    'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
  public:                   ['allowed',    'allowed',    'allowed',    'allowed',    'allowed',    'allowed'],
};

/** Handlers whose probe stops just past the access check, and what an allowed caller is answered there. */
const ALLOWED_AS: Record<string, { status: number; message: RegExp }> = {
  // The draft and the tender in review are not ready; a published tender's next version needs a change note.
  'TenderController.publish': { status: 422, message: /cannot be published yet/ },
  // Cancelling needs a reason: the lifecycle's own check, after access.
  'TenderController.changeStatus': { status: 400, message: /Say why the tender is cancelled/ },
  'AuthController.changePassword': { status: 400, message: /current password is not right/ },
  // An answer is final: a private one without its reason is refused after access, and nothing is published.
  'ClarificationsController.answer': { status: 422, message: /Say why this answer is private/ },
  // Submitting a criterion with nothing scored names what is missing; a consensus waits for every evaluator's scores.
  'PanelMemberController.submit': { status: 422, message: /missing or incomplete/ },
  'PanelMemberController.moderate': { status: 409, message: /Wait until every evaluator/ },
  // The fixture's panel is not moderated, so nothing is awarded and no assessment summary exists.
  'AwardController.decide': { status: 409, message: /results are provisional/ },
  // One bid and no estimate below it: its price is not abnormally low, so an investigation is refused after access.
  'AwardController.investigate': { status: 409, message: /not flagged as abnormally low/ },
  'AwardController.publishNotice': { status: 409, message: /Record the award decision first/ },
  'AwardController.enterContract': { status: 409, message: /Record the award decision first/ },
  'AwardController.editSummary': { status: 404, message: /^That assessment summary/ },
  'AwardController.issueSummary': { status: 404, message: /^That assessment summary/ },
  'AwardController.summaryPdf': { status: 404, message: /^That assessment summary/ },
  'SupplierSummaryController.pdf': { status: 404, message: /^That assessment summary/ },
  // Every fixture has its engagement already (engagementFixture), so a second is refused after access.
  'EngagementController.publish': { status: 409, message: /already been published/ },
};

/** Handlers that refuse, in a status, what their action's rule allows there (the table's cell), and how. */
const REFUSED_IN_STATUS: Record<string, Partial<Record<TenderStatus, Outcome>>> = {
  // An awarded tender's panel and gates are final.
  'EvaluationController.form': { [TenderStatus.Awarded]: 409 },
  'EvaluationController.gate': { [TenderStatus.Awarded]: 409 },
};

/** Routes about a tender though their path does not name it: the tender is in the body. */
const TENDER_IN_BODY = new Set(['ResponsesController.start']);

/**
 * Records that exist only for a tender that was once published: a route about one has nothing to be about on a
 * draft or a tender in review, so it is not called there (the last test checks exactly these were left out).
 */
const ONLY_ONCE_PUBLISHED: Record<'question' | 'response', string> = {
  question: 'questions are asked only about a published tender',
  response: 'a response can be made only to a published tender',
};
const NO_PANEL = 'a panel is formed only once the responses are opened';

/**
 * What the access policy's own refusals say, so that a refusal of the same status for another reason (a document
 * that is gone, a response already withdrawn) is not mistaken for one: 404 names the tender or the response, 409
 * the tender's status or its deadline.
 */
const ACCESS_REFUSAL: Partial<Record<Outcome, RegExp>> = {
  404: /^(That|Version \d+ of that) tender was not found\.$|^That (response|evaluation|criterion|declaration|lot) was not found\.$/,
  409: /cannot be changed|no longer open|deadline|closed on|sealed until|not been opened|Submit all your scores|comes before the tender/i,
};

const STATUSES = Object.values(TenderStatus);
const DEMO_PASSWORD = 'demo-password';
const NEW_PASSWORD = 'plum harbour violin forty seven';
const DAY = 86_400_000;
const inDaysIso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

type Subject = 'tender' | 'panel' | 'question' | 'response' | 'notification' | 'engagement' | 'feedback' | 'none';

/** What the route is about, from its path: a panel, a response (/responses/:id…), a question, a notification, a tender, or nothing. */
function subjectOf(route: NestRoute): Subject {
  if (/:panelId\b/.test(route.path)) return 'panel';
  if (/\/responses\/:(id|responseId)\b/.test(route.path)) return 'response';
  if (/\/notifications\/:id\b/.test(route.path)) return 'notification';
  if (/:questionId\b/.test(route.path)) return 'question';
  if (/engagements\/:id\b/.test(route.path)) return 'engagement';
  if (/engagement-feedback\/:id\b/.test(route.path)) return 'feedback';
  if (/:(id|tenderId|ocid)\b/.test(route.path) || TENDER_IN_BODY.has(route.handler)) return 'tender';
  return 'none';
}

describe('who may call which route, in every tender status', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let send: Send;
  let routes: NestRoute[];
  let operations: Map<string, Operation>;
  let doc: OpenApiDocument;
  const fixtures = new Map<TenderStatus, MatrixFixture>();
  /** Each caller's own notification, organisation and name (the anonymous caller borrows the supplier's). */
  const notificationOf: Partial<Record<RoleName, string>> = {};
  const organisationOf: Partial<Record<RoleName, OrganisationDetails>> = {};
  const nameOf: Partial<Record<RoleName, string>> = {};
  /** Past every fixture's submission deadline (the published records say 20 days from now). */
  const pastTheDeadline = new Date(Date.now() + 30 * DAY);
  const skipped: string[] = [];
  /** Each fixture tender's market engagement (a notice and the supplier's feedback on it), by tender id. */
  const engagementOf = new Map<string, { id: string; feedbackId: string; requirementId: string }>();
  /** Routes called at least once as every caller: the last test checks none was passed over. */
  const called = new Set<string>();
  let unique = 0;

  beforeAll(async () => {
    t = await startTestApp({
      SIGN_IN_LIMIT_PER_ADDRESS: '100000',
      SIGN_IN_LIMIT_PER_ACCOUNT: '100000',
      SPEC_CHECK_RATE_LIMIT: '100000',
      SPEC_CHECK_RATE_LIMIT_SIGNED_IN: '100000',
    });
    world = await buildFuzzWorld(t);
    send = matrixSender(t, world);
    routes = listNestRoutes(t.app);
    doc = JSON.parse((await rawRequest(t.url, { method: 'GET', path: '/api/docs-json' })).text) as OpenApiDocument;
    operations = new Map(listOperations(doc).map((op) => [operationKey(op), op]));
    for (const status of STATUSES) fixtures.set(status, await matrixTender(t, world, send, status));
    for (const f of fixtures.values()) await engagementFixture(f);
    const signedIn = ROLES.filter((r) => world.userIds[r]);
    await t.dataSource.transaction((tx) =>
      t.app.get(Notifications).enqueue(tx, {
        userIds: signedIn.map((r) => world.userIds[r]!),
        kind: NotificationKind.TenderChanged,
        title: 'Matrix notice',
        body: 'Something to read.',
        link: null,
      }),
    );
    for (const role of signedIn) {
      notificationOf[role] = (
        await ok<{ items: { id: string }[] }>(send(role, 'GET', '/api/v1/notifications'), 'notifications')
      ).items[0].id;
      organisationOf[role] = await ok<OrganisationDetails>(send(role, 'GET', '/api/v1/organisation'), 'organisation');
      nameOf[role] = (await ok<{ name: string }>(send(role, 'GET', '/api/v1/auth/me'), 'me')).name;
    }
    notificationOf.anonymous = notificationOf.supplier;
    organisationOf.anonymous = organisationOf.supplier;
    nameOf.anonymous = 'Nobody Signed-In';
  }, 300_000);
  afterAll(() => t?.close());

  /**
   * A market engagement for the fixture's tender whatever its status (written directly: publishing one is allowed only
   * before the tender), open past every clock the run sets, with one comment by the supplier.
   */
  async function engagementFixture(f: MatrixFixture): Promise<void> {
    const later = new Date(Date.now() + 90 * DAY);
    const requirement = f.tender.lots[0]!.requirements[0]!;
    const id = randomUUID();
    await t.dataSource.getRepository(EngagementRow).insert({
      id,
      tenderId: f.tender.id,
      organisationId: f.tender.buyer.id,
      buyerName: f.tender.buyer.name,
      reference: f.tender.reference,
      title: f.tender.title,
      summary: f.tender.summary,
      questions: 'Matrix questions',
      outcomes: [
        { requirementId: requirement.id, lotTitle: f.tender.lots[0]!.title, number: '1.1', outcome: requirement.outcome, measure: null },
      ],
      event: { title: 'Matrix briefing', startsAt: later.toISOString(), endsAt: null, format: 'online', place: 'Online', capacity: null },
      feedbackCloses: later,
      status: 'open',
      publishedAt: new Date(),
      publishedBy: world.userIds.buyer!,
      closedAt: null,
      closedBy: null,
    });
    const feedbackId = randomUUID();
    await t.dataSource.getRepository(EngagementFeedbackRow).insert({
      id: feedbackId,
      engagementId: id,
      requirementId: requirement.id,
      kind: 'comment',
      text: 'Matrix comment',
      proposedOutcome: null,
      organisationId: randomUUID(),
      organisationName: 'Matrix Supplier',
      authorId: world.userIds.supplier!,
      createdAt: new Date(),
      idempotencyKey: null,
      adoptedAt: null,
      adoptedBy: null,
      adoptedByName: null,
    });
    engagementOf.set(f.tender.id, { id, feedbackId, requirementId: requirement.id });
  }

  /** The supplier's saved search the saved-search probes are about (`fresh`: a new one, for a call that deletes it). */
  let keptSearch: { id: string; feedPath: string } | undefined;
  async function savedSearch(fresh = false): Promise<{ id: string; feedPath: string }> {
    if (keptSearch && !fresh) return keptSearch;
    const made = await ok<{ id: string; feedPath: string }>(
      send('supplier', 'POST', '/api/v1/saved-searches', { name: `Matrix saved ${++unique}`, query: {} }),
      'save a search',
    );
    if (!fresh) keptSearch = made;
    return made;
  }

  /** The fixture's engagement open again (a probe of the close route may have closed it). */
  const reopenEngagement = (f: MatrixFixture) =>
    t.dataSource.getRepository(EngagementRow).update({ tenderId: f.tender.id }, { status: 'open', closedAt: null, closedBy: null });

  /** A fresh invitation's token, for a request that uses one up. */
  const freshInvitation = async () =>
    (
      await ok<{ acceptPath: string }>(
        send('buyer', 'POST', '/api/v1/invitations', { email: `matrix-invitee-${++unique}@demo.test`, role: 'evaluator' }),
        'invite',
      )
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

  const asSupplier = (method: string, path: string, body?: unknown, opts?: Parameters<Send>[4]) =>
    send('supplier', method, `/api/v1${path}`, body, opts);
  const responseOf = (id: string) => ok<SupplierResponse>(asSupplier('GET', `/responses/${id}`), 'read the response');
  /** Whether the supplier could change its response now (the tender takes responses): only then can its state be set. */
  const open = (f: MatrixFixture) => f.tender.status === TenderStatus.Published;

  /** Puts the fixture's response in the state where an allowed call succeeds: submitted (to withdraw) or not (to change it). */
  async function responseSubmitted(f: MatrixFixture, want: boolean): Promise<SupplierResponse> {
    const id = f.takingPart!.responseId;
    const now = await responseOf(id);
    if (!open(f) || (now.status === 'submitted') === want) return now;
    await ok(asSupplier('POST', `/responses/${id}/${want ? 'submit' : 'withdraw'}`), want ? 'submit' : 'withdraw');
    return responseOf(id);
  }

  /** No opening yet, or one asked for by `by` (a colleague of the caller): the state where opening, or confirming, succeeds. */
  async function openingAskedBy(f: MatrixFixture, by: RoleName | null): Promise<void> {
    await t.dataSource.getRepository(ResponseOpeningRow).delete({ tenderId: f.tender.id });
    if (by && PAST_DEADLINE.includes(f.tender.status))
      await ok(send(by, 'POST', `/api/v1/tenders/${f.tender.id}/responses/open`), 'ask to open');
  }

  interface Probe {
    body?: unknown;
    keepCookies?: boolean;
    upload?: Upload;
    headers?: Record<string, string>;
    /** Path values this call needs of its own (a document made for it to remove). */
    params?: Record<string, string>;
    query?: Record<string, string>;
  }

  /**
   * The request for each route that takes more than its path, named by its handler: valid, so the request gets
   * past validation to the access decision, and the record in the state where an allowed call succeeds. Returns
   * undefined for a route with no probe (the coverage test names it).
   */
  async function probeFor(route: NestRoute, role: RoleName, f: MatrixFixture | undefined): Promise<Probe | undefined> {
    const tenderId = f?.tender.id ?? '';
    const part = f?.takingPart;
    switch (route.handler) {
      case 'TenderController.create':
        return { body: { title: 'Matrix probe' } };
      case 'TenderController.importText':
        return { body: { text: 'The service must let parents apply for school transport online.' } };
      case 'TenderController.importFile':
        return {
          upload: {
            field: 'file',
            fileName: 'specification.txt',
            contentType: 'text/plain',
            data: Buffer.from('The service must let parents apply for school transport online.'),
          },
        };
      case 'TenderController.save':
        // The content as it is: an allowed save writes a revision and changes nothing else.
        return { body: { revision: await world.revisionOf(tenderId), content: toTenderContent(f!.tender) } };
      case 'TenderController.publish':
        return { body: { revision: await world.revisionOf(tenderId) } };
      case 'TenderController.changeStatus':
        return { body: { revision: await world.revisionOf(tenderId), status: TenderStatus.Cancelled } };
      case 'CommentsController.create':
        return { body: { body: 'Matrix probe' } };
      case 'CommentsController.reply':
        await setThread(f!.threadId, CommentThreadStatus.Open);
        return { body: { body: 'Matrix reply' } };
      case 'CommentsController.resolve':
        await setThread(f!.threadId, CommentThreadStatus.Open);
        return { body: {} };
      case 'CommentsController.reopen':
        await setThread(f!.threadId, CommentThreadStatus.Resolved);
        return { body: {} };
      case 'InvitationController.invite':
        return { body: { email: `matrix-${++unique}@demo.test`, role: role === 'supplier' ? 'supplier' : 'evaluator' } };
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
      case 'AccountController.updateProfile':
        // One's own name as it is: an allowed change changes nothing.
        return { body: { name: nameOf[role] } };
      case 'AccountController.updateOrganisation': {
        const { name, companyNumber, isSme, isVcse, address, contactPhone } = organisationOf[role]!;
        return { body: { name, companyNumber, isSme, isVcse, address, contactPhone } };
      }
      case 'SpecCheckController.checkText':
        return { body: { text: 'The supplier must use Oracle Database 19c.' } };
      case 'NotificationsController.readAll':
        return {};
      case 'NotificationsController.read':
        return {};
      case 'NotificationsController.updatePreferences':
        return { body: { items: [{ kind: OPTIONAL_NOTIFICATION_KINDS[0], email: true }] } };
      case 'NotificationsController.unsubscribe':
        // The link from an e-mail to the supplier: whoever opens it, the token says whose choice it is.
        return { query: { token: t.app.get(UnsubscribeTokens).token(world.userIds.supplier!, OPTIONAL_NOTIFICATION_KINDS[0]) } };
      case 'ClarificationsController.register':
        return {};
      case 'ClarificationsController.withdraw':
        // Registered, so that withdrawing has something to withdraw.
        if (f?.tender.status === TenderStatus.Published) await ok(asSupplier('PUT', `/tenders/${tenderId}/interest`), 'register');
        return {};
      case 'ClarificationsController.ask':
        return { body: { text: `Matrix question ${++unique}: is a pilot in one school enough?` } };
      case 'ClarificationsController.draft': {
        const queue = await ok<QuestionQueue>(send('buyer', 'GET', `/api/v1/tenders/${tenderId}/questions`), 'queue');
        const revision = queue.questions.find((q) => q.id === part!.questionId)!.revision;
        return { body: { draftAnswer: `Matrix draft ${++unique}` }, headers: { 'if-match': `"${revision}"` } };
      }
      case 'ClarificationsController.answer':
        return { body: { answer: 'Yes.', visibility: 'private' } };
      case 'ResponsesController.start':
        return { body: { tenderId, lotId: f!.tender.lots[0].id } };
      case 'ResponsesController.save': {
        const now = await responseSubmitted(f!, false);
        return { body: completeContent(now), headers: { 'if-match': `"${now.revision}"` } };
      }
      case 'ResponsesController.confirmChanges':
        return { body: { version: (await responseOf(part!.responseId)).latestTenderVersion } };
      case 'ResponsesController.upload':
        await responseSubmitted(f!, false);
        return { upload: pdfUpload(`matrix-${++unique}`) };
      case 'ResponsesController.reuse':
        await responseSubmitted(f!, false);
        return { body: { attachmentId: part!.attachmentId } };
      case 'ResponsesController.remove': {
        // The supplier removes a document attached for it (while documents can be attached); anyone else aims at the kept one.
        if (role !== 'supplier' || !open(f!)) return {};
        await responseSubmitted(f!, false);
        const spare = await ok<{ id: string }>(
          asSupplier('POST', `/responses/${part!.responseId}/attachments`, undefined, { upload: pdfUpload(`matrix-${++unique}`) }),
          'attach one to remove',
        );
        return { params: { attachmentId: spare.id } };
      }
      case 'ResponsesController.submit':
        await responseSubmitted(f!, false);
        return { headers: { 'idempotency-key': randomUUID() } };
      case 'ResponsesController.withdraw':
        await responseSubmitted(f!, true);
        return {};
      case 'OpeningController.open':
        await openingAskedBy(f!, null);
        return {};
      case 'OpeningController.confirm':
        // Asked for by a colleague of the caller's team (the buyer, or the admin when the buyer confirms).
        await openingAskedBy(f!, role === 'buyer' ? 'admin' : 'buyer');
        return {};
      case 'EvaluationController.form':
        return panelProbe(f!);
      case 'EngagementController.publish':
        return { body: { revision: await world.revisionOf(tenderId), questions: 'Matrix?', feedbackCloses: inDaysIso(60), event: null } };
      case 'SupplierEngagementController.feedback':
        await reopenEngagement(f!);
        return { body: { requirementId: engagementOf.get(tenderId)!.requirementId, kind: 'comment', text: `Matrix ${++unique}` } };
      case 'SupplierEngagementController.register':
        await reopenEngagement(f!);
        return { body: { attendees: 1 } };
      case 'SupplierEngagementController.withdraw':
        await reopenEngagement(f!);
        return {};
      case 'EngagementController.close':
      case 'EngagementController.adopt':
        return {};
      case 'SavedSearchesController.create':
        return { body: { name: `Matrix search ${++unique}`, query: { q: 'transport' } } };
      case 'SavedSearchesController.update':
        return { body: { alerts: true }, params: { searchId: (await savedSearch()).id } };
      case 'SavedSearchesController.remove':
        // An allowed removal deletes it: the supplier removes one of its own made for the call.
        return { params: { searchId: (await savedSearch(role === 'supplier')).id } };
      case 'SavedSearchesController.feed': {
        const feed = new URL((await savedSearch()).feedPath, 'http://matrix.invalid');
        return { params: { searchId: (await savedSearch()).id }, query: { token: feed.searchParams.get('token')! } };
      }
      case 'EvaluationController.handling':
        return { body: { handling: 'Sam Second does not score this bid; the demo evaluator does.' } };
      case 'EvaluationController.gate':
        // Restored, not failed: a failed gate would take the only bid out of scoring for the rest of the run.
        return { body: { requirementId: f!.panel!.requirementId, passed: true, reason: 'The audit report in the appendix is current.' } };
      case 'PanelMemberController.declare': {
        // The caller's own declarations go, so that declaring (final once made) can succeed again.
        const panel = f!.panel!;
        if (world.userIds[role])
          await t.dataSource.getRepository(ConflictDeclarationRow).delete({ panelId: panel.panelId, memberId: world.userIds[role] });
        return { body: { declarations: [{ responseId: panel.responseId, conflict: false, details: '' }] } };
      }
      case 'PanelMemberController.save': {
        const panel = f!.panel!;
        const own = world.userIds[role]
          ? await t.dataSource
              .getRepository(IndividualScoreRow)
              .findOneBy({ panelId: panel.panelId, evaluatorId: world.userIds[role], criterionId: panel.criterionId })
          : null;
        return {
          body: { score: 2, justification: 'The response sets out a credible plan with named roles and dates.' },
          headers: { 'if-match': `"${own?.revision ?? 0}"` },
        };
      }
      case 'PanelMemberController.submit':
        // A criterion nothing was saved for: submitting it names what is missing, and nothing is ever submitted.
        return { params: { criterionId: f!.panel!.otherCriterionId } };
      case 'PanelMemberController.moderate':
        return { body: { score: 2, note: 'The panel agreed a 2 on the evidence given.' } };
      case 'AwardController.investigate':
        return { body: { outcome: 'accepted', note: 'The supplier explained its staffing model in writing.' } };
      case 'AwardController.decide':
        return { body: { responseId: f!.panel!.responseId, reasons: 'The highest total on the published criteria.' } };
      case 'AwardController.publishNotice':
      case 'AwardController.enterContract':
        return { body: {} };
      case 'AwardController.editSummary':
        return { body: { explanations: [], whyNotSuccessful: null }, headers: { 'if-match': '"1"' } };
      case 'AwardController.issueSummary':
        return {};
      default:
        return route.method === 'GET' ? {} : undefined;
    }
  }

  /** Re-forming the panel as it is (If-Match: its revision); a panel-less tender gets the same members and "0". */
  async function panelProbe(f: MatrixFixture): Promise<Probe> {
    const lot = f.tender.lots[0];
    const row = await t.dataSource.getRepository(EvaluationPanelRow).findOneBy({ tenderId: f.tender.id, lotId: lot.id });
    const body = row
      ? { moderatorId: row.moderatorId, evaluators: row.evaluators }
      : {
          moderatorId: world.userIds.admin,
          evaluators: [{ userId: world.userIds.evaluator, criterionIds: [lot.evaluationModel.criteria[1].id] }],
        };
    return { body, headers: { 'if-match': `"${row?.revision ?? 0}"` } };
  }

  /** The opening as the fixture made it (the opening routes' probes take it apart): none, or the one evaluation needs. */
  async function restoreOpening(f: MatrixFixture | undefined): Promise<void> {
    if (!f) return;
    const openings = t.dataSource.getRepository(ResponseOpeningRow);
    await openings.delete({ tenderId: f.tender.id });
    if (f.opening) await openings.insert(f.opening);
  }

  /** Why the route is not called about this tender (the record it is about cannot exist), or null. */
  function nothingToBeAbout(route: NestRoute, f: MatrixFixture | undefined): string | null {
    const subject = subjectOf(route);
    if (subject === 'panel' && f && !f.panel) return NO_PANEL;
    return (subject === 'question' || subject === 'response') && f && !f.takingPart ? ONLY_ONCE_PUBLISHED[subject] : null;
  }

  /**
   * The route's path with its parameters filled from the fixture (and the probe), and its query; null when it
   * names a parameter the matrix has nothing for.
   */
  function pathFor(route: NestRoute, role: RoleName, f: MatrixFixture | undefined, probe: Probe): string | null {
    const subject = subjectOf(route);
    let missing = false;
    const part = f?.takingPart;
    const values: Record<string, string | undefined> = {
      id:
        subject === 'response'
          ? part?.responseId
          : subject === 'notification'
            ? notificationOf[role]
            : subject === 'engagement'
              ? f && engagementOf.get(f.tender.id)?.id
              : subject === 'feedback'
                ? f && engagementOf.get(f.tender.id)?.feedbackId
                : f?.tender.id,
      tenderId: f?.tender.id,
      // The open data names a tender by its ocid (given at first publication): before that, it names nothing.
      ocid: f && `${t.settings.ocidPrefix}-${f.tender.reference}`,
      threadId: f?.threadId,
      questionId: part?.questionId,
      attachmentId: part?.attachmentId,
      panelId: f?.panel?.panelId,
      lotId: f?.tender.lots[0]?.id,
      responseId: f?.panel?.responseId ?? part?.responseId,
      criterionId: f?.panel?.criterionId,
      declarationId: f?.panel?.declarationId,
      submissionId: part?.submissionId,
      version: '1',
      token: world.invitationTokens[0],
      ...probe.params,
    };
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? ((missing = true), ''));
    // Required query parameters (e.g. a comparison's two revisions: the fixture has revisions 1 and 2), and the probe's.
    const op = operations.get(openApiKey(route));
    const query = new URLSearchParams(probe.query);
    for (const p of doc.paths[openApiKey(route).split(' ')[1]]?.[route.method.toLowerCase()]?.parameters ?? [])
      if (p.in === 'query' && p.required && !query.has(p.name)) query.set(p.name, p.name === 'to' ? '2' : '1');
    return missing || !op ? null : path + (query.size ? `?${query}` : '');
  }

  const aboutATender = (route: NestRoute) =>
    ['tender', 'panel', 'question', 'response', 'engagement', 'feedback'].includes(subjectOf(route));
  const describeRoute = (route: NestRoute) => `${route.method} ${route.path} [${route.action ?? '@Public()'}]`;

  function expectedFor(route: NestRoute, role: RoleName, status: TenderStatus | undefined): Outcome {
    const cell = EXPECTED[route.action ?? 'public'][ROLES.indexOf(role)];
    const outcome = typeof cell === 'function' ? cellFor(route, cell, status) : cell;
    return (outcome === 'allowed' && status && REFUSED_IN_STATUS[route.handler]?.[status]) || outcome;
  }

  function cellFor(route: NestRoute, cell: (status: TenderStatus) => Outcome, status: TenderStatus | undefined): Outcome {
    if (!status) throw new Error(`${describeRoute(route)} is about no tender, yet its expectation depends on the tender's status`);
    return cell(status);
  }

  function answered(route: NestRoute, res: RawResponse): Outcome | string {
    const allowedAs = ALLOWED_AS[route.handler];
    const message = (() => {
      try {
        return String(JSON.parse(res.text).message ?? '');
      } catch {
        return '';
      }
    })();
    if (allowedAs ? res.status === allowedAs.status && allowedAs.message.test(message) : res.status >= 200 && res.status < 300)
      return 'allowed';
    if ([401, 403, 404, 409].includes(res.status) && (ACCESS_REFUSAL[res.status as Outcome]?.test(message) ?? true))
      return res.status as Outcome;
    return `${res.status} ${message.slice(0, 160)}`;
  }

  /** Calls each route as each caller; the mismatches, one line each. */
  async function run(selected: NestRoute[], status?: TenderStatus): Promise<string[]> {
    const fixture = status ? fixtures.get(status) : undefined;
    const mismatches: string[] = [];
    for (const route of selected) {
      if (nothingToBeAbout(route, fixture)) {
        skipped.push(`${route.handler} on a ${status} tender`);
        continue;
      }
      for (const role of ROLES) {
        const probe = await probeFor(route, role, fixture);
        const path = probe && pathFor(route, role, fixture, probe);
        const multipart = operations.get(openApiKey(route))?.bodyKind === 'multipart';
        if (!path || !probe || multipart !== !!probe.upload) {
          mismatches.push(`${describeRoute(route)}: the matrix has no ${probe ? 'value for a path parameter' : 'probe'} for it`);
          break;
        }
        const res = await send(role, route.method, path, probe.body, probe);
        if (route.handler.startsWith('OpeningController.')) await restoreOpening(fixture);
        await world.keepSignedIn(role);
        if (role === ROLES[ROLES.length - 1]) called.add(describeRoute(route));
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
    // After the deadline by the server's clock for the tenders that are past it; the real time for the others.
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    if (PAST_DEADLINE.includes(status)) clock.mockReturnValue(pastTheDeadline);
    try {
      expect(await run(routes.filter(aboutATender), status)).toEqual([]);
    } finally {
      clock.mockRestore();
    }
  });

  it('answers every caller as the table says, on every route about no tender', async () => {
    expect(await run(routes.filter((r) => !aboutATender(r)))).toEqual([]);
  });

  it('called every route as every caller, leaving out only routes about a question or a response of a tender never published, and about a panel of a tender without one', () => {
    expect(routes.map(describeRoute).filter((r) => !called.has(r))).toEqual([]);
    const expected = [
      ...routes
        .filter((r) => ['question', 'response'].includes(subjectOf(r)))
        .flatMap((r) => NEVER_PUBLISHED.map((s) => `${r.handler} on a ${s} tender`)),
      ...routes
        .filter((r) => subjectOf(r) === 'panel')
        .flatMap((r) => STATUSES.filter((s) => !EVALUATED.includes(s)).map((s) => `${r.handler} on a ${s} tender`)),
    ];
    expect(skipped.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
  });
});
