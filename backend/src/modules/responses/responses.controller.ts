import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type {
  CurrentUser as CurrentUserShape,
  LibraryAnswer,
  LibraryDocument,
  ResponseAttachment,
  SubmissionReceipt,
  SupplierResponse,
  SupplierResponseSummary,
} from '@openbrief/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { attachmentReader } from './attachments/attachment-upload';
import { ResponseAttachments } from './attachments/response-attachments.service';
import {
  AttachmentUploadDto,
  ConfirmChangesDto,
  ReuseAttachmentDto,
  ResponseContentDto,
  StartResponseDto,
} from './dto/response-commands.dto';
import {
  LibraryAnswerResponse,
  LibraryDocumentResponse,
  ResponseAttachmentResponse,
  SubmissionReceiptResponse,
  SubmitRefusalResponse,
  SupplierResponseResponse,
  SupplierResponseSummaryResponse,
} from './dto/response.responses';
import { revisionFromIfMatch } from '../../common/http/if-match';
import { ResponseDrafts } from './drafts/response-drafts.service';
import { Submissions } from './submission/submissions.service';

const ResponseId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That response') });
const AttachmentId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That attachment') });
const SubmissionId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That receipt') });

@ApiTags('responses')
// The supplier's side: a response is its supplier's alone until opening (see common/access/access-policy.ts).
@Controller()
export class ResponsesController {
  constructor(
    private readonly drafts: ResponseDrafts,
    private readonly attachments: ResponseAttachments,
    private readonly submissions: Submissions,
  ) {}

  @Allow('response.list')
  @Get('responses')
  @ApiOperation({ summary: "Your organisation's responses, with the next thing to do for each" })
  @ApiOkResponse({ type: SupplierResponseSummaryResponse, isArray: true })
  list(@CurrentUser() user: CurrentUserShape): Promise<SupplierResponseSummary[]> {
    return this.drafts.list(user);
  }

