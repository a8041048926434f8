import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublishedTenderPage, PublishedTenderView, PublishedVersion } from '@openbrief/contracts';
import { Public } from '../../common/decorators/auth.decorators';
import { Allow } from '../../common/decorators/access.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { PublishedTenderViewResponse, PublishedVersionResponse } from '../tenders/dto/tender-detail.response';
import { PublishedTenderPageResponse } from './dto/published-tender-page.response';
import { PublicTenderListQueryDto } from './dto/public-tender-list.query';
import { PublicTenderService } from './public-tender.service';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

@ApiTags('public')
@Public()
@Controller('public/tenders')
export class PublicTenderController {
  constructor(private readonly tenders: PublicTenderService) {}

  @Allow('public.list')
  @Get()
  @ApiOperation({ summary: 'Published tenders, newest publication first, a page at a time; for anyone, no account needed' })
  @ApiOkResponse({ type: PublishedTenderPageResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'limit out of range, or a cursor this list did not give out' })
  list(@Query() query: PublicTenderListQueryDto): Promise<PublishedTenderPage> {
    return this.tenders.list(query);
  }

  @Allow('public.read')
  @Get(':id')
  @ApiOperation({ summary: 'The latest published version of a tender, with its change log' })
  @ApiOkResponse({ type: PublishedTenderViewResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  get(@Param('id', TenderId()) id: string): Promise<PublishedTenderView> {
    return this.tenders.get(id);
  }

  @Allow('public.read')
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
