import { ITL_REGIONS, type PublishedTenderContent, type PublishedTenderRecord, VatBasis } from '@openbrief/contracts';
import type { TenderReleaseContext } from './inputs';
import { awardCriteria, PROCUREMENT_METHOD_DETAILS, PROCUREMENT_METHODS, RELEASE_IDS } from './mappings';
import { instant, OcdsInputError } from './ocds-errors';
import type { OcdsDocument, OcdsItem, OcdsProcurementCategory, OcdsRelease, OcdsTender, OcdsValue } from './ocds.types';
import { party, partyReference } from './parties';

/**
 * The category, regions and engagement texts came into the record with issue 15; the record reader gives older
 * records `services`, no region and no rationale, and so does this mapping if a caller skipped the reader.
 */
const classification = (c: PublishedTenderContent) => ({
  ...c,
  mainCategory: (c.mainCategory ?? 'services') as OcdsProcurementCategory,
  regions: c.regions ?? [],
  noEngagementReason: c.noEngagementReason ?? null,
});

/** The `tender` release of a tender's first publication (version 1). */
export function tenderRelease(record: PublishedTenderRecord, context: TenderReleaseContext): OcdsRelease {
  if (record.version !== 1)
    throw new OcdsInputError(`Version ${record.version} of ${record.ocid} is a change to the tender: make a tenderUpdate release.`);
  return versionRelease(record, context, 'tender');
}

/**
 * The `tenderUpdate` release of a later version (a corrigendum): the whole tender as that version published it, and
 * an amendment whose rationale is the change note, pointing at the release it amends.
 */
export function tenderUpdateRelease(record: PublishedTenderRecord, context: TenderReleaseContext): OcdsRelease {
  if (record.version < 2)
    throw new OcdsInputError(`Version ${record.version} of ${record.ocid} is the first publication: make a tender release.`);
  if (!record.changeNote?.trim()) throw new OcdsInputError(`Version ${record.version} of ${record.ocid} has no change note.`);
  const release = versionRelease(record, context, 'tenderUpdate');
  release.tender!.amendments = [
    {
      id: String(record.version),
      date: record.publishedAt,
      rationale: record.changeNote.trim(),
      amendsReleaseID: RELEASE_IDS.tenderVersion(record.ocid, record.version - 1),
      releaseID: release.id,
    },
  ];
  return release;
}

/** The release of any published version: `tender` for the first, `tenderUpdate` for the others. */
export function publishedVersionRelease(record: PublishedTenderRecord, context: TenderReleaseContext): OcdsRelease {
  return record.version === 1 ? tenderRelease(record, context) : tenderUpdateRelease(record, context);
}

function versionRelease(record: PublishedTenderRecord, context: TenderReleaseContext, tag: 'tender' | 'tenderUpdate'): OcdsRelease {
  const c = classification(record.content);
  const buyer = { ...context.buyer, id: record.buyer.id, name: record.buyer.name };
  const noEngagement = c.noEngagementReason?.trim();
  return {
    ocid: record.ocid,
    id: RELEASE_IDS.tenderVersion(record.ocid, record.version),
    date: record.publishedAt,
    tag: [tag],
    initiationType: 'tender',
    language: 'en',
    parties: [party(buyer, ['buyer', 'procuringEntity'], c.contact)],
    buyer: partyReference(buyer),
    ...(noEngagement ? { planning: { noEngagementNoticeRationale: noEngagement } } : {}),
    tender: tenderOf(record, context),
  };
}

