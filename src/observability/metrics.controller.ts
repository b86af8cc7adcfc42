import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/auth.decorators.js';
import { UnauthorizedException } from '../common/app.exception.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { MetricsService } from './metrics.service.js';

// Prometheus scrape endpoint (text format, so not part of the JSON API description). With METRICS_TOKEN set, the
// scraper must send it as a bearer token; without it, keep /metrics reachable only from the monitoring network.
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'metricsToken'>,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (this.config.metricsToken && !sameToken(request.headers.authorization, `Bearer ${this.config.metricsToken}`))
      throw new UnauthorizedException('Cần mã truy cập số liệu giám sát (METRICS_TOKEN).');
    const { contentType, body } = await this.metrics.scrape();
    response.type(contentType).send(body);
  }
}

function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
