import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../common/decorators/access.decorators';
import { Public } from '../../common/decorators/auth.decorators';
import { Clock } from '../../common/clock/clock';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { SETTINGS, type Settings } from '../../config/settings';
import { ATOM_CONTENT_TYPE, atomFeed, FEED_ENTRIES } from './atom-feed';
import { PublicTenderListQueryDto } from './dto/public-tender-list.query';
import { canonicalQuery, parseQuery, queryString } from './saved-searches.service';
import { PublicTenderService } from './public-tender.service';

/** The public list as an Atom feed: the same search and filters, the newest 50 published. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicFeedController {
  constructor(
    private readonly tenders: PublicTenderService,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Allow('public.list')
  @Get('tenders.atom')
  @ApiOperation({
    summary: 'Published tenders as an Atom feed: the list’s search and filters, newest 50 first (sort, limit and cursor are ignored)',
  })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'An Atom (RFC 4287) feed', schema: { type: 'string' } })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'A value the list would refuse' })
  async feed(@Query() query: PublicTenderListQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const search = parseQuery(canonicalQuery(query));
    const page = await this.tenders.list({ ...search, sort: 'newest', limit: FEED_ENTRIES });
    const base = this.settings.mail.publicUrl;
    const params = queryString(search);
    const suffix = params ? `?${params}` : '';
    void reply
      .header('Content-Type', ATOM_CONTENT_TYPE)
      .header('Cache-Control', 'public, max-age=60')
      .send(
        atomFeed({
          id: `${base}/api/v1/public/tenders.atom${suffix}`,
          title: params ? 'Openbrief: tenders matching your search' : 'Openbrief: published tenders',
          selfUrl: `${base}/api/v1/public/tenders.atom${suffix}`,
          alternateUrl: `${base}/opportunities${suffix}`,
          base,
          items: page.items,
          emptyUpdated: this.clock.now(),
        }),
      );
  }
}
