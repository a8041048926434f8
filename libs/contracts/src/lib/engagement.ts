/**
 * Preliminary market engagement (issue 15): before the tender, a buyer publishes the draft's outcomes for
 * suppliers to read without an account; signed-in suppliers comment on each outcome, propose an alternative,
 * and register for the engagement event. Publishing it is the preliminary market engagement notice (UK2).
 * The buyer sees the feedback beside each draft requirement and can adopt a suggestion into the draft.
 * Supplier names are never public: the public page shows no feedback at all; the buying team sees names.
 */

export type EngagementStatus = 'open' | 'closed';

export type EngagementEventFormat = 'online' | 'in_person' | 'hybrid';

export const ENGAGEMENT_EVENT_FORMAT_LABELS: Readonly<Record<EngagementEventFormat, string>> = {
  online: 'Online',
  in_person: 'In person',
  hybrid: 'In person and online',
};

/** The event suppliers can register for (a briefing, a workshop). */
export interface EngagementEvent {
  title: string;
  startsAt: string;
  endsAt: string | null;
  format: EngagementEventFormat;
  /** Where (an address) or how (joining instructions are sent to those registered, never published). */
  place: string;
  /** Places available; null = no limit. */
  capacity: number | null;
}

/** One draft outcome as published for engagement: a snapshot of a draft requirement. */
export interface EngagementOutcome {
  /** The draft requirement's id, so feedback can be shown beside it in the editor. */
  requirementId: string;
  lotTitle: string;
  /** "1.3": lot and position, as the editor numbers it. */
  number: string;
  outcome: string;
  measure: string | null;
}

/** What anyone reads, no account needed. */
export interface EngagementNotice {
  id: string;
  tenderId: string;
  /** The tender's reference; the OCDS planning release uses the same ocid as the tender. */
  reference: string;
  title: string;
  buyerName: string;
  /** What the buyer is trying to achieve, and what they want to learn from suppliers. */
  summary: string;
  questions: string;
  outcomes: EngagementOutcome[];
  event: EngagementEvent | null;
  /** Feedback is taken until this moment. */
  feedbackCloses: string;
  status: EngagementStatus;
  publishedAt: string;
  /** How many suppliers have registered for the event (no names). */
  registrations: number;
}

export type EngagementFeedbackKind = 'comment' | 'alternative';

/** A supplier's comment on an outcome, or an alternative outcome they propose. */
export interface EngagementFeedback {
  id: string;
  requirementId: string;
  kind: EngagementFeedbackKind;
  text: string;
  /** For an alternative: the outcome as the supplier would write it (what "adopt" puts into the draft). */
  proposedOutcome: string | null;
  createdAt: string;
  /** Shown to the buying team only, and to the supplier who wrote it; null everywhere else. */
  supplierName: string | null;
  /** When the buyer adopted it into the draft, and who; null if not adopted. */
  adoptedAt: string | null;
  adoptedBy: string | null;
}

export interface EngagementRegistration {
  supplierName: string;
  contactName: string;
  contactEmail: string;
  attendees: number;
  accessNeeds: string;
  registeredAt: string;
}

/** What the buying team sees: the notice, all feedback (with supplier names) and who registered. */
export interface BuyerEngagementView {
  notice: EngagementNotice;
  feedback: EngagementFeedback[];
  registrations: EngagementRegistration[];
}

/** What a signed-in supplier sees on the engagement page besides the notice: their own feedback and registration. */
export interface SupplierEngagementView {
  notice: EngagementNotice;
  myFeedback: EngagementFeedback[];
  myRegistration: EngagementRegistration | null;
}

export interface PublishEngagementRequest {
  /** The draft tender's revision the outcomes are taken from (If-Match semantics: a stale one is refused with 409). */
  revision: number;
  questions: string;
  feedbackCloses: string;
  event: EngagementEvent | null;
}

/**
 * POST /engagements/:id/feedback answers 201 with the EngagementFeedback. An optional `Idempotency-Key` header
 * (8–100 of [A-Za-z0-9_.:-], as for submitting a response) makes a retry answer 200 with the first one.
 */
export interface GiveEngagementFeedbackRequest {
  requirementId: string;
  kind: EngagementFeedbackKind;
  text: string;
  proposedOutcome?: string | null;
}

export interface RegisterForEngagementRequest {
  attendees: number;
  accessNeeds?: string;
}

/** One page of the public list of open engagements, newest first (`GET /public/engagements?limit=&cursor=`). */
export interface EngagementNoticePage {
  items: EngagementNotice[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many engagements are open now. */
  total: number;
}

export const ENGAGEMENT_LIMITS = {
  questions: 4000,
  feedbackText: 4000,
  proposedOutcome: 1000,
  accessNeeds: 1000,
  eventTitle: 200,
  eventPlace: 1000,
  /** Most people one supplier may register. */
  attendees: 5,
  /** Most feedback items one supplier may give on one engagement. */
  feedbackPerSupplier: 200,
  /** The public list's page size, and the most one page may hold. */
  pageSize: 20,
  pageMax: 100,
} as const;

/** Routes under /api/v1. */
export const ENGAGEMENT_ROUTES = {
  /** Buyer: POST publishes (UK2), GET the buying team's view, POST .../close ends feedback early. */
  tenderEngagement: (tenderId: string) => `/tenders/${tenderId}/engagement`,
  /** Anyone: the list of open engagements, and one notice. */
  publicList: () => `/public/engagements`,
  publicNotice: (id: string) => `/public/engagements/${id}`,
  /** Signed-in supplier: their view, their feedback (POST), their registration (PUT/DELETE). */
  supplierView: (id: string) => `/engagements/${id}`,
  feedback: (id: string) => `/engagements/${id}/feedback`,
  registration: (id: string) => `/engagements/${id}/registration`,
  /**
   * Buyer: record that a suggestion was adopted into the draft (the editor applies the text as an edit).
   * Answers the feedback (EngagementFeedback) with adoptedAt/adoptedBy set; adopting again changes nothing.
   */
  adopt: (feedbackId: string) => `/engagement-feedback/${feedbackId}/adopt`,
} as const;
