import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../../src/bootstrap.js';
import { Clock } from '../../../src/common/clock.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { seedDemo, type DemoSeedResult } from '../../../seeds/demo/seed-demo.js';
import { useFreshDatabase } from './fresh-database.js';

export interface DemoApp {
  app: INestApplication;
  baseUrl: string;
  seeded: DemoSeedResult;
  today: string;
}

// The demo loaded into a database of its own through the real application listening on a random port, on the real
// day or with the clock set to another one (`pinned`). Times the database stamps itself (a list's submission) stay
// real, so only a load on the real day can be checked against the due dates counted from them. `env` adds to the
// environment the application is configured from (e.g. signing the documents it stores).
export function useDemoApp(prefix: string, pinned: string | null = null, env: Record<string, string> = {}) {
  const state: Partial<DemoApp> = {};
  // The application (and its job queue) closes before its database is dropped.
  const db = useFreshDatabase(prefix, async () => {
    await state.app?.close();
  });
  beforeAll(async () => {
    const config = loadConfig({
      ...process.env,
      DEMO_DATA: 'false',
      STORAGE_DIR: process.env.TEST_STORAGE_DIR ?? '',
      ...env,
    });
    const app = await createApp(config, db.url(), { logger: false });
    await app.listen(0, '127.0.0.1');
    state.app = app;
    state.baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    if (pinned) jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(`${pinned}T02:00:00Z`));
    state.today = app.get(Clock).today();
    state.seeded = await seedDemo(app, db.url(), state.today);
  }, 240_000);
  const rows = async <T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.client().query(sql, params)).rows as T[];
  return { state: state as DemoApp, rows };
}
