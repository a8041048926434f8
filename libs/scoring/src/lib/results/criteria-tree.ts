import { CriterionType } from '@openbrief/contracts';
import type { ScoringCriterion } from './results';

/** Invalid evaluation input (a broken criteria tree, a score off the scale): the backend maps it to a 4xx. */
export class ScoringInputError extends Error {
  override readonly name = 'ScoringInputError';
}

export interface CriteriaTree {
  /** Criteria in a fixed order (by id), whatever order they came in: sums never depend on input order. */
  ordered: ScoringCriterion[];
  children: Map<string | null, ScoringCriterion[]>;
  effectiveWeights: Record<string, number>;
  /** Leaves in id order. */
  leaves: ScoringCriterion[];
  /** The one price criterion, if any (always a leaf). */
  priceLeaf: ScoringCriterion | null;
  /** Leaves other than price (quality and social value): what the quality total counts. */
  qualityLeaves: ScoringCriterion[];
  /** Post-order (children before parents): the order subtotals are summed in. */
  postOrder: ScoringCriterion[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Effective weight = product of weight ÷ 100 down the tree × 100; only leaves are scored. */
export function criteriaTree(criteria: readonly ScoringCriterion[]): CriteriaTree {
  const ordered = [...criteria].sort(byId);
  const ids = new Set<string>();
  for (const c of ordered) {
    if (ids.has(c.id)) throw new ScoringInputError(`Criterion ${c.id} appears twice.`);
    ids.add(c.id);
    if (!(Number.isFinite(c.weight) && c.weight >= 0))
      throw new ScoringInputError(`Criterion ${c.id} has an invalid weight (${c.weight}).`);
  }
  const children = new Map<string | null, ScoringCriterion[]>();
  for (const c of ordered) {
    if (c.parentId !== null && !ids.has(c.parentId)) throw new ScoringInputError(`Criterion ${c.id} has an unknown parent ${c.parentId}.`);
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  const effectiveWeights: Record<string, number> = {};
  const postOrder: ScoringCriterion[] = [];
  const walk = (parentId: string | null, parentWeight: number) => {
    for (const c of children.get(parentId) ?? []) {
      effectiveWeights[c.id] = parentId === null ? c.weight : (parentWeight * c.weight) / 100;
      walk(c.id, effectiveWeights[c.id]);
      postOrder.push(c);
    }
  };
  walk(null, 100);
  if (postOrder.length !== ordered.length)
    throw new ScoringInputError('The criteria contain a cycle: every criterion must lead up to the top level.');
  const leaves = ordered.filter((c) => !children.has(c.id));
  const prices = ordered.filter((c) => c.type === CriterionType.Price);
  if (prices.length > 1) throw new ScoringInputError('An evaluation model may have at most one price criterion.');
  const priceLeaf = prices[0] ?? null;
  if (priceLeaf && children.has(priceLeaf.id)) throw new ScoringInputError('The price criterion cannot have sub-criteria.');
  return {
    ordered,
    children,
    effectiveWeights,
    leaves,
    priceLeaf,
    qualityLeaves: leaves.filter((c) => c !== priceLeaf),
    postOrder,
  };
}
