import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserShape, TenderHistoryEntry } from '@openbrief/contracts';
import { CurrentUser } from '../../../common/decorators/auth.decorators';
import { Allow } from '../../../common/decorators/access.decorators';
import { NotFoundError } from '../../../common/errors/domain.error';
import { ApiErrorResponse } from '../../../common/openapi/api-error.response';
import { TenderHistoryEntryResponse } from './tender-history.responses';
import { TenderHistoryService } from './tender-history.service';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

@ApiTags('tenders')
@Controller()
export class TenderHistoryController {
  constructor(private readonly history: TenderHistoryService) {}

  @Allow('tender.readHistory')
  @Get('tenders/:id/history')
  @ApiOperation({
    summary:
      "The tender's history, newest first: saved revisions (what changed, in words) and published versions (with their change notes)",
  })
  @ApiOkResponse({ type: [TenderHistoryEntryResponse] })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such tender in your organisation' })
  list(@CurrentUser() user: CurrentUserShape, @Param('id', TenderId()) id: string): Promise<TenderHistoryEntry[]> {
    return this.history.history(user, id);
  }
}
