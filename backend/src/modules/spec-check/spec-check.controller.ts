import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/auth.decorators';
import { ApiErrorResponse } from '../../common/openapi/api-error.response';
import { CheckTextDto } from './dto/check-text.dto';
import { TextCheckResponse } from './dto/spec-check.responses';
import { SpecCheckRateLimitGuard } from './spec-check-rate-limit.guard';
import { SpecCheckService } from './spec-check.service';

@ApiTags('spec-check')
@Controller('spec-check')
export class SpecCheckController {
  constructor(private readonly checker: SpecCheckService) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Check any text for over-prescription: one requirement per line or list item' })
  @ApiOkResponse({ type: TextCheckResponse })
  @ApiResponse({ status: 413, type: ApiErrorResponse, description: 'The text is longer than SPEC_CHECK_MAX_CHARS' })
  @ApiResponse({ status: 422, type: ApiErrorResponse, description: 'The check took longer than WORKER_TIMEOUT_MS' })
  @ApiResponse({
    status: 429,
    type: ApiErrorResponse,
    description: 'Too many checks from this address (or account), or every worker is busy; see Retry-After',
  })
  @UseGuards(SpecCheckRateLimitGuard)
  checkText(@Body() dto: CheckTextDto): Promise<TextCheckResponse> {
    return this.checker.checkText(dto.text, dto.estimatedValue);
  }
}
