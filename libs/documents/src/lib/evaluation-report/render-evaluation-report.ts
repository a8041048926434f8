import type { EvaluationReport } from '@openbrief/contracts';
import { PdfLayout, type RenderToBufferResult } from '../layout/pdf-layout';
import { COLOURS } from '../layout/theme';
import { formatDateTime } from '../tender-pack/format';
import { reportContext, STAGE_LABELS } from './context';
import { awardSection } from './sections/award';
import { conflictsSection, gatesSection, panelSection } from './sections/panel';
import { priceSection, sensitivitySection, totalsSection } from './sections/results';
import { moderationSection, scaleSection, scoresSection } from './sections/scores';

export interface EvaluationReportOptions {
  /** ISO 4217 code of the tender's prices; without it prices print as plain amounts. */
  currency?: string | null;
}

/**
 * The evaluation report for the file: everything a challenge would ask about, from the panel and its conflicts to
 * the award and the standstill, built only from what was recorded. Stamped with `generatedAt`, never "now", so the
 * same records always give the same bytes.
 */
export function buildEvaluationReport(report: EvaluationReport, options: EvaluationReportOptions = {}): PdfLayout {
  const generatedAt = new Date(report.generatedAt);
  if (Number.isNaN(generatedAt.getTime())) throw new TypeError('buildEvaluationReport: generatedAt must be a valid ISO 8601 date');
  const ctx = reportContext(report, options.currency ?? null);
  const title = report.tender.title.trim() || report.tender.reference;
  const lot = `Lot ${report.lot.number}: ${report.lot.title}`;
  const doc = new PdfLayout({
    title: `Evaluation report – ${report.tender.reference} – Lot ${report.lot.number}`,
    lang: 'en-GB',
    author: report.tender.buyerName,
    subject: `Evaluation of ${lot} of ${title}`,
    keywords: report.tender.reference,
    creationDate: generatedAt,
    header: () => ({ left: `Evaluation report · ${report.tender.reference} · Lot ${report.lot.number}`, right: 'OFFICIAL-SENSITIVE' }),
    footer: (page) => ({ left: report.tender.buyerName, right: `Page ${page.number} of ${page.count}` }),
  });

  doc.rule({ thickness: 10, color: COLOURS.brand, spaceAfter: 30 });
  doc.paragraph('Evaluation report', { style: 'kicker', spaceBefore: 0 });
  doc.heading(1, title, { display: true, toc: false, bookmark: true });
  doc.paragraph(report.tender.buyerName, { style: 'lead', spaceBefore: 10 });
  doc.keyValueTable(
    [
      ['Reference', report.tender.reference],
      ['Lot', lot],
      ['Stage', STAGE_LABELS[report.panel.stage] ?? report.panel.stage],
      ['Result', report.results.complete ? 'Every answer moderated: the totals are final' : 'Provisional: moderation is not complete'],
      ['Awarded to', report.award ? report.award.supplierName : 'No award decision yet'],
      ['Report generated', formatDateTime(report.generatedAt)],
      ['Scoring library', `@openbrief/scoring version ${report.results.scoringVersion}`],
    ],
    { labelWidth: 0.9 },
  );
  doc.paragraph(
    `The same scores and weights always give the same totals with version ${report.results.scoringVersion} of the scoring library. This report is commercially sensitive: keep it with the procurement file.`,
    { style: 'secondary' },
  );
  doc.contents();

  panelSection(doc, ctx);
  conflictsSection(doc, ctx);
  gatesSection(doc, ctx);
  scaleSection(doc, ctx);
  scoresSection(doc, ctx);
  moderationSection(doc, ctx);
  priceSection(doc, ctx);
  totalsSection(doc, ctx);
  sensitivitySection(doc, ctx);
  awardSection(doc, ctx);
  return doc;
}

/** The report with its SHA-256 and page count (for storing and showing next to the download). */
export function renderEvaluationReportToBuffer(report: EvaluationReport, options?: EvaluationReportOptions): Promise<RenderToBufferResult> {
  return buildEvaluationReport(report, options).renderToBuffer();
}

export async function renderEvaluationReport(report: EvaluationReport, options?: EvaluationReportOptions): Promise<Buffer> {
  return (await renderEvaluationReportToBuffer(report, options)).pdf;
}
