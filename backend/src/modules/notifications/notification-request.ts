import type { NotificationKind } from '@openbrief/contracts';

/** What another module asks to tell people. */
export interface NotificationRequest {
  userIds: string[];
  kind: NotificationKind;
  title: string;
  body: string;
  /** An app path ("/responses/…"); e-mails link to it under PUBLIC_URL. */
  link: string | null;
  /** The same key twice for the same person is written once (e.g. "deadline-soon:<responseId>"). */
  dedupeKey?: string;
}

export const TITLE_MAX = 200;
export const LINK_MAX = 500;
export const DEDUPE_KEY_MAX = 200;
