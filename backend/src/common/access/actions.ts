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
 * A published tender as far as taking part goes: `closed` is the refusal text when the relevant deadline (for
 * questions: the clarification deadline; for interest and responses: the submission deadline) has passed by
 * the server's clock, else null. The service computes it with `Clock`; the policy decides.
 */
export interface OpenTenderResource extends TenderResource {
  closed: string | null;
}

/** A tender's responses as the buying team may know them: sealed until the deadline, readable once opened. */
export interface SealedTenderResource extends TenderResource {
  deadlinePassed: boolean;
  opened: boolean;
}

/** A supplier's response: whose it is, and whether its tender's submission deadline has passed (server clock). */
export interface ResponseResource {
  /** The supplier organisation that owns it. */
  organisationId: string;
  deadlinePassed: boolean;
}

/**
 * A lot's evaluation panel as far as access goes: its tender (whose, what status), whether the responses are
 * opened, and the caller's place on it. The evaluation services compute the flags for the signed-in user.
 */
export interface PanelResource {
  tender: TenderResource;
  opened: boolean;
  /** The caller scores on this panel. */
  evaluator: boolean;
  /** The caller moderates this panel. */
  moderator: boolean;
}

/** One bid (response) as a panel member would read or score it. */
export interface PanelBidResource extends PanelResource {
  /** The caller has declared conflicts (or none) for every bidder. */
  declared: boolean;
  /** The caller declared a conflict with this bidder: removed from it. */
  conflicted: boolean;
  /** The caller scores at least one criterion (for a score: this criterion) of this lot. */
  assigned: boolean;
  /** For a score: the caller already submitted their scores for this criterion (they change only through moderation). */
  submitted: boolean;
}

/** Every score of one criterion: readable once one's own are all submitted (blind scoring). */
export interface PanelCriterionResource extends PanelResource {
  assigned: boolean;
  submittedOwn: boolean;
}

/**
 * A published market engagement as far as taking part goes (feedback, registering for its event): `closed` is the
 * refusal text when the buyer closed it or the relevant time (feedback closing, the event starting) has passed by
 * the server's clock, else null. The engagement service computes it with `Clock`; the policy decides.
 */
export interface EngagementResource {
  closed: string | null;
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
  /** Invite colleagues (and, for buyers, evaluators) into one's organisation. */
  'team.invite': null;
  /** One's own account: who am I, change my password. */
  'account.read': null;
  'account.changePassword': null;
  /** Change one's own name. */
  'account.editProfile': null;
  /** Register (or withdraw) interest in a published tender, before its submission deadline. */
  'interest.register': OpenTenderResource;
  /** Ask a clarification question, before the clarification deadline. */
  'question.ask': OpenTenderResource;
  /** One's own organisation's questions and their answers (public or private). */
  'question.readOwn': null;
  /** The buyer's question queue: draft, publish or privately answer. */
  'question.manage': TenderResource;
  /** "Your responses", and the library of one's earlier answers. */
  'response.list': null;
  /** Start a response to a published tender, before its submission deadline. */
  'response.create': OpenTenderResource;
  /** Read one's own organisation's response and its receipts. */
  'response.read': ResponseResource;
  /** Change, submit, withdraw, attach, confirm a changed tender: one's own, before the deadline. */
  'response.write': ResponseResource;
  /** How many suppliers registered interest and how many responses count: numbers only, never who. */
  'response.count': TenderResource;
  /** Open the responses (or confirm the opening) once the deadline has passed. */
  'response.open': SealedTenderResource;
  /** The opened responses, with their hashes: only after opening. */
  'response.readOpened': SealedTenderResource;
  /** "Your evaluations": the panels one scores on or moderates. */
  'evaluation.listTasks': null;
  /** A tender's panels, results, prices, award, assessment summaries and report: the buying team, after opening. */
  'evaluation.read': SealedTenderResource;
  /** Form a panel, record conflict handling, gates, price investigations, the award and summaries. */
  'evaluation.manage': SealedTenderResource;
  /** One's own page on a panel and one's conflict declarations: its evaluators and moderator. */
  'panel.participate': PanelResource;
  /** Read one opened response: an evaluator who declared, has no conflict with it and scores something of it. */
  'bid.read': PanelBidResource;
  /** Save or submit one's own score of an assigned criterion, before submitting it. */
  'score.write': PanelBidResource;
  /** Everyone's submitted scores of a criterion: the moderator, the buying team, or an evaluator who submitted theirs. */
  'score.readCriterion': PanelCriterionResource;
  /** Every score, spread and flag, and the consensus scores: the moderator, and the buying team to read. */
  'moderation.read': PanelResource;
  /** Record a consensus score and note: the moderator. */
  'moderation.write': PanelResource;
  /** One's own notifications and whether optional ones are e-mailed. */
  'notification.read': null;
  /** Change one's organisation's details (name, SME or VCSE, address). */
  'organisation.edit': null;
  /** The members of one's own organisation. */
  'organisation.readTeam': null;
  /** Publish the draft's outcomes for preliminary market engagement (UK2): before the tender is published. */
  'engagement.publish': TenderResource;
  /** The buying team's view of its engagement (feedback with supplier names, registrations), and closing it. */
  'engagement.manage': TenderResource;
  /** Record that a supplier's suggestion was adopted into the draft: while the draft can still be edited. */
  'engagement.adopt': TenderResource;
  /** A supplier's own feedback and registration on an engagement. */
  'engagement.readOwn': null;
  /** Comment on an outcome or propose an alternative, while feedback is open. */
  'engagement.feedback': EngagementResource;
  /** Register for (or withdraw from) the engagement event, before it starts. */
  'engagement.register': EngagementResource;
  /** Published engagement notices, for anyone (no feedback, no names). */
  'engagement.readPublic': null;
  /** The public list of published tenders (every row in it is public by construction). */
  'public.list': null;
  /** A published tender's record, earlier versions and packs. */
  'public.read': TenderResource;
  /** One's own saved searches of the public list (and their e-mail alerts): suppliers. */
  'savedSearch.manage': null;
  /** A saved search's Atom feed, for a feed reader: anyone holding its secret token (checked by the service). */
  'savedSearch.feed': null;
}

export type Action = keyof ActionResources;

/** The resource argument an action takes: none for `null` rules. */
export type ResourceArgs<A extends Action> = ActionResources[A] extends null ? [] : [resource: ActionResources[A]];
