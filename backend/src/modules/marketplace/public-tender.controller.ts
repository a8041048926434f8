import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublishedTenderSummary, PublishedTenderView, PublishedVersion } from '@openbrief/contracts';
import { Public } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { PublishedTenderViewResponse, PublishedVersionResponse } from '../tenders/dto/tender-detail.response';
import { PublishedTenderSummaryResponse } from '../tenders/dto/tender.responses';
import { PublicTenderService } from './public-tender.service';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

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
  @ApiOperation({ summary: 'The latest published version of a tender, with its change log' })
  @ApiOkResponse({ type: PublishedTenderViewResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  get(@Param('id', TenderId()) id: string): Promise<PublishedTenderView> {
    return this.tenders.get(id);
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'An earlier published version, exactly as it was' })
  @ApiOkResponse({ type: PublishedVersionResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  version(
    @Param('id', TenderId()) id: string,
    @Param('version', new ParseIntPipe({ exceptionFactory: () => new NotFoundError('That version') })) version: number,
  ): Promise<PublishedVersion> {
    return this.tenders.version(id, version);
  }
}
