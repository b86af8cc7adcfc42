import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const started = performance.now();
    try {
      const [row] = await this.dataSource.query(
        `SELECT current_setting('server_version') AS version,
                (SELECT count(*) FROM schema_migrations)::int AS migrations`,
      );
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
