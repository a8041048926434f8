import type { ModerationItem } from '@openbrief/contracts';
import type { PdfLayout } from '../../layout/pdf-layout';
import type { Inline } from '../../layout/text';
import { formatNumber, formatPercent, formatShortDate, plural } from '../../tender-pack/format';
import { scaleScore, type ReportContext } from '../context';

/** The scale the evaluators scored on, with its descriptors. */
export function scaleSection(doc: PdfLayout, ctx: ReportContext): void {
  const { report } = ctx;
  doc.group('Sect', (s) => {
    s.heading(1, 'Scoring scale');
    s.paragraph(
      `Answers were scored from 0 to ${ctx.scaleMax}. A score’s points are the score ÷ ${ctx.scaleMax} × the criterion’s weight.`,
    );
    if (report.descriptors.length > 0)
      s.table(
        [
          { header: 'Score', width: 0.75, align: 'right' },
          { header: 'Meaning', width: 1.2 },
          { header: 'Description', width: 4 },
        ],
        [...report.descriptors].sort((a, b) => b.score - a.score).map((d) => [scaleScore(d.score), d.label, d.description]),
        { caption: 'Score descriptors' },
      );
  });
}

/** Every individual score with its justification and every consensus with its note, criterion by criterion. */
export function scoresSection(doc: PdfLayout, ctx: ReportContext): void {
  const { moderation } = ctx.report;
  const byCriterion = new Map<string, ModerationItem[]>();
  for (const item of moderation.items) {
    const list = byCriterion.get(item.criterionId) ?? [];
    list.push(item);
    byCriterion.set(item.criterionId, list);
  }
  const agreement = new Map(moderation.agreement.map((a) => [a.criterionId, a]));
  doc.group('Sect', (s) => {
    s.heading(1, 'Individual and moderated scores');
    s.paragraph(
      `Each evaluator scored the answers assigned to them and justified each score. Scores ${scaleScore(moderation.spreadThreshold)} or more points apart were flagged for moderation. The moderator agreed a consensus score with a note; the individual scores stay on record unchanged.`,
    );
    if (byCriterion.size === 0) s.paragraph('No score has been submitted yet.');
    for (const [criterionId, items] of byCriterion) {
      const criterion = ctx.criterion(criterionId);
      s.group('Sect', (c) => {
        c.heading(2, `${criterion.name}${criterion.weight !== null ? ` (${formatPercent(criterion.weight)} of the total)` : ''}`);
        const a = agreement.get(criterionId);
        if (a)
          c.paragraph([
            { text: 'Agreement: ', bold: true },
            {
              text: `${a.alpha === null ? 'Krippendorff’s α cannot be computed' : `Krippendorff’s α = ${formatNumber(a.alpha, 3)}`}. ${a.reading}`,
            },
          ]);
        for (const item of items) itemBlock(c, ctx, item);
      });
    }
  });
}

function itemBlock(doc: PdfLayout, ctx: ReportContext, item: ModerationItem): void {
  doc.group('Div', (d) => {
    d.heading(3, ctx.bidder(item.responseId), { toc: false });
    const spread = item.spread === null ? 'One score only' : `Spread ${scaleScore(item.spread)}`;
    d.paragraph(item.flagged ? [{ text: `${spread}: flagged for moderation`, bold: true }] : `${spread}: not flagged`, {
      style: 'secondary',
      spaceBefore: 2,
    });
    const rows: Inline[][] = item.scores.map((sc) => [
      sc.evaluatorName,
      scaleScore(sc.score),
      sc.justification.trim() || 'No justification recorded',
      sc.submittedAt ? formatShortDate(sc.submittedAt) : 'Not submitted',
    ]);
    if (item.consensus)
      rows.push([
        [{ text: 'Consensus', bold: true }],
        [{ text: scaleScore(item.consensus.score), bold: true }],
        item.consensus.note.trim() || 'No note recorded',
        `${ctx.person(item.consensus.moderatedBy)}, ${formatShortDate(item.consensus.moderatedAt)}`,
      ]);
    else rows.push([[{ text: 'Consensus', bold: true }], '–', 'Not yet agreed', '']);
    d.table(
      [
        { header: 'Evaluator', width: 1.1 },
        { header: 'Score', width: 0.75, align: 'right' },
        { header: 'Justification or note', width: 4 },
        { header: 'Recorded', width: 1.3 },
      ],
      rows,
      { rowHeaders: true },
    );
  });
}

/** The moderator's view in figures: flagged spreads, evaluators out of line, agreement per criterion. */
export function moderationSection(doc: PdfLayout, ctx: ReportContext): void {
  const { moderation } = ctx.report;
  const flagged = moderation.items.filter((i) => i.flagged);
  doc.group('Sect', (s) => {
    s.heading(1, 'Moderation checks');
    s.heading(2, 'Flagged spreads');
    if (flagged.length === 0) s.paragraph(`No pair of scores was ${scaleScore(moderation.spreadThreshold)} or more points apart.`);
    else
      s.table(
        [
          { header: 'Criterion', width: 2 },
          { header: 'Bid', width: 2 },
          { header: 'Scores', width: 1 },
          { header: 'Spread', width: 0.85, align: 'right' },
          { header: 'Consensus', width: 1.15, align: 'right' },
        ],
        flagged.map((i) => [
          ctx.criterion(i.criterionId).name,
          ctx.bidder(i.responseId),
          i.scores.map((sc) => scaleScore(sc.score)).join(', '),
          scaleScore(i.spread),
          i.consensus ? scaleScore(i.consensus.score) : 'Not yet',
        ]),
        { caption: `${plural(flagged.length, 'item')} flagged for moderation` },
      );
    s.heading(2, 'Evaluator offsets');
    s.paragraph(
      `Each evaluator’s mean difference from the other evaluators’ scores of the same answers. An evaluator is out of line when the mean is at least ${scaleScore(moderation.spreadThreshold / 2)} point${moderation.spreadThreshold / 2 === 1 ? '' : 's'} either way over two answers or more.`,
    );
    if (moderation.offsets.length > 0)
      s.table(
        [
          { header: 'Evaluator', width: 2 },
          { header: 'Answers compared', width: 1, align: 'right' },
          { header: 'Mean offset', width: 1, align: 'right' },
          { header: 'Out of line', width: 1 },
        ],
        moderation.offsets.map((o): Inline[] => [
          o.evaluatorName,
          String(o.items),
          `${o.meanOffset > 0 ? '+' : ''}${formatNumber(o.meanOffset, 2)}`,
          o.outOfLine ? [{ text: 'Yes', bold: true }] : 'No',
        ]),
        { rowHeaders: true },
      );
    s.heading(2, 'Agreement between evaluators');
    s.paragraph(
      'Krippendorff’s alpha for ordinal data: 1 is perfect agreement, 0 is no better than chance. Krippendorff advises relying on α of 0.8 or more and drawing only tentative conclusions from 0.667 to 0.8.',
    );
    if (moderation.agreement.length > 0)
      s.table(
        [
          { header: 'Criterion', width: 2 },
          { header: 'α', width: 0.6, align: 'right' },
          { header: 'How to read it', width: 4 },
        ],
        moderation.agreement.map((a) => [a.criterionName, a.alpha === null ? '–' : formatNumber(a.alpha, 3), a.reading]),
        { rowHeaders: true },
      );
  });
}
