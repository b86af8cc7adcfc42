import { Controller, Get, Header, HttpStatus, Inject, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeEndpoint, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { constants } from 'node:fs';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { Public } from '../auth/auth.decorators.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { resolveChromiumExecutable } from '../documents/pdf/chromium-launcher.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { HEALTH_SCHEMA, LIVE_SCHEMA } from './health.schemas.js';
import { ObservabilityRepository } from './observability.repository.js';
import { Readiness } from './readiness.js';

const CHECK_TIMEOUT_MS = 3000;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly repository: ObservabilityRepository,
    private readonly queue: JobQueue,
    private readonly readiness: Readiness,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'storageDir' | 'chromePath'>,
  ) {}

  // The address probes used before /health/live existed; same answer.
  @Public()
  @Get()
  @ApiExcludeEndpoint()
  legacy() {
    return this.live();
  }

  @Public()
  @Get('live')
  @ApiOkResponse({ schema: LIVE_SCHEMA })
  live() {
    return { status: 'ok' as const };
  }

  @Public()
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ schema: HEALTH_SCHEMA, description: 'Chưa sẵn sàng hoặc đang dừng (503).' })
  async ready(@Res({ passthrough: true }) response: Response) {
    if (this.readiness.shuttingDown) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'shutting_down', info: {}, error: {}, details: {} };
    }
    // The cause goes to the log; the public answer only says which dependency is down.
    const check = (key: string, fn: () => Promise<void>) =>
      this.indicator
        .check(key)
        .attempt(async () => {
          await fn().catch((error: Error) => {
            this.logger.warn(`Readiness check ${key} failed: ${error.message}`);
            throw new Error('unavailable');
          });
        })
        .withTimeout(CHECK_TIMEOUT_MS);
    try {
      return await this.health.check([
        () =>
          check('database', async () => {
            if ((await this.repository.appliedMigrations()) < MIGRATIONS.length) throw new Error('migrations pending');
          }),
        () => check('queue', () => this.queue.assertStarted()),
        () => check('storage', () => this.assertStorageWritable()),
        () =>
          check('browser', async () => access(await resolveChromiumExecutable(this.config.chromePath), constants.X_OK)),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse();
    }
  }

  private async assertStorageWritable(): Promise<void> {
    const root = isAbsolute(this.config.storageDir) ? this.config.storageDir : resolve(this.config.storageDir);
    await mkdir(root, { recursive: true });
    const probe = join(root, `.ready-${process.pid}`);
    await writeFile(probe, 'ok');
    await rm(probe);
  }
}
