/**
 * The parts of OCDS 1.1 (with the lots, awardCriteria, bid and UK extensions) that Openbrief publishes.
 * Field names and codes are the standard's; a field we never write is left out rather than typed loosely.
 */

export type ReleaseTag = 'planning' | 'tender' | 'tenderUpdate' | 'award' | 'contract' | 'compiled';
export type OcdsTenderStatus = 'planning' | 'planned' | 'active' | 'cancelled' | 'unsuccessful' | 'complete' | 'withdrawn';
export type OcdsProcurementMethod = 'open' | 'selective' | 'limited' | 'direct';
export type OcdsProcurementCategory = 'goods' | 'services' | 'works';
export type OcdsPartyRole = 'buyer' | 'procuringEntity' | 'supplier' | 'tenderer';
export type OcdsAwardStatus = 'pending' | 'active' | 'cancelled' | 'unsuccessful';
export type OcdsContractStatus = 'pending' | 'active' | 'cancelled' | 'terminated';
/** The UK profile's notice types: UK2 preliminary market engagement, UK4 tender notice, UK6 contract award notice. */
export type UkNoticeType = 'UK2' | 'UK4' | 'UK6';

export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
  /** UK extension. */
  durationInMonths?: number;
}

export interface OcdsValue {
  amount?: number;
  /** UK extension: the amount including all taxes. */
  amountGross?: number;
  currency: string;
}

export interface OcdsIdentifier {
  scheme: string;
  id: string;
  legalName?: string;
}

export interface OcdsAddress {
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  countryName?: string;
}

export interface OcdsContactPoint {
  name?: string;
  email?: string;
  telephone?: string;
}

export interface OcdsParty {
  id: string;
  name: string;
  identifier?: OcdsIdentifier;
  address?: OcdsAddress;
  contactPoint?: OcdsContactPoint;
  roles: OcdsPartyRole[];
  /** UK extension: `vcse`. */
  details?: { vcse?: boolean };
}

export interface OcdsOrganizationReference {
  id: string;
  name: string;
}

export interface OcdsDocument {
  id: string;
  documentType: string;
  title?: string;
  description?: string;
  url?: string;
  datePublished?: string;
  format?: string;
  language?: string;
  /** Lots extension. */
  relatedLots?: string[];
  /** UK extension. */
  noticeType?: UkNoticeType;
}

export interface OcdsAmendment {
  id: string;
  date: string;
  rationale: string;
  amendsReleaseID: string;
  releaseID: string;
}

export interface OcdsItem {
  id: string;
  description?: string;
  /** Lots extension. */
  relatedLot?: string;
  /**
   * The location extension (a dependency of the UK profile), as Find a Tender publishes delivery regions:
   * `region` holds an ITL code.
   */
  deliveryAddresses?: OcdsAddress[];
}

/** awardCriteria extension. */
export interface OcdsCriterionNumber {
  number: number;
  weight: 'percentageExact';
}
export interface OcdsAwardCriterion {
  type: 'price' | 'cost' | 'quality';
  name: string;
  description?: string;
  numbers: OcdsCriterionNumber[];
}

export interface OcdsLot {
  id: string;
  title: string;
  description?: string;
  status: OcdsTenderStatus;
  value?: OcdsValue;
  awardCriteria?: { criteria: OcdsAwardCriterion[] };
}

export interface OcdsMilestone {
  id: string;
  title: string;
  type: string;
  description?: string;
  dueDate?: string;
}

export interface OcdsTender {
  id: string;
  title?: string;
  description?: string;
  status?: OcdsTenderStatus;
  value?: OcdsValue;
  minValue?: OcdsValue;
  procurementMethod?: OcdsProcurementMethod;
  procurementMethodDetails?: string;
  mainProcurementCategory?: OcdsProcurementCategory;
  submissionMethod?: string[];
  submissionMethodDetails?: string;
  tenderPeriod?: OcdsPeriod;
  enquiryPeriod?: OcdsPeriod;
  hasEnquiries?: boolean;
  awardPeriod?: OcdsPeriod;
  contractPeriod?: OcdsPeriod;
  items?: OcdsItem[];
  documents?: OcdsDocument[];
  milestones?: OcdsMilestone[];
  amendments?: OcdsAmendment[];
  /** Lots extension. */
  lots?: OcdsLot[];
  /** Lots extension, with the UK profile's `noLotsDivisionRationale`. */
  lotDetails?: { noLotsDivisionRationale?: string };
}

export interface OcdsPlanning {
  rationale?: string;
  documents?: OcdsDocument[];
  milestones?: OcdsMilestone[];
  /** UK extension. */
  noEngagementNoticeRationale?: string;
}

export interface OcdsAward {
  id: string;
  title?: string;
  description?: string;
  status?: OcdsAwardStatus;
  date?: string;
  value?: OcdsValue;
  suppliers?: OcdsOrganizationReference[];
  documents?: OcdsDocument[];
  /** Lots extension. */
  relatedLots?: string[];
  /** UK extension. */
  standstillPeriod?: OcdsPeriod;
  /** UK extension. */
  assessmentSummariesDateSent?: string;
}

export interface OcdsContract {
  id: string;
  awardID: string;
  title?: string;
  status?: OcdsContractStatus;
  value?: OcdsValue;
  period?: OcdsPeriod;
  dateSigned?: string;
}

/** bid extension; measures from its `statistic` codelist and the UK profile's additions. */
export interface OcdsStatistic {
  id: string;
  measure: 'bids' | 'finalStageBids' | 'smeFinalStageBids' | 'vcseFinalStageBids';
  value: number;
  date?: string;
  relatedLot?: string;
}

export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: ReleaseTag[];
  initiationType: 'tender';
  language?: string;
  parties?: OcdsParty[];
  buyer?: OcdsOrganizationReference;
  planning?: OcdsPlanning;
  tender?: OcdsTender;
  awards?: OcdsAward[];
  contracts?: OcdsContract[];
  bids?: { statistics: OcdsStatistic[] };
}

export interface OcdsPublisher {
  name: string;
  scheme?: string;
  uid?: string;
  uri?: string;
}

export interface OcdsReleasePackage {
  uri: string;
  version: '1.1';
  extensions: string[];
  publishedDate: string;
  publisher: OcdsPublisher;
  license?: string;
  publicationPolicy?: string;
  releases: OcdsRelease[];
  /** Not in the package schema (which allows more fields): the feed's next page, as Find a Tender's API offers. */
  links?: { next?: string };
}

/** A record: every release of one ocid and the compiled release (the latest state, merged by the OCDS rules). */
export interface OcdsRecord {
  ocid: string;
  releases: OcdsRelease[];
  compiledRelease: OcdsRelease;
}

export interface OcdsRecordPackage {
  uri: string;
  version: '1.1';
  extensions: string[];
  publishedDate: string;
  publisher: OcdsPublisher;
  license?: string;
  publicationPolicy?: string;
  records: OcdsRecord[];
}
