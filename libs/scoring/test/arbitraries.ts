import fc from 'fast-check';
import { CriterionType, DEFAULT_PRICE_PARAMETERS, PriceMethod, TieBreakRule } from '@openbrief/contracts';
import { mulberry32, type ScoredBid, type ScoringCriterion, type ScoringModel } from '../src/index';

/** Sibling weights from positive integers, scaled to add to 100. */
const toHundred = (raw: number[]) => {
  const sum = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => (x / sum) * 100);
};

/** A criteria tree of 1–4 top-level criteria with 0–3 children each; one price criterion (a leaf) or none. */
export const criteriaArb: fc.Arbitrary<ScoringCriterion[]> = fc
  .record({
    groups: fc.array(
      fc.record({ weight: fc.integer({ min: 1, max: 9 }), children: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    price: fc.option(fc.record({ weight: fc.integer({ min: 1, max: 9 }), nested: fc.boolean() }), { nil: null }),
  })
  .map(({ groups, price }) => {
    const top = toHundred([...groups.map((g) => g.weight), ...(price && !price.nested ? [price.weight] : [])]);
    const list: ScoringCriterion[] = [];
    groups.forEach((g, i) => {
      const type = i % 2 === 1 ? CriterionType.SocialValue : CriterionType.Quality;
      list.push({ id: `c${i}`, parentId: null, name: `C${i}`, type, weight: top[i] });
      // A nested price criterion sits under the first group, beside its children.
      const kids = [...g.children, ...(price?.nested && i === 0 ? [price.weight] : [])];
      const w = kids.length ? toHundred(kids) : [];
      g.children.forEach((_, k) => list.push({ id: `c${i}_${k}`, parentId: `c${i}`, name: `C${i}.${k}`, type, weight: w[k] }));
      if (price?.nested && i === 0)
        list.push({ id: 'price', parentId: 'c0', name: 'Price', type: CriterionType.Price, weight: w[w.length - 1] });
    });
    if (price && !price.nested)
      list.push({ id: 'price', parentId: null, name: 'Price', type: CriterionType.Price, weight: top[top.length - 1] });
    return list;
  });

export const methodArb = fc.constantFrom(...Object.values(PriceMethod));

export const modelArb: fc.Arbitrary<ScoringModel> = fc
  .record({
    criteria: criteriaArb,
    scaleMax: fc.constantFrom(4, 10, 100),
    method: methodArb,
    tieBreak: fc.constantFrom(TieBreakRule.HigherQuality, TieBreakRule.LowerPrice),
    minimumQualityPercent: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    nearTieMargin: fc.integer({ min: 0, max: 3 }),
  })
  .map((m) => ({
    scaleMax: m.scaleMax,
    criteria: m.criteria,
    minimumQualityPercent: m.minimumQualityPercent,
    price: { method: m.method, parameters: { ...DEFAULT_PRICE_PARAMETERS, floorPrice: 10_000 }, budgetMax: 250_000 },
    tieBreak: m.tieBreak,
    nearTieMargin: m.nearTieMargin,
  }));

/** Bids scored on every leaf (fractions of the scale, so any scale works), priced between £20,000 and £200,000. */
export const bidsArb = (model: ScoringModel, min = 2, max = 6): fc.Arbitrary<ScoredBid[]> => {
  const parents = new Set(model.criteria.map((c) => c.parentId));
  const leaves = model.criteria.filter((c) => !parents.has(c.id) && c.type !== CriterionType.Price).map((c) => c.id);
  return fc
    .array(
      fc.record({
        scores: fc.array(fc.integer({ min: 0, max: model.scaleMax }), { minLength: leaves.length, maxLength: leaves.length }),
        price: fc.integer({ min: 20_000, max: 200_000 }),
        years: fc.array(fc.integer({ min: 1_000, max: 60_000 }), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: min, maxLength: max },
    )
    .map((rows) =>
      rows.map((r, i) => ({
        id: `b${i}`,
        scores: Object.fromEntries(leaves.map((id, k) => [id, r.scores[k]])),
        price: r.price,
        costs: r.years.map((amount, year) => ({ year, amount })),
      })),
    );
};

export const fieldArb = modelArb.chain((model) => bidsArb(model).map((bids) => ({ model, bids })));

/** A seeded Fisher–Yates shuffle. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
