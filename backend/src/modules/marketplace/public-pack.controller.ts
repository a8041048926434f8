import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/decorators/auth.decorators';
import { Allow } from '../../common/decorators/access.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { PublishedPacks } from '../tenders/lifecycle/published-packs';
import { versionRecord } from '../tenders/lifecycle/published-version';
import { CachedPublicRead } from './public-cache/public-cache.interceptor';
import { PublicTenderService } from './public-tender.service';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

@ApiTags('public')
@Public()
@Controller('public/tenders/:id')
export class PublicPackController {
  constructor(
    private readonly tenders: PublicTenderService,
    private readonly packs: PublishedPacks,
  ) {}

  @CachedPublicRead('latest-pack')
  @Allow('public.read')
  @Get('pack.pdf')
  @ApiOperation({ summary: 'The tender pack of the latest published version (its SHA-256 is in X-Content-SHA256)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async latest(@Param('id', TenderId()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, await this.tenders.versionRow(id));
  }

  @CachedPublicRead('version-pack')
  @Allow('public.read')
  @Get('versions/:version/pack.pdf')
  @ApiOperation({ summary: 'The tender pack of an earlier published version' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async version(
    @Param('id', TenderId()) id: string,
    @Param('version', new ParseIntPipe({ exceptionFactory: () => new NotFoundError('That version') })) version: number,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.send(reply, await this.tenders.versionRow(id, version));
  }

  /** ETag (the SHA-256 again), Cache-Control and 304s come from the public cache, which keeps these bytes. */
  private async send(reply: FastifyReply, row: Awaited<ReturnType<PublicTenderService['versionRow']>>): Promise<void> {
    const { pdf, sha256 } = await this.packs.published(row);
    void reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `attachment; filename="${versionRecord(row).reference}-v${row.version}.pdf"`)
      .header('X-Content-SHA256', sha256)
      .send(pdf);
  }
}
