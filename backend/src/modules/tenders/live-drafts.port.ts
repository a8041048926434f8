import type { TenderContent } from '@openbrief/contracts';

/**
 * What the tenders module needs from live co-editing. The collaboration module implements it and
 * provides it under LIVE_DRAFTS; it depends on this module, never the other way round, so TenderService
 * looks the port up once the application is built instead of importing it (and works without it).
 */
export interface LiveDrafts {
  /**
   * The tender's live content if its document holds edits the tables may not have yet (typed since the
   * last projection, or left in the log by a process that stopped first); null if the tables are up to
   * date. Reads only: it writes nothing anywhere.
   */
  pendingContent(tenderId: string): Promise<TenderContent | null>;
  /** Writes the tender's pending live edits into the tables now (before a save, publication or status change). */
  project(tenderId: string): Promise<void>;
}

export const LIVE_DRAFTS = Symbol('LiveDrafts');
