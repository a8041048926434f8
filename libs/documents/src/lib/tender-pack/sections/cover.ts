import type { Inline } from '../../layout/text';
import { COLOURS } from '../../layout/theme';
import type { PdfLayout } from '../../layout/pdf-layout';
import { lotTitle, type PackContext } from '../context';
import { formatDate, formatDateTime, formatMoney, formatShortDate, PROCEDURE_LABELS } from '../format';

/** Page 1: what this is, whose it is, which version, the dates and the money. */
export function addCover(doc: PdfLayout, pack: PackContext): void {
  const { tender, options } = pack;
  doc.rule({ thickness: 10, color: COLOURS.brand, spaceAfter: 30 });
  doc.paragraph(options.draft ? 'Tender pack – draft' : 'Tender pack', { style: 'kicker', spaceBefore: 0 });
  doc.heading(1, tender.title.trim() || 'Untitled tender', { display: true, toc: false, bookmark: true });
  doc.paragraph(tender.buyer.name, { style: 'lead', spaceBefore: 10 });

  const version = options.draft
    ? `Version ${options.version} (draft, generated ${formatShortDate(options.generatedAt.toISOString())})`
    : tender.publishedAt
      ? `Version ${options.version}, published ${formatShortDate(tender.publishedAt)}`
      : `Version ${options.version}`;
  const rows: [Inline, Inline][] = [
    ['Reference', tender.reference],
    ['Version', version],
  ];
  if (tender.estimatedValue != null) rows.push(['Estimated value', `${formatMoney(tender.estimatedValue, pack.currency)} (excluding VAT)`]);
  if (pack.lots.length > 0) rows.push(['Lots', pack.lots.map((l) => lotTitle(l.lot)).join('\n')]);
  const t = tender.timetable;
  if (t.clarificationDeadline) rows.push(['Questions close', formatDateTime(t.clarificationDeadline)]);
  if (t.answersPublishedBy) rows.push(['Answers published by', formatDateTime(t.answersPublishedBy)]);
  if (t.submissionDeadline) rows.push(['Deadline for bids', [{ text: formatDateTime(t.submissionDeadline), bold: true }]]);
  if (t.contractStart) rows.push(['Contract starts', formatDate(t.contractStart)]);
  rows.push(['Procedure', PROCEDURE_LABELS[tender.procedure] ?? String(tender.procedure)]);
  rows.push(['Contact', `${tender.contact.name}, ${tender.contact.email}`]);
  doc.keyValueTable(rows, { labelWidth: 0.9 });

  if (options.draft) {
    doc.callout('important', ['This pack was made from a draft. It has not been published and may change. Do not prepare a bid from it.'], {
      title: 'Draft – not for publication',
    });
  } else {
    doc.callout(
      'info',
      [
        'Requirements are numbered by lot: 1.3 is requirement 3 in lot 1. Use these numbers in your response so evaluators can find your answer.',
        'Check the version and its SHA-256 fingerprint against the tender’s page before you rely on this file.',
      ],
      { title: 'Using this pack' },
    );
  }
}
