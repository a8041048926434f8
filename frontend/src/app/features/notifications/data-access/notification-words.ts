import { NotificationItem, NotificationKind } from '@openbrief/contracts';

/** What each optional kind's e-mail choice says, in the words a supplier or buyer would use. */
export const EMAIL_CHOICE_LABELS: Record<NotificationKind, string> = {
  [NotificationKind.DeadlineSoon]: 'A deadline is 48 hours away and your response is still a draft',
  [NotificationKind.TenderChanged]: 'A tender you are interested in has a new version',
  [NotificationKind.QuestionAnswered]: 'A question you asked has been answered',
  [NotificationKind.ResponseReceived]: 'A response has been received',
  [NotificationKind.ResponsesOpened]: 'The responses to a tender have been opened',
  [NotificationKind.AssessmentSummaryIssued]: 'Your assessment summary has been issued',
  [NotificationKind.PanelMemberNamed]: 'You have been named to an evaluation panel',
  [NotificationKind.SavedSearchMatch]: 'A new tender matches one of your saved searches',
};

/** Unread first (newest first within each), so what needs attention is at the top. */
export function unreadFirst(items: readonly NotificationItem[]): NotificationItem[] {
  const unread = items.filter((item) => !item.readAt);
  const read = items.filter((item) => item.readAt);
  return [...unread, ...read];
}

/** Only same-site app paths are followed, so a stored link can never send someone to another site. */
export function safeLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : null;
}
