import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERROR_CODES, type HealthResponse, type LivenessResponse } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  async health(): Promise<HealthResponse> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ message: 'database unreachable', code: ERROR_CODES.databaseUnreachable });
    }
    return { status: 'ok', database: this.config.database.kind };
  }

  /**
   * The process answers, without the database: a load balancer's liveness probe, and the
   * benchmark's bare route (the stack's ceiling each route is compared with).
   */
  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness of the process only, without touching the database' })
  live(): LivenessResponse {
    return { status: 'ok' };
  }
}
