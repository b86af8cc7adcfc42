import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { openDatabase } from '../database/database-target.js';
import { AuditRepository } from './audit.repository.js';
import { createStandaloneAudit } from './standalone-audit.js';

// `npm run audit:verify`: checks the audit chain, the signed checkpoints and every protected row; exits 0 when all
// hold, 2 at any break (naming the first bad row and the kind of break), 1 when it could not check.
// `npm run audit:verify -- --adopt` signs the current head once, for a chain written before checkpoints existed.
async function main(): Promise<number> {
  const config = loadConfig();
  // Joins the running embedded PostgreSQL of DATA_DIR (or starts it when none runs).
  const db = await openDatabase(config);
  const dataSource: DataSource = createDataSource(db.appUrl, {
    poolSize: 2,
    applicationName: 'amnesty-audit-verify',
  });
  await dataSource.initialize();
  const audit = createStandaloneAudit(dataSource, config);
  try {
    console.log(`Checkpoints: ${config.audit.checkpointDir} (key ${audit.checkpoints.publicKey.keyId})`);
    const report = await audit.verifier.verify();
    if (process.argv.includes('--adopt')) {
      const chainOnly = report.breaks.every((b) => b.kind === 'UNSIGNED_ROW');
      if (!chainOnly) throw new Error('Refusing to adopt: the chain has breaks other than unsigned rows');
      const head = await dataSource.transaction((m) => new AuditRepository(dataSource).head(m));
      if (!head) throw new Error('Nothing to adopt: the audit log is empty');
      await audit.checkpoints.adopt(head);
      console.log(`Signed the head #${head.seq} ${head.hash.slice(0, 16)}… on the operator's word.`);
      return 0;
    }
    const rows = Object.entries(report.protectedRows)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    if (report.ok) {
      console.log(
        `Audit chain intact: ${report.rowsChecked} rows, head #${report.lastSeq} ${report.lastHash.slice(0, 16)}…, ` +
          `signed up to #${report.checkpoints.latestSeq}; protected rows: ${rows}; dossiers: ${report.dossiersChecked}`,
      );
      return 0;
    }
    const first = report.firstBreak!;
    console.error(`Audit chain BROKEN: ${first.kind} at ${where(first)}`);
    console.error(`  ${first.message}`);
    for (const b of report.breaks.slice(1)) {
      console.error(`also ${b.kind} (${report.breakCounts[b.kind]}×), first at ${where(b)}: ${b.message}`);
    }
    console.error(`Chain read: ${report.rowsChecked} rows up to #${report.lastSeq}; protected rows: ${rows}`);
    return 2;
  } finally {
    await audit.close();
    await dataSource.destroy();
    await db.stop();
  }
}

function where(b: { seq: number | null; row: string | null }): string {
  return [b.seq !== null ? `audit row #${b.seq}` : null, b.row].filter(Boolean).join(', ');
}

// The exit code is the verdict, for scripts and monitors: set it explicitly once everything is closed.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
