/** What a person is told, in the app and (with SMTP_URL) by e-mail. */
export enum NotificationKind {
  QuestionAnswered = 'question_answered',
  TenderChanged = 'tender_changed',
  DeadlineSoon = 'deadline_soon',
  ResponseReceived = 'response_received',
  ResponsesOpened = 'responses_opened',
}

/** Kinds a person may turn off (the e-mail carries an unsubscribe link); the rest are part of the process. */
export const OPTIONAL_NOTIFICATION_KINDS: readonly NotificationKind[] = [NotificationKind.DeadlineSoon, NotificationKind.TenderChanged];

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** An app path to open, e.g. "/responses/…". */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unread: number;
  items: NotificationItem[];
}
