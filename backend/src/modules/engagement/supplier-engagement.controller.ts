import { Body, Controller, Delete, Get, Headers, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
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
import type { CurrentUser as CurrentUserShape, EngagementFeedback, SupplierEngagementView } from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { GiveEngagementFeedbackDto, RegisterForEngagementDto } from './dto/engagement-commands.dto';
import { EngagementFeedbackResponse, SupplierEngagementViewResponse } from './dto/engagement.responses';
import { EngagementParticipation } from './engagement-participation.service';

const EngagementId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That engagement') });

/** A signed-in supplier on an engagement: its own feedback and registration. Other roles are told only suppliers take part. */
@ApiTags('engagement')
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such engagement' })
@Controller('engagements/:id')
export class SupplierEngagementController {
  constructor(private readonly participation: EngagementParticipation) {}

  @Allow('engagement.readOwn')
  @Get()
  @ApiOperation({ summary: 'The notice with your organisation’s own feedback and registration' })
  @ApiOkResponse({ type: SupplierEngagementViewResponse })
  view(@CurrentUser() user: CurrentUserShape, @Param('id', EngagementId()) id: string): Promise<SupplierEngagementView> {
    return this.participation.view(user, id);
  }

  @Allow('engagement.feedback')
  @Post('feedback')
  @ApiOperation({ summary: 'Comment on an outcome or propose an alternative, before feedback closes' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Any token you make (e.g. a UUID), the same on every retry' })
  @ApiCreatedResponse({ type: EngagementFeedbackResponse })
  @ApiOkResponse({ type: EngagementFeedbackResponse, description: 'The same Idempotency-Key again: the feedback it made' })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Not one of the outcomes, or an alternative without its outcome' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Feedback has closed' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'Your organisation has given the most feedback allowed' })
  async feedback(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', EngagementId()) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: GiveEngagementFeedbackDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EngagementFeedback> {
    const { feedback, replayed } = await this.participation.giveFeedback(user, id, dto, idempotencyKey);
    void reply.status(replayed ? 200 : 201);
    return feedback;
  }

  @Allow('engagement.register')
  @Put('registration')
  @ApiOperation({ summary: 'Register your organisation’s people for the event, or change how many (before it starts)' })
  @ApiOkResponse({ type: SupplierEngagementViewResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The event is full, has started, or the engagement is closed' })
  register(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', EngagementId()) id: string,
    @Body() dto: RegisterForEngagementDto,
  ): Promise<SupplierEngagementView> {
    return this.participation.register(user, id, dto);
  }

  @Allow('engagement.register')
  @Delete('registration')
  @ApiOperation({ summary: 'Withdraw your organisation’s registration (before the event starts)' })
  @ApiOkResponse({ type: SupplierEngagementViewResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The event has started, or the engagement is closed' })
  withdraw(@CurrentUser() user: CurrentUserShape, @Param('id', EngagementId()) id: string): Promise<SupplierEngagementView> {
    return this.participation.withdraw(user, id);
  }
}
