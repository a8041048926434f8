import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserShape, OpeningRecord, OpeningState, ResponseCounts } from '@openbrief/contracts';
import { Allow } from '../../common/decorators/access.decorators';
import { CurrentUser } from '../../common/decorators/auth.decorators';
import { NotFoundError } from '../../common/errors/domain.error';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { OpeningRecordResponse, OpeningStateResponse, ResponseCountsResponse } from './dto/response.responses';
import { ResponseOpening } from './opening/response-opening.service';

const TenderId = () => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('That tender') });

@ApiTags('responses')
// The buying team's side: numbers only until the deadline, then the opening (one or two people).
@Controller()
export class OpeningController {
  constructor(private readonly opening: ResponseOpening) {}

  @Allow('response.count')
  @Get('tenders/:tenderId/responses/counts')
  @ApiOperation({ summary: 'How many suppliers registered interest and how many responses count: numbers only' })
  @ApiOkResponse({ type: ResponseCountsResponse })
  counts(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<ResponseCounts> {
    return this.opening.counts(user, tenderId);
  }

  @Allow('response.open')
  @Post('tenders/:tenderId/responses/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the responses after the deadline (or, with two-person opening, ask a colleague to confirm)' })
  @ApiOkResponse({ type: OpeningStateResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Before the deadline, or already opened' })
  open(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<OpeningState> {
    return this.opening.open(user, tenderId);
  }

  @Allow('response.open')
  @Post('tenders/:tenderId/responses/open/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm an opening a colleague asked for (two-person opening): the same person cannot' })
  @ApiOkResponse({ type: OpeningStateResponse })
  @ApiConflictResponse({ type: ApiErrorResponse })
  confirm(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<OpeningState> {
    return this.opening.confirm(user, tenderId);
  }

  @Allow('response.count')
  @Get('tenders/:tenderId/responses/opening')
  @ApiOperation({ summary: 'The opening: its state, and once opened each counted response with the hash on its receipt' })
  @ApiOkResponse({ type: OpeningRecordResponse })
  record(@CurrentUser() user: CurrentUserShape, @Param('tenderId', TenderId()) tenderId: string): Promise<OpeningRecord> {
    return this.opening.record(user, tenderId);
  }
}
