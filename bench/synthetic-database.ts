import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { auditConfigIn } from '../src/audit/standalone-audit.js';
import type { AppConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { loadSynthetic } from '../seeds/synthetic/synthetic-loader.js';
import { syntheticRoundCalendar } from '../seeds/synthetic/synthetic-round.js';

export interface SyntheticDatabase {
  dataSource: DataSource;
  roundCode: string;
  // The audit area beside the database it signs for, so a kept BENCH_DATA_DIR keeps its checkpoints too.
  auditConfig: AppConfig['audit'];
  // Stops PostgreSQL and removes a throw-away data directory (the data source must be destroyed first).
  close(): Promise<void>;
}

// A throw-away embedded PostgreSQL (or the one kept in BENCH_DATA_DIR) with the real migrations and a synthetic round
// of at least `dossiers` dossiers copied from `presetCode`, loaded by the project's synthetic loader when short.
export async function openSyntheticRound(o: {
  prefix: string;
  dossiers: number;
  presetCode: string;
}): Promise<SyntheticDatabase> {
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), `amnesty-bench-${o.prefix}-`));
  const db = await startEmbeddedPostgres({ dataDir, persistent: !!keep });
  const close = async () => {
    await db.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await runMigrations(db.url);
    const auditConfig = auditConfigIn(join(dataDir, 'audit'));
    const dataSource = createDataSource(db.url, { poolSize: 4 });
    await dataSource.initialize();
    const roundCode = syntheticRoundCalendar(o.presetCode).code;
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM dossiers d JOIN rounds r ON r.id = d.round_id WHERE r.code = $1',
      [roundCode],
    );
    if (count < o.dossiers) {
      const loaded = await loadSynthetic({
        databaseUrl: db.url,
        dossiers: o.dossiers - count,
        presetCode: o.presetCode,
        audit: auditConfig,
      });
      console.log(`loaded ${loaded.dossiers.toLocaleString('en')} dossiers in ${loaded.seconds.toFixed(1)} s`);
    }
    return { dataSource, roundCode, auditConfig, close };
  } catch (error) {
    await close();
    throw error;
  }
}
