import { type CurrentUser, EDITABLE_TENDER_STATUSES, Role, type TenderStatus } from '@openbrief/contracts';

/**
 * Who may do what with a tender's **working copy**: the draft the buying team writes, its live document
 * and its comment threads. Every path to the working copy asks here (the REST tender routes, the live
 * co-editing socket, comments), so the rule lives in one place. Whether the tender belongs to the
 * user's organisation is checked where the tender is loaded; these decisions are about roles.
 *
 * Evaluators have no access to the working copy in any status. A panel assesses bids against the
 * published tender, independently of how it was drafted; the buyer's drafts and internal discussion
 * are not theirs. They read published tenders like the public (evaluation access comes with evaluation).
 * The one exception: a comment thread in which a buyer mentioned them (mayAnswerMentions).
 */
export const BUYING_TEAM_ROLES: readonly Role[] = [Role.Buyer, Role.Admin];

type Actor = Pick<CurrentUser, 'role'>;

/** Read the working copy: the tender, its history, its check and draft pack, and follow it live. */
export function mayReadWorkingCopy(user: Actor): boolean {
  return BUYING_TEAM_ROLES.includes(user.role);
}

/** Change the working copy (REST save or live edit): the buying team, while the tender is editable. */
export function mayEditWorkingCopy(user: Actor, status: TenderStatus): boolean {
  return mayReadWorkingCopy(user) && EDITABLE_TENDER_STATUSES.includes(status);
}

/** Read, start, reply to, resolve and reopen comment threads on the working copy. */
export function mayComment(user: Actor): boolean {
  return mayReadWorkingCopy(user);
}

/**
 * Read and reply to the threads one is mentioned in, and nothing else of the tender: how a buyer asks an
 * evaluator of the organisation a question about a draft (say, whether a criterion can be scored)
 * without showing them the working copy. The buying team may read every thread anyway.
 */
export function mayAnswerMentions(user: Actor): boolean {
  return mayComment(user) || user.role === Role.Evaluator;
}

/** Who can be mentioned in a comment: only people who can then read the thread. */
export function mayBeMentioned(role: Role): boolean {
  return mayAnswerMentions({ role });
}
