import { ApiProperty } from '@nestjs/swagger';
import {
  type CriterionAnswer,
  type Declaration,
  type LibraryAnswer,
  type LibraryDocument,
  type MissingItem,
  type OpenedResponse,
  type OpeningRecord,
  type OpeningState,
  type PriceLine,
  type ResponseAttachment,
  type ResponseCounts,
  type ResponseOutcome,
  type ResponsePrice,
  ResponseStatus,
  type SubmissionReceipt,
  type SubmitRefusal,
  type SupplierResponse,
  type SupplierResponseSummary,
  type TenderChangeSince,
  VatBasis,
} from '@openbrief/contracts';
import { ApiErrorResponse } from '../../../common/openapi/api-error.response';

// What the responses API answers, for the OpenAPI document: each class implements its contract, so a field added to
// the contract and not here fails the typecheck.

class CriterionAnswerResponse implements CriterionAnswer {
  @ApiProperty({ format: 'uuid' }) criterionId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() criterionName!: string;
  @ApiProperty({ nullable: true, type: Number }) wordLimit!: number | null;
  @ApiProperty() wordCount!: number;
  @ApiProperty({ description: 'Words past the limit: kept, shown, and not considered' }) wordsOverLimit!: number;
}

class DeclarationResponse implements Declaration {
  @ApiProperty({ format: 'uuid' }) requirementId!: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null while not answered' }) meets!: boolean | null;
  @ApiProperty() evidence!: string;
  @ApiProperty() requirementOutcome!: string;
}

class PriceLineResponse implements PriceLine {
  @ApiProperty() id!: string;
  @ApiProperty() description!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() unit!: string;
  @ApiProperty() unitPrice!: number;
  @ApiProperty({ description: 'quantity × unitPrice, rounded to pennies (computed by the server)' }) total!: number;
}

class ResponsePriceResponse implements ResponsePrice {
  @ApiProperty({ type: () => [PriceLineResponse] }) lines!: PriceLineResponse[];
  @ApiProperty({ description: 'Sum of the line totals' }) total!: number;
  @ApiProperty({ example: 'GBP' }) currency!: string;
  @ApiProperty({ enum: VatBasis }) vatBasis!: VatBasis;
}

export class ResponseAttachmentResponse implements ResponseAttachment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'The type found from the file’s content' }) contentType!: string;
  @ApiProperty({ description: 'In bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256, hex' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

class MissingItemResponse implements MissingItem {
  @ApiProperty({ enum: ['answer', 'declaration', 'price'] }) kind!: MissingItem['kind'];
  @ApiProperty({ nullable: true, type: String, description: 'The criterion or requirement; null for the price' }) id!: string | null;
  @ApiProperty() label!: string;
}

class ReceiptAttachmentResponse {
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'SHA-256, hex' }) sha256!: string;
  @ApiProperty({ description: 'In bytes' }) size!: number;
}

export class SubmissionReceiptResponse implements SubmissionReceipt {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty({ description: '1 for the first submission, 2 after a withdraw and resubmit, …' }) sequence!: number;
  @ApiProperty({ format: 'date-time', description: 'The server’s clock' }) submittedAt!: string;
  @ApiProperty() tenderReference!: string;
  @ApiProperty() tenderVersion!: number;
  @ApiProperty() lotNumber!: number;
  @ApiProperty() supplierName!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON (RFC 8785) of the submitted content' }) sha256!: string;
  @ApiProperty({ type: () => [ReceiptAttachmentResponse] }) attachments!: ReceiptAttachmentResponse[];
  @ApiProperty({ description: 'GET this path for the receipt as a PDF' }) pdfPath!: string;
}

class TenderChangeItemResponse {
  @ApiProperty({ enum: ['requirement', 'criterion', 'tender'] }) kind!: TenderChangeSince['items'][number]['kind'];
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['added', 'changed', 'removed'] }) change!: TenderChangeSince['items'][number]['change'];
}

class TenderChangeSinceResponse implements TenderChangeSince {
  @ApiProperty() fromVersion!: number;
  @ApiProperty() toVersion!: number;
  @ApiProperty({ type: () => [TenderChangeItemResponse] }) items!: TenderChangeItemResponse[];
}

