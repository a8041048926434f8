import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type {
  AssessmentSummary,
  AwardDecision,
  AwardState,
  CurrentUser as CurrentUserShape,
  EvaluationResults,
  PriceResult,
} from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { PDF_RESPONSE, sendPdf } from './pdf-reply';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { revisionFromIfMatch } from '../../common/http/if-match';
import { AwardDecisions } from './award.service';
import {
  AwardDecisionDto,
  EditAssessmentSummaryDto,
  EnterContractDto,
  PublishAwardNoticeDto,
  RecordPriceInvestigationDto,
} from './dto/award-commands.dto';
import {
  AssessmentSummaryResponse,
  AwardDecisionResponse,
  AwardStateResponse,
  EvaluationResultsResponse,
  PriceResultResponse,
} from './dto/award.responses';
import { EvaluationReports } from './report/evaluation-report.service';
import { Results } from './results/results.service';
import { AssessmentSummaries } from './summaries/assessment-summaries.service';

const PanelId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That evaluation') });
const ResponseId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That response') });

@ApiTags('award')
// The buying team's side of a lot's result: prices, ranking and sensitivity, the award, summaries, standstill, report.
@Controller('panels/:panelId')
export class AwardController {
  constructor(
    private readonly results: Results,
    private readonly awards: AwardDecisions,
    private readonly summaries: AssessmentSummaries,
    private readonly reports: EvaluationReports,
  ) {}

  @Allow('evaluation.read')
  @Get('prices')
  @ApiOperation({ summary: 'Each price as evaluated, its score and any abnormally low flag with its investigation' })
  @ApiOkResponse({ type: PriceResultResponse, isArray: true })
  prices(@CurrentUser() user: CurrentUserShape, @Param('panelId', PanelId()) panelId: string): Promise<PriceResult[]> {
    return this.results.prices(user, panelId);
  }

  @Allow('evaluation.manage')
  @Post('prices/:responseId/investigation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the investigation of an abnormally low price: rejected disqualifies the response' })
  @ApiOkResponse({ type: PriceResultResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The price is not flagged, or the lot is awarded' })
  investigate(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', PanelId()) panelId: string,
    @Param('responseId', ResponseId()) responseId: string,
    @Body() dto: RecordPriceInvestigationDto,
  ): Promise<PriceResult> {
    return this.results.investigate(user, panelId, responseId, dto.outcome, dto.note);
  }

  @Allow('evaluation.read')
  @Get('results')
  @ApiOperation({ summary: 'Weighted totals, ranking, ties and sensitivity; provisional (complete: false) until moderation is complete' })
  @ApiOkResponse({ type: EvaluationResultsResponse })
  resultsOf(@CurrentUser() user: CurrentUserShape, @Param('panelId', PanelId()) panelId: string): Promise<EvaluationResults> {
    return this.results.results(user, panelId);
  }

  @Allow('evaluation.read')
  @Get('award')
  @ApiOperation({ summary: 'The award decision and the assessment summaries, and what blocks the award notice' })
  @ApiOkResponse({ type: AwardStateResponse })
  award(@CurrentUser() user: CurrentUserShape, @Param('panelId', PanelId()) panelId: string): Promise<AwardState> {
    return this.awards.state(user, panelId);
  }

  @Allow('evaluation.manage')
  @Post('award')
  @HttpCode(200)
  @ApiOperation({ summary: 'Award the lot to a ranked response, with reasons; drafts an assessment summary for every assessed supplier' })
  @ApiOkResponse({ type: AwardStateResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Moderation incomplete, a disqualified response, or already awarded' })
  @ApiUnprocessableEntityResponse({
    type: ApiErrorResponse,
    description: 'Not a bid on this lot, or reasons too short to depart from the ranking',
  })
  decide(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', PanelId()) panelId: string,
    @Body() dto: AwardDecisionDto,
  ): Promise<AwardState> {
    return this.awards.decide(user, panelId, dto.responseId, dto.reasons);
  }

  @Allow('evaluation.manage')
  @Post('award/notice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the contract award notice: the standstill of 8 working days starts that day' })
  @ApiOkResponse({ type: AwardDecisionResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Not every assessment summary is issued, or already published' })
  publishNotice(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', PanelId()) panelId: string,
    @Body() dto: PublishAwardNoticeDto,
  ): Promise<AwardDecision> {
    return this.awards.publishNotice(user, panelId, dto.publishedAt);
  }

  @Allow('evaluation.manage')
  @Post('award/contract')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the contract was entered into: refused before the standstill ends' })
  @ApiOkResponse({ type: AwardDecisionResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The standstill has not ended, or the notice is not published' })
  enterContract(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', PanelId()) panelId: string,
    @Body() dto: EnterContractDto,
  ): Promise<AwardDecision> {
    return this.awards.enterContract(user, panelId, dto.enteredAt);
  }

  @Allow('evaluation.manage')
  @Put('summaries/:responseId')
  @ApiOperation({ summary: 'Edit a draft assessment summary (explanations, why not successful); 409 with the current one if it changed' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The revision you read (from the ETag or `revision`)' })
  @ApiOkResponse({ type: AssessmentSummaryResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Changed since you read it, or already issued' })
  async editSummary(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', PanelId()) panelId: string,
    @Param('responseId', ResponseId()) responseId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: EditAssessmentSummaryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssessmentSummary> {
    const summary = await this.summaries.edit(
      user,
      panelId,
      responseId,
      revisionFromIfMatch(ifMatch, { min: 1 }),
      dto.explanations,
      dto.whyNotSuccessful,
    );
    void reply.header('ETag', `"${summary.revision}"`);
    return summary;
  }

  @Allow('evaluation.manage')
  @Post('summaries/:responseId/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue the assessment summary: the PDF is stored with its SHA-256 and the supplier is told' })
  @ApiOkResponse({ type: AssessmentSummaryResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Already issued' })
  issueSummary(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', PanelId()) panelId: string,
    @Param('responseId', ResponseId()) responseId: string,
  ): Promise<AssessmentSummary> {
    return this.summaries.issue(user, panelId, responseId);
  }

  @Allow('evaluation.read')
  @Get('summaries/:responseId/pdf')
  @ApiOperation({ summary: 'An issued assessment summary, as sent to the supplier' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_RESPONSE)
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Not issued yet' })
  async summaryPdf(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', PanelId()) panelId: string,
    @Param('responseId', ResponseId()) responseId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendPdf(reply, await this.summaries.buyerPdf(user, panelId, responseId));
  }

  @Allow('evaluation.read')
  @Get('report.pdf')
  @ApiOperation({ summary: 'The evaluation report for the file: panel, conflicts, gates, every score, totals, sensitivity, decision' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_RESPONSE)
  async report(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', PanelId()) panelId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendPdf(reply, await this.reports.pdf(user, panelId));
  }
}