  @Allow('response.create')
  @Post('responses')
  @ApiOperation({
    summary: 'Start a response to a lot of a published tender (200 with the existing one if your organisation has started it)',
  })
  @ApiCreatedResponse({ type: SupplierResponseResponse, description: 'Started' })
  @ApiOkResponse({ type: SupplierResponseResponse, description: 'Your organisation had already started it: that one' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The submission deadline has passed, or the tender is closed' })
  async start(
    @CurrentUser() user: CurrentUserShape,
    @Body() dto: StartResponseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SupplierResponse> {
    const { response, created } = await this.drafts.start(user, dto.tenderId, dto.lotId);
    void reply.status(created ? 201 : 200).header('ETag', `"${response.revision}"`);
    return response;
  }

  @Allow('response.list')
  @Get('responses/library')
  @ApiOperation({ summary: "Answers from your organisation's earlier responses, to reuse" })
  @ApiOkResponse({ type: LibraryAnswerResponse, isArray: true })
  library(@CurrentUser() user: CurrentUserShape): Promise<LibraryAnswer[]> {
    return this.drafts.library(user);
  }

  @Allow('response.list')
  @Get('responses/library/documents')
  @ApiOperation({ summary: "Documents from your organisation's earlier responses, to reuse" })
  @ApiOkResponse({ type: LibraryDocumentResponse, isArray: true })
  libraryDocuments(@CurrentUser() user: CurrentUserShape): Promise<LibraryDocument[]> {
    return this.attachments.library(user);
  }

  @Allow('response.read')
  @Get('responses/:id')
  @ApiOperation({ summary: 'One of your responses, with its revision (also sent as the ETag)' })
  @ApiOkResponse({ type: SupplierResponseResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async get(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SupplierResponse> {
    const response = await this.drafts.get(user, id);
    void reply.header('ETag', `"${response.revision}"`);
    return response;
  }

  @Allow('response.write')
  @Put('responses/:id')
  @ApiOperation({
    summary:
      'Save the draft (answers, declarations, price lines); refused with 409 and the current state if a colleague saved since your revision',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The revision you read (from the ETag or `revision`)' })
  @ApiOkResponse({ type: SupplierResponseResponse })
  @ApiConflictResponse({ type: ApiErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'A criterion or requirement that is not part of this lot' })
  async save(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: ResponseContentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SupplierResponse> {
    const response = await this.drafts.save(user, id, revisionFromIfMatch(ifMatch, { min: 1 }), dto);
    void reply.header('ETag', `"${response.revision}"`);
    return response;
  }

  @Allow('response.write')
  @Post('responses/:id/confirm-changes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm you have read the changed tender: the response is now written against that version' })
  @ApiOkResponse({ type: SupplierResponseResponse })
  @ApiConflictResponse({ type: ApiErrorResponse })
  confirmChanges(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Body() dto: ConfirmChangesDto,
  ): Promise<SupplierResponse> {
    return this.drafts.confirmChanges(user, id, dto.version);
  }

  @Allow('response.write')
  @Post('responses/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUploadDto })
  @ApiOperation({ summary: 'Attach a document (type found from its content; size and count as the tender allows)' })
  @ApiCreatedResponse({ type: ResponseAttachmentResponse })
  @ApiResponse({ status: 413, type: ApiErrorResponse, description: 'Larger than the tender allows' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'A type we do not accept, or more documents than allowed' })
  upload(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<ResponseAttachment> {
    return this.attachments.upload(user, id, attachmentReader(req, 'file'));
  }

  @Allow('response.write')
  @Post('responses/:id/attachments/reuse')
  @ApiOperation({ summary: 'Copy a document from an earlier response of your organisation' })
  @ApiCreatedResponse({ type: ResponseAttachmentResponse })
  reuse(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Body() dto: ReuseAttachmentDto,
  ): Promise<ResponseAttachment> {
    return this.attachments.reuse(user, id, dto.attachmentId);
  }

  @Allow('response.read')
  @Get('responses/:id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download one of your documents' })
  // The file's own type is sent; declared here as bytes (errors stay JSON, so not @ApiProduces).
  @ApiOkResponse({
    description: 'The file, with the type found from its content',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async download(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Param('attachmentId', AttachmentId()) attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.attachments.download(user, id, attachmentId);
    await reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', file.contentDisposition)
      .header('Cache-Control', 'private, no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(file.data);
  }

  @Allow('response.write')
  @Delete('responses/:id/attachments/:attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a document from the draft' })
  @ApiResponse({ status: 204, description: 'Removed' })
  async remove(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Param('attachmentId', AttachmentId()) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(user, id, attachmentId);
  }

  @Allow('response.write')
  @Post('responses/:id/submit')
  @ApiOperation({
    summary: 'Submit: 201 with the receipt; the same Idempotency-Key again gives the same receipt (200), never a second submission',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Any token you make (e.g. a UUID), the same on every retry' })
  @ApiCreatedResponse({ type: SubmissionReceiptResponse, description: 'Submitted: the receipt' })
  @ApiOkResponse({ type: SubmissionReceiptResponse, description: 'The same Idempotency-Key again: the same receipt' })
  @ApiUnprocessableEntityResponse({ type: SubmitRefusalResponse, description: 'Something is missing: `missing` lists it' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The deadline has passed, or the tender changed and needs confirming' })
  async submit(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmissionReceipt> {
    const { receipt, replayed } = await this.submissions.submit(user, id, idempotencyKey);
    void reply.status(replayed ? 200 : 201);
    return receipt;
  }

  @Allow('response.write')
  @Post('responses/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the submission (it is kept, marked withdrawn); submit again to resubmit' })
  @ApiOkResponse({ type: SupplierResponseResponse })
  withdraw(@CurrentUser() user: CurrentUserShape, @Param('id', ResponseId()) id: string): Promise<SupplierResponse> {
    return this.submissions.withdraw(user, id);
  }

  @Allow('response.read')
  @Get('responses/:id/receipts')
  @ApiOperation({ summary: 'Every submission of this response, oldest first (withdrawn ones too)' })
  @ApiOkResponse({ type: SubmissionReceiptResponse, isArray: true })
  receipts(@CurrentUser() user: CurrentUserShape, @Param('id', ResponseId()) id: string): Promise<SubmissionReceipt[]> {
    return this.submissions.receipts(user, id);
  }

  @Allow('response.read')
  @Get('responses/:id/receipts/:submissionId.pdf')
  @ApiOperation({ summary: 'A submission receipt as a PDF (no answer text in it)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A PDF', schema: { type: 'string', format: 'binary' } })
  async receiptPdf(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', ResponseId()) id: string,
    @Param('submissionId', SubmissionId()) submissionId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { fileName, pdf } = await this.submissions.receiptPdf(user, id, submissionId);
    await reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `attachment; filename="${fileName}"`)
      .header('Cache-Control', 'private, no-store')
      .send(pdf);
  }
}
