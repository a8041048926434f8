import { CriterionType, PanelStage, PriceMethod, TieBreakRule, type EvaluationReport, type ScoringScale } from '@openbrief/contracts';
import { formatNumber, scaleMaximum } from '../tender-pack/format';

/** Look-ups every section needs: names for ids, criteria by id, the scale, the currency. */
export interface ReportContext {
  report: EvaluationReport;
  scaleMax: number;
  currency: string | null;
  /** A person's name for a user id recorded against an action (or the value itself when it is already a name). */
  person(idOrName: string | null | undefined): string;
  /** "Response A – Northmoor Care Ltd". */
  bidder(responseId: string): string;
  supplier(responseId: string): string;
  criterion(id: string): { name: string; weight: number | null; type: CriterionType | null };
}

export function reportContext(report: EvaluationReport, currency: string | null): ReportContext {
  const people = new Map<string, string>();
  people.set(report.panel.moderator.userId, report.panel.moderator.name);
  for (const e of report.panel.evaluators) people.set(e.userId, e.name);
  for (const d of report.panel.declarations) people.set(d.evaluatorId, d.evaluatorName);
  const bidders = new Map(report.panel.bidders.map((b) => [b.responseId, b]));
  for (const t of report.results.totals)
    if (!bidders.has(t.responseId))
      bidders.set(t.responseId, { responseId: t.responseId, supplierName: t.supplierName, label: t.supplierName });
  const criteria = new Map(report.results.criteria.map((c) => [c.id, c]));
  for (const a of report.moderation.agreement)
    if (!criteria.has(a.criterionId))
      criteria.set(a.criterionId, {
        id: a.criterionId,
        parentId: null,
        name: a.criterionName,
        type: CriterionType.Quality,
        effectiveWeight: NaN,
      });
  return {
    report,
    scaleMax: scaleMaximum(report.scale as ScoringScale),
    currency,
    person: (v) => (v ? (people.get(v) ?? v) : 'not recorded'),
    bidder: (id) => {
      const b = bidders.get(id);
      if (!b) return id;
      return b.label && b.label !== b.supplierName ? `${b.label} – ${b.supplierName}` : b.supplierName;
    },
    supplier: (id) => bidders.get(id)?.supplierName ?? id,
    criterion: (id) => {
      const c = criteria.get(id);
      return c
        ? { name: c.name, weight: Number.isFinite(c.effectiveWeight) ? c.effectiveWeight : null, type: c.type }
        : { name: id, weight: null, type: null };
    },
  };
}

/** Points to two decimals ("27.50"): totals are compared to the hundredth in near-ties. */
export function points(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : formatNumber(value, 2);
}

/** A score on the scale: whole points as integers, anything finer to two decimals. */
export function scaleScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Number.isInteger(value) ? String(value) : formatNumber(value, 2);
}

export function percent(share: number): string {
  return `${formatNumber(share * 100, 1)}%`;
}

export const PRICE_METHOD_LABELS: Record<PriceMethod, string> = {
  [PriceMethod.Proportional]: 'Relative to the lowest price (lowest ÷ price × maximum)',
  [PriceMethod.DifferenceFromLowest]: 'Difference from the lowest price',
  [PriceMethod.RelativeToAverage]: 'Relative to the average price, between 0 and the maximum',
  [PriceMethod.LinearBudgetToFloor]: 'Straight line between the floor price and the budget',
  [PriceMethod.PricePerQualityPoint]: 'Price per quality point (lowest wins)',
  [PriceMethod.Logarithmic]: 'Logarithmic, relative to the lowest price',
  [PriceMethod.WholeLifeCost]: 'Whole-life cost, relative to the lowest',
};

export const TIE_BREAK_LABELS: Record<TieBreakRule, string> = {
  [TieBreakRule.HigherQuality]: 'the higher total quality score wins',
  [TieBreakRule.LowerPrice]: 'the lower evaluated price wins',
};

export const STAGE_LABELS: Record<PanelStage, string> = {
  [PanelStage.Declaring]: 'Evaluators declaring conflicts of interest',
  [PanelStage.Scoring]: 'Individual scoring under way',
  [PanelStage.Moderation]: 'Moderation under way',
  [PanelStage.Moderated]: 'Moderated',
  [PanelStage.Awarded]: 'Awarded',
};
