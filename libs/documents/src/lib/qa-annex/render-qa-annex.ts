import { PdfLayout, type RenderToBufferResult } from '../layout/pdf-layout';
import { formatDateTime, formatShortDate } from '../tender-pack/format';

/** One published answer as the annex prints it: no asker, no organisation (the input has no place for them). */
export interface QaAnnexEntry {
  /** Order of publication, from 1. */
  number: number;
  question: string;
  answer: string;
  /** ISO 8601 instant. */
  publishedAt: string;
}

export interface QaAnnexInput {
  reference: string;
  title: string;
  buyerName: string;
  /** ISO 8601, or null when the tender has none. */
  clarificationDeadline: string | null;
  answersPublishedBy: string | null;
  entries: QaAnnexEntry[];
  /**
   * The moment stamped into the file: the latest answer's publication (or the tender's), never "now", so the
   * same answers always give the same bytes and the ETag holds.
   */
  generatedAt: Date;
}

/**
 * The clarification questions and answers of a tender, on their own: what a supplier downloads to read every
 * published answer in one place, between versions of the tender pack (whose Annex A prints the same answers).
 */
export function buildQaAnnex(input: QaAnnexInput): PdfLayout {
  if (!(input.generatedAt instanceof Date) || Number.isNaN(input.generatedAt.getTime())) {
    throw new TypeError('buildQaAnnex: generatedAt must be a valid Date (the latest answer’s publication)');
  }
  const title = input.title.trim() || 'Untitled tender';
  const doc = new PdfLayout({
    title: `${title} – clarification questions and answers`,
    lang: 'en-GB',
    author: input.buyerName,
    subject: `Clarification questions and answers for ${input.reference}`,
    keywords: input.reference,
    creationDate: input.generatedAt,
    runningOnFirstPage: true,
    header: () => ({ left: title, right: `${input.reference} · Questions and answers` }),
    footer: (page) => ({ left: input.buyerName, right: `Page ${page.number} of ${page.count}` }),
  });
  doc.paragraph('Clarification questions and answers', { style: 'kicker', spaceBefore: 0 });
  doc.heading(1, title, { toc: false, bookmark: true });
  doc.paragraph(input.buyerName, { style: 'lead', spaceBefore: 6 });
  doc.keyValueTable(
    [
      ['Reference', input.reference],
      ['Questions close', input.clarificationDeadline ? formatDateTime(input.clarificationDeadline) : 'No date set'],
      ['Answers published by', input.answersPublishedBy ? formatDateTime(input.answersPublishedBy) : 'No date set'],
      ['Answers in this file', String(input.entries.length)],
    ],
    { labelWidth: 0.9 },
  );
  const entries = [...input.entries].sort((a, b) => a.number - b.number);
  doc.group('Sect', (s) => {
    s.heading(2, 'Answers', { toc: false });
    if (entries.length === 0) {
      s.paragraph('No clarification questions have been answered yet. Published answers appear here as soon as the buyer publishes them.');
      return;
    }
    s.paragraph('Questions are published as asked, without saying who asked them. Every supplier reads the same answers.');
    for (const entry of entries) {
      s.group('Div', (g) => {
        g.heading(3, `Question ${entry.number}`, { toc: false });
        g.prose(entry.question.trim() || '(No question text)');
        g.paragraph([{ text: 'Answer', bold: true }], { spaceBefore: 6, keepWithNext: true });
        g.prose(entry.answer);
        g.paragraph(`Published ${formatShortDate(entry.publishedAt)}`, { style: 'secondary', spaceBefore: 3 });
      });
    }
  });
  return doc;
}

/** The annex in memory with its SHA-256 (for the ETag). */
export function renderQaAnnexToBuffer(input: QaAnnexInput): Promise<RenderToBufferResult> {
  return buildQaAnnex(input).renderToBuffer();
}
