/** What a person is told, in the app and (with SMTP_URL) by e-mail. */
export enum NotificationKind {
  QuestionAnswered = 'question_answered',
  TenderChanged = 'tender_changed',
  DeadlineSoon = 'deadline_soon',
  ResponseReceived = 'response_received',
  ResponsesOpened = 'responses_opened',
  /** The buyer issued a supplier's assessment summary (issue 13). */
  AssessmentSummaryIssued = 'assessment_summary_issued',
  /** Someone was named an evaluator or the moderator of an evaluation panel (issue 13). */
  PanelMemberNamed = 'panel_member_named',
  /** A newly published tender matches one of a supplier's saved searches (issue 15). */
  SavedSearchMatch = 'saved_search_match',
}

/** Kinds a person may turn off (the e-mail carries an unsubscribe link); the rest are part of the process. */
export const OPTIONAL_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  NotificationKind.DeadlineSoon,
  NotificationKind.TenderChanged,
  NotificationKind.SavedSearchMatch,
];

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

/** How many notifications one page of the list holds; older ones with `?before=<id of the last>`. */
export const NOTIFICATION_PAGE_SIZE = 50;

/** Whether a person is e-mailed one optional kind (in-app notifications always appear). */
export interface NotificationPreference {
  kind: NotificationKind;
  email: boolean;
}

/** One entry per kind in OPTIONAL_NOTIFICATION_KINDS, in that order. */
export interface NotificationPreferences {
  items: NotificationPreference[];
}

/** PUT /notifications/preferences: the kinds to change (others stay as they are). */
export interface UpdateNotificationPreferencesRequest {
  items: NotificationPreference[];
}
