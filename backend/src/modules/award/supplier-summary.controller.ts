import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserShape } from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { PDF_RESPONSE, sendPdf } from './pdf-reply';
import { AssessmentSummaries } from './summaries/assessment-summaries.service';

const ResponseId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That response') });

@ApiTags('responses')
// The supplier's side: its own assessment summary, once the buyer has issued it.
@Controller('responses/:responseId')
export class SupplierSummaryController {
  constructor(private readonly summaries: AssessmentSummaries) {}

  @Allow('response.read')
  @Get('assessment-summary.pdf')
  @ApiOperation({ summary: 'Your assessment summary for this response, once the buyer has issued it' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_RESPONSE)
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Not issued yet, or not your response' })
  async pdf(
    @CurrentUser() user: CurrentUserShape,
    @Param('responseId', ResponseId()) responseId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendPdf(reply, await this.summaries.supplierPdf(user, responseId));
  }
}
