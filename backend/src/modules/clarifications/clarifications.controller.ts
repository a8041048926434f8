import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { CurrentUser as CurrentUserShape, InterestState, OwnQuestion, QueuedQuestion, QuestionQueue } from '@openbrief/contracts';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { AskQuestionDto, DraftAnswerDto, PublishAnswerDto } from './dto/clarification-commands.dto';
import { InterestStateResponse, OwnQuestionResponse, QueuedQuestionResponse, QuestionQueueResponse } from './dto/clarification.responses';
import { revisionFromIfMatch } from '../../common/http/if-match';
import { InterestService } from './interest.service';
import { QuestionsService } from './questions.service';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });
const QuestionId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That question') });

/**
 * A supplier's interest and clarification questions on a published tender, and the buying team's queue of
 * questions. Suppliers are told plainly (403) that only suppliers take part; the queue answers everyone outside
 * the tender's buying team as for a tender that does not exist (404).
 */
@ApiTags('clarifications')
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such tender (or not one you may see)' })
@Controller('tenders/:tenderId')
export class ClarificationsController {
  constructor(
    private readonly interest: InterestService,
    private readonly questions: QuestionsService,
  ) {}

  @Allow('question.readOwn')
  @Get('interest')
  @ApiOperation({ summary: 'Whether your organisation has registered interest in the tender (suppliers)' })
  @ApiOkResponse({ type: InterestStateResponse })
  interestState(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<InterestState> {
    return this.interest.state(user, tenderId);
  }

  @Allow('interest.register')
  @Put('interest')
  @ApiOperation({ summary: 'Register your organisation’s interest (before the submission deadline); the buyer sees only how many' })
  @ApiOkResponse({ type: InterestStateResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The submission deadline has passed, or the tender is no longer open' })
  register(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<InterestState> {
    return this.interest.registerInterest(user, tenderId);
  }

  @Allow('interest.register')
  @Delete('interest')
  @ApiOperation({ summary: 'Withdraw your organisation’s interest (before the submission deadline)' })
  @ApiOkResponse({ type: InterestStateResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The submission deadline has passed, or the tender is no longer open' })
  withdraw(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<InterestState> {
    return this.interest.withdraw(user, tenderId);
  }

  @Allow('question.ask')
  @Post('questions')
  @ApiOperation({ summary: 'Ask a clarification question (at most 500 words), before the clarification deadline' })
  @ApiCreatedResponse({ type: OwnQuestionResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Empty, too long, or more than 500 words' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Questions have closed' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'Your organisation has asked the most questions allowed' })
  ask(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Body() dto: AskQuestionDto,
  ): Promise<OwnQuestion> {
    return this.questions.ask(user, tenderId, dto);
  }

  @Allow('question.readOwn')
  @Get('questions/mine')
  @ApiOperation({ summary: "Your organisation's questions about the tender, with their answers (public or private to you)" })
  @ApiOkResponse({ type: [OwnQuestionResponse] })
  mine(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<OwnQuestion[]> {
    return this.questions.mine(user, tenderId);
  }

  @Allow('question.manage')
  @Get('questions')
  @ApiOperation({
    summary: 'The buying team’s queue: every question with counts (new, drafted, published, answered privately) and both dates',
  })
  @ApiOkResponse({ type: QuestionQueueResponse })
  queue(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<QuestionQueue> {
    return this.questions.queue(user, tenderId);
  }

  @Allow('question.manage')
  @Put('questions/:questionId/draft')
  @ApiOperation({ summary: 'Save a draft answer; refused with 409 and the current state if someone changed it since your revision' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The question’s revision you last read' })
  @ApiOkResponse({ type: QueuedQuestionResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'No If-Match, or an answer too long' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'A stale revision (with `current`), or already answered' })
  draft(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Param('questionId', QuestionId()) questionId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: DraftAnswerDto,
  ): Promise<QueuedQuestion> {
    return this.questions.draft(user, tenderId, questionId, revisionFromIfMatch(ifMatch), dto);
  }

  @Allow('question.manage')
  @Post('questions/:questionId/answer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer: publicly to everyone, asker anonymised (default), or privately to the asker with a reason' })
  @ApiOkResponse({ type: QueuedQuestionResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Already answered' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'A private answer without a reason' })
  answer(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Param('questionId', QuestionId()) questionId: string,
    @Body() dto: PublishAnswerDto,
  ): Promise<QueuedQuestion> {
    return this.questions.answer(user, tenderId, questionId, dto);
  }
}
