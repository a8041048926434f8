import { TieBreakRule } from '@openbrief/contracts';
import { formatMoney, formatPoints, round2 } from '../price/format';

/** What the ranking needs of a qualifying bid. */
export interface Rankable {
  id: string;
  label: string;
  total: number;
  qualityTotal: number;
  evaluatedPrice: number;
  /** Set under price per quality point, which ranks by it (lowest first) instead of the total. */
  pricePerQualityPoint: number | null;
}

export interface RankOptions {
  byPricePerQualityPoint: boolean;
  tieBreak: TieBreakRule;
  nearTieMargin: number;
  currency: string;
}

export interface Placing {
  id: string;
  rank: number;
  tieBreak: string | null;
  nearTie: boolean;
}

const cmp = <T extends number | string>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);
/** Ranked as published: to 2 decimal places, so a difference nobody is shown never decides. */
const primaryKey = (b: Rankable, o: RankOptions) =>
  o.byPricePerQualityPoint ? round2(b.pricePerQualityPoint ?? Infinity) : -round2(b.total);
const tieKey = (b: Rankable, o: RankOptions) =>
  o.tieBreak === TieBreakRule.HigherQuality ? -round2(b.qualityTotal) : round2(b.evaluatedPrice);

function andList(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Best first, ties broken by the published rule; a tie the rule cannot break keeps one rank for all of it. */
export function rankBids(bids: readonly Rankable[], o: RankOptions): Placing[] {
  const sorted = [...bids].sort((a, b) => cmp(primaryKey(a, o), primaryKey(b, o)) || cmp(tieKey(a, o), tieKey(b, o)) || cmp(a.id, b.id));
  const placings: Placing[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (end < sorted.length && primaryKey(sorted[end], o) === primaryKey(sorted[start], o)) end++;
    const group = sorted.slice(start, end);
    for (let i = 0; i < group.length; i++) {
      const first = group.findIndex((g) => tieKey(g, o) === tieKey(group[i], o));
      placings.push({
        id: group[i].id,
        rank: start + first + 1,
        tieBreak: group.length > 1 ? tieText(group[i], group, o) : null,
        nearTie: false,
      });
    }
    start = end;
  }
  markNearTies(sorted, placings, o);
  return placings;
}

function markNearTies(sorted: Rankable[], placings: Placing[], o: RankOptions): void {
  const near = (a: Rankable, b: Rankable) => {
    if (!o.byPricePerQualityPoint) return Math.abs(round2(a.total) - round2(b.total)) <= o.nearTieMargin + 1e-9;
    // Price per quality point has no points to compare: the margin is read as a percentage of the lower figure.
    const x = a.pricePerQualityPoint;
    const y = b.pricePerQualityPoint;
    if (x === null || y === null) return x === y;
    return (Math.abs(x - y) / Math.min(x, y)) * 100 <= o.nearTieMargin + 1e-9;
  };
  for (let i = 0; i < sorted.length; i++) {
    placings[i].nearTie = (i > 0 && near(sorted[i], sorted[i - 1])) || (i + 1 < sorted.length && near(sorted[i], sorted[i + 1]));
  }
}

function tieText(bid: Rankable, group: Rankable[], o: RankOptions): string {
  const quality = o.tieBreak === TieBreakRule.HigherQuality;
  const primary = o.byPricePerQualityPoint
    ? `${formatMoney(round2(bid.pricePerQualityPoint ?? Infinity), o.currency)} per quality point`
    : formatPoints(bid.total);
  const keyText = (b: Rankable) => (quality ? formatPoints(b.qualityTotal) : formatMoney(round2(b.evaluatedPrice), o.currency));
  const others = group.filter((g) => g !== bid);
  const level = others.filter((g) => tieKey(g, o) === tieKey(bid, o));
  const head = `Tied on ${primary} with ${andList(others.map((g) => g.label))}`;
  const undecided = 'the tender’s tie-break rule does not separate them, so the buyer must decide and record why.';
  if (group.length === 2) {
    const other = others[0];
    if (level.length > 0) {
      return `${head}, and ${quality ? `level on quality too (${keyText(bid)} each)` : `at the same price too (${keyText(bid)} each)`}: ${undecided}`;
    }
    const ahead = tieKey(bid, o) < tieKey(other, o);
    const how = quality ? `${ahead ? 'higher' : 'lower'} on quality` : `${ahead ? 'higher for its lower' : 'lower for its higher'} price`;
    return `${head}: ranked ${how} (${keyText(bid)} against ${keyText(other)}), as the tender states.`;
  }
  const list = group.map((g) => `${g.label} ${keyText(g)}`).join(', ');
  const still = level.length > 0 ? ` Still level with ${andList(level.map((g) => g.label))}: ${undecided}` : '';
  return `${head}: placed by ${quality ? 'quality' : 'the lower price'}, as the tender states (${list}).${still}`;
}