function tenderOf(record: PublishedTenderRecord, context: TenderReleaseContext): OcdsTender {
  const c = classification(record.content);
  const t = c.timetable;
  const single = c.lots.length === 1 && c.singleLotReason?.trim();
  const tender: OcdsTender = {
    id: record.tenderId,
    title: c.title,
    ...(c.summary.trim() ? { description: c.summary.trim() } : {}),
    // Every version is published while the tender takes bids: later states come with the award releases.
    status: 'active',
  };
  const value = money(c.estimatedValue ?? c.budget.max, c.budget.currency, c.budget.vatBasis);
  if (value) tender.value = value;
  const minValue = money(c.budget.min, c.budget.currency, c.budget.vatBasis);
  if (minValue) tender.minValue = minValue;
  Object.assign(tender, {
    procurementMethod: PROCUREMENT_METHODS[c.procedure],
    procurementMethodDetails: PROCUREMENT_METHOD_DETAILS[c.procedure],
    mainProcurementCategory: c.mainCategory,
    submissionMethod: ['electronicSubmission'],
    submissionMethodDetails: `Through Openbrief: ${context.noticeUrl}`,
    tenderPeriod: period(context.firstPublishedAt, t.submissionDeadline),
  });
  if (t.clarificationDeadline) tender.enquiryPeriod = period(context.firstPublishedAt, t.clarificationDeadline);
  if (context.hasEnquiries !== undefined) tender.hasEnquiries = context.hasEnquiries;
  if (t.evaluationStart || t.expectedAward) tender.awardPeriod = period(t.evaluationStart, t.expectedAward);
  if (t.contractStart || c.contract.lengthMonths) {
    tender.contractPeriod = {
      ...(t.contractStart ? { startDate: instant(t.contractStart) } : {}),
      ...(c.contract.lengthMonths ? { durationInMonths: c.contract.lengthMonths } : {}),
    };
  }
  tender.items = c.lots.map((lot) => itemOf(lot.id, lot.title, c.regions));
  tender.lots = c.lots.map((lot) => {
    const lotValue = money(lot.estimatedValue, c.budget.currency, c.budget.vatBasis);
    const criteria = awardCriteria(lot.evaluationModel.criteria, lot.evaluationModel.priceMethod);
    return {
      id: lot.id,
      title: lot.title,
      ...(lot.description.trim() ? { description: lot.description.trim() } : {}),
      status: 'active' as const,
      ...(lotValue ? { value: lotValue } : {}),
      ...(criteria.length ? { awardCriteria: { criteria } } : {}),
    };
  });
  if (single) tender.lotDetails = { noLotsDivisionRationale: single };
  tender.documents = documentsOf(record, context);
  return tender;
}

/** The tender notice (the public page, UK4) and this version's pack, with its SHA-256. */
function documentsOf(record: PublishedTenderRecord, context: TenderReleaseContext): OcdsDocument[] {
  const notice: OcdsDocument = {
    id: `tender-notice-${record.version}`,
    documentType: 'tenderNotice',
    title:
      record.version === 1 ? `Tender notice: ${record.content.title}` : `Tender notice, version ${record.version}: ${record.content.title}`,
    url: context.noticeUrl,
    datePublished: record.publishedAt,
    format: 'text/html',
    language: 'en',
    noticeType: 'UK4',
  };
  const pack: OcdsDocument = {
    id: `tender-pack-${record.version}`,
    documentType: 'biddingDocuments',
    title: `Tender pack, version ${record.version}`,
    // OCDS 1.1 documents have no hash field: the SHA-256 goes in the description, as the pack's download says it too.
    ...(context.packSha256 ? { description: `SHA-256 of the file: ${context.packSha256}` } : {}),
    url: context.packUrl,
    datePublished: record.publishedAt,
    format: 'application/pdf',
    language: 'en',
  };
  return [notice, pack];
}

/** One item per lot, where it is delivered (ITL 1 regions, as Find a Tender publishes them). */
function itemOf(lotId: string, title: string, regions: readonly string[]): OcdsItem {
  const known = regions.filter((code) => ITL_REGIONS.some((r) => r.code === code));
  return {
    id: `${lotId}-item`,
    description: title,
    relatedLot: lotId,
    ...(known.length ? { deliveryAddresses: known.map((region) => ({ region, countryName: 'United Kingdom' })) } : {}),
  };
}

function money(amount: number | null, currency: string, vatBasis: VatBasis): OcdsValue | null {
  if (amount === null || amount === undefined) return null;
  return vatBasis === VatBasis.IncludingVat ? { amountGross: amount, currency } : { amount, currency };
}

function period(startDate: string | null, endDate: string | null) {
  return { ...(startDate ? { startDate: instant(startDate) } : {}), ...(endDate ? { endDate: instant(endDate) } : {}) };
}
