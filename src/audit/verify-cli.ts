import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { Clock } from '../common/clock.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

// `npm run audit:verify`: walks the whole audit chain and exits non-zero at the first broken link.
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: config.dataDir, persistent: true, port: config.databasePort });
  const dataSource: DataSource = createDataSource(config.databaseUrl ?? embedded!.url, {
    poolSize: 2,
    applicationName: 'amnesty-audit-verify',
  });
  await dataSource.initialize();
  try {
    const report = await new AuditService(new Clock(), new AuditRepository(dataSource)).verify();
    if (report.ok) {
      console.log(
        `Audit chain intact: ${report.rowsChecked} rows, head #${report.lastSeq} ${report.lastHash.slice(0, 16)}…`,
      );
    } else {
      console.error(
        `Audit chain BROKEN at row #${report.firstBreak!.seq} (${report.firstBreak!.problem}): ${report.firstBreak!.message}`,
      );
      console.error(`Last good row: #${report.lastSeq} ${report.lastHash.slice(0, 16)}…`);
      process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
