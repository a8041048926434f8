import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/auth.decorators';
import { CheckTextDto } from './dto/check-text.dto';
import { TextCheckResponse } from './dto/spec-check.responses';
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
  checkText(@Body() dto: CheckTextDto): TextCheckResponse {
    return this.checker.checkLines(dto.text, dto.estimatedValue);
  }
}
