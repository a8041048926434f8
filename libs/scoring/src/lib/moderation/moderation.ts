/** One submitted individual score. */
export interface IndividualScore {
  responseId: string;
  criterionId: string;
  evaluatorId: string;
  score: number;
}

export interface ItemSpread {
  responseId: string;
  criterionId: string;
  spread: number | null;
  flagged: boolean;
}

/** Spread per response × criterion, flagged at or above the threshold. Implemented in issue 13 (H1b). */
export function itemSpreads(scores: readonly IndividualScore[], threshold: number): ItemSpread[] {
  void scores;
  void threshold;
  throw new Error('itemSpreads: not implemented yet');
}

/** Default spread threshold: half the scale's maximum (2 on 0–4). */
export function defaultSpreadThreshold(scaleMax: number): number {
  return scaleMax / 2;
}

export interface Offset {
  evaluatorId: string;
  meanOffset: number;
  items: number;
  outOfLine: boolean;
}

/** Mean offset of each evaluator from the others on the same items. Implemented in issue 13 (H1b). */
export function evaluatorOffsets(scores: readonly IndividualScore[], threshold: number): Offset[] {
  void scores;
  void threshold;
  throw new Error('evaluatorOffsets: not implemented yet');
}

/** Krippendorff's alpha (ordinal) over units (one array of values per unit); null when undefined. Issue 13 (H1b). */
export function krippendorffAlphaOrdinal(units: readonly (readonly number[])[]): number | null {
  void units;
  throw new Error('krippendorffAlphaOrdinal: not implemented yet');
}

/** How to read an alpha, in one plain sentence. Issue 13 (H1b). */
export function readAgreement(alpha: number | null): string {
  void alpha;
  throw new Error('readAgreement: not implemented yet');
}
