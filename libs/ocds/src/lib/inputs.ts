/** What the mapping reads besides the published record: shapes of our own, so the backend adapts to them. */

/** An organisation as Openbrief records it (identity's organisation fields). */
export interface OrganisationInput {
  id: string;
  name: string;
  /** Companies House number, if recorded. */
  companyNumber: string | null;
  address?: {
    streetAddress: string | null;
    locality: string | null;
    postalCode: string | null;
    countryName: string | null;
  } | null;
  /** Voluntary, community or social enterprise (self-declared). */
  isVcse?: boolean;
}

/** What a tender or tenderUpdate release needs besides the version's record. */
export interface TenderReleaseContext {
  /** The buyer's organisation: identifier and address for `parties`. */
  buyer: OrganisationInput;
  /** The public page of the tender (the tender notice, UK4). */
  noticeUrl: string;
  /** This version's tender pack (PDF) and its SHA-256, null if it has not been made yet. */
  packUrl: string;
  packSha256: string | null;
  /** When version 1 was published: the tender and enquiry periods start then. */
  firstPublishedAt: string;
  /** Whether any clarification questions had been received by this version's publication; left out when unknown. */
  hasEnquiries?: boolean;
}

/** One lot's bids, counted from submitted responses once the deadline has passed. */
export interface LotBidCounts {
  lotId: string;
  /** Submitted (counted) responses. */
  bids: number;
  /** Of those, from organisations that say they are small or medium-sized. */
  smeBids: number;
  /** Of those, from voluntary, community or social enterprises. */
  vcseBids: number;
}

/** A lot's award decision once its contract award notice (UK6) is published. */
export interface AwardInput {
  /** Stable id of the award (the award decision's). */
  id: string;
  tenderId: string;
  lotId: string;
  lotTitle: string;
  supplier: OrganisationInput;
  /** The awarded bid's total price; null if not known. */
  value: { amount: number; currency: string; includesVat: boolean } | null;
  decidedAt: string;
  noticePublishedAt: string;
  /** From the notice's publication to the end of the standstill's last working day. */
  standstillEndsAt: string;
  /** When the last assessment summary of the lot was issued; null if none was. */
  assessmentSummariesSentAt: string | null;
  /** The submission deadline of the version the bids answered: statistics are refused before it. */
  submissionDeadline: string | null;
  bidCounts: LotBidCounts | null;
  /** True when this notice was the last of the tender's lots to be published: the tender is then complete. */
  completesTender: boolean;
  /** The public page that shows the award (the contract award notice). */
  noticeUrl: string;
  /** The contract's start and length, from the tender, for the contract period. */
  contract?: { startDate: string | null; lengthMonths: number | null };
}

/** A lot's contract, once entered into after the standstill. */
export interface ContractInput extends AwardInput {
  contractEnteredAt: string;
}

/**
 * A preliminary market engagement notice (UK2), published before the tender. The engagement module adapts to
 * this shape; the planning release uses the tender's ocid, as Find a Tender does.
 */
export interface EngagementNoticeInput {
  id: string;
  ocid: string;
  tenderId: string;
  title: string;
  /** What the buyer is trying to achieve and wants to learn from suppliers. */
  summary: string;
  publishedAt: string;
  feedbackCloses: string;
  /** The public page of the engagement notice. */
  url: string;
  buyer: OrganisationInput;
  event: { title: string; startsAt: string } | null;
}
