import type { TenderDetail } from '@openbrief/contracts';
import type { LotNumbering } from './numbering';

/** A clarification question and its published answer (annex A). */
export interface Clarification {
  question: string;
  answer: string;
  /** ISO 8601 instant. */
  publishedAt: string;
}

export interface TenderPackOptions {
  /** Draft packs carry a DRAFT watermark and a warning on the cover. */
  draft: boolean;
  /** The version printed on every page. */
  version: number;
  /**
   * The moment the pack is stamped with (file dates, cover). Pass the version's publishedAt (or the
   * draft's updatedAt) rather than "now", so that rendering the same version again gives the same bytes.
   */
  generatedAt: Date;
  clarifications?: Clarification[];
}

/** Everything the section builders share. */
export interface PackContext {
  tender: TenderDetail;
  options: TenderPackOptions;
  lots: LotNumbering[];
  /** Requirement id → its printed number ("1.3"). */
  numbers: Map<string, string>;
  currency: string;
}

/** "Lot 1: Navigation and social prescribing" */
export function lotTitle(lot: { number: number; title: string }): string {
  return `Lot ${lot.number}: ${lot.title}`;
}
