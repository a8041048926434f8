import { type AssessmentCriterion, type AssessmentSummary, type Criterion, CriterionType } from '@openbrief/contracts';
import { PRICE_METHODS, type RankedBid } from '@openbrief/scoring';
import type { PanelBidderRecord, PanelRecord } from '../../evaluation/panel-record';
import type { AssessmentSummaryRow, SummaryContent } from '../entities';
import type { ComputedResults } from '../results/evaluation-results';
import { SCALE_MAX } from '../results/scoring-inputs';

const points = (n: number) => n.toFixed(2);
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);

/** The criteria tree depth first, in the published order: parents before their children. */
export function treeOrder(criteria: readonly Criterion[]): Criterion[] {
  const children = (parentId: string | null) => criteria.filter((c) => c.parentId === parentId).sort((a, b) => a.order - b.order);
  const out: Criterion[] = [];
  const visit = (c: Criterion) => {
    out.push(c);
    children(c.id).forEach(visit);
  };
  children(null).forEach(visit);
  return out;
}

/**
 * An assessment summary for every assessed supplier (every opened response, disqualified ones included), drafted
 * for the buyer to edit: each criterion with its weight and scoring scheme, the score with the moderator's note as
 * its explanation, and for the unsuccessful why they did not win.
 */
export function draftSummaries(
  record: PanelRecord,
  computed: ComputedResults,
  award: { responseId: string; reasons: string; departsFromRanking: boolean },
): { bidder: PanelBidderRecord; content: SummaryContent }[] {
  const winner = record.bidders.find((b) => b.responseId === award.responseId)!;
  const winnerRank = computed.outcome.ranking.find((r) => r.id === award.responseId)!;
  const ranked = computed.outcome.ranking.filter((r) => r.rank !== null).length;
  return record.bidders.map((bidder) => {
    const bid = computed.outcome.ranking.find((r) => r.id === bidder.responseId)!;
    const successful = bidder.responseId === award.responseId;
    return {
      bidder,
      content: {
        supplierName: bidder.supplierName,
        successful,
        criteria: criteriaOf(record, computed, bid, bidder),
        total: bid.total,
        rank: bid.rank,
        whyNotSuccessful: successful ? null : whyNot(record, bid, winnerRank, winner.supplierName, ranked, award),
        winnerName: winner.supplierName,
      },
    };
  });
}

function criteriaOf(record: PanelRecord, computed: ComputedResults, bid: RankedBid, bidder: PanelBidderRecord): AssessmentCriterion[] {
  const model = record.lot.evaluationModel;
  const scaleMax = SCALE_MAX[model.scale];
  const scheme = scaleScheme(record);
  return treeOrder(model.criteria).map((c) => {
    const weight = Math.round((computed.outcome.effectiveWeights[c.id] ?? 0) * 100) / 100;
    const got = bid.subtotals[c.id] ?? 0;
    const base = { criterionId: c.id, name: c.name, weight, points: got };
    const children = model.criteria.filter((x) => x.parentId === c.id).map((x) => x.name);
    if (children.length)
      return { ...base, score: null, scoringScheme: `The sum of the points of its parts: ${children.join(', ')}.`, explanation: '' };
    if (c.type === CriterionType.Price) {
      const method = PRICE_METHODS[model.priceMethod];
      const price = money(
        computed.results.prices.find((p) => p.responseId === bidder.responseId)?.evaluatedPrice ?? bidder.price.total,
        bidder.price.currency,
      );
      return {
        ...base,
        score: null,
        scoringScheme: `${method.label}: ${method.formula}`,
        explanation: bid.disqualified
          ? `Your price (${price}) was not scored, as your response was not scored further.`
          : bid.priceScore === null
            ? `Your evaluated price was ${price}.`
            : `Your evaluated price was ${price}, which scored ${points(bid.priceScore)} of ${points(weight)} points.`,
      };
    }
    const consensus = record.moderated.find((m) => m.responseId === bidder.responseId && m.criterionId === c.id);
    return {
      ...base,
      score: consensus?.score ?? null,
      scoringScheme: `${scheme} Points are the score ÷ ${scaleMax} × ${points(weight)}.`,
      explanation: consensus?.note ?? (bid.disqualified ? `Not scored: ${bid.disqualified}` : ''),
    };
  });
}

/** The published scale in words: "Scored 0 to 4: 0 Unacceptable, 1 Poor, …". */
function scaleScheme(record: PanelRecord): string {
  const model = record.lot.evaluationModel;
  const words = [...model.descriptors].sort((a, b) => a.score - b.score).map((d) => `${d.score} ${d.label}`);
  return `Scored 0 to ${SCALE_MAX[model.scale]} against the published descriptors${words.length ? ` (${words.join(', ')})` : ''}.`;
}

function whyNot(
  record: PanelRecord,
  bid: RankedBid,
  winner: RankedBid,
  winnerName: string,
  ranked: number,
  award: { reasons: string; departsFromRanking: boolean },
): string {
  if (bid.disqualified)
    return `Your response was not scored further: ${sentence(bid.disqualified)} The contract is to be awarded to ${winnerName}.`;
  const tops = record.lot.evaluationModel.criteria.filter((c) => c.parentId === null).sort((a, b) => a.order - b.order);
  const behind = tops
    .map((c) => ({ name: c.name, gap: (winner.subtotals[c.id] ?? 0) - (bid.subtotals[c.id] ?? 0) }))
    .filter((x) => x.gap > 0.005)
    .map((x) => `${x.name} (${points(x.gap)} points fewer)`);
  const parts = [
    `Your response ranked ${bid.rank} of ${ranked} with ${points(bid.total)} points; the successful response, from ${winnerName}, scored ${points(winner.total)} points.`,
    behind.length ? `Your response scored fewer points than the successful one on ${behind.join(', ')}.` : null,
    award.departsFromRanking && (bid.rank ?? Infinity) <= (winner.rank ?? Infinity)
      ? `The contract is awarded to a response other than the highest ranked, for these reasons: ${award.reasons}`
      : null,
  ];
  return parts.filter(Boolean).join(' ');
}

/** A stored summary as the API shows it. */
export function summaryView(row: AssessmentSummaryRow): AssessmentSummary {
  return {
    panelId: row.panelId,
    responseId: row.responseId,
    ...row.content,
    status: row.status,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    sha256: row.sha256,
    revision: row.revision,
  };
}
