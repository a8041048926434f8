import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
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
  CriterionScores,
  CurrentUser as CurrentUserShape,
  EvaluatorResponseView,
  EvaluatorScore,
  EvaluatorWorkspace,
  ModerationItem,
  ModerationView,
} from '@openbrief/contracts';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { DeclareConflictsDto, ModerateScoreDto, SaveScoreDto } from './dto/evaluation-commands.dto';
import {
  CriterionScoresResponse,
  EvaluatorResponseViewResponse,
  EvaluatorScoreResponse,
  EvaluatorWorkspaceResponse,
  ModerationItemResponse,
  ModerationViewResponse,
} from './dto/evaluation.responses';
import { uuidOr404 } from './evaluation.controller';
import { revisionFromIfMatch } from '../../common/http/if-match';
import { ModerationService } from './moderation.service';
import { ScoringService } from './scoring.service';

/**
 * A panel member's side: their workspace, conflict declarations, the responses assigned to them, blind scoring and
 * moderation. Anything a member may not see is "not found"; a member who has not declared is told to declare (409).
 */
@ApiTags('evaluation')
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such panel, response or criterion (or not one you may see)' })
@Controller('panels/:panelId')
export class PanelMemberController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly moderation: ModerationService,
  ) {}

  @Allow('panel.participate')
  @Get('workspace')
  @ApiOperation({ summary: 'Your page on the panel: bidders to declare against, then your criteria and responses' })
  @ApiOkResponse({ type: EvaluatorWorkspaceResponse })
  workspace(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
  ): Promise<EvaluatorWorkspace> {
    return this.scoring.workspace(user, panelId);
  }

  @Allow('panel.participate')
  @Put('declarations')
  @ApiOperation({ summary: 'Declare a conflict of interest, or none, for every bidder at once; final once made' })
  @ApiOkResponse({ type: EvaluatorWorkspaceResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Not one declaration per bidder, or a conflict without details' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Already declared' })
  declare(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
    @Body() dto: DeclareConflictsDto,
  ): Promise<EvaluatorWorkspace> {
    return this.scoring.declare(user, panelId, dto);
  }

  @Allow('bid.read')
  @Get('responses/:responseId')
  @ApiOperation({ summary: 'A response as you may read it: your criteria’s answers, blind labels, the price once moderated' })
  @ApiOkResponse({ type: EvaluatorResponseViewResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Declare conflicts of interest first' })
  response(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
    @Param('responseId', uuidOr404('That response')) responseId: string,
  ): Promise<EvaluatorResponseView> {
    return this.scoring.response(user, panelId, responseId);
  }

  @Allow('score.write')
  @Put('scores/:responseId/:criterionId')
  @ApiOperation({ summary: 'Save your draft score of a response on a criterion, with its justification' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The score’s revision you last read ("0" for a new one)' })
  @ApiOkResponse({ type: EvaluatorScoreResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'No If-Match, a score that is not a whole number, or no justification' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'A stale revision, or already submitted' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'Off the lot’s scale, or a justification under the minimum' })
  save(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
    @Param('responseId', uuidOr404('That response')) responseId: string,
    @Param('criterionId', uuidOr404('That criterion')) criterionId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: SaveScoreDto,
  ): Promise<EvaluatorScore> {
    return this.scoring.save(user, panelId, responseId, criterionId, revisionFromIfMatch(ifMatch), dto);
  }

  @Allow('score.write')
  @Post('criteria/:criterionId/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit all your scores of a criterion at once; they then change only through moderation' })
  @ApiOkResponse({ type: EvaluatorWorkspaceResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Already submitted, or conflicts not yet declared' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'Scores missing or incomplete, each named' })
  submit(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
    @Param('criterionId', uuidOr404('That criterion')) criterionId: string,
  ): Promise<EvaluatorWorkspace> {
    return this.scoring.submit(user, panelId, criterionId);
  }

  @Allow('score.readCriterion')
  @Get('criteria/:criterionId/scores')
  @ApiOperation({ summary: 'Every submitted score of a criterion: for an evaluator, once all of their own are submitted' })
  @ApiOkResponse({ type: CriterionScoresResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Submit your own scores of the criterion first' })
  criterionScores(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
    @Param('criterionId', uuidOr404('That criterion')) criterionId: string,
  ): Promise<CriterionScores> {
    return this.scoring.criterionScores(user, panelId, criterionId);
  }

  @Allow('moderation.read')
  @Get('moderation')
  @ApiOperation({ summary: 'Every score with its spread and flags, evaluator offsets, agreement per criterion, consensus scores' })
  @ApiOkResponse({ type: ModerationViewResponse })
  moderationView(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
  ): Promise<ModerationView> {
    return this.moderation.view(user, panelId);
  }

  @Allow('moderation.write')
  @Put('moderation/:responseId/:criterionId')
  @ApiOperation({ summary: 'Record (or revise) the consensus score and note; individual scores stay as submitted' })
  @ApiOkResponse({ type: ModerationItemResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'A score that is not a whole number, or a note under 10 characters' })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description: 'Not every evaluator of the item has submitted, or the response failed a gate',
  })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'Off the lot’s scale' })
  moderate(
    @CurrentUser() user: CurrentUserShape,
    @Param('panelId', uuidOr404('That evaluation')) panelId: string,
    @Param('responseId', uuidOr404('That response')) responseId: string,
    @Param('criterionId', uuidOr404('That criterion')) criterionId: string,
    @Body() dto: ModerateScoreDto,
  ): Promise<ModerationItem> {
    return this.moderation.moderate(user, panelId, responseId, criterionId, dto);
  }
}
