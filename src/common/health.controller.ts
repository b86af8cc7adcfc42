import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { DatabaseHealthRepository } from './database-health.repository.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseHealthRepository) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const started = performance.now();
    try {
      const row = await this.database.probe();
      return {
        status: 'ok',
        database: {
          status: 'up',
          version: row.version,
          migrations: row.migrations,
          latencyMs: Math.round(performance.now() - started),
        },
      };
    } catch (error) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: { status: 'down', error: (error as Error).message } };
    }
  }
}
