import type { VatBasis } from './tenders';

/**
 * A supplier's response (bid) to one lot of a published tender, as the API shows it. Before the submission
 * deadline only the supplier's own organisation ever receives one of these; after opening, the buying team.
 */
export enum ResponseStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Withdrawn = 'withdrawn',
  /** Submitted, and the buyer has opened the responses after the deadline. */
  Opened = 'opened',
}

/** Limits on what a response may hold (checked in the browser and on the server). */
export const RESPONSE_LIMITS = {
  /** An answer is stored whole up to this many characters; words past the criterion's limit are kept but not considered. */
  answerChars: 60_000,
  evidenceChars: 4_000,
  priceLines: 200,
  priceLineDescription: 300,
  priceLineUnit: 40,
  /** Largest quantity and unit price accepted (a typo guard, not a policy). */
  maxQuantity: 1_000_000_000,
  maxUnitPrice: 1_000_000_000,
} as const;

/** A clarification question may be at most this many words. */
export const QUESTION_WORD_LIMIT = 500;

export interface PriceLineInput {
  /** Stable id of the line, kept across saves (the server gives one when absent). */
  id?: string;
  description: string;
  quantity: number;
  /** e.g. "month", "visit", "licence". */
  unit: string;
  /** In the tender's currency, on the tender's VAT basis; at most 2 decimal places. */
  unitPrice: number;
}

export interface PriceLine extends Required<PriceLineInput> {
  /** quantity × unitPrice, rounded to pennies: computed by the server, never typed. */
  total: number;
}

export interface ResponsePrice {
  lines: PriceLine[];
  /** Sum of the line totals, computed. */
  total: number;
  currency: string;
  vatBasis: VatBasis;
}

export interface CriterionAnswerInput {
  criterionId: string;
  text: string;
}

export interface CriterionAnswer extends CriterionAnswerInput {
  criterionName: string;
  wordLimit: number | null;
  wordCount: number;
  /** Words past the limit: kept, shown, and marked as not considered (as the tender pack says). */
  wordsOverLimit: number;
}

export interface DeclarationInput {
  /** A pass/fail (mandatory) requirement of the lot. */
  requirementId: string;
  /** null: not answered yet. */
  meets: boolean | null;
  evidence: string;
}

export interface Declaration extends DeclarationInput {
  requirementOutcome: string;
}

/** What a save sends: the whole editable content, with the revision it was read at (If-Match). */
export interface ResponseContentInput {
  answers: CriterionAnswerInput[];
  declarations: DeclarationInput[];
  priceLines: PriceLineInput[];
}

