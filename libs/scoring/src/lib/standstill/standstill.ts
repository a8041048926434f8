import type { Jurisdiction } from '@openbrief/contracts';

export interface StandstillPeriod {
  /** The last working day of the standstill, as a Europe/London date (YYYY-MM-DD). */
  lastDay: string;
  /** The instant it ends: midnight (Europe/London) at the end of the last day, ISO 8601 UTC. */
  endsAt: string;
}

/** The standstill (8 working days, beginning with the day the notice is published). Issue 13 (H1b). */
export function standstillPeriod(noticePublishedAt: string, jurisdiction: Jurisdiction, workingDays = 8): StandstillPeriod {
  void noticePublishedAt;
  void jurisdiction;
  void workingDays;
  throw new Error('standstillPeriod: not implemented yet');
}
