import fc from 'fast-check';
import { PriceMethod, TieBreakRule } from '@openbrief/contracts';
import { evaluateBids, perturbWeights, mulberry32, priceScores, sensitivity, type ScoredBid, type ScoringModel } from '../src/index';
import { bidsArb, fieldArb, methodArb, modelArb, shuffled } from './arbitraries';

const RUNS = { numRuns: 200 };

describe('evaluateBids: properties', () => {
  it('gives the same outcome whatever the order of the criteria and of the bids', () => {
    fc.assert(
      fc.property(fieldArb, fc.integer(), ({ model, bids }, seed) => {
        const again = evaluateBids({ ...model, criteria: shuffled(model.criteria, seed) }, shuffled(bids, seed + 1));
        expect(again).toEqual(evaluateBids(model, bids));
      }),
      RUNS,
    );
  });

  it('never ranks a bid below one it is at least as good as on every criterion and on price', () => {
    fc.assert(
      fc.property(
        modelArb.chain((model) => bidsArb(model, 1, 4).map((bids) => ({ model, bids }))),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 50_000 }),
        ({ model, bids }, cuts, extra) => {
          // The weaker copy of the first bid: some scores lowered, the price raised (its yearly costs scaled alike).
          const strong = bids[0];
          const ids = Object.keys(strong.scores);
          const weak: ScoredBid = {
            id: 'weaker',
            scores: Object.fromEntries(ids.map((id, k) => [id, Math.max(0, strong.scores[id] - (cuts[k % cuts.length] % 3))])),
            price: strong.price + extra,
            costs: strong.costs?.map((c) => ({ ...c, amount: (c.amount * (strong.price + extra)) / strong.price })),
          };
          const ranking = evaluateBids(model, [...bids, weak]).ranking;
          const s = ranking.find((r) => r.id === strong.id)!;
          const w = ranking.find((r) => r.id === 'weaker')!;
          if (w.rank !== null) expect(s.rank).not.toBeNull();
          if (s.rank !== null && w.rank !== null) expect(s.rank).toBeLessThanOrEqual(w.rank);
        },
      ),
      RUNS,
    );
  });

  it('keeps every criterion’s points between 0 and its effective weight, and every price score between 0 and the weight', () => {
    fc.assert(
      fc.property(fieldArb, ({ model, bids }) => {
        const out = evaluateBids(model, bids);
        for (const r of out.ranking) {
          for (const [id, points] of Object.entries(r.subtotals)) {
            expect(points).toBeGreaterThanOrEqual(0);
            expect(points).toBeLessThanOrEqual(out.effectiveWeights[id] + 1e-9);
          }
          expect(r.total).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        methodArb,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        (method, weight, prices) => {
          const scores = priceScores(
            {
              method,
              weight,
              parameters: { ceilingPrice: 800_000, floorPrice: 1_000, logRatio: 1.5, discountRatePercent: 3.5 },
              budgetMax: null,
            },
            prices.map((price, i) => ({ id: String(i), price })),
          );
          for (const s of scores) {
            if (method === PriceMethod.PricePerQualityPoint) expect(s.score).toBeNull();
            else {
              expect(s.score!).toBeGreaterThanOrEqual(0);
              expect(s.score!).toBeLessThanOrEqual(weight * (1 + 1e-12));
            }
          }
        },
      ),
      RUNS,
    );
  });
});

