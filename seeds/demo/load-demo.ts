import { createStandaloneAudit } from '../../src/audit/standalone-audit.js';
import { hashPassword } from '../../src/auth/password.js';
import { type AuditConfig, loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
import { generateDemoData } from './demo-data.js';
import { describeCounts, writeDemoData } from './demo-writer.js';

export interface DemoLoadResult {
  loaded: boolean;
  summary: string;
  accounts: { username: string; role: string }[];
}

// Serialises concurrent first boots: only one process seeds an empty database.
const DEMO_LOCK = 727_101;

// Loads the demo organisation, accounts, rounds and dossiers into an empty database, all in one transaction.
// A database that already has any organisation unit is left untouched.
export async function loadDemoDataIfEmpty(
  databaseUrl: string,
  today: string,
  auditConfig: AuditConfig = loadConfig().audit,
): Promise<DemoLoadResult> {
  const accounts = DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role }));
  const dataSource = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'amnesty-demo-seed' });
  await dataSource.initialize();
  const { audit, close } = createStandaloneAudit(dataSource, { ...loadConfig(), audit: auditConfig });
  try {
    const isEmpty = async (query: (sql: string) => Promise<{ n: number }[]>) =>
      (await query('SELECT count(*)::int AS n FROM org_units'))[0].n === 0;
    if (!(await isEmpty((sql) => dataSource.query(sql))))
      return { loaded: false, summary: 'Đã có dữ liệu, không nạp dữ liệu mẫu.', accounts };
    const data = generateDemoData(today);
    // The demo password is published in the README, so one hash (scrypt at OWASP cost: 128 MiB and a noticeable
    // fraction of a second each) serves every demo account; a password set later gets its own salt.
    const hash = await hashPassword(DEMO_PASSWORD);
    const hashes = data.accounts.map(() => hash);
    const counts = await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
      if (!(await isEmpty((sql) => manager.query(sql)))) return null;
      return writeDemoData(manager, data, hashes, audit);
    });
    if (!counts) return { loaded: false, summary: 'Đã có dữ liệu, không nạp dữ liệu mẫu.', accounts };
    return { loaded: true, summary: describeCounts(counts), accounts };
  } finally {
    await close();
    await dataSource.destroy();
  }
}
