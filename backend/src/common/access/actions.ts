import type { TenderStatus } from '@openbrief/contracts';

/** What a rule about a tender needs to know of it: whose it is and where it is in its life. */
export interface TenderResource {
  organisationId: string;
  status: TenderStatus;
}

/** A comment thread, as far as access goes: its tender and the people mentioned anywhere in it. */
export interface ThreadResource {
  tender: TenderResource;
  mentionedIds: readonly string[];
}

/**
 * Every action a route can declare (`@Allow(...)`) and a service can ask about (`AccessService.require`),
 * with the resource its rule needs. `null`: the rule is about the user alone (their role, their own
 * organisation), so there is nothing to load. Later issues add theirs here (`bid.read`, `score.write`…).
 */
export interface ActionResources {
  /** The organisation's own tenders, listed. */
  'tender.list': null;
  /** Start a tender, blank or from one of the templates. */
  'tender.create': null;
  /** Split a specification into draft requirements (nothing is saved). */
  'tender.import': null;
  /** The working copy: the tender, its check, its draft pack, what blocks its publication. */
  'tender.read': TenderResource;
  /** Save the working copy (REST) or edit it live. */
  'tender.edit': TenderResource;
  'tender.publish': TenderResource;
  'tender.changeStatus': TenderResource;
  /** Revisions, comparisons and the history in words. */
  'tender.readHistory': TenderResource;
  /** The hash-chained audit trail and its CSV. */
  'tender.readAudit': TenderResource;
  /** A tender's threads and the team that can be mentioned in them. */
  'comment.read': TenderResource;
  /** Start a thread. */
  'comment.write': TenderResource;
  /** Resolve and reopen threads. */
  'comment.resolve': TenderResource;
  /** Read one thread and reply to it: the buying team, and people mentioned in it. */
  'comment.answerMention': ThreadResource;
  /** Find the threads one was mentioned in. */
  'comment.listMentions': null;
  /** Invite colleagues and evaluators into one's organisation. */
  'team.invite': null;
  /** One's own account: who am I, change my password. */
  'account.read': null;
  'account.changePassword': null;
  /** The public list of published tenders (every row in it is public by construction). */
  'public.list': null;
  /** A published tender's record, earlier versions and packs. */
  'public.read': TenderResource;
}

export type Action = keyof ActionResources;

/** The resource argument an action takes: none for `null` rules. */
export type ResourceArgs<A extends Action> = ActionResources[A] extends null ? [] : [resource: ActionResources[A]];
