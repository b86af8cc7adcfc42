import 'reflect-metadata';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { hardenHttp } from './common/http-hardening.js';

// Builds the HTTP application; shared by main.ts and the end-to-end tests so both run the same wiring.
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { logger?: false | LogLevel[]; shutdownHooks?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: false,
    abortOnError: false,
  });
  hardenHttp(app, config);
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // main.ts orders its own shutdown; tests and other callers get Nest's.
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('amnesty-pipeline API')
    .setDescription('Hồ sơ đề nghị đặc xá: từ bỏ phiếu kín ở đội đến danh sách trình Chủ tịch nước.')
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('sid')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
