import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { type AuditRecord, chainHash, GENESIS_HASH, type StoredAuditRecord } from '../../src/audit/audit-chain.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import type { VerifyReport } from '../../src/audit/audit-verifier.js';
import { createStandaloneAudit, type StandaloneAudit } from '../../src/audit/standalone-audit.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';

// A copy of a prepared database and of its audit area (key and checkpoints), for one tampering: the database owner
// (a superuser here) edits it, then the service's own verifier reads it.
export interface TamperCopy {
  // The owner role (a superuser here), and the application's role, whose grants the copy keeps.
  url: string;
  appUrl: string;
  auditDir: string;
  owner: pg.Client;
  ds: DataSource;
  audit: StandaloneAudit;
  verify(): Promise<VerifyReport>;
  readChain(): Promise<StoredAuditRecord[]>;
  // Replaces the chain from `fromSeq` on by `rows`, every hash recomputed, triggers bypassed: what someone who holds
  // the database but not the signing key can do at best.
  rewriteChain(fromSeq: number, rows: AuditRecord[]): Promise<void>;
  drop(): Promise<void>;
}

function urlOf(name: string, base = process.env.TEST_DATABASE_URL!): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let copies = 0;

export async function copyForTampering(base: { name: string; auditDir: string }): Promise<TamperCopy> {
  copies += 1;
  const name = `${base.name}_t${copies}`;
  await admin(async (client) => {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [base.name]);
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${base.name}`);
  });
  const auditDir = mkdtempSync(join(tmpdir(), 'amnesty-tamper-'));
  cpSync(base.auditDir, auditDir, { recursive: true });
  const url = urlOf(name);
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const ds = createDataSource(url, { poolSize: 3, applicationName: 'tamper-test' });
  await ds.initialize();
  const audit = createStandaloneAudit(ds, loadConfig({ ...process.env, DATABASE_URL: url, AUDIT_DIR: auditDir }));
  const readChain = async () => {
    const rows: StoredAuditRecord[] = [];
    for await (const batch of new AuditRepository(ds).readInOrder(ds.manager)) rows.push(...batch);
    return rows;
  };
  return {
    url,
    appUrl: urlOf(name, process.env.TEST_APP_DATABASE_URL ?? process.env.TEST_DATABASE_URL!),
    auditDir,
    owner,
    ds,
    audit,
    verify: () => audit.verifier.verify({ graceMs: 100 }),
    readChain,
    async rewriteChain(fromSeq, rows) {
      const chain = await readChain();
      let prevHash = chain.find((r) => r.seq === fromSeq - 1)?.hash ?? GENESIS_HASH;
      const rebuilt = rows.map((record) => {
        const hash = chainHash(prevHash, record);
        const row = { ...record, prevHash, hash };
        prevHash = hash;
        return row;
      });
      await ds.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        await m.query('DELETE FROM audit_log WHERE seq >= $1', [fromSeq]);
        await new AuditRepository(ds).insert(m, rebuilt);
      });
    },
    async drop() {
      await audit.close();
      await ds.destroy();
      await owner.end();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(auditDir, { recursive: true, force: true });
    },
  };
}

// The record of a stored row, as the chain hashes it.
export function recordOf(row: StoredAuditRecord): AuditRecord {
  const { prevHash: _p, hash: _h, ...record } = row;
  return record;
}
