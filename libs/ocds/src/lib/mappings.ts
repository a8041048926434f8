import { CriterionType, PriceMethod, Procedure, type PublishedCriterion, TenderStatus } from '@openbrief/contracts';
import type { OcdsAwardCriterion, OcdsProcurementMethod, OcdsTenderStatus } from './ocds.types';

/**
 * Openbrief's procedures in OCDS's closed `method` codelist (docs/open-data.md has the reasons):
 * - open: any supplier may bid, so `open`;
 * - competitive flexible: the buyer may shortlist on conditions of participation before inviting bids, so
 *   `selective` ("only qualified suppliers are invited to submit a tender"), as Find a Tender publishes it;
 * - call-off from a framework: only the framework's suppliers may bid, so `selective` too;
 * - below threshold: advertised to anyone, so `open`.
 * `limited` (the buyer picks whom to ask) and `direct` (no competition) are procedures Openbrief does not run.
 */
export const PROCUREMENT_METHODS: Readonly<Record<Procedure, OcdsProcurementMethod>> = {
  [Procedure.Open]: 'open',
  [Procedure.CompetitiveFlexible]: 'selective',
  [Procedure.FrameworkCallOff]: 'selective',
  [Procedure.BelowThreshold]: 'open',
};

/** `procurementMethodDetails`: the procedure in the words of the Procurement Act 2023. */
export const PROCUREMENT_METHOD_DETAILS: Readonly<Record<Procedure, string>> = {
  [Procedure.Open]: 'Open procedure',
  [Procedure.CompetitiveFlexible]: 'Competitive flexible procedure',
  [Procedure.FrameworkCallOff]: 'Call-off from a framework',
  [Procedure.BelowThreshold]: 'Below-threshold procurement',
};

/**
 * A tender's status in OCDS's closed `tenderStatus` codelist. Drafts are `planning`; a published tender is `active`
 * until it is awarded (`complete`) or cancelled. The deadline does not change it: after the deadline the tender
 * process is still taking place (evaluation), which is what `active` means.
 */
export function ocdsTenderStatus(status: TenderStatus): OcdsTenderStatus {
  switch (status) {
    case TenderStatus.Draft:
    case TenderStatus.InReview:
      return 'planning';
    case TenderStatus.Published:
    case TenderStatus.Closed:
    case TenderStatus.Evaluating:
      return 'active';
    case TenderStatus.Awarded:
      return 'complete';
    case TenderStatus.Cancelled:
      return 'cancelled';
  }
}

/**
 * A lot's award criteria in the awardCriteria extension's shape: the top-level criteria with their weights as exact
 * percentages (they add up to 100, as the publish check requires), each naming its parts. Price is `price`, or
 * `cost` when it is scored on whole-life cost; quality and social value are `quality` (non-price, non-cost).
 */
export function awardCriteria(criteria: readonly PublishedCriterion[], priceMethod: PriceMethod): OcdsAwardCriterion[] {
  const byOrder = (a: PublishedCriterion, b: PublishedCriterion) => a.order - b.order;
  return criteria
    .filter((c) => c.parentId === null)
    .sort(byOrder)
    .map((c) => {
      const parts = criteria.filter((x) => x.parentId === c.id).sort(byOrder);
      const description = [
        c.description.trim(),
        parts.length ? `Made up of: ${parts.map((p) => `${p.name} (${p.weight}% of this criterion)`).join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return {
        type: c.type === CriterionType.Price ? (priceMethod === PriceMethod.WholeLifeCost ? 'cost' : 'price') : 'quality',
        name: c.name,
        ...(description ? { description } : {}),
        numbers: [{ number: c.weight, weight: 'percentageExact' }],
      };
    });
}

/** Release ids: one per published version, per award notice and per contract, stable across requests. */
export const RELEASE_IDS = {
  engagement: (ocid: string, engagementId: string) => `${ocid}-engagement-${engagementId}`,
  tenderVersion: (ocid: string, version: number) => `${ocid}-tender-${version}`,
  award: (ocid: string, awardId: string) => `${ocid}-award-${awardId}`,
  contract: (ocid: string, awardId: string) => `${ocid}-contract-${awardId}`,
} as const;
