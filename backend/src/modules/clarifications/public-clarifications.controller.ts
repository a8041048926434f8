import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { PublishedClarification } from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../common/decorators/access.decorators';
import { Public } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { PublishedClarificationResponse } from './dto/clarification.responses';
import { PublishedClarificationsService } from './published-clarifications.service';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

/** Published answers for anyone, no account needed; `:id` as the marketplace's public routes name it. */
@ApiTags('public')
@Public()
@ApiNotFoundResponse({ type: ApiErrorResponse })
@Controller('public/tenders/:id')
export class PublicClarificationsController {
  constructor(private readonly clarifications: PublishedClarificationsService) {}

  @Allow('public.read')
  @Get('clarifications')
  @ApiOperation({ summary: 'Published clarification questions and answers, in order of publication, without who asked' })
  @ApiOkResponse({ type: [PublishedClarificationResponse] })
  list(@Param('id', TenderId()) id: string): Promise<PublishedClarification[]> {
    return this.clarifications.list(id);
  }

  @Allow('public.read')
  @Get('clarifications.pdf')
  @ApiOperation({ summary: 'The published questions and answers as a PDF (its SHA-256 is in X-Content-SHA256)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A PDF', schema: { type: 'string', format: 'binary' } })
  async pdf(@Param('id', TenderId()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { pdf, sha256, reference } = await this.clarifications.pdf(id);
    void reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `attachment; filename="${reference}-questions-and-answers.pdf"`)
      .header('X-Content-SHA256', sha256)
      .header('ETag', `"${sha256}"`)
      // Answers are added at any time: a browser may keep it, but must ask again before reusing it.
      .header('Cache-Control', 'public, no-cache')
      .send(pdf);
  }
}
