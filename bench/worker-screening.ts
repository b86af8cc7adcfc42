import type PgBoss from 'pg-boss';
import { createStandaloneAudit } from '../src/audit/standalone-audit.js';
import { ScopeRepository } from '../src/auth/scope.repository.js';
import { ScopeService } from '../src/auth/scope.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { EligibilityRepository } from '../src/eligibility/eligibility.repository.js';
import { SCREENING_QUEUE } from '../src/eligibility/screening.queue.js';
import { ScreeningRepository } from '../src/eligibility/screening.repository.js';
import { ScreeningService } from '../src/eligibility/screening.service.js';
import { JOB_RETRY_OPTIONS } from '../src/jobs/job-queue.service.js';
import { pgCpuSeconds, treeCpuSeconds } from './process-tree.js';
import type { SyntheticDatabase } from './synthetic-database.js';
import type { WorkerProcess } from './worker-processes.js';

export interface ScreeningRun {
  dossiers: number;
  seconds: number;
  // Worker processes (Node.js with their threads) and PostgreSQL.
  cpu: number;
  pgCpu: number;
  // Parts the screening was split into (0: one screening job) and the workers that screened them.
  parts: number;
  screeners: number;
}

// A screening of the whole round requested as an administrator's is (its request audited) and its job sent to the
// queue; resolves when the workers have finished it.
export async function screenByWorkers(
  db: SyntheticDatabase,
  boss: PgBoss,
  workers: WorkerProcess[],
  roundId: string,
): Promise<ScreeningRun> {
  const ds = db.dataSource;
  const standalone = createStandaloneAudit(ds, { ...loadConfig(), audit: db.auditConfig });
  const service = new ScreeningService(
    ds,
    new EligibilityRepository(),
    new ScreeningRepository(ds),
    standalone.audit,
    new ScopeService(new ScopeRepository()),
    { screeningThreads: 1, screeningBatchSize: 1 },
  );
  try {
    const { id } = await service.create({ id: null, name: 'bench' }, null, roundId);
    const cpu0 = workers.reduce((sum, w) => sum + treeCpuSeconds(w.pid), 0);
    const pg0 = pgCpuSeconds(db.dataDir);
    const started = performance.now();
    await boss.send(SCREENING_QUEUE, { screeningId: id }, JOB_RETRY_OPTIONS);
    for (;;) {
      const [s] = await ds.query('SELECT status, done, error FROM screenings WHERE id = $1', [id]);
      if (s.status === 'DONE') break;
      if (s.status === 'FAILED') throw new Error(`screening failed: ${s.error}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = workers.reduce((sum, w) => sum + treeCpuSeconds(w.pid), 0) - cpu0;
    const pgCpu = pgCpuSeconds(db.dataDir) - pg0;
    const [row] = await ds.query(
      `SELECT s.done AS dossiers, count(p.part)::int AS parts, count(DISTINCT p.worker)::int AS screeners
         FROM screenings s LEFT JOIN screening_parts p ON p.screening_id = s.id WHERE s.id = $1 GROUP BY s.done`,
      [id],
    );
    return { dossiers: row.dossiers, seconds, cpu, pgCpu, parts: row.parts, screeners: row.parts ? row.screeners : 1 };
  } finally {
    await standalone.close();
  }
}