export interface ResponseAttachment {
  id: string;
  /** The name as uploaded, made safe (no directories, no control characters). */
  fileName: string;
  /** The type found from the file's content. */
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** Something that must be done before submitting. */
export interface MissingItem {
  kind: 'answer' | 'declaration' | 'price';
  /** The criterion or requirement it is about; null for the price. */
  id: string | null;
  /** In plain English, e.g. "Answer the question 'Social value'". */
  label: string;
}

/** What the supplier receives when a submission is accepted, and can download as a PDF. */
export interface SubmissionReceipt {
  submissionId: string;
  responseId: string;
  /** 1 for the first submission of this response, 2 after a withdraw and resubmit, … */
  sequence: number;
  /** The server's clock, ISO 8601 UTC. */
  submittedAt: string;
  tenderReference: string;
  tenderVersion: number;
  lotNumber: number;
  supplierName: string;
  /** SHA-256 (hex) over the canonical serialisation of the submitted content and its attachments' hashes. */
  sha256: string;
  attachments: { fileName: string; sha256: string; size: number }[];
  /** GET this path for the receipt as a PDF. */
  pdfPath: string;
}

/** What changed in the tender since the version a response was written against (corrigenda). */
export interface TenderChangeSince {
  fromVersion: number;
  toVersion: number;
  /** Requirements and criteria of this response's lot that were added, changed or removed, by stable id. */
  items: { kind: 'requirement' | 'criterion' | 'tender'; id: string; label: string; change: 'added' | 'changed' | 'removed' }[];
}

export interface SupplierResponse {
  id: string;
  tenderId: string;
  tenderReference: string;
  tenderTitle: string;
  buyerName: string;
  lotId: string;
  lotNumber: number;
  lotTitle: string;
  status: ResponseStatus;
  /** The published version the supplier last wrote against or confirmed. */
  tenderVersion: number;
  /** The tender's latest published version; differs from tenderVersion after a corrigendum. */
  latestTenderVersion: number;
  /** Present when the tender changed since tenderVersion: confirm (or resubmit) to clear it. */
  changesSince: TenderChangeSince | null;
  submissionDeadline: string | null;
  attachmentsAllowed: boolean;
  maxAttachments: number;
  maxAttachmentBytes: number;
  answers: CriterionAnswer[];
  declarations: Declaration[];
  price: ResponsePrice;
  attachments: ResponseAttachment[];
  missing: MissingItem[];
  /** The counting submission (the last one), if any. */
  receipt: SubmissionReceipt | null;
  /** Once the buyer has issued this response's assessment summary; null before. */
  outcome: ResponseOutcome | null;
  /** Optimistic-concurrency counter, sent back with every change (If-Match). */
  revision: number;
  updatedAt: string;
}

/** The result of a response's evaluation, as its assessment summary gives it (Procurement Act 2023 s50). */
export interface ResponseOutcome {
  /** Whether the buyer intends to award the contract to this response. */
  successful: boolean;
  /** When the assessment summary was issued, ISO 8601 UTC. */
  summaryIssuedAt: string;
  /** GET this path for the assessment summary as a PDF. */
  summaryPdfPath: string;
}

/** One row of "Your responses". */
export interface SupplierResponseSummary {
  id: string;
  tenderId: string;
  tenderReference: string;
  tenderTitle: string;
  buyerName: string;
  lotId: string;
  lotNumber: number;
  lotTitle: string;
  status: ResponseStatus;
  submissionDeadline: string | null;
  /** The next thing to do, in plain English ("Submit before the deadline", "Confirm the changed tender"…). */
  nextStep: string;
  updatedAt: string;
}

export interface StartResponseRequest {
  tenderId: string;
  lotId: string;
}

/** An earlier answer of the supplier's organisation, offered for reuse. */
export interface LibraryAnswer {
  responseId: string;
  tenderTitle: string;
  criterionName: string;
  text: string;
  wordCount: number;
  updatedAt: string;
}

/** What the buying team may know of responses to its tender before opening: counts only. */
export interface ResponseCounts {
  /** Suppliers that registered interest. */
  interested: number;
  /** Responses whose last submission counts (not withdrawn). */
  submitted: number;
  opening: OpeningState;
}

export interface OpeningState {
  /** sealed: before the deadline or not yet asked; awaiting-confirmation: two-person opening begun; opened. */
  state: 'sealed' | 'awaiting-confirmation' | 'opened';
  /** Whether a second member of the buying organisation must confirm. */
  twoPersonOpening: boolean;
  /** The name of who asked to open, and their id (the one person who may not also confirm). */
  requestedBy: string | null;
  requestedById: string | null;
  requestedAt: string | null;
  openedAt: string | null;
  confirmedBy: string | null;
}

/** After opening: each counted submission with the hash on the supplier's receipt. */
export interface OpenedResponse {
  responseId: string;
  submissionId: string;
  supplierName: string;
  lotNumber: number;
  submittedAt: string;
  sha256: string;
}

export interface OpeningRecord extends OpeningState {
  responses: OpenedResponse[];
}

/** Body of `POST /responses/:id/confirm-changes`: the published version the supplier has read and accepts. */
export interface ConfirmChangesRequest {
  version: number;
}

/** Body of `POST /responses/:id/attachments/reuse`: a document of an earlier response of the same organisation. */
export interface ReuseAttachmentRequest {
  attachmentId: string;
}

/** A document of one of the organisation's earlier responses, offered for reuse (`GET /responses/library/documents`). */
export interface LibraryDocument {
  attachmentId: string;
  responseId: string;
  tenderTitle: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

/** The body of a 422 from `POST /responses/:id/submit` when something is missing (besides message and details). */
export interface SubmitRefusal {
  missing: MissingItem[];
}

/** `Idempotency-Key` header of a submit: any client-made token (a UUID is fine). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * Exactly what a submission's SHA-256 is taken over (the receipt's `sha256` and the opening's): the canonical
 * JSON (RFC 8785) of this object, hashed with SHA-256. Anyone holding the submitted content can recompute it.
 */
export interface SubmittedContent {
  tender: { id: string; reference: string; version: number };
  lotId: string;
  answers: { criterionId: string; text: string }[];
  declarations: { requirementId: string; meets: boolean | null; evidence: string }[];
  price: { lines: PriceLine[]; total: number; currency: string; vatBasis: VatBasis };
  attachments: { fileName: string; sha256: string; size: number }[];
}

/** Words as the word limits count them: runs of characters between whitespace. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/u).length : 0;
}

/** Words past `limit` (kept, shown, and not considered); 0 when there is no limit. */
export function wordsOverLimit(text: string, limit: number | null): number {
  return limit === null ? 0 : Math.max(0, countWords(text) - limit);
}

/**
 * quantity × unitPrice rounded to the penny (half away from zero): computed, never typed. Both have at most 2
 * decimal places, so the product is exact in hundredths of a penny; BigInt keeps it exact at any size.
 */
export function priceLineTotal(quantity: number, unitPrice: number): number {
  const product = BigInt(Math.round(quantity * 100)) * BigInt(Math.round(unitPrice * 100));
  const hundred = BigInt(100);
  const half = BigInt(50);
  const zero = BigInt(0);
  const pence = product >= zero ? (product + half) / hundred : -((-product + half) / hundred);
  return Number(pence) / 100;
}

/** The sum of line totals, in pennies to avoid drift. */
export function priceTotal(lines: { total: number }[]): number {
  return lines.reduce((sum, l) => sum + Math.round(l.total * 100), 0) / 100;
}
