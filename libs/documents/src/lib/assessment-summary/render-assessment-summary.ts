import type { AssessmentCriterion, AssessmentSummary, ScaleDescriptor, ScoringScale } from '@openbrief/contracts';
import { PdfLayout, type RenderToBufferResult } from '../layout/pdf-layout';
import type { Inline } from '../layout/text';
import { COLOURS } from '../layout/theme';
import { formatPercent, formatShortDate, scaleMaximum } from '../tender-pack/format';
import { points, scaleScore } from '../evaluation-report/context';

/** What the summary needs besides the AssessmentSummary record: names, the scale, and what reg 31 adds. */
export interface AssessmentSummaryContext {
  tenderReference: string;
  tenderTitle: string;
  buyerName: string;
  lotNumber: number;
  lotTitle: string;
  scale: ScoringScale;
  descriptors: ScaleDescriptor[];
  /** ISO 8601: stamped into the file, so the issued PDF's SHA-256 can be checked later. */
  issuedAt: string;
  /**
   * The successful supplier's own summary. Procurement Act 2023 s50(4)(b) and reg 31(3) require an unsuccessful
   * supplier's summary to include the assessment of the most advantageous tender (its scores and their explanations).
   */
  mostAdvantageous?: AssessmentSummary | null;
  /** Reg 31(2)(d)(ii): where the award criteria and assessment methodology can be read in full. */
  criteriaPublishedAt?: string | null;
  /** Reg 31(2)(a)–(c): the supplier's contact address, email and unique identifier, when recorded. */
  supplierDetails?: { postalAddress?: string | null; email?: string | null; identifier?: string | null } | null;
}

/**
 * An assessment summary (Procurement Regulations 2024 reg 31) for one supplier, in plain English: the award criteria
 * with their weights and how each was scored, the supplier's scores with the reasons, the total, and for an
 * unsuccessful supplier why it did not win and how the winning tender was assessed.
 */
export function buildAssessmentSummary(summary: AssessmentSummary, context: AssessmentSummaryContext): PdfLayout {
  const issuedAt = new Date(context.issuedAt);
  if (Number.isNaN(issuedAt.getTime())) throw new TypeError('buildAssessmentSummary: issuedAt must be a valid ISO 8601 date');
  const scaleMax = scaleMaximum(context.scale);
  const title = context.tenderTitle.trim() || context.tenderReference;
  const disqualified = !summary.successful && summary.rank === null;
  const doc = new PdfLayout({
    title: `Assessment summary – ${summary.supplierName} – ${context.tenderReference} Lot ${context.lotNumber}`,
    lang: 'en-GB',
    author: context.buyerName,
    subject: `How ${summary.supplierName}’s tender for ${title}, lot ${context.lotNumber}, was assessed`,
    keywords: context.tenderReference,
    creationDate: issuedAt,
    watermark: summary.status === 'draft' ? 'DRAFT' : null,
    header: () => ({ left: `Assessment summary · ${context.tenderReference}`, right: summary.supplierName }),
    footer: (page) => ({ left: context.buyerName, right: `Page ${page.number} of ${page.count}` }),
  });

  doc.rule({ thickness: 10, color: COLOURS.brand, spaceAfter: 30 });
  doc.paragraph('Assessment summary', { style: 'kicker', spaceBefore: 0 });
  doc.heading(1, title, { display: true, toc: false, bookmark: true });
  doc.paragraph(context.buyerName, { style: 'lead', spaceBefore: 10 });
  const facts: [Inline, Inline][] = [
    ['Supplier', summary.supplierName],
    ['Tender reference', context.tenderReference],
    ['Lot', `Lot ${context.lotNumber}: ${context.lotTitle}`],
    ['Outcome', summary.successful ? 'Successful' : disqualified ? 'Unsuccessful: disqualified' : 'Unsuccessful'],
    ['Your total score', disqualified ? 'Not scored in full' : `${points(summary.total)} out of 100`],
    ['Date issued', formatShortDate(context.issuedAt)],
  ];
  const details = context.supplierDetails;
  if (details?.postalAddress) facts.splice(1, 0, ['Address', details.postalAddress]);
  if (details?.email) facts.splice(2, 0, ['Email', details.email]);
  if (details?.identifier) facts.splice(3, 0, ['Supplier identifier', details.identifier]);
  doc.keyValueTable(facts, { labelWidth: 0.9 });
  doc.paragraph(
    'This summary explains how your tender was assessed against the award criteria published in the tender, as the Procurement Act 2023 (section 50) and the Procurement Regulations 2024 (regulation 31) require.',
  );

  doc.group('Sect', (s) => {
    s.heading(2, 'The outcome');
    if (summary.successful) {
      s.callout('success', ['Your tender was the most advantageous tender. The buyer intends to award the contract to you.'], {
        title: 'Successful',
      });
    } else {
      s.callout('info', [`Your tender was not successful. The buyer intends to award the contract to ${summary.winnerName}.`], {
        title: 'Unsuccessful',
      });
      s.paragraph([{ text: 'Why your tender did not win', bold: true }], { keepWithNext: true });
      s.prose(summary.whyNotSuccessful?.trim() || 'Your tender scored lower in total than the successful tender.');
    }
  });

  doc.group('Sect', (s) => {
    s.heading(2, 'How tenders were assessed');
    s.paragraph(
      `Each criterion’s weight is its share of the 100 marks available. Quality answers were scored from 0 to ${scaleMax}; a score earns that share of the criterion’s weight (score ÷ ${scaleMax} × weight).`,
    );
    s.table(
      [
        { header: 'Criterion', width: 2 },
        { header: 'Weight', width: 0.7, align: 'right' },
        { header: 'How it was scored', width: 3.3 },
      ],
      summary.criteria.map((c) => [c.name, formatPercent(c.weight), c.scoringScheme]),
      { caption: 'Award criteria', rowHeaders: true },
    );
    if (context.descriptors.length > 0)
      s.table(
        [
          { header: 'Score', width: 0.75, align: 'right' },
          { header: 'Meaning', width: 1.2 },
          { header: 'Description', width: 4 },
        ],
        [...context.descriptors].sort((a, b) => b.score - a.score).map((d) => [scaleScore(d.score), d.label, d.description]),
        { caption: 'What each score means' },
      );
    s.paragraph(
      context.criteriaPublishedAt
        ? `The award criteria and how they were to be assessed are set out in full in ${context.criteriaPublishedAt}.`
        : `The award criteria and how they were to be assessed are set out in full in the tender documents for ${context.tenderReference}.`,
      { style: 'secondary' },
    );
  });

  assessmentOf(doc, 'Your scores', summary, scaleMax, context.descriptors);
  const winner = context.mostAdvantageous;
  if (!summary.successful && winner && winner.responseId !== summary.responseId)
    assessmentOf(doc, `The successful tender: ${winner.supplierName}`, winner, scaleMax, context.descriptors);

  doc.group('Sect', (s) => {
    s.heading(2, 'What happens next');
    s.paragraph(
      'The buyer will publish a contract award notice. The contract cannot be entered into until a standstill period of at least eight working days, beginning with the day the notice is published, has ended. If you have questions about this summary, contact the buyer before the standstill ends.',
    );
  });
  return doc;
}

