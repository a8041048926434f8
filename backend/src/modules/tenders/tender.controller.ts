import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  type CurrentUser as CurrentUserShape,
  type PublishBlocker,
  type PublishedVersion,
  type SavedTender,
  type TenderComparison,
  type TenderDetail,
  type TenderListItem,
  type TenderRevisionSummary,
  type TenderTemplateSummary,
} from '@openbrief/contracts';
import type { TenderCheckResult } from '@openbrief/spec-check';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { SingleFileUpload, type UploadedDocument, UploadedDocumentFile } from '../../common/http/single-file-upload';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { ChangeTenderStatusDto, CreateTenderDto, PublishTenderDto, SaveTenderDto } from './dto/tender-commands.dto';
import {
  PublishBlockerResponse,
  PublishedVersionResponse,
  SavedTenderResponse,
  TenderComparisonResponse,
  TenderDetailResponse,
  TenderRevisionResponse,
  TenderTemplateResponse,
} from './dto/tender-detail.response';
import { TenderCheckResponse } from '../spec-check/dto/spec-check.responses';
import { SpecCheckService } from '../spec-check/spec-check.service';
import { TenderListItemResponse } from './dto/tender.responses';
import { ImportResultResponse, ImportTextDto, ImportUploadDto } from './dto/import.dto';
import { SpecificationImportService } from './import/specification-import';
import { TenderPackService } from '../documents/tender-pack.service';
import { TenderLifecycleService } from './lifecycle/tender-lifecycle.service';
import { TenderService } from './tender.service';
import { PackAnswers } from './pack-clarifications.port';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

@ApiTags('tenders')
// The buyer's workspace: the working copies of the organisation's tenders (see common/access/access-policy.ts).
@Controller()
export class TenderController {
  constructor(
    private readonly tenders: TenderService,
    private readonly lifecycle: TenderLifecycleService,
    private readonly specCheck: SpecCheckService,
    private readonly packs: TenderPackService,
    private readonly specificationImport: SpecificationImportService,
    private readonly answers: PackAnswers,
  ) {}

  @Allow('tender.list')
  @Get('tenders')
  @ApiOperation({ summary: "Your organisation's tenders, newest change first" })
  @ApiOkResponse({ type: [TenderListItemResponse] })
  list(@CurrentUser() user: CurrentUserShape): Promise<TenderListItem[]> {
    return this.tenders.listForOrganisation(user);
  }

  @Allow('tender.create')
  @Get('tender-templates')
  @ApiOperation({ summary: 'Outcome-based templates to start a tender from' })
  @ApiOkResponse({ type: [TenderTemplateResponse] })
  templates(): TenderTemplateSummary[] {
    return this.tenders.templates();
  }

  @Allow('tender.create')
  @Post('tenders')
  @ApiOperation({ summary: 'Start a draft tender, blank or from a template' })
  @ApiCreatedResponse({ type: TenderDetailResponse })
  create(@CurrentUser() user: CurrentUserShape, @Body() dto: CreateTenderDto): Promise<TenderDetail> {
    return this.tenders.create(user, dto.title, dto.templateId);
  }

  @Allow('tender.import')
  @Post('tenders/import/text')
  @HttpCode(200)
  @ApiOperation({ summary: 'Split a pasted specification into draft requirements to rewrite (nothing is saved)' })
  @ApiOkResponse({ type: ImportResultResponse })
  async importText(@Body() dto: ImportTextDto): Promise<ImportResultResponse> {
    return { requirements: await this.specificationImport.fromText(dto.text) };
  }

  @Allow('tender.import')
  @Post('tenders/import/file')
  @HttpCode(200)
  // The upload's size limit is @fastify/multipart's, set in bootstrap.ts (IMPORT_MAX_BYTES); the archive limits are the service's.
  @SingleFileUpload('file')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({ summary: 'Split an uploaded specification (.docx, .md, .txt) into draft requirements to rewrite (nothing is saved)' })
  @ApiOkResponse({ type: ImportResultResponse })
  @ApiResponse({ status: 413, type: ApiErrorResponse, description: 'The file, or what a .docx unpacks to, is over the limit' })
  @ApiResponse({
    status: 422,
    type: ApiErrorResponse,
    description: 'Not a readable .docx, too many parts or paragraphs, or it took too long to read',
  })
  @ApiResponse({ status: 429, type: ApiErrorResponse, description: 'Every import worker is busy; see Retry-After' })
  async importFile(@UploadedDocumentFile() file: UploadedDocument | undefined): Promise<ImportResultResponse> {
    if (!file) throw new ValidationFailedError('Choose a file to upload (field "file").');
    return { requirements: await this.specificationImport.fromFile(file) };
  }

