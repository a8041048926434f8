import type { EngagementFeedback, EngagementNotice, EngagementRegistration, EngagementStatus } from '@openbrief/contracts';
import type { EngagementFeedbackRow, EngagementRegistrationRow, EngagementRow } from './entities';

const UK_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' });

/** An instant as a person in the UK reads it: "Thursday 17 December 2026 at 14:05 (UK time)". */
export const ukTime = (at: Date) => `${UK_TIME.format(at)} (UK time)`;

/** Closed once the buyer closes it or its feedback period ends, by the server's clock. */
export function engagementStatus(row: EngagementRow, now: Date): EngagementStatus {
  return row.status === 'closed' || now.getTime() >= row.feedbackCloses.getTime() ? 'closed' : 'open';
}

/** Why feedback is refused now, or null while it is taken. */
export function feedbackClosed(row: EngagementRow, now: Date): string | null {
  if (row.status === 'closed') return 'The buyer has closed this engagement: feedback is no longer taken.';
  if (now.getTime() >= row.feedbackCloses.getTime()) return `Feedback closed on ${ukTime(row.feedbackCloses)}.`;
  return null;
}

/** Why registering (or withdrawing) is refused now, or null while the event takes registrations. */
export function registrationClosed(row: EngagementRow, now: Date): string | null {
  if (row.status === 'closed') return 'The buyer has closed this engagement: registration has closed.';
  if (!row.event) return 'This engagement has no event to register for.';
  if (now.getTime() >= new Date(row.event.startsAt).getTime()) return 'The event has started: registration has closed.';
  return null;
}

export function toNotice(row: EngagementRow, registrations: number, now: Date): EngagementNotice {
  return {
    id: row.id,
    tenderId: row.tenderId,
    reference: row.reference,
    title: row.title,
    buyerName: row.buyerName,
    summary: row.summary,
    questions: row.questions,
    outcomes: row.outcomes,
    event: row.event,
    feedbackCloses: row.feedbackCloses.toISOString(),
    status: engagementStatus(row, now),
    publishedAt: row.publishedAt.toISOString(),
    registrations,
  };
}

/** `withName`: the buying team, or the supplier who wrote it; no one else is ever given a supplier's name. */
export function toFeedback(row: EngagementFeedbackRow, withName: boolean): EngagementFeedback {
  return {
    id: row.id,
    requirementId: row.requirementId,
    kind: row.kind,
    text: row.text,
    proposedOutcome: row.proposedOutcome,
    createdAt: row.createdAt.toISOString(),
    supplierName: withName ? row.organisationName : null,
    adoptedAt: row.adoptedAt?.toISOString() ?? null,
    adoptedBy: row.adoptedByName,
  };
}

export function toRegistration(row: EngagementRegistrationRow): EngagementRegistration {
  return {
    supplierName: row.organisationName,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    attendees: row.attendees,
    accessNeeds: row.accessNeeds,
    registeredAt: row.registeredAt.toISOString(),
  };
}