function descriptorLabel(score: number | null, descriptors: ScaleDescriptor[]): string {
  if (score === null) return '';
  const d = descriptors.find((x) => x.score === score);
  return d ? ` (${d.label})` : '';
}

/** One tender's scores, total and the explanation of each score. */
function assessmentOf(doc: PdfLayout, heading: string, summary: AssessmentSummary, scaleMax: number, descriptors: ScaleDescriptor[]): void {
  const scored = (c: AssessmentCriterion) =>
    c.score === null ? 'Not scored on the scale' : `${scaleScore(c.score)} of ${scaleMax}${descriptorLabel(c.score, descriptors)}`;
  doc.group('Sect', (s) => {
    s.heading(2, heading);
    if (summary.criteria.length === 0) {
      s.paragraph('This tender was not scored against the award criteria: it was disqualified before scoring.');
      return;
    }
    const rows: Inline[][] = summary.criteria.map((c) => [c.name, scored(c), `${points(c.points)} of ${points(c.weight)}`]);
    rows.push([[{ text: 'Total', bold: true }], '', [{ text: `${points(summary.total)} of 100`, bold: true }]]);
    s.table(
      [
        { header: 'Criterion', width: 2.4 },
        { header: 'Score', width: 1.6 },
        { header: 'Points', width: 1.3, align: 'right' },
      ],
      rows,
      { caption: `Scores of ${summary.supplierName}`, rowHeaders: true },
    );
    for (const c of summary.criteria) {
      s.group('Div', (d) => {
        d.heading(3, c.name, { toc: false });
        d.paragraph(`${scored(c)}: ${points(c.points)} of ${points(c.weight)} points.`, { style: 'secondary', spaceBefore: 2 });
        d.prose(c.explanation.trim() || 'No explanation recorded.');
      });
    }
  });
}

export function renderAssessmentSummaryToBuffer(
  summary: AssessmentSummary,
  context: AssessmentSummaryContext,
): Promise<RenderToBufferResult> {
  return buildAssessmentSummary(summary, context).renderToBuffer();
}

export async function renderAssessmentSummary(summary: AssessmentSummary, context: AssessmentSummaryContext): Promise<Buffer> {
  return (await renderAssessmentSummaryToBuffer(summary, context)).pdf;
}
