import {
  DEFAULT_EVALUATION_RULES,
  DEFAULT_PRICE_PARAMETERS,
  EVALUATION_RULE_FIELDS as F,
  type EvaluationModelContent,
  type EvaluationRules,
  PRICE_PARAMETER_FIELDS as P,
  PriceMethod,
  TIE_BREAK_LABELS,
} from '@openbrief/contracts';

/** One rule as the history shows it: its editor label and its value in words. */
export interface RuleField {
  key: string;
  label: string;
  value: string;
}

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
const num = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/**
 * A lot's evaluation rules as labelled values in words, one field each, so a change reads as "Lot 1: if two bids
 * tie" with the old and new rule. Price parameters appear only under the method that uses them; revisions saved
 * before the rules existed held the defaults, so they read as the defaults.
 */
export function evaluationRuleFields(m: EvaluationModelContent, money: (v: number | null) => string): RuleField[] {
  const stored: Partial<EvaluationRules> = m.rules ?? {};
  const r: EvaluationRules = { ...DEFAULT_EVALUATION_RULES, ...stored, price: { ...DEFAULT_PRICE_PARAMETERS, ...(stored.price ?? {}) } };
  const out: RuleField[] = [
    { key: 'blindMarking', label: F.blindMarking.label, value: yesNo(r.blindMarking) },
    { key: 'priceHiddenUntilModerated', label: F.priceHiddenUntilModerated.label, value: yesNo(r.priceHiddenUntilModerated) },
    { key: 'tieBreak', label: F.tieBreak.label, value: TIE_BREAK_LABELS[r.tieBreak] ?? r.tieBreak },
    { key: 'nearTieMargin', label: F.nearTieMargin.label, value: num(r.nearTieMargin) },
    { key: 'minJustificationChars', label: F.minJustificationChars.label, value: num(r.minJustificationChars) },
    {
      key: 'moderationSpread',
      label: F.moderationSpread.label,
      value: r.moderationSpread === null ? 'Half the scale' : num(r.moderationSpread),
    },
    { key: 'abnormallyLowPercent', label: F.abnormallyLowPercent.label, value: `${num(r.abnormallyLowPercent)}%` },
  ];
  if (m.priceMethod === PriceMethod.LinearBudgetToFloor) {
    out.push({ key: 'price.ceilingPrice', label: P.ceilingPrice.label, value: money(r.price.ceilingPrice) || 'The budget’s maximum' });
    out.push({ key: 'price.floorPrice', label: P.floorPrice.label, value: money(r.price.floorPrice) || money(0) });
  }
  if (m.priceMethod === PriceMethod.Logarithmic) out.push({ key: 'price.logRatio', label: P.logRatio.label, value: num(r.price.logRatio) });
  if (m.priceMethod === PriceMethod.WholeLifeCost)
    out.push({ key: 'price.discountRatePercent', label: P.discountRatePercent.label, value: `${num(r.price.discountRatePercent)}%` });
  return out;
}
