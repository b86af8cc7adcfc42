import { availableParallelism } from 'node:os';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createStandaloneAudit } from '../src/audit/standalone-audit.js';
import { ScopeRepository } from '../src/auth/scope.repository.js';
import { ScopeService } from '../src/auth/scope.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { factsOrDocuments, staleFactsCount } from '../src/dossiers/dossier-facts.repository.js';
import { EligibilityRepository } from '../src/eligibility/eligibility.repository.js';
import { ScreeningRepository } from '../src/eligibility/screening.repository.js';
import { ScreeningService } from '../src/eligibility/screening.service.js';
import { FACTS_FORMAT } from '../src/eligibility/stored-facts.js';
import { ownCpuSeconds, treeCpuSeconds } from './process-tree.js';
import { median } from './median.js';
import { completeRound, openSyntheticRound } from './synthetic-database.js';

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

// A baseline of a screening: the round's current documents read in the screening's batches as text, nothing
// evaluated (what a screening read before the dossiers' facts were stored).
export async function readAllDocuments(
  dataSource: DataSource,
  repository: EligibilityRepository,
  roundId: string,
): Promise<number> {
  let after = FIRST_ID;
  let read = 0;
  for (;;) {
    const batch = await repository.currentVersions(dataSource.manager, {
      roundId,
      afterId: after,
      limit: 2000,
      withDocuments: true,
    });
    if (!batch.length) return read;
    read += batch.length;
    after = batch[batch.length - 1].id;
  }
}

function queryable(dataSource: DataSource) {
  return { query: async (sql: string, params: unknown[]) => ({ rows: await dataSource.query(sql, params) }) };
}

// The other baseline: what a screening reads now, in series — the batch's dossier versions, then their stored facts
// (the document where they are not current) as a screening thread reads them, on a connection of its own; nothing
// evaluated.
export async function readAllFacts(
  dataSource: DataSource,
  repository: EligibilityRepository,
  roundId: string,
): Promise<number> {
  const client = new pg.Client({ connectionString: (dataSource.options as { url?: string }).url });
  await client.connect();
  try {
    let after = FIRST_ID;
    let read = 0;
    for (;;) {
      const batch = await repository.currentVersions(dataSource.manager, { roundId, afterId: after, limit: 2000 });
      if (!batch.length) return read;
      read += (await factsOrDocuments(client, batch, FACTS_FORMAT)).length;
      after = batch[batch.length - 1].id;
    }
  } finally {
    await client.end();
  }
}

// A full screening of a synthetic round from the database with every result stored, on a throw-away PostgreSQL with
// its default (durable) settings (or the one kept in BENCH_DATA_DIR). The baselines, measured in the same run, only
// read the same dossiers: their documents as text, and what the screening reads (their stored facts). Dossiers whose
// facts are not stored (a kept database loaded before they were) are mapped and their facts written back by a first
// screening, timed apart.
export async function benchScreening(o: { dossiers: number; runs: number }): Promise<string> {
  const db = await openSyntheticRound({ prefix: 'screening', dossiers: o.dossiers, presetCode: 'QD-1244-2025' });
  const lines: string[] = [];
  try {
    const { dataSource } = db;
    const repository = new EligibilityRepository();
    const threads = loadConfig().screeningThreads;
    const standalone = createStandaloneAudit(dataSource, { ...loadConfig(), audit: db.auditConfig });
    const screenings = new ScreeningService(
      dataSource,
      repository,
      new ScreeningRepository(dataSource),
      standalone.audit,
      new ScopeService(new ScopeRepository()),
      { screeningThreads: threads, screeningBatchSize: loadConfig().screeningBatchSize },
    );
    const [{ id: roundId }] = await dataSource.query('SELECT id FROM rounds WHERE code = $1', [db.roundCode]);
    await completeRound(dataSource, roundId, 'QD-1244-2025');
    const ids: string[] = [];
    const screen = async (expected: number) => {
      const screening = await screenings.create({ id: null, name: 'bench' }, null, roundId);
      const done = await screenings.run(screening.id);
      if (done.status !== 'DONE' || done.done !== expected)
        throw new Error(`screening ended ${done.status} with ${done.done}/${expected}: ${done.error}`);
      return screening.id;
    };
    const stale = await staleFactsCount(queryable(dataSource), roundId, FACTS_FORMAT);
    if (stale > 0) {
      const started = performance.now();
      await screen(await repository.countDossiers(dataSource.manager, roundId));
      lines.push(
        `${stale.toLocaleString('en')} dossiers without current facts: mapped and written back by a first screening in ${((performance.now() - started) / 1000).toFixed(1)} s (not counted below)`,
      );
    }

    const readDocuments: number[] = [];
    const readFacts: number[] = [];
    const full: number[] = [];
    const nodeCpu: number[] = [];
    const pgCpu: number[] = [];
    let dossiers = 0;
    for (let run = 0; run < o.runs; run += 1) {
      let started = performance.now();
      dossiers = await readAllDocuments(dataSource, repository, roundId);
      readDocuments.push((performance.now() - started) / 1000);
      started = performance.now();
      if ((await readAllFacts(dataSource, repository, roundId)) !== dossiers) throw new Error('facts read short');
      readFacts.push((performance.now() - started) / 1000);
      started = performance.now();
      const own0 = ownCpuSeconds();
      const tree0 = treeCpuSeconds();
      ids.push(await screen(dossiers));
      full.push((performance.now() - started) / 1000);
      const own = ownCpuSeconds() - own0;
      nodeCpu.push(own);
      pgCpu.push(treeCpuSeconds() - tree0 - own);
    }
    const [{ outcomes }] = await dataSource.query(
      `SELECT jsonb_object_agg(outcome, n) AS outcomes FROM (SELECT outcome, count(*) n FROM eligibility_results
       WHERE screening_id = ANY($1) GROUP BY 1) x`,
      [ids],
    );
    await standalone.close();
    await dataSource.destroy();
    const fullMedian = median(full);
    const documentsMedian = median(readDocuments);
    const factsMedian = median(readFacts);
    lines.push(
      `full screening of ${dossiers.toLocaleString('en')} dossiers on ${threads} evaluation thread(s), results stored: median ${fullMedian.toFixed(1)} s over ${o.runs} runs ` +
        `(${Math.round(dossiers / fullMedian).toLocaleString('en')} dossiers/s; runs: ${full.map((s) => s.toFixed(1)).join(', ')} s; goal ≤ 8 s for 150,000)`,
    );
    lines.push(
      `CPU time of the screening (medians): Node.js ${median(nodeCpu).toFixed(1)} s (main thread and evaluation threads), ` +
        `PostgreSQL ${median(pgCpu).toFixed(1)} s; together over ${availableParallelism()} cores ≥ ${((median(nodeCpu) + median(pgCpu)) / availableParallelism()).toFixed(1)} s of wall time`,
    );
    lines.push(
      `baseline, reading the same dossiers' documents as text in the screening's batches: median ${documentsMedian.toFixed(1)} s; screening / read = ${(fullMedian / documentsMedian).toFixed(2)}× (goal ≤ 1.6×)`,
    );
    lines.push(
      `baseline, reading what the screening reads (the batches' versions, then their stored facts) in series: median ${factsMedian.toFixed(1)} s; screening / read = ${(fullMedian / factsMedian).toFixed(2)}×`,
    );
    lines.push(`verdicts stored by the timed screenings: ${JSON.stringify(outcomes)}`);
    return lines.join('\n');
  } finally {
    await db.close();
  }
}
