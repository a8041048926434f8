import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type {
  ConflictDeclaration,
  CurrentUser as CurrentUserShape,
  EvaluationPanel,
  EvaluationTask,
  GateResult,
  TenderEvaluation,
} from '@openbrief/contracts';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { FormPanelDto, RecordConflictHandlingDto, RecordGateDto } from './dto/evaluation-commands.dto';
import {
  ConflictDeclarationResponse,
  EvaluationPanelResponse,
  EvaluationTaskResponse,
  GateResultResponse,
  TenderEvaluationResponse,
} from './dto/evaluation.responses';
import { revisionFromIfMatch } from '../../common/http/if-match';
import { PanelsService } from './panels.service';

export const uuidOr404 = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError(what) });

/**
 * The buying team's side of evaluation (the overview, panels, conflict handling, gates) and everyone's task list.
 * Suppliers, other organisations and anyone before the opening are told nothing exists (404).
 */
@ApiTags('evaluation')
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such tender, lot or panel (or not one you may see)' })
@Controller()
export class EvaluationController {
  constructor(private readonly panels: PanelsService) {}

  @Allow('evaluation.read')
  @Get('tenders/:tenderId/evaluation')
  @ApiOperation({ summary: 'The tender’s evaluation, lot by lot, and who may sit on a panel (after opening)' })
  @ApiOkResponse({ type: TenderEvaluationResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The responses have not been opened yet' })
  overview(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', uuidOr404('That tender')) tenderId: string,
  ): Promise<TenderEvaluation> {
    return this.panels.overview(user, tenderId);
  }

  @Allow('evaluation.manage')
  @Put('tenders/:tenderId/lots/:lotId/panel')
  @ApiOperation({ summary: 'Form the lot’s panel, or re-form it until the first score is submitted; the first panel starts evaluation' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The panel’s revision when re-forming it ("0" or none for a new one)' })
  @ApiOkResponse({ type: EvaluationPanelResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'A malformed request' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'A stale revision, scores already submitted, or nothing to evaluate' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'Members or criteria that break the panel rules' })
  form(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', uuidOr404('That tender')) tenderId: string,
    @Param('lotId', uuidOr404('That lot')) lotId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: FormPanelDto,
  ): Promise<EvaluationPanel> {
    return this.panels.form(user, tenderId, lotId, revisionFromIfMatch(ifMatch, { absentMeansNew: true }), dto);
  }

  @Allow('evaluation.read')
  @Get('panels/:panelId')
  @ApiOperation({ summary: 'A panel as the buying team sees it: members, bidders, declarations, gates, progress' })
  @ApiOkResponse({ type: EvaluationPanelResponse })
  panel(@CurrentUser() user: CurrentUserShape, @Param('panelId', uuidOr404('That evaluation')) panelId: string): Promise<EvaluationPanel> {
    return this.panels.panel(user, panelId);
  }

  @Allow('evaluation.manage')
  @Post('panels/:panelId/declarations/:declarationId/handling')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record how a declared conflict of interest was handled' })
  @ApiOkResponse({ type: ConflictDeclarationResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Handling shorter than 10 or longer than 2000 characters' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The declaration is not of a conflict' })
  handling(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
    @Param('declarationId', uuidOr404('That declaration')) declarationId: string,
    @Body() dto: RecordConflictHandlingDto,
  ): Promise<ConflictDeclaration> {
    return this.panels.recordHandling(user, panelId, declarationId, dto);
  }

  @Allow('evaluation.manage')
  @Post('panels/:panelId/gates/:responseId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fail (or restore) a pass/fail requirement of a response on the evidence; a failed gate stops its scoring' })
  @ApiOkResponse({ type: [GateResultResponse] })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'A malformed request, or a reason under 10 characters' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The tender is awarded' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'Not one of the lot’s pass/fail requirements' })
  gate(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
    @Param('responseId', uuidOr404('That response')) responseId: string,
    @Body() dto: RecordGateDto,
  ): Promise<GateResult[]> {
    return this.panels.recordGate(user, panelId, responseId, dto);
  }

  @Allow('evaluation.listTasks')
  @Get('evaluations')
  @ApiOperation({ summary: 'Your evaluations: the panels you score on or moderate, with the next thing to do' })
  @ApiOkResponse({ type: [EvaluationTaskResponse] })
  tasks(@CurrentUser() user: CurrentUserShape): Promise<EvaluationTask[]> {
    return this.panels.tasks(user);
  }
}
