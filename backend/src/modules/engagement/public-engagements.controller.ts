import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EngagementNotice, EngagementNoticePage } from '@openbrief/contracts';
import { Allow } from '../../common/decorators/access.decorators';
import { Public } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { EngagementListQueryDto } from './dto/engagement-commands.dto';
import { EngagementNoticePageResponse, EngagementNoticeResponse } from './dto/engagement.responses';
import { EngagementNotices } from './engagement-notices';

const EngagementId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That engagement') });

/** Engagement notices for anyone, no account needed: never feedback, never a supplier's name. */
@ApiTags('public')
@Public()
@Controller('public/engagements')
export class PublicEngagementsController {
  constructor(private readonly notices: EngagementNotices) {}

  @Allow('engagement.readPublic')
  @Get()
  @ApiOperation({ summary: 'Engagements taking feedback now, newest first (keyset-paged: pass nextCursor as cursor)' })
  @ApiOkResponse({ type: EngagementNoticePageResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'limit out of range, or a cursor this list did not give out' })
  list(@Query() query: EngagementListQueryDto): Promise<EngagementNoticePage> {
    return this.notices.openList(query);
  }

  @Allow('engagement.readPublic')
  @Get(':id')
  @ApiOperation({ summary: 'One engagement notice (open or closed): outcomes, questions, the event and how many registered' })
  @ApiOkResponse({ type: EngagementNoticeResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  notice(@Param('id', EngagementId()) id: string): Promise<EngagementNotice> {
    return this.notices.publicNotice(id);
  }
}
