import { type EvaluationModel, PriceMethod, type TenderDetail } from '@openbrief/contracts';
import { PRICE_METHODS, type PriceWorkedExample, priceWorkedExample } from '@openbrief/scoring';
import type { HeadingLevel } from '../../layout/blocks';
import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import { formatMoney, formatNumber, formatPercent, months } from '../format';

/**
 * How price is scored, in the scoring library's own words and numbers: the method's explanation and formula
 * (PRICE_METHODS) and a worked example computed by the method itself (priceWorkedExample), so the pack never
 * keeps a copy of a formula that could drift from the one the evaluation uses.
 */
export function addPrice(
  doc: PdfLayout,
  tender: TenderDetail,
  model: EvaluationModel,
  lotValue: number | null,
  marks: number,
  level: HeadingLevel,
): void {
  const method = model.priceMethod;
  const text = PRICE_METHODS[method];
  const currency = tender.budget.currency;
  doc.heading(level, 'How price is scored');
  const perQualityPoint = method === PriceMethod.PricePerQualityPoint;
  if (!perQualityPoint && marks <= 0) {
    doc.paragraph('Price is not scored for this lot.');
    return;
  }
  const m = formatNumber(marks, Number.isInteger(marks) ? 0 : 2);
  doc.paragraph(
    perQualityPoint
      ? `Method: ${text.label.toLowerCase()}. ${text.explanation}`
      : `Price is worth ${formatPercent(Number(marks.toFixed(2)))} of the marks (${m} marks). Method: ${text.label.toLowerCase()}. ${text.explanation}`,
  );
  doc.callout('info', [[{ text: text.formula, bold: true }], ...parameterLines(tender, model, currency)]);
  // Under the linear method a score depends on the bid alone; the other methods compare the field.
  if (method !== PriceMethod.LinearBudgetToFloor)
    doc.paragraph('Prices are compared among the bids that pass every pass/fail requirement and the minimum quality threshold.', {
      style: 'secondary',
    });
  let example: PriceWorkedExample;
  try {
    example = priceWorkedExample(method, model.rules.price, marks, exampleScale(tender, model, lotValue));
  } catch {
    // A draft whose price settings are not complete yet (publication is blocked until they are).
    doc.paragraph('The worked example will be shown once the price method’s settings are complete.', { style: 'secondary' });
    return;
  }
  doc.paragraph([{ text: 'Worked example. ', bold: true }, { text: 'Three illustrative bids, scored by this method:' }], {
    keepWithNext: true,
  });
  if (example.assumption) doc.paragraph(example.assumption, { keepWithNext: true });
  exampleTable(doc, example, currency, m);
}

/**
 * What the example's prices are scaled to (priceWorkedExample's budgetMax): the budget's maximum where it is the
 * linear method's ceiling, since it then enters the formula; else the lot's own size (a ceiling it sets, its estimated
 * value), so a lot's example prices are near its real bids and not the whole tender's budget.
 */
function exampleScale(tender: TenderDetail, model: EvaluationModel, lotValue: number | null): number | null {
  const linear = model.priceMethod === PriceMethod.LinearBudgetToFloor;
  if (linear && model.rules.price.ceilingPrice === null) return tender.budget.max;
  if (linear) return model.rules.price.ceilingPrice;
  return lotValue ?? tender.budget.max;
}

/** The method's parameters, as the tender sets them. */
function parameterLines(tender: TenderDetail, model: EvaluationModel, currency: string): Inline[] {
  const p = model.rules.price;
  switch (model.priceMethod) {
    case PriceMethod.LinearBudgetToFloor: {
      const ceiling =
        p.ceilingPrice !== null
          ? formatMoney(p.ceilingPrice, currency)
          : tender.budget.max !== null
            ? `${formatMoney(tender.budget.max, currency)} (the budget’s maximum)`
            : 'the budget’s maximum (not set yet)';
      return [`Ceiling price: ${ceiling}. Floor price: ${formatMoney(p.floorPrice ?? 0, currency)}.`];
    }
    case PriceMethod.Logarithmic: {
      const a = formatNumber(p.logRatio, Number.isInteger(p.logRatio) ? 0 : 2);
      return [`A = ${a}: a price ${a} times the lowest or more scores 0.`];
    }
    case PriceMethod.WholeLifeCost: {
      const term =
        tender.contract.lengthMonths !== null ? `the ${months(tender.contract.lengthMonths)} of the contract` : 'the contract’s term';
      return [
        `Discount rate: ${formatNumber(p.discountRatePercent, 2)}% a year. Monthly and yearly charges in your price table recur over ${term}; other lines are one-off costs at the start.`,
      ];
    }
    default:
      return [];
  }
}

function exampleTable(doc: PdfLayout, example: PriceWorkedExample, currency: string, marks: string): void {
  const money = (v: number) => formatMoney(Math.round(v * 100) / 100, currency);
  if (example.method === PriceMethod.PricePerQualityPoint) {
    doc.table(
      [
        { header: 'Bid', width: 0.8 },
        { header: 'Price', width: 1.6, align: 'right' },
        { header: 'Quality marks', width: 1.4, align: 'right' },
        { header: 'Price per quality mark', width: 1.8, align: 'right' },
      ],
      example.rows.map((r) => [r.label, money(r.price), formatNumber(r.qualityTotal ?? 0, 2), money(r.pricePerQualityPoint ?? 0)]),
      { rowHeaders: true, caption: 'Worked example: the lowest price per quality mark ranks first' },
    );
    return;
  }
  const wholeLife = example.method === PriceMethod.WholeLifeCost;
  const costs = (r: PriceWorkedExample['rows'][number]) => (r.costs ?? []).map((c) => `year ${c.year}: ${money(c.amount)}`).join('; ');
  doc.table(
    [
      { header: 'Bid', width: 0.8 },
      { header: 'Price', width: 1.5, align: 'right' },
      ...(wholeLife
        ? [
            { header: 'Costs by year', width: 2.6 },
            { header: 'Whole-life cost', width: 1.5, align: 'right' as const },
          ]
        : []),
      { header: `Price score (of ${marks})`, width: 1.5, align: 'right' },
    ],
    example.rows.map((r) => [
      r.label,
      money(r.price),
      ...(wholeLife ? [costs(r), money(r.evaluatedPrice)] : []),
      formatNumber(r.score ?? 0, 2),
    ]),
    { rowHeaders: true, caption: 'Worked example' },
  );
}