  @Allow('tender.read')
  @Get('tenders/:id')
  @ApiOperation({ summary: 'A tender of your organisation, with its revision (also sent as the ETag)' })
  @ApiOkResponse({ type: TenderDetailResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async get(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', TenderId()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TenderDetail> {
    const tender = await this.tenders.get(user, id);
    void reply.header('ETag', `"${tender.revision}"`);
    return tender;
  }

  @Allow('tender.edit')
  @Put('tenders/:id')
  @ApiOperation({ summary: 'Save the tender content; refused with 409 and the current state if someone saved since your revision' })
  @ApiOkResponse({ type: SavedTenderResponse })
  @ApiConflictResponse({ type: ApiErrorResponse })
  async save(@CurrentUser() user: CurrentUserShape, @Param('id', TenderId()) id: string, @Body() dto: SaveTenderDto): Promise<SavedTender> {
    const saved = await this.tenders.save(user, id, dto.revision, dto.content);
    return { ...saved, check: this.specCheck.summary(saved) };
  }

  @Allow('tender.read')
  @Get('tenders/:id/publication-check')
  @ApiOperation({ summary: 'What still stops this tender being published' })
  @ApiOkResponse({ type: [PublishBlockerResponse] })
  @ApiQuery({ name: 'changeNote', required: false, description: 'The change note you mean to publish with (from version 2)' })
  blockers(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', TenderId()) id: string,
    @Query('changeNote') changeNote?: string,
  ): Promise<PublishBlocker[]> {
    return this.lifecycle.blockers(user, id, typeof changeNote === 'string' ? changeNote : undefined);
  }

  @Allow('tender.publish')
  @Post('tenders/:id/publish')
  @ApiOperation({ summary: 'Publish the next version (a change note is required from version 2)' })
  @ApiCreatedResponse({ type: PublishedVersionResponse })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'Not ready: details list each thing to fix' })
  @ApiConflictResponse({ type: ApiErrorResponse })
  publish(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', TenderId()) id: string,
    @Body() dto: PublishTenderDto,
  ): Promise<PublishedVersion> {
    return this.lifecycle.publish(user, id, dto.revision, dto.changeNote);
  }

  @Allow('tender.changeStatus')
  @Post('tenders/:id/status')
  @ApiOperation({ summary: 'Move the tender on (in review, back to draft, closed, evaluating, awarded, cancelled)' })
  @ApiCreatedResponse({ type: TenderDetailResponse })
  @ApiConflictResponse({ type: ApiErrorResponse })
  changeStatus(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', TenderId()) id: string,
    @Body() dto: ChangeTenderStatusDto,
  ): Promise<TenderDetail> {
    return this.lifecycle.changeStatus(user, id, dto.revision, dto.status, dto.reason);
  }

  @Allow('tender.read')
  @Get('tenders/:id/check')
  @ApiOperation({
    summary: 'Check the whole tender for over-prescription: findings per requirement, tender-level findings, openness score',
  })
  @ApiOkResponse({ type: TenderCheckResponse })
  async check(@CurrentUser() user: CurrentUserShape, @Param('id', TenderId()) id: string): Promise<TenderCheckResult> {
    return this.specCheck.checkTender(await this.tenders.get(user, id));
  }

  @Allow('tender.read')
  @Get('tenders/:id/pack.pdf')
  @ApiOperation({ summary: 'The tender pack of the working copy, watermarked DRAFT, streamed as it is made' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A PDF', schema: { type: 'string', format: 'binary' } })
  async draftPack(@CurrentUser() user: CurrentUserShape, @Param('id', TenderId()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const tender = await this.tenders.get(user, id);
    // The next version's Annex A: every answer published so far.
    const clarifications = await this.answers.publishedBy(tender.id, new Date());
    const pdf = new PassThrough();
    void reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `attachment; filename="${tender.reference}-draft.pdf"`)
      .header('Cache-Control', 'private, no-store')
      .send(pdf);
    await this.packs.streamDraft(tender, pdf, clarifications).catch((error: unknown) => {
      // Headers are gone once streaming starts: a failed stream cuts the connection, so the client sees an incomplete download, not a corrupt file.
      pdf.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  }

  @Allow('tender.readHistory')
  @Get('tenders/:id/revisions')
  @ApiOperation({ summary: 'Every saved change: who, when, which fields' })
  @ApiOkResponse({ type: [TenderRevisionResponse] })
  revisions(@CurrentUser() user: CurrentUserShape, @Param('id', TenderId()) id: string): Promise<TenderRevisionSummary[]> {
    return this.tenders.revisions(user, id);
  }

  @Allow('tender.readHistory')
  @Get('tenders/:id/compare')
  @ApiOperation({ summary: 'Compare two revisions field by field (word-level changes)' })
  @ApiOkResponse({ type: TenderComparisonResponse })
  compare(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', TenderId()) id: string,
    @Query('from', ParseIntPipe) from: number,
    @Query('to', ParseIntPipe) to: number,
  ): Promise<TenderComparison> {
    return this.tenders.compare(user, id, from, to);
  }
}
