import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type CommentThread,
  type CommentThreadInContext,
  type CommentThreadList,
  type CurrentUser as CurrentUserShape,
  type TeamMember,
} from '@openbrief/contracts';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { Allow } from '../../common/decorators/access.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { CommentsService } from './comments.service';
import {
  CreateCommentThreadDto,
  ListCommentThreadsQueryDto,
  ReplyToCommentThreadDto,
  ThreadStatusChangeDto,
} from './dto/comment-commands.dto';
import {
  CommentThreadInContextResponse,
  CommentThreadListResponse,
  CommentThreadResponse,
  TeamMemberResponse,
} from './dto/comment.responses';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });
const ThreadId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That comment thread') });

/**
 * The buying team's comment threads on a tender. Suppliers, evaluators and other organisations get 404
 * (not 403) from the access policy's `comment.*` rules. Someone mentioned in a thread (an evaluator, say)
 * may read and reply to that thread only (`comment.answerMention`).
 */
@ApiTags('comments')
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such tender in your organisation (also for suppliers and evaluators)' })
@Controller('tenders/:tenderId')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Allow('comment.read')
  @Get('comments')
  @ApiOperation({ summary: 'Comment threads on the tender, newest activity first, with counts of open and resolved threads' })
  @ApiOkResponse({ type: CommentThreadListResponse })
  list(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Query() query: ListCommentThreadsQueryDto,
  ): Promise<CommentThreadList> {
    return this.comments.list(user, tenderId, query);
  }

  @Allow('comment.write')
  @Post('comments')
  @ApiOperation({ summary: 'Start a thread on the tender, one of its requirements, a field or a quoted passage' })
  @ApiCreatedResponse({ type: CommentThreadResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  create(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Body() dto: CreateCommentThreadDto,
  ): Promise<CommentThread> {
    return this.comments.create(user, tenderId, dto);
  }

  @Allow('comment.answerMention')
  @Get('comments/:threadId')
  @ApiOperation({ summary: 'One thread with the tender it is about: for the buying team, and for people mentioned in it' })
  @ApiOkResponse({ type: CommentThreadInContextResponse })
  thread(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Param('threadId', ThreadId()) threadId: string,
  ): Promise<CommentThreadInContext> {
    return this.comments.thread(user, tenderId, threadId);
  }

  @Allow('comment.answerMention')
  @Post('comments/:threadId/replies')
  @ApiOperation({ summary: 'Reply to an open thread (the buying team, and people mentioned in it)' })
  @ApiCreatedResponse({ type: CommentThreadResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The thread is resolved: reopen it first' })
  reply(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Param('threadId', ThreadId()) threadId: string,
    @Body() dto: ReplyToCommentThreadDto,
  ): Promise<CommentThread> {
    return this.comments.reply(user, tenderId, threadId, dto);
  }

  @Allow('comment.resolve')
  @Post('comments/:threadId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a thread resolved (who and when are recorded)' })
  @ApiOkResponse({ type: CommentThreadResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Already resolved' })
  resolve(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Param('threadId', ThreadId()) threadId: string,
    @Body() _dto: ThreadStatusChangeDto,
  ): Promise<CommentThread> {
    return this.comments.resolve(user, tenderId, threadId);
  }

  @Allow('comment.resolve')
  @Post('comments/:threadId/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved thread (who and when are recorded)' })
  @ApiOkResponse({ type: CommentThreadResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Already open' })
  reopen(
    @CurrentUser() user: CurrentUserShape,
    @Param('tenderId', TenderId()) tenderId: string,
    @Param('threadId', ThreadId()) threadId: string,
    @Body() _dto: ThreadStatusChangeDto,
  ): Promise<CommentThread> {
    return this.comments.reopen(user, tenderId, threadId);
  }

  @Allow('comment.read')
  @Get('team')
  @ApiOperation({ summary: "The tender organisation's buying team: the people who can be mentioned in comments" })
  @ApiOkResponse({ type: [TeamMemberResponse] })
  team(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<TeamMember[]> {
    return this.comments.team(user, tenderId);
  }
}

/** Where people find the threads they were mentioned in, across their organisation's tenders. */
@ApiTags('comments')
@Controller('comments')
export class MentionsController {
  constructor(private readonly comments: CommentsService) {}

  @Allow('comment.listMentions')
  @Get('mentioning-me')
  @ApiOperation({ summary: 'Threads in which someone mentioned you, with their tenders, newest activity first' })
  @ApiOkResponse({ type: [CommentThreadInContextResponse] })
  mentioningMe(@CurrentUser() user: CurrentUserShape): Promise<CommentThreadInContext[]> {
    return this.comments.mentioningMe(user);
  }
}
