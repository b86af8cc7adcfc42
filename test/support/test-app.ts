import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

// The real application on a random port against the test database, exactly as main.ts wires it: as the
// application's least-privilege role.
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const url = process.env.TEST_APP_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run the tests through Jest (global setup starts PostgreSQL)');
  const config = loadConfig({
    ...process.env,
    DEMO_DATA: 'false',
    STORAGE_DIR: process.env.TEST_STORAGE_DIR ?? '',
    ...env,
  });
  const app = await createApp(config, url, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}
