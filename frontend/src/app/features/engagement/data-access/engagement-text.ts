import { ENGAGEMENT_EVENT_FORMAT_LABELS, type EngagementEvent, type EngagementNotice, type EngagementOutcome } from '@openbrief/contracts';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';

/** Words as a reader counts them: runs of letters or digits, whatever the punctuation. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** GOV.UK character count: what is left, or how many too many. */
export function charactersLeftMessage(length: number, limit: number): string {
  const left = limit - length;
  const n = Math.abs(left).toLocaleString('en-GB');
  const unit = Math.abs(left) === 1 ? 'character' : 'characters';
  return left >= 0 ? `You have ${n} ${unit} remaining` : `You have ${n} ${unit} too many`;
}

/** "12 words. You have 3,920 characters remaining": words to gauge length, characters against the limit. */
export function lengthMessage(text: string, limit: number): string {
  const words = countWords(text);
  return `${words.toLocaleString('en-GB')} ${words === 1 ? 'word' : 'words'}. ${charactersLeftMessage(text.length, limit)}`;
}

/** Outcomes grouped by lot, in the tender's order, for headings when there are several lots. */
export function outcomesByLot(outcomes: readonly EngagementOutcome[]): { lotTitle: string; outcomes: EngagementOutcome[] }[] {
  const groups: { lotTitle: string; outcomes: EngagementOutcome[] }[] = [];
  for (const outcome of outcomes) {
    const last = groups[groups.length - 1];
    if (last && last.lotTitle === outcome.lotTitle) last.outcomes.push(outcome);
    else groups.push({ lotTitle: outcome.lotTitle, outcomes: [outcome] });
  }
  return groups;
}

/** "10am on 3 March 2027 to midday", or "…to 1pm on 4 March 2027" over several days, in UK time. */
export function eventWhen(event: EngagementEvent): string {
  const start = formatUkDate(event.startsAt);
  if (!event.endsAt) return start;
  const end = formatUkDate(event.endsAt);
  const sameDay = formatUkDate(event.startsAt, 'date') === formatUkDate(event.endsAt, 'date');
  return sameDay ? `${start} to ${end.replace(/ on .*$/, '')}` : `${start} to ${end}`;
}

export function eventFormat(event: EngagementEvent): string {
  return ENGAGEMENT_EVENT_FORMAT_LABELS[event.format];
}

/** Why feedback is not taken now, or null while it is. */
export function feedbackClosedReason(notice: EngagementNotice, now: Date = new Date()): string | null {
  if (notice.status === 'closed' || Date.parse(notice.feedbackCloses) <= now.getTime()) {
    return `Feedback closed at ${formatUkDate(notice.feedbackCloses)}.`;
  }
  return null;
}

/** Why the event takes no registrations now, or null while it does. */
export function registrationClosedReason(notice: EngagementNotice, now: Date = new Date()): string | null {
  if (!notice.event) return 'There is no event for this engagement.';
  if (notice.status === 'closed') return 'This engagement has closed, so registration has closed too.';
  if (Date.parse(notice.event.startsAt) <= now.getTime()) return 'The event has started, so registration has closed.';
  return null;
}

/** A token for the Idempotency-Key header: the same one on every retry of one submission. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
