import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { auditConfigIn, createStandaloneAudit } from '../src/audit/standalone-audit.js';
import { ScopeRepository } from '../src/auth/scope.repository.js';
import { ScopeService } from '../src/auth/scope.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { EligibilityRepository } from '../src/eligibility/eligibility.repository.js';
import { ScreeningRepository } from '../src/eligibility/screening.repository.js';
import { ScreeningService } from '../src/eligibility/screening.service.js';
import { loadSynthetic } from '../seeds/synthetic/synthetic-loader.js';
import { ownCpuSeconds, treeCpuSeconds } from './process-tree.js';
import { median } from './median.js';

// The baseline of a screening: the round's current documents read in the screening's batches, nothing evaluated.
export async function readAllDocuments(
  dataSource: DataSource,
  repository: EligibilityRepository,
  roundId: string,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let read = 0;
  for (;;) {
    const batch = await repository.currentDocumentTexts(dataSource.manager, { roundId, afterId: after, limit: 2000 });
    if (!batch.length) return read;
    read += batch.length;
    after = batch[batch.length - 1].id;
  }
}

// A full screening of a synthetic round from the database with every result stored, on a throw-away PostgreSQL with
// its default (durable) settings. The baseline, measured in the same run, only reads the same dossiers.
export async function benchScreening(o: { dossiers: number; runs: number }): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amnesty-bench-screening-'));
  const db = await startEmbeddedPostgres({ dataDir, persistent: false });
  const lines: string[] = [];
  try {
    await runMigrations(db.url);
    const audit = auditConfigIn(join(dataDir, 'audit'));
    const loaded = await loadSynthetic({
      databaseUrl: db.url,
      dossiers: o.dossiers,
      presetCode: 'QD-1244-2025',
      audit,
    });
    lines.push(
      `loaded ${loaded.dossiers.toLocaleString('en')} dossiers (${loaded.rows.toLocaleString('en')} rows) in ${loaded.seconds.toFixed(1)} s`,
    );
    const dataSource = createDataSource(db.url, { poolSize: 4 });
    await dataSource.initialize();
    const repository = new EligibilityRepository();
    const threads = loadConfig().screeningThreads;
    const standalone = createStandaloneAudit(dataSource, { ...loadConfig(), audit });
    const screenings = new ScreeningService(
      dataSource,
      repository,
      new ScreeningRepository(dataSource),
      standalone.audit,
      new ScopeService(new ScopeRepository()),
      { screeningThreads: threads, screeningBatchSize: loadConfig().screeningBatchSize },
    );
    const [{ id: roundId }] = await dataSource.query('SELECT id FROM rounds WHERE code = $1', [loaded.roundCode]);

    const readOnly: number[] = [];
    const full: number[] = [];
    const nodeCpu: number[] = [];
    const pgCpu: number[] = [];
    for (let run = 0; run < o.runs; run += 1) {
      let started = performance.now();
      const read = await readAllDocuments(dataSource, repository, roundId);
      readOnly.push((performance.now() - started) / 1000);
      started = performance.now();
      const own0 = ownCpuSeconds();
      const tree0 = treeCpuSeconds();
      const screening = await screenings.create({ id: null, name: 'bench' }, null, roundId);
      const done = await screenings.run(screening.id);
      full.push((performance.now() - started) / 1000);
      const own = ownCpuSeconds() - own0;
      nodeCpu.push(own);
      pgCpu.push(treeCpuSeconds() - tree0 - own);
      if (done.status !== 'DONE' || done.done !== read)
        throw new Error(`screening ended ${done.status} with ${done.done}/${read}: ${done.error}`);
    }
    const [{ outcomes }] = await dataSource.query(
      `SELECT jsonb_object_agg(outcome, n) AS outcomes FROM (SELECT outcome, count(*) n FROM eligibility_results GROUP BY 1) x`,
    );
    await standalone.close();
    await dataSource.destroy();
    const fullMedian = median(full);
    const readMedian = median(readOnly);
    lines.push(
      `full screening of ${o.dossiers.toLocaleString('en')} dossiers on ${threads} evaluation thread(s), results stored: median ${fullMedian.toFixed(1)} s over ${o.runs} runs ` +
        `(${Math.round(o.dossiers / fullMedian).toLocaleString('en')} dossiers/s; runs: ${full.map((s) => s.toFixed(1)).join(', ')} s; goal ≤ 30 s)`,
    );
    lines.push(
      `CPU time of the screening (medians): Node.js ${median(nodeCpu).toFixed(1)} s (main thread and evaluation threads), ` +
        `PostgreSQL ${median(pgCpu).toFixed(1)} s; together over ${availableParallelism()} cores ≥ ${((median(nodeCpu) + median(pgCpu)) / availableParallelism()).toFixed(1)} s of wall time`,
    );
    lines.push(
      `baseline, reading the same dossiers only (same query, documents as text): median ${readMedian.toFixed(1)} s; screening / read = ${(fullMedian / readMedian).toFixed(2)}×`,
    );
    lines.push(`verdicts stored over all runs: ${JSON.stringify(outcomes)}`);
    return lines.join('\n');
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
