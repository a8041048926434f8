import { Controller, Get, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OcdsRecordPackage, OcdsReleasePackage } from '@openbrief/ocds';
import { Allow } from '../../common/decorators/access.decorators';
import { Public } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { ReleaseFeedQueryDto } from './dto/release-feed.query';
import { OpenDataService } from './open-data.service';

/** An ocid as Openbrief makes them (`<prefix>-<reference>`); anything else names no contracting process here. */
const OCID = /^ocds-[a-z0-9]{6}-[A-Za-z0-9._~-]{1,57}$/;
class OcidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !OCID.test(value)) throw new NotFoundError('That tender');
    return value;
  }
}

const PACKAGE = {
  description: 'An OCDS 1.1 package (JSON), with the lots, awardCriteria, bid and UK extensions',
  schema: { type: 'object' },
};

@ApiTags('open data')
@Public()
@Controller('ocds')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Allow('public.list')
  @Get('releases')
  @ApiOperation({ summary: 'Every public release, newest first, a page at a time (links.next), filtered by date; for anyone' })
  @ApiOkResponse(PACKAGE)
  @ApiBadRequestResponse({
    type: ApiErrorResponse,
    description: 'A date without a time zone, a cursor this feed did not give out, limit out of range',
  })
  feed(@Query() query: ReleaseFeedQueryDto): Promise<OcdsReleasePackage> {
    return this.openData.feed(query);
  }

  @Allow('public.read')
  @Get('releases/:ocid')
  @ApiOperation({
    summary: 'A release package of every release of a public contracting process (planning, tender, updates, awards, contracts)',
  })
  @ApiOkResponse(PACKAGE)
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  releases(@Param('ocid', new OcidPipe()) ocid: string): Promise<OcdsReleasePackage> {
    return this.openData.releasePackage(ocid);
  }

  @Allow('public.read')
  @Get('records/:ocid')
  @ApiOperation({ summary: 'A record package: the releases of a public contracting process and its compiled release' })
  @ApiOkResponse(PACKAGE)
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  record(@Param('ocid', new OcidPipe()) ocid: string): Promise<OcdsRecordPackage> {
    return this.openData.recordPackage(ocid);
  }
}
