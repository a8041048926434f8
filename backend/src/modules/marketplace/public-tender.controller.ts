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
import { CachedPublicRead } from './public-cache/public-cache.interceptor';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

/** Anyone's reads, the same for everyone, answered from the public cache once made (public-cache/). */
@ApiTags('public')
@Public()
@Controller('public/tenders')
export class PublicTenderController {
  constructor(private readonly tenders: PublicTenderService) {}

  @CachedPublicRead('list')
  @Allow('public.list')
  @Get()
  @ApiOperation({
    summary: 'Published tenders: full-text search, filters and sorting, a page at a time; for anyone, no account needed (docs/search.md)',
  })
  @ApiOkResponse({ type: PublishedTenderPageResponse })
  @ApiBadRequestResponse({
    type: ApiErrorResponse,
    description:
      'a value out of range or not in its list, a search too long or with too many words, or a cursor this search did not give out',
  })
  list(@Query() query: PublicTenderListQueryDto): Promise<PublishedTenderPage> {
    return this.tenders.list(query);
  }

  @CachedPublicRead('latest')
  @Allow('public.read')
  @Get(':id')
  @ApiOperation({ summary: 'The latest published version of a tender, with its change log' })
  @ApiOkResponse({ type: PublishedTenderViewResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  get(@Param('id', TenderId()) id: string): Promise<PublishedTenderView> {
    return this.tenders.get(id);
  }

  @CachedPublicRead('version')
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
