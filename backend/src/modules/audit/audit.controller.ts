import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditTrailPage, CurrentUser as CurrentUserShape } from '@openbrief/contracts';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { Allow } from '../../common/decorators/access.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { AuditService } from './audit.service';
import { AuditTrailQueryDto } from './dto/audit-trail.query';
import { AuditTrailPageResponse } from './dto/audit.responses';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

/**
 * A tender's audit trail, for the buying team that owns it. Evaluators, suppliers and other organisations
 * get 404 (not 403): the access policy's `tender.readAudit` answers them as for a tender that does not exist.
 */
@ApiTags('audit')
@ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such tender in your organisation (also for suppliers and evaluators)' })
@Controller('tenders/:id')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Allow('tender.readAudit')
  @Get('audit')
  @ApiOperation({ summary: "The tender's audit trail, newest first, a page at a time: who did what and when, in words" })
  @ApiOkResponse({ type: AuditTrailPageResponse })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  trail(
    @CurrentUser() user: CurrentUserShape,
    @Param('id', TenderId()) id: string,
    @Query() query: AuditTrailQueryDto,
  ): Promise<AuditTrailPage> {
    return this.audit.trail(user, id, query.page, query.pageSize);
  }

  @Allow('tender.readAudit')
  @Get('audit.csv')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: "The tender's whole audit trail as CSV, oldest first" })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  async csv(@CurrentUser() user: CurrentUserShape, @Param('id', TenderId()) id: string): Promise<StreamableFile> {
    const csv = await this.audit.csv(user, id);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-trail-${id}.csv"`,
    });
  }
}
