import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublishedTenderSummary } from '@openbrief/contracts';
import { Public } from '../../common/decorators/auth.decorators';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { PublishedTenderSummaryResponse } from '../tenders/dto/tender.responses';
import { PublicTenderService } from './public-tender.service';

@ApiTags('public')
@Public()
@Controller('public/tenders')
export class PublicTenderController {
  constructor(private readonly tenders: PublicTenderService) {}

  @Get()
  @ApiOperation({ summary: 'Published tenders, for anyone, no account needed' })
  @ApiOkResponse({ type: [PublishedTenderSummaryResponse] })
  list(): Promise<PublishedTenderSummary[]> {
    return this.tenders.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One published tender' })
  @ApiOkResponse({ type: PublishedTenderSummaryResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  get(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') })) id: string): Promise<PublishedTenderSummary> {
    return this.tenders.get(id);
  }
}
