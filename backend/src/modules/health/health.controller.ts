import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthStatus } from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { SETTINGS, type Settings } from '../../config/settings';
import { Public } from '../../common/decorators/auth.decorators';

class HealthStatusResponse implements HealthStatus {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database!: 'up' | 'down';
  @ApiProperty() version!: string;
}

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and database check, for load balancers' })
  @ApiOkResponse({ type: HealthStatusResponse })
  @ApiServiceUnavailableResponse({ type: HealthStatusResponse })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatus> {
    const up = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    void reply.code(up ? 200 : 503);
    return { status: up ? 'ok' : 'error', database: up ? 'up' : 'down', version: this.settings.version };
  }
}
