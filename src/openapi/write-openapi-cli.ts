import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/app-config.js';
import { buildOpenApiDocument } from './openapi-document.js';

// Writes the API description without a database: Nest's preview mode builds the module graph but creates no provider,
// which is all the document needs. `npm test` runs it before type-checking the tests, to generate the client types.
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: write-openapi-cli <output.json>');
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({}), 'postgres://unused'), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  const document = buildOpenApiDocument(app);
  await app.close();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
