import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuditConfig, loadConfig } from '../../src/config/app-config.js';
import { ScreeningService } from '../../src/eligibility/screening.service.js';
import { WorkflowRoundRepository } from '../../src/workflow/common/round.repository.js';
import { advanceLiveRound, type LiveProgress } from './live-progress.js';
import { LIVE_ROUND_CODE } from './live-round.js';
import { loadDemoDataIfEmpty, type DemoLoadResult } from './load-demo.js';

export interface DemoSeedResult extends DemoLoadResult {
  screened: string[];
  progress: LiveProgress | null;
}

// The demo of a database created today (`today`, Vietnam's calendar day): organisation, accounts, rounds and
// dossiers written in one transaction; then, through the running application, every round screened by the engine
// and the live round walked forward by its staff. A database that already has data is left alone.
export async function seedDemo(
  app: INestApplicationContext,
  databaseUrl: string,
  today: string,
  auditConfig: AuditConfig = loadConfig().audit,
): Promise<DemoSeedResult> {
  const loaded = await loadDemoDataIfEmpty(databaseUrl, today, auditConfig);
  if (!loaded.loaded) return { ...loaded, screened: [], progress: null };
  const dataSource = app.get(DataSource);
  const screenings = app.get(ScreeningService);
  const rounds: { id: string; code: string }[] = await dataSource.query('SELECT id, code FROM rounds ORDER BY code');
  const screened: string[] = [];
  for (const round of rounds) {
    const screening = await screenings.create({ id: null, name: 'seed' }, null, round.id);
    const done = await screenings.run(screening.id);
    if (done.status !== 'DONE' && round.code === LIVE_ROUND_CODE)
      throw new Error(`Screening of the demo round ${round.code} failed: ${done.error}`);
    screened.push(
      done.status === 'DONE' ? `${round.code}: ${done.done} hồ sơ` : `${round.code}: chưa xét (${done.error})`,
    );
  }
  const live = rounds.find((r) => r.code === LIVE_ROUND_CODE)!;
  const rules = await dataSource.transaction((m) => app.get(WorkflowRoundRepository).rules(m, live.id));
  const progress = await advanceLiveRound(app, { id: live.id, deadlines: rules.deadlines }, today);
  return { ...loaded, screened, progress };
}
