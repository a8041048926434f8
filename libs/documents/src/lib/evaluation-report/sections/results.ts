import { PriceMethod } from '@openbrief/contracts';
import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import { formatMoney, formatNumber, formatShortDate } from '../../tender-pack/format';
import { percent, points, PRICE_METHOD_LABELS, TIE_BREAK_LABELS, type ReportContext } from '../context';

/** Ends a recorded phrase with exactly one full stop, so notes can be joined. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function money(ctx: ReportContext, value: number): string {
  return ctx.currency ? formatMoney(value, ctx.currency) : formatNumber(value, 2);
}

/** Price scores, and each abnormally low price with its investigation (flagged for the buyer, never excluded automatically). */
export function priceSection(doc: PdfLayout, ctx: ReportContext): void {
  const { results } = ctx.report;
  doc.group('Sect', (s) => {
    s.heading(1, 'Price');
    s.keyValueTable([['Price method', PRICE_METHOD_LABELS[results.priceMethod] ?? results.priceMethod]]);
    if (results.prices.length === 0) {
      s.paragraph('No price has been evaluated yet.');
      return;
    }
    const ppqp = results.priceMethod === PriceMethod.PricePerQualityPoint;
    s.table(
      [
        { header: 'Bid', width: 2 },
        { header: `Evaluated price${ctx.currency ? '' : ' (tender currency)'}`, width: 1.3, align: 'right' },
        { header: ppqp ? 'Score (not used)' : 'Price score', width: 0.9, align: 'right' },
        { header: 'Abnormally low', width: 1.2 },
      ],
      results.prices.map((p): Inline[] => [
        ctx.bidder(p.responseId),
        money(ctx, p.evaluatedPrice),
        points(p.score),
        p.abnormallyLow ? [{ text: 'Flagged', bold: true }] : 'No',
      ]),
      { caption: 'Prices and price scores', rowHeaders: true },
    );
    for (const p of results.prices.filter((x) => x.abnormallyLow)) {
      const low = p.abnormallyLow!;
      const inv = low.investigation;
      s.paragraph([{ text: `${ctx.bidder(p.responseId)}: `, bold: true }, { text: low.reason }], { keepWithNext: true });
      s.paragraph(
        inv
          ? `Investigated: ${inv.outcome === 'accepted' ? 'price accepted' : 'price rejected, bid disqualified'}. ${inv.note} (${ctx.person(inv.recordedBy)}, ${formatShortDate(inv.recordedAt)})`
          : 'Not yet investigated.',
        { indent: 12, spaceBefore: 2 },
      );
    }
  });
}

/** Totals, ranking, ties and near-ties, and the points each bid earned on each criterion. */
export function totalsSection(doc: PdfLayout, ctx: ReportContext): void {
  const { results } = ctx.report;
  const ranked = [...results.totals].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.total - a.total);
  const ppqp = results.priceMethod === PriceMethod.PricePerQualityPoint;
  doc.group('Sect', (s) => {
    s.heading(1, 'Totals and ranking');
    if (!results.complete)
      s.callout('warning', ['Not every answer has a consensus score yet: these figures are provisional.'], { title: 'Provisional' });
    s.paragraph(`Ties are broken by the rule published in the tender: ${TIE_BREAK_LABELS[results.tieBreakRule] ?? results.tieBreakRule}.`);
    s.table(
      [
        { header: 'Rank', width: 0.7, align: 'right' },
        { header: 'Supplier', width: 1.8 },
        { header: 'Quality', width: 0.95, align: 'right' },
        { header: ppqp ? 'Price per quality point' : 'Price', width: 0.9, align: 'right' },
        { header: 'Total', width: 0.8, align: 'right' },
        { header: 'Notes', width: 2.4 },
      ],
      ranked.map((t): Inline[] => {
        const notes: string[] = [];
        if (t.disqualified) notes.push(`Disqualified: ${sentence(t.disqualified)}`);
        if (t.tieBreak) notes.push(`Tie: ${sentence(t.tieBreak)}`);
        if (t.nearTie) notes.push('Near-tie with the bid ranked next to it.');
        return [
          t.rank === null ? '–' : String(t.rank),
          t.supplierName,
          points(t.qualityTotal),
          ppqp ? (t.pricePerQualityPoint === null ? '–' : formatNumber(t.pricePerQualityPoint, 2)) : points(t.priceScore),
          t.rank === 1 ? [{ text: points(t.total), bold: true }] : points(t.total),
          notes.join(' '),
        ];
      }),
      { caption: 'Weighted totals (points out of 100)' },
    );
    const rows: Inline[][] = [];
    for (const t of ranked)
      for (const c of results.criteria)
        if (t.subtotals[c.id] !== undefined)
          rows.push([t.supplierName, `${c.parentId ? '– ' : ''}${c.name}`, formatNumber(c.effectiveWeight, 2), points(t.subtotals[c.id])]);
    if (rows.length > 0)
      s.table(
        [
          { header: 'Supplier', width: 1.6 },
          { header: 'Criterion', width: 2.6 },
          { header: 'Weight', width: 0.7, align: 'right' },
          { header: 'Points', width: 0.7, align: 'right' },
        ],
        rows,
        { caption: 'Points by criterion (sub-criteria marked –)' },
      );
  });
}

/** How firm the result is: the smallest weight change that flips it, win shares and points lost. */
export function sensitivitySection(doc: PdfLayout, ctx: ReportContext): void {
  const { sensitivity, totals, criteria } = ctx.report.results;
  doc.group('Sect', (s) => {
    s.heading(1, 'Sensitivity of the result');
    if (!sensitivity) {
      s.paragraph('Sensitivity analysis needs at least two bids that were not disqualified; it was not run.');
      return;
    }
    const change = sensitivity.smallestChange;
    s.paragraph(
      change
        ? `The smallest change to a single weight that changes the winner: ${change.criterionName} from ${formatNumber(change.from, 2)}% to ${formatNumber(change.to, 2)}% (the other weights rescaled to keep 100), which would make ${change.newLeader} the leader. No smaller change to one weight does.`
        : 'No change to a single weight changes the winner.',
    );
    s.paragraph(
      `In ${formatNumber(sensitivity.draws)} draws, each weight was moved at random by up to ±${formatNumber(sensitivity.perturbation, 1)} percentage points and the weights rescaled to add up to 100. The share of draws each bid would win:`,
    );
    const name = new Map(totals.map((t) => [t.responseId, t.supplierName]));
    s.table(
      [
        { header: 'Supplier', width: 3 },
        { header: 'Share of draws won', width: 1, align: 'right' },
      ],
      Object.entries(sensitivity.winShare)
        .sort((a, b) => b[1] - a[1])
        .map(([id, share]) => [name.get(id) ?? ctx.supplier(id), percent(share)]),
      { caption: 'Win shares', rowHeaders: true },
    );
    const rows: Inline[][] = [];
    const leader = totals.find((t) => t.rank === 1)?.responseId;
    for (const [id, byCriterion] of Object.entries(sensitivity.pointsLost))
      if (id !== leader)
        for (const [criterionId, lost] of Object.entries(byCriterion))
          rows.push([name.get(id) ?? ctx.supplier(id), criteria.find((c) => c.id === criterionId)?.name ?? criterionId, points(lost)]);
    if (rows.length > 0)
      s.table(
        [
          { header: 'Supplier', width: 2 },
          { header: 'Criterion', width: 2.5 },
          { header: 'Points lost to the leader', width: 1.2, align: 'right' },
        ],
        rows,
        { caption: `Points each bid lost to the leader (negative: points gained)` },
      );
  });
}
