import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { BuyerEngagementView, CurrentUser as CurrentUserShape, EngagementFeedback } from '@openbrief/contracts';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { PublishEngagementDto } from './dto/engagement-commands.dto';
import { BuyerEngagementViewResponse, EngagementFeedbackResponse } from './dto/engagement.responses';
import { EngagementService } from './engagement.service';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });
const FeedbackId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That feedback') });

/**
 * The buying team's market engagement: publish the draft's outcomes (UK2), read the feedback and registrations,
 * close it, adopt a suggestion. Other roles are told plainly (403); other organisations that the tender does not exist.
 */
@ApiTags('engagement')
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such tender or engagement (or not one you may see)' })
@Controller()
export class EngagementController {
  constructor(private readonly engagements: EngagementService) {}

  @Allow('engagement.publish')
  @Post('tenders/:id/engagement')
  @ApiOperation({ summary: 'Publish the draft’s outcomes for preliminary market engagement (a UK2 notice), before the tender' })
  @ApiCreatedResponse({ type: BuyerEngagementViewResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid fields, or dates in the past or out of order' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'A stale revision, already published, or the tender is published' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorResponse, description: 'The draft has no outcomes' })
  publish(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', TenderId()) id: string,
    @Body() dto: PublishEngagementDto,
  ): Promise<BuyerEngagementView> {
    return this.engagements.publish(user, id, dto);
  }

  @Allow('engagement.manage')
  @Get('tenders/:id/engagement')
  @ApiOperation({ summary: 'The buying team’s view: the notice, all feedback with supplier names, and who registered' })
  @ApiOkResponse({ type: BuyerEngagementViewResponse })
  view(@CurrentUser() user: CurrentUserShape, @Param('id', TenderId()) id: string): Promise<BuyerEngagementView> {
    return this.engagements.view(user, id);
  }

  @Allow('engagement.manage')
  @Post('tenders/:id/engagement/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close feedback and registration now (closing again changes nothing)' })
  @ApiOkResponse({ type: BuyerEngagementViewResponse })
  close(@CurrentUser() user: CurrentUserShape, @Param('id', TenderId()) id: string): Promise<BuyerEngagementView> {
    return this.engagements.close(user, id);
  }

  @Allow('engagement.adopt')
  @Post('engagement-feedback/:id/adopt')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that a suggestion was adopted into the draft (credited in the audit trail); apply the text as an edit',
  })
  @ApiOkResponse({ type: EngagementFeedbackResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'The tender can no longer be edited' })
  adopt(@CurrentUser() user: CurrentUserShape, @Param('id', FeedbackId()) id: string): Promise<EngagementFeedback> {
    return this.engagements.adopt(user, id);
  }
}