describe('sensitivity: properties', () => {
  it('renormalised perturbed weights are never negative and add to 100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }).filter((xs) => xs.some((x) => x > 0)),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.integer(),
        (raw, perturbation, seed) => {
          const sum = raw.reduce((s, x) => s + x, 0);
          const base = raw.map((x) => (x / sum) * 100);
          const random = mulberry32(seed);
          const out = new Float64Array(base.length);
          for (let d = 0; d < 20; d++) {
            perturbWeights(base, perturbation, random, 100, out);
            expect(Math.abs(out.reduce((s, x) => s + x, 0) - 100)).toBeLessThanOrEqual(1e-9);
            expect(out.every((w) => w >= 0)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  /** Exact totals (or minus price per quality point) of the qualifying bids with the leaves' weights as given. */
  function rowsWith(model: ScoringModel, bids: ScoredBid[], weights: Record<string, number>) {
    const leafOnly: ScoringModel = {
      ...model,
      minimumQualityPercent: null,
      criteria: model.criteria.filter((c) => c.id in weights).map((c) => ({ ...c, parentId: null, weight: weights[c.id] })),
    };
    return new Map(evaluateBids(leafOnly, bids).ranking.map((r) => [r.id, r]));
  }
  function meritWith(model: ScoringModel, bids: ScoredBid[], weights: Record<string, number>): Map<string, number> {
    const ppqp = model.price.method === PriceMethod.PricePerQualityPoint;
    const rows = [...rowsWith(model, bids, weights).values()];
    return new Map(rows.map((r) => [r.id, ppqp ? -(r.qualityTotal > 0 ? r.evaluatedPrice / r.qualityTotal : Infinity) : r.total]));
  }

  it('reports a smallest change that really changes the winner, and nothing smaller on any criterion does', () => {
    let checked = 0;
    fc.assert(
      fc.property(fieldArb, ({ model, bids }) => {
        const s = sensitivity(model, bids, { draws: 0, perturbation: 5, seed: 1 });
        const change = s.smallestChange;
        if (!s.leader || !change) return;
        const outcome = evaluateBids(model, bids);
        const qualifying = bids.filter((b) => outcome.ranking.find((r) => r.id === b.id)!.rank !== null);
        const parents = new Set(model.criteria.map((c) => c.parentId));
        const ppqp = model.price.method === PriceMethod.PricePerQualityPoint;
        const varied = model.criteria.filter((c) => !parents.has(c.id) && !(ppqp && c.type === 'price')).map((c) => c.id);
        const fixed = model.criteria.filter((c) => !parents.has(c.id) && ppqp && c.type === 'price').map((c) => c.id);
        const base = Object.fromEntries([...varied, ...fixed].map((id) => [id, outcome.effectiveWeights[id]]));
        const total = varied.reduce((sum, id) => sum + base[id], 0);
        const moved = (k: string, x: number) =>
          Object.fromEntries(
            Object.entries(base).map(([id, w]) => [id, id === k ? x : varied.includes(id) ? (w * (total - x)) / (total - base[k]) : w]),
          );
        const leads = (weights: Record<string, number>) => {
          const merit = meritWith(model, qualifying, weights);
          const lead = merit.get(s.leader!)!;
          return [...merit.entries()].every(([id, v]) => id === s.leader || v <= lead + 1e-9 * Math.max(1, Math.abs(lead)));
        };
        // Just past the crossing the new leader is ahead, or (at the end of the range) level and ahead on the tie-break.
        const atTo = meritWith(model, qualifying, moved(change.criterionId, change.to));
        const [now, was] = [atTo.get(change.newLeader)!, atTo.get(s.leader!)!];
        if (now <= was) {
          expect(now).toBeCloseTo(was, 9);
          const rows = rowsWith(model, qualifying, moved(change.criterionId, change.to));
          const [n, w] = [rows.get(change.newLeader)!, rows.get(s.leader!)!];
          if (model.tieBreak === TieBreakRule.LowerPrice) expect(n.evaluatedPrice).toBeLessThan(w.evaluatedPrice);
          else expect(n.qualityTotal).toBeGreaterThan(w.qualityTotal);
        }
        checked++;
        // 99% of the way to the crossing, on this criterion or any other, the leader still leads.
        const step = 0.99 * Math.abs(change.crossing - change.from);
        for (const k of varied) {
          for (const dir of [-1, 1]) {
            const x = base[k] + dir * step;
            if (x < 0 || x > total || total - base[k] <= 1e-9) continue;
            expect(leads(moved(k, x))).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
    // Most generated fields have a smallest change: the property was not passed vacuously.
    expect(checked).toBeGreaterThan(100);
  });

  it('gives the same win shares with pruning as the naive method, for the same seed', () => {
    fc.assert(
      fc.property(fieldArb, fc.double({ min: 0.5, max: 20, noNaN: true }), fc.integer(), ({ model, bids }, perturbation, seed) => {
        const options = { draws: 200, perturbation, seed };
        const pruned = sensitivity(model, bids, options);
        const naive = sensitivity(model, bids, { ...options, strategy: 'naive' });
        expect(pruned.winShare).toEqual(naive.winShare);
      }),
      { numRuns: 150 },
    );
  });
});
