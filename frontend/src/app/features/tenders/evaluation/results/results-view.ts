import { EvaluationResults, PriceMethod, ResponseTotal } from '@openbrief/contracts';
import { BarDatum } from '../../../../shared/ui/charts/bar-chart.component';
import { StackRow, StackSeries } from '../../../../shared/ui/charts/stacked-bar-chart.component';
import { formatCount, formatPoints, formatShare, formatWeight } from './results-format';

/** Ranked responses first, by rank, then the disqualified ones by name. */
export function rankedTotals(results: EvaluationResults): ResponseTotal[] {
  return [...results.totals].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.supplierName.localeCompare(b.supplierName, 'en-GB'),
  );
}

export function leaderOf(results: EvaluationResults): ResponseTotal | null {
  return results.totals.find((t) => t.rank === 1) ?? null;
}

/** The name of a response id the sensitivity names, or the text itself when the server sent a name. */
export function supplierName(results: EvaluationResults, responseIdOrName: string): string {
  return results.totals.find((t) => t.responseId === responseIdOrName)?.supplierName ?? responseIdOrName;
}

/** What to say beside a row of the ranking: a near-tie, how a tie was broken, why it was disqualified. */
export function rankingNotes(total: ResponseTotal): string[] {
  const notes: string[] = [];
  if (total.disqualified) notes.push(`Disqualified: ${total.disqualified}`);
  if (total.nearTie) notes.push('Near-tie: the total is within the margin of the response ranked next to it.');
  if (total.tieBreak) notes.push(`Tie broken: ${total.tieBreak}`);
  return notes;
}

/** "If the weight of Technical approach fell from 40% to 31.2%, Supplier B would lead." */
export function smallestChangeSentence(results: EvaluationResults): string {
  const change = results.sensitivity?.smallestChange;
  if (!results.sensitivity) return '';
  if (!change) return 'No change to any single weight would change which response leads.';
  const direction = change.to < change.from ? 'fell' : 'rose';
  const leader = supplierName(results, change.newLeader);
  return `If the weight of ${change.criterionName} ${direction} from ${formatWeight(change.from)} to ${formatWeight(change.to)}, ${leader} would lead.`;
}

/** Bars of the share of random weightings each ranked response wins, in ranking order. */
export function winShareBars(results: EvaluationResults): BarDatum[] {
  const shares = results.sensitivity?.winShare ?? {};
  return rankedTotals(results)
    .filter((t) => t.rank !== null)
    .map((t) => {
      const value = shares[t.responseId] ?? 0;
      return { key: t.responseId, label: t.supplierName, value, valueText: formatShare(value) };
    });
}

export function winShareSummary(results: EvaluationResults): string {
  const s = results.sensitivity;
  if (!s) return '';
  const bars = winShareBars(results).map((b) => `${b.label} ${b.valueText}`);
  return `Bar chart: the share of ${formatCount(s.draws)} random changes to the weights, of up to ${formatCount(s.perturbation)} percentage points each, in which each response would come first. ${bars.join(', ')}.`;
}

/** The top-level criteria, the parts of a total the points-lost chart splits it into. */
export function topLevelSeries(results: EvaluationResults): StackSeries[] {
  return results.criteria.filter((c) => c.parentId === null).map((c) => ({ key: c.id, label: c.name }));
}

/** For each ranked response but the leader: points lost to the leader on each top-level criterion (negative: gained). */
export function pointsLostRows(results: EvaluationResults): StackRow[] {
  const lost = results.sensitivity?.pointsLost ?? {};
  const series = topLevelSeries(results);
  const leader = leaderOf(results);
  return rankedTotals(results)
    .filter((t) => t.rank !== null && t.responseId !== leader?.responseId)
    .map((t) => {
      const values = series.map((s) => lost[t.responseId]?.[s.key] ?? 0);
      const behind = values.reduce((sum, v) => sum + v, 0);
      return { key: t.responseId, label: t.supplierName, values, totalText: `${formatPoints(behind)} points behind` };
    });
}

export function pointsLostSummary(results: EvaluationResults): string {
  const leader = leaderOf(results);
  const series = topLevelSeries(results);
  const rows = pointsLostRows(results).map((row) => {
    const worst = row.values.reduce((best, v, i) => (v > (row.values[best] ?? 0) ? i : best), 0);
    const where = (row.values[worst] ?? 0) > 0 ? `, most on ${series[worst]?.label}` : '';
    return `${row.label} ${row.totalText}${where}`;
  });
  return `Stacked bar chart: the points each response loses to ${leader?.supplierName ?? 'the leader'} on each criterion. ${rows.join('; ')}.`;
}

/** Under price per quality point, price has no weight of its own: the ranking shows price ÷ quality instead. */
export function usesPricePerPoint(results: EvaluationResults): boolean {
  return results.priceMethod === PriceMethod.PricePerQualityPoint;
}
