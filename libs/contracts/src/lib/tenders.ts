/** Where a tender is in its life. Transitions are enforced by the backend. */
export enum TenderStatus {
  Draft = 'draft',
  InReview = 'in_review',
  Published = 'published',
  Closed = 'closed',
  Evaluating = 'evaluating',
  Awarded = 'awarded',
  Cancelled = 'cancelled',
}

/** What the public (no account) sees in a list of published tenders. */
export interface PublishedTenderSummary {
  id: string;
  reference: string;
  title: string;
  buyerName: string;
  summary: string;
  estimatedValue: number | null;
  currency: string;
  submissionDeadline: string | null;
  publishedAt: string;
  version: number;
}

/** A buyer's own tender, as listed in the workspace. */
export interface TenderListItem {
  id: string;
  reference: string;
  title: string;
  status: TenderStatus;
  updatedAt: string;
  submissionDeadline: string | null;
}
