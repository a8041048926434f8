import {
  type CurrentUser,
  EDITABLE_TENDER_STATUSES,
  PUBLIC_TENDER_STATUSES,
  Role,
  TENDER_TRANSITIONS,
  TenderStatus,
} from '@openbrief/contracts';
import { ConflictError, type DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors/domain.error';
import type {
  Action,
  ActionResources,
  EngagementResource,
  OpenTenderResource,
  PanelBidResource,
  PanelCriterionResource,
  PanelResource,
  ResponseResource,
  SealedTenderResource,
  TenderResource,
  ThreadResource,
} from './actions';

/**
 * The one access policy: who may do what to which record. Every route declares its action and every
 * service asks `AccessService` with the record loaded; nothing else decides.
 *
 * Answers, in this order: nobody signed in → 401; a role that may not → 403 where knowing the route exists
 * gives nothing away (the buyer workspace), else 404; another organisation's record, or one the user may
 * not know exists → 404, so its existence does not leak; a record the user may see but whose state does
 * not allow the change → 409.
 *
 * **The working copy is the buying team's.** A tender's working copy is the draft the buyers and admins
 * of its organisation write, its live document, its history and its comment threads. Evaluators have no
 * access to it in any status: a panel assesses bids against the published tender, independently of how it
 * was drafted; the buyer's drafts and internal discussion are not theirs. They read published tenders like
 * the public (evaluation access comes with evaluation). The one exception: a comment thread in which a
 * buyer mentioned them (`comment.answerMention`).
 */
export const BUYING_TEAM_ROLES: readonly Role[] = [Role.Buyer, Role.Admin];

const ROLE_REFUSED = 'Your role does not allow this. Ask an administrator in your organisation.';

interface Rule<R> {
  /** Who may, by role: these roles, anyone signed in, or anyone at all (no account needed). */
  who: readonly Role[] | 'signed-in' | 'anyone';
  /**
   * How a signed-in user whose role may not is answered: `forbidden` (403) where the route's existence is
   * no secret, or the name of what they are told does not exist (404).
   */
  otherwise: 'forbidden' | string;
  /** What must also hold of the record; the refusal, or null. */
  resource?: (user: CurrentUser | null, resource: R) => DomainError | null;
}

type Policy = { [A in Action]: Rule<ActionResources[A]> };

/** Someone else's tender is "not found": another organisation must not learn it exists. */
function ownTender(user: CurrentUser | null, tender: TenderResource): DomainError | null {
  return user && user.organisation.id === tender.organisationId ? null : new NotFoundError('That tender');
}

/** After publication, changes become the next version; once closed (or cancelled), the working copy is final. */
function editable(user: CurrentUser | null, tender: TenderResource): DomainError | null {
  return ownTender(user, tender) ?? (EDITABLE_TENDER_STATUSES.includes(tender.status) ? null : notChangeable(tender));
}

/** Which next status is allowed is the lifecycle's rule; a tender with none (awarded, cancelled) cannot move. */
function movable(user: CurrentUser | null, tender: TenderResource): DomainError | null {
  return ownTender(user, tender) ?? (TENDER_TRANSITIONS[tender.status].length ? null : notChangeable(tender));
}

function notChangeable(tender: TenderResource): DomainError {
  return new ConflictError(`A tender that is ${tender.status.replace('_', ' ')} cannot be changed.`);
}

/**
 * Read and reply to the threads one is mentioned in, and nothing else of the tender: how a buyer asks an
 * evaluator of the organisation a question about a draft (say, whether a criterion can be scored) without
 * showing them the working copy. The buying team may read every thread anyway. Someone here only through
 * a mention learns nothing of other threads, nor whether the tender exists.
 */
function teamOrMentioned(user: CurrentUser | null, thread: ThreadResource): DomainError | null {
  const notOurs = ownTender(user, thread.tender);
  if (notOurs) return notOurs;
  if (BUYING_TEAM_ROLES.includes(user!.role) || thread.mentionedIds.includes(user!.id)) return null;
  return new NotFoundError('That tender');
}

/** A published record is everyone's; a draft, or a cancelled tender, is no one's outside its team. */
function published(_: CurrentUser | null, tender: TenderResource): DomainError | null {
  return PUBLIC_TENDER_STATUSES.includes(tender.status) ? null : new NotFoundError('That tender');
}

/** Taking part (interest, questions, a response) needs a tender that is published now and whose deadline has not passed. */
function openForSuppliers(user: CurrentUser | null, tender: OpenTenderResource): DomainError | null {
  if (!PUBLIC_TENDER_STATUSES.includes(tender.status)) return new NotFoundError('That tender');
  if (tender.status !== TenderStatus.Published) return new ConflictError('This tender is no longer open for responses.');
  return tender.closed ? new ConflictError(tender.closed) : null;
}

/** Market engagement comes before the tender: once the tender is published (or further on), none can start. */
function beforeTender(user: CurrentUser | null, tender: TenderResource): DomainError | null {
  return (
    ownTender(user, tender) ??
    ([TenderStatus.Draft, TenderStatus.InReview].includes(tender.status)
      ? null
      : new ConflictError('Market engagement comes before the tender: a tender that is published or further on cannot start one.'))
  );
}

/** Feedback and registration need an engagement the buyer has not closed and whose time has not passed. */
function engagementOpen(_: CurrentUser | null, engagement: EngagementResource): DomainError | null {
  return engagement.closed ? new ConflictError(engagement.closed) : null;
}

/** A response is its supplier's alone: anyone else is told it does not exist, whatever their role. */
function ownResponse(user: CurrentUser | null, response: ResponseResource): DomainError | null {
  return user && user.organisation.id === response.organisationId ? null : new NotFoundError('That response');
}

/** After the deadline a response is final: nothing can be created, changed or withdrawn. */
function ownResponseBeforeDeadline(user: CurrentUser | null, response: ResponseResource): DomainError | null {
  return (
    ownResponse(user, response) ??
    (response.deadlinePassed ? new ConflictError('The deadline for responses has passed: nothing can be changed now.') : null)
  );
}

/** Sealed until the deadline: the buying team opens responses only after it. */
function deadlinePassed(user: CurrentUser | null, tender: SealedTenderResource): DomainError | null {
  return (
    ownTender(user, tender) ??
    (tender.deadlinePassed ? null : new ConflictError('Responses stay sealed until the submission deadline has passed.'))
  );
}

function opened(user: CurrentUser | null, tender: SealedTenderResource): DomainError | null {
  return ownTender(user, tender) ?? (tender.opened ? null : new ConflictError('The responses have not been opened yet.'));
}

/**
 * **Evaluation.** Nothing of a panel exists for anyone before the responses are opened, nor outside the buyer's
 * organisation, nor for a member who is not on the panel: all "not found". A panel member who has not yet
 * declared conflicts is told to declare first (409); a bid they declared a conflict with, or score nothing of,
 * is "not found" to them. Scores are blind: an evaluator sees others' scores of a criterion only after
 * submitting all of their own for it.
 */
function onPanel(user: CurrentUser | null, panel: PanelResource): DomainError | null {
  const notOurs = ownTender(user, panel.tender);
  if (notOurs || !panel.opened) return new NotFoundError('That evaluation');
  return panel.evaluator || panel.moderator ? null : new NotFoundError('That evaluation');
}

function openedForTeam(user: CurrentUser | null, tender: SealedTenderResource): DomainError | null {
  return ownTender(user, tender)
    ? new NotFoundError('That evaluation')
    : tender.opened
      ? null
      : new ConflictError('The responses have not been opened yet.');
}

function manageable(user: CurrentUser | null, tender: SealedTenderResource): DomainError | null {
  return openedForTeam(user, tender) ?? (tender.status === TenderStatus.Cancelled ? notChangeable(tender) : null);
}

function bidReadable(user: CurrentUser | null, bid: PanelBidResource): DomainError | null {
  const off = onPanel(user, bid);
  if (off) return off;
  if (!bid.declared) return new ConflictError('Declare any conflict of interest with the bidders first.');
  if (bid.conflicted || !bid.assigned) return new NotFoundError('That response');
  return null;
}

function scoreWritable(user: CurrentUser | null, bid: PanelBidResource): DomainError | null {
  const refused = bid.evaluator ? bidReadable(user, bid) : (onPanel(user, bid) ?? new NotFoundError('That response'));
  if (refused) return refused;
  return bid.submitted ? new ConflictError('Submitted scores can only change through moderation.') : null;
}

function criterionScoresReadable(user: CurrentUser | null, c: PanelCriterionResource): DomainError | null {
  const notOurs = ownTender(user, c.tender);
  if (notOurs || !c.opened) return new NotFoundError('That evaluation');
  if (c.moderator || BUYING_TEAM_ROLES.includes(user!.role)) return null;
  if (!c.evaluator || !c.assigned) return new NotFoundError('That criterion');
  return c.submittedOwn ? null : new ConflictError('Submit all your scores for this criterion to see the other evaluators’ scores.');
}

function moderationReadable(user: CurrentUser | null, panel: PanelResource): DomainError | null {
  const notOurs = ownTender(user, panel.tender);
  if (notOurs || !panel.opened) return new NotFoundError('That evaluation');
  return panel.moderator || BUYING_TEAM_ROLES.includes(user!.role) ? null : new NotFoundError('That evaluation');
}

function moderatorOnly(user: CurrentUser | null, panel: PanelResource): DomainError | null {
  const notOurs = ownTender(user, panel.tender);
  if (notOurs || !panel.opened) return new NotFoundError('That evaluation');
  if (panel.moderator) return null;
  return BUYING_TEAM_ROLES.includes(user!.role)
    ? new ForbiddenError('Only the panel’s moderator records consensus scores.')
    : new NotFoundError('That evaluation');
}

/** Panel members are the buyer's organisation: evaluators score, and a buyer, admin or evaluator may moderate. */
const PANEL_ROLES: readonly Role[] = [...BUYING_TEAM_ROLES, Role.Evaluator];

/** Who may answer mentions: the buying team and the organisation's evaluators. */
const MENTIONABLE_ROLES: readonly Role[] = [...BUYING_TEAM_ROLES, Role.Evaluator];

export const POLICY: Policy = {
  // The buyer workspace: suppliers and evaluators know it exists, so they are told no (403) plainly.
  'tender.list': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden' },
  'tender.create': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden' },
  'tender.import': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden' },
  'tender.read': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden', resource: ownTender },
  'tender.edit': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden', resource: editable },
  'tender.publish': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden', resource: editable },
  'tender.changeStatus': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden', resource: movable },
  'tender.readHistory': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden', resource: ownTender },
  // The audit trail and comment threads answer everyone outside the team as for a tender that does not exist.
  'tender.readAudit': { who: BUYING_TEAM_ROLES, otherwise: 'That tender', resource: ownTender },
  'comment.read': { who: BUYING_TEAM_ROLES, otherwise: 'That tender', resource: ownTender },
  'comment.write': { who: BUYING_TEAM_ROLES, otherwise: 'That tender', resource: ownTender },
  'comment.resolve': { who: BUYING_TEAM_ROLES, otherwise: 'That tender', resource: ownTender },
  'comment.answerMention': { who: MENTIONABLE_ROLES, otherwise: 'That tender', resource: teamOrMentioned },
  'comment.listMentions': { who: MENTIONABLE_ROLES, otherwise: 'forbidden' },
  'team.invite': { who: [...BUYING_TEAM_ROLES, Role.Supplier], otherwise: 'forbidden' },
  // Suppliers take part; everyone else is told plainly that only suppliers can (the route is no secret).
  'interest.register': { who: [Role.Supplier], otherwise: 'forbidden', resource: openForSuppliers },
  'question.ask': { who: [Role.Supplier], otherwise: 'forbidden', resource: openForSuppliers },
  'question.readOwn': { who: [Role.Supplier], otherwise: 'forbidden' },
  'question.manage': { who: BUYING_TEAM_ROLES, otherwise: 'That tender', resource: ownTender },
  'response.list': { who: [Role.Supplier], otherwise: 'forbidden' },
  'response.create': { who: [Role.Supplier], otherwise: 'forbidden', resource: openForSuppliers },
  // A response is answered as not found to everyone outside its supplier: buyer, evaluator and admin alike.
  'response.read': { who: [Role.Supplier], otherwise: 'That response', resource: ownResponse },
  'response.write': { who: [Role.Supplier], otherwise: 'That response', resource: ownResponseBeforeDeadline },
  'response.count': { who: BUYING_TEAM_ROLES, otherwise: 'That tender', resource: ownTender },
  'response.open': { who: BUYING_TEAM_ROLES, otherwise: 'That tender', resource: deadlinePassed },
  'response.readOpened': { who: BUYING_TEAM_ROLES, otherwise: 'That tender', resource: opened },
  // Evaluation: suppliers are told nothing of it exists (404), on every route.
  'evaluation.listTasks': { who: PANEL_ROLES, otherwise: 'That evaluation' },
  'evaluation.read': { who: BUYING_TEAM_ROLES, otherwise: 'That evaluation', resource: openedForTeam },
  'evaluation.manage': { who: BUYING_TEAM_ROLES, otherwise: 'That evaluation', resource: manageable },
  'panel.participate': { who: PANEL_ROLES, otherwise: 'That evaluation', resource: onPanel },
  'bid.read': { who: PANEL_ROLES, otherwise: 'That evaluation', resource: bidReadable },
  'score.write': { who: [Role.Evaluator], otherwise: 'That evaluation', resource: scoreWritable },
  'score.readCriterion': { who: PANEL_ROLES, otherwise: 'That evaluation', resource: criterionScoresReadable },
  'moderation.read': { who: PANEL_ROLES, otherwise: 'That evaluation', resource: moderationReadable },
  'moderation.write': { who: PANEL_ROLES, otherwise: 'That evaluation', resource: moderatorOnly },
  'notification.read': { who: 'signed-in', otherwise: 'forbidden' },
  'organisation.edit': { who: [Role.Admin, Role.Supplier], otherwise: 'forbidden' },
  'organisation.readTeam': { who: 'signed-in', otherwise: 'forbidden' },
  'account.read': { who: 'signed-in', otherwise: 'forbidden' },
  'account.changePassword': { who: 'signed-in', otherwise: 'forbidden' },
  'account.editProfile': { who: 'signed-in', otherwise: 'forbidden' },
  // Market engagement: the buying team manages it (the workspace: 403 to others' roles, 404 to other organisations);
  // suppliers take part (others are told plainly only suppliers can); anyone reads the notices.
  'engagement.publish': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden', resource: beforeTender },
  'engagement.manage': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden', resource: ownTender },
  'engagement.adopt': { who: BUYING_TEAM_ROLES, otherwise: 'forbidden', resource: editable },
  'engagement.readOwn': { who: [Role.Supplier], otherwise: 'forbidden' },
  'engagement.feedback': { who: [Role.Supplier], otherwise: 'forbidden', resource: engagementOpen },
  'engagement.register': { who: [Role.Supplier], otherwise: 'forbidden', resource: engagementOpen },
  'engagement.readPublic': { who: 'anyone', otherwise: 'forbidden' },
  'public.list': { who: 'anyone', otherwise: 'forbidden' },
  'public.read': { who: 'anyone', otherwise: 'forbidden', resource: published },
  'savedSearch.manage': { who: [Role.Supplier], otherwise: 'forbidden' },
  'savedSearch.feed': { who: 'anyone', otherwise: 'forbidden' },
};

/** The refusal for `user` doing `action` (to `resource`, when given), or null if allowed. */
export function refusal<A extends Action>(
  user: CurrentUser | null | undefined,
  action: A,
  resource?: ActionResources[A],
): DomainError | null {
  const rule = POLICY[action] as Rule<ActionResources[A]>;
  const who = user ?? null;
  if (rule.who !== 'anyone') {
    if (!who) return new UnauthenticatedError();
    if (rule.who !== 'signed-in' && !rule.who.includes(who.role)) {
      return rule.otherwise === 'forbidden' ? new ForbiddenError(ROLE_REFUSED) : new NotFoundError(rule.otherwise);
    }
  }
  return resource !== undefined && rule.resource ? rule.resource(who, resource) : null;
}

/** Whether the action's rule admits people with no account at all (such a route must also be `@Public()`). */
export function isOpenToAnyone(action: Action): boolean {
  return POLICY[action].who === 'anyone';
}

/** Who can be mentioned in a comment: only people who can then read the thread. */
export function mayBeMentioned(role: Role): boolean {
  return MENTIONABLE_ROLES.includes(role);
}

export const ACTIONS = Object.keys(POLICY) as Action[];
