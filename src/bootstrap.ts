import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { hardenHttp } from './common/http-hardening.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { keepRequestContext, observeRequests } from './observability/http-observer.js';
import { createRootLogger, PinoNestLogger } from './observability/logger.js';

// Builds the HTTP application; shared by main.ts and the end-to-end tests so both run the same wiring.
// Logs are JSON lines from pino (LOG_LEVEL); `logger: false` silences them (tests).
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { logger?: false; shutdownHooks?: boolean } = {},
): Promise<NestExpressApplication> {
  const rootLogger = createRootLogger(options.logger === false ? 'silent' : config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: options.logger === false ? false : new PinoNestLogger(rootLogger),
    bodyParser: false,
    abortOnError: false,
  });
  // First, so that even a request refused at the edge (size, depth, unsafe text) has an id and an access-log line.
  app.use(observeRequests(rootLogger));
  hardenHttp(app, config);
  app.use(keepRequestContext());
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // main.ts orders its own shutdown; tests and other callers get Nest's.
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app));
  return app;
}