class ResponseOutcomeResponse implements ResponseOutcome {
  @ApiProperty({ description: 'Whether the buyer intends to award the contract to this response' }) successful!: boolean;
  @ApiProperty({ format: 'date-time' }) summaryIssuedAt!: string;
  @ApiProperty({ description: 'GET this path for the assessment summary as a PDF' }) summaryPdfPath!: string;
}

export class SupplierResponseResponse implements SupplierResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() tenderReference!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() buyerName!: string;
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty() lotNumber!: number;
  @ApiProperty() lotTitle!: string;
  @ApiProperty({ enum: ResponseStatus }) status!: ResponseStatus;
  @ApiProperty({ description: 'The published version last written against or confirmed' }) tenderVersion!: number;
  @ApiProperty() latestTenderVersion!: number;
  @ApiProperty({ type: () => TenderChangeSinceResponse, nullable: true, description: 'Confirm (or resubmit) to clear it' })
  changesSince!: TenderChangeSinceResponse | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submissionDeadline!: string | null;
  @ApiProperty() attachmentsAllowed!: boolean;
  @ApiProperty() maxAttachments!: number;
  @ApiProperty() maxAttachmentBytes!: number;
  @ApiProperty({ type: () => [CriterionAnswerResponse] }) answers!: CriterionAnswerResponse[];
  @ApiProperty({ type: () => [DeclarationResponse] }) declarations!: DeclarationResponse[];
  @ApiProperty({ type: () => ResponsePriceResponse }) price!: ResponsePriceResponse;
  @ApiProperty({ type: () => [ResponseAttachmentResponse] }) attachments!: ResponseAttachmentResponse[];
  @ApiProperty({ type: () => [MissingItemResponse], description: 'What must be done before submitting' }) missing!: MissingItemResponse[];
  @ApiProperty({ type: () => SubmissionReceiptResponse, nullable: true, description: 'The counting submission, if any' })
  receipt!: SubmissionReceiptResponse | null;
  @ApiProperty({ type: () => ResponseOutcomeResponse, nullable: true, description: 'Once the assessment summary is issued' })
  outcome!: ResponseOutcomeResponse | null;
  @ApiProperty({ description: 'Send it back as If-Match with every change (also the ETag)' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SupplierResponseSummaryResponse implements SupplierResponseSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() tenderReference!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() buyerName!: string;
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty() lotNumber!: number;
  @ApiProperty() lotTitle!: string;
  @ApiProperty({ enum: ResponseStatus }) status!: ResponseStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submissionDeadline!: string | null;
  @ApiProperty({ description: 'The next thing to do, in plain English' }) nextStep!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class LibraryAnswerResponse implements LibraryAnswer {
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() criterionName!: string;
  @ApiProperty() text!: string;
  @ApiProperty() wordCount!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class LibraryDocumentResponse implements LibraryDocument {
  @ApiProperty({ format: 'uuid' }) attachmentId!: string;
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty({ description: 'In bytes' }) size!: number;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

/** The 422 of a submit with something missing: the usual error shape plus the list. */
export class SubmitRefusalResponse extends ApiErrorResponse implements SubmitRefusal {
  @ApiProperty({ type: () => [MissingItemResponse] }) missing!: MissingItemResponse[];
}

export class OpeningStateResponse implements OpeningState {
  @ApiProperty({ enum: ['sealed', 'awaiting-confirmation', 'opened'] }) state!: OpeningState['state'];
  @ApiProperty({ description: 'Whether a second member of the buying organisation must confirm' }) twoPersonOpening!: boolean;
  @ApiProperty({ nullable: true, type: String }) requestedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The one person who may not also confirm' }) requestedById!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) requestedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) openedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedBy!: string | null;
}

export class ResponseCountsResponse implements ResponseCounts {
  @ApiProperty({ description: 'Suppliers that registered interest' }) interested!: number;
  @ApiProperty({ description: 'Responses whose last submission counts (not withdrawn)' }) submitted!: number;
  @ApiProperty({ type: () => OpeningStateResponse }) opening!: OpeningStateResponse;
}

class OpenedResponseResponse implements OpenedResponse {
  @ApiProperty({ format: 'uuid' }) responseId!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() lotNumber!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'The hash on the supplier’s receipt' }) sha256!: string;
}

export class OpeningRecordResponse extends OpeningStateResponse implements OpeningRecord {
  @ApiProperty({ type: () => [OpenedResponseResponse], description: 'Empty until opened' }) responses!: OpenedResponseResponse[];
}
