import type { TenderDetail } from '@openbrief/contracts';
import { PdfLayout, type RenderResult, type RenderStreamOptions, type RenderToBufferResult } from '../layout/pdf-layout';
import type { PackContext, TenderPackOptions } from './context';
import { numberTender } from './numbering';
import { addClarifications, addJustifications } from './sections/annexes';
import { addCover } from './sections/cover';
import { addEvaluation } from './sections/evaluation';
import { addLots } from './sections/lots';
import { addProblem, addSummary } from './sections/overview';
import { addResponding } from './sections/responding';
import { addResponseTemplate } from './sections/template';
import { addTimetable } from './sections/timetable';

/**
 * Lays out the tender pack: what a supplier downloads to decide whether to bid and how to respond.
 * Returned unrendered so callers (and tests) can render it to a stream or a buffer.
 */
export function buildTenderPack(tender: TenderDetail, options: TenderPackOptions): PdfLayout {
  if (!(options.generatedAt instanceof Date) || Number.isNaN(options.generatedAt.getTime())) {
    throw new TypeError("renderTenderPack: options.generatedAt must be a valid Date (use the version's publishedAt)");
  }
  const { lots, byId } = numberTender(tender);
  const pack: PackContext = { tender, options, lots, numbers: byId, currency: tender.budget?.currency || 'GBP' };
  const version = `Version ${options.version}${options.draft ? ' · DRAFT' : ''}`;
  const title = tender.title.trim() || 'Untitled tender';
  const doc = new PdfLayout({
    title: `${title} – tender pack`,
    lang: 'en-GB',
    author: tender.buyer.name,
    subject: `Tender pack for ${tender.reference}, version ${options.version}${options.draft ? ' (draft)' : ''}`,
    keywords: tender.reference,
    creationDate: options.generatedAt,
    watermark: options.draft ? 'DRAFT' : null,
    header: () => ({ left: title, right: `${tender.reference} · ${version}` }),
    footer: (page) => ({ left: tender.buyer.name, right: `Page ${page.number} of ${page.count}` }),
  });

  addCover(doc, pack);
  doc.pageBreak();
  doc.heading(1, 'Contents', { toc: false });
  doc.contents();
  addSummary(doc, pack);
  addProblem(doc, pack);
  addLots(doc, pack);
  addEvaluation(doc, pack);
  addTimetable(doc, pack);
  addResponding(doc, pack);
  addClarifications(doc, pack);
  addJustifications(doc, pack);
  addResponseTemplate(doc, pack);
  return doc;
}

/**
 * Streams the tender pack to `out` page by page and resolves when the file is complete, with its page
 * count, size and SHA-256 (computed on the bytes as they were written).
 */
export async function renderTenderPack(
  tender: TenderDetail,
  options: TenderPackOptions,
  out: NodeJS.WritableStream,
  streamOptions?: RenderStreamOptions,
): Promise<RenderResult> {
  return buildTenderPack(tender, options).render(out, streamOptions);
}

/** The pack in memory with its SHA-256, e.g. to store a published version and show its hash. */
export async function renderTenderPackToBuffer(tender: TenderDetail, options: TenderPackOptions): Promise<RenderToBufferResult> {
  return buildTenderPack(tender, options).renderToBuffer();
}
