import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { openDatabase } from '../database/database-target.js';
import { Clock } from '../common/clock.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

// `npm run audit:verify`: walks the whole audit chain and exits non-zero at the first broken link.
async function main(): Promise<void> {
  const config = loadConfig();
  // Joins the running embedded PostgreSQL of DATA_DIR (or starts it when none runs).
  const db = await openDatabase(config);
  const dataSource: DataSource = createDataSource(db.appUrl, {
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
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
