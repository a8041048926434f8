import { checkedTexts, publishedTenderDetail, type PublishedTenderRecord, type TenderStatus } from '@openbrief/contracts';
import { smallSupplierVerdict, type SmallSupplierVerdict } from '@openbrief/spec-check';
import { PublishedTender } from './entities/published-tender.entity';
import { NO_DEADLINE, NO_VALUE_HIGH, NO_VALUE_LOW } from './search/public-search';
import { indexText } from './search/search-words';
import type { SearchDocument } from './search/tender-search';

/**
 * The list's summary of a published record: the only place that decides what the list shows and what a tender
 * is found by. `status` is the tender's status now (a newly published version is always `published`).
 * The small-supplier verdict is the checker's, made here once at publication.
 */
export function listingOf(
  record: PublishedTenderRecord,
  options: { largeTenderValue?: number; status?: TenderStatus | string } = {},
): PublishedTender {
  const c = record.content;
  const verdict = opennessOf(record, options.largeTenderValue);
  const deadline = c.timetable.submissionDeadline ? new Date(c.timetable.submissionDeadline) : null;
  const pence = c.estimatedValue === null ? null : Math.round(c.estimatedValue * 100);
  return {
    tenderId: record.tenderId,
    version: record.version,
    reference: record.reference,
    title: c.title,
    buyerName: record.buyer.name,
    summary: c.summary,
    estimatedValue: c.estimatedValue,
    currency: c.budget.currency,
    submissionDeadline: deadline,
    publishedAt: new Date(record.publishedAt),
    status: options.status ?? 'published',
    mainCategory: c.mainCategory,
    regions: regionsColumn(c.regions),
    closingKey: deadline ?? NO_DEADLINE,
    valueHighKey: pence ?? NO_VALUE_HIGH,
    valueLowKey: pence ?? NO_VALUE_LOW,
    smeSuitable: verdict.suitableForSmallSuppliers,
    opennessScore: verdict.score,
    readingAge: verdict.readingAge,
    smeReasons: JSON.stringify(verdict.reasons),
  };
}

/** The checker's verdict on the record: its openness score, reading age and small-supplier tests. */
export function opennessOf(record: PublishedTenderRecord, largeTenderValue?: number): SmallSupplierVerdict {
  // The texts suppliers read besides the outcomes, keyed as the publication check keys them; status does not matter to the texts.
  const detail = publishedTenderDetail(record, { status: 'published' as TenderStatus, createdAt: record.publishedAt });
  return smallSupplierVerdict(record.content, checkedTexts(detail), { largeTenderValue });
}

/** What the tender is found by: title, summary, every requirement outcome and the buyer's name. */
export function searchDocumentOf(record: PublishedTenderRecord): SearchDocument {
  const c = record.content;
  return {
    title: indexText(c.title),
    summary: indexText(c.summary),
    outcomes: indexText(c.lots.flatMap((l) => l.requirements.map((r) => r.outcome)).join('\n')),
    buyer: indexText(record.buyer.name),
  };
}

/** Regions as the column holds them: `|TLC|TLI|`, so one region is found with LIKE '%|TLC|%'; '' for anywhere in the UK. */
export function regionsColumn(regions: readonly string[]): string {
  return regions.length ? `|${[...regions].sort().join('|')}|` : '';
}

export function regionsOf(column: string): string[] {
  return column.split('|').filter(Boolean);
}
