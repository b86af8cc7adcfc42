import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { auditConfigIn } from '../../src/audit/standalone-audit.js';
import { createApp } from '../../src/bootstrap.js';
import { Clock } from '../../src/common/clock.js';
import { loadConfig } from '../../src/config/app-config.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { dryRun, type DryRunResult, type PhaseOutcome } from '../../bench/round-dry-run.js';
import { loadDemoDataIfEmpty } from '../../seeds/demo/load-demo.js';
import { createFreshDatabase, type FreshDatabase } from '../seeds/support/fresh-database.js';

// The national dry run's walk (`npm run bench:round`) at a tiny size: every phase reaches its end state through the
// services and the audit chain verifies over the whole of it.
describe('the national dry run at a tiny size', () => {
  let db: FreshDatabase;
  let app: INestApplication;
  let auditDir: string;
  let storageDir: string;
  let result: DryRunResult;
  const phases: { name: string; outcome: PhaseOutcome | string }[] = [];

  beforeAll(async () => {
    db = await createFreshDatabase(process.env.TEST_DATABASE_URL!, 'dry_run');
    auditDir = mkdtempSync(join(tmpdir(), 'amnesty-dry-run-audit-'));
    storageDir = mkdtempSync(join(tmpdir(), 'amnesty-dry-run-storage-'));
    await loadDemoDataIfEmpty(db.url, new Clock().today(), auditConfigIn(auditDir));
    const config = loadConfig({
      ...process.env,
      DEMO_DATA: 'false',
      STORAGE_DIR: storageDir,
      AUDIT_DIR: auditDir,
    });
    app = await createApp(config, db.appUrl, { logger: false });
    await app.init();
    result = await dryRun(
      {
        app,
        databaseUrl: db.url,
        auditConfig: auditConfigIn(auditDir),
        dossiers: 400,
        presetCode: 'QD-1244-2025',
        facilities: 10,
        samples: { complaints: 0.05, flags: 0.02 },
      },
      async (name, work) => {
        phases.push({ name, outcome: typeof work === 'string' ? work : await work() });
      },
    );
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(auditDir, { recursive: true, force: true });
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('runs every phase in order, each having processed something, and names the ones it cannot walk', () => {
    const ran = phases.filter((p) => typeof p.outcome !== 'string');
    expect(ran.map((p) => p.name)).toEqual([
      'load',
      'staff and complete round parameters',
      'screening',
      'applications put to the teams (one command per team)',
      'team meetings and ballots',
      'camp council decisions',
      'warden approval, posting, list sent up',
      'procuracy notices',
      'complaints (sample): filed and decided',
      'department consolidation',
      'ministry consolidation',
      'appraisal: opinions (one list per agency) and findings (sample), list sent on',
      'standing body',
      'Advisory Council',
      "President's decision",
      'official documents at every level',
      'releases recorded for everyone granted (one command per camp)',
      'certificates for everyone granted (documents, batched per facility)',
      'audit verification',
    ]);
    for (const p of ran)
      expect({ phase: p.name, processed: (p.outcome as PhaseOutcome).count > 0 }).toEqual({
        phase: p.name,
        processed: true,
      });
    expect(phases.filter((p) => typeof p.outcome === 'string')).toEqual([]);
  });

  it('leaves every dossier at an end state of the round: released, left off, or waiting for papers at the council', () => {
    const total = Object.values(result.byStage).reduce((s, n) => s + (n ?? 0), 0);
    expect(total).toBe(400);
    const ends = new Set<string>([
      Stage.RELEASED,
      Stage.NOT_PUT_FORWARD,
      Stage.CAMP_INELIGIBLE,
      Stage.COMPLAINT_REJECTED,
      Stage.CAMP_COUNCIL,
    ]);
    expect(Object.keys(result.byStage).filter((s) => !ends.has(s))).toEqual([]);
    expect(result.granted).toBe(result.byStage[Stage.RELEASED]);
    expect(result.granted).toBeGreaterThan(0);
    expect(result.byStage[Stage.COMPLAINT_REJECTED]).toBeGreaterThan(0);
  });

  it('grants everyone on the council list, one certificate each, through both ministries and every hop', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT (SELECT count(*)::int FROM amnesty_certificates c JOIN dossiers d ON d.id = c.dossier_id
                 WHERE d.round_id = $1) AS certificates,
                (SELECT count(DISTINCT f.ministry)::int FROM dossiers d JOIN org_units f ON f.id = d.facility_id
                 WHERE d.round_id = $1 AND d.stage = 'released') AS ministries,
                (SELECT count(*)::int FROM audit_log a JOIN dossiers d ON d.id::text = a.entity_id
                 WHERE a.action = 'workflow.forward' AND d.round_id = $1 AND d.stage = 'released') AS forwards`,
        [result.roundId],
      );
      expect(rows[0].certificates).toBe(result.granted);
      expect(rows[0].ministries).toBe(2);
      // The camp's list sent up, then the department, the ministry, the appraisal team, the standing body: one
      // audited hop each.
      expect(rows[0].forwards).toBe(result.granted * 5);
    } finally {
      await client.end();
    }
    expect(result.forwards.map((f) => f.by)).toEqual(expect.arrayContaining(['thamdinh.ca', 'thuongtruc.hdtvdx']));
  });

  it('prints and stores every official document of the round, at every level', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT d.kind, count(*)::int AS n, bool_and(j.state = 'completed' AND d.pages > 0) AS stored
           FROM documents d JOIN document_jobs j ON j.document_id = d.id GROUP BY d.kind ORDER BY d.kind`,
      );
      const byKind = Object.fromEntries(rows.map((r: { kind: string; n: number }) => [r.kind, r.n]));
      expect(rows.every((r: { stored: boolean }) => r.stored)).toBe(true);
      expect(Object.keys(byKind).sort()).toEqual(
        [
          'certificate-batch',
          'complaint-decision',
          'council-minutes',
          'eligible-list',
          'ineligible-list',
          'procuracy-notice',
          'submission',
          'team-minutes',
        ].sort(),
      );
      const lists = await client.query(
        `SELECT count(*)::int AS n FROM list_snapshots WHERE round_id = $1 AND kind <> 'PRESIDENT_DECISION'`,
        [result.roundId],
      );
      expect(byKind['eligible-list'] + byKind['ineligible-list']).toBe(lists.rows[0].n);
      expect(byKind.submission).toBe(1);
      const documents = phases.find((p) => p.name === 'official documents at every level')!.outcome as PhaseOutcome;
      expect(documents.count + byKind['certificate-batch']).toBe(
        rows.reduce((s: number, r: { n: number }) => s + r.n, 0),
      );
      // Every granted person released and issued a certificate on a page of the facility's batch, numbered once.
      const certificates = phases.find((p) => p.name.startsWith('certificates for everyone'))!.outcome as PhaseOutcome;
      expect(certificates.count).toBe(result.granted);
      const register = await client.query(
        `SELECT count(*)::int AS n, count(DISTINCT (issuer_unit_id, seq))::int AS numbers,
                (SELECT coalesce(sum(d.pages), 0)::int FROM documents d WHERE d.kind = 'certificate-batch') AS pages
           FROM certificate_register`,
      );
      expect(register.rows[0]).toEqual({ n: result.granted, numbers: result.granted, pages: result.granted });
    } finally {
      await client.end();
    }
  });

  it('keeps the audit chain intact over the whole walk', () => {
    expect(result.audit.ok).toBe(true);
    expect(result.audit.breaks).toEqual([]);
    expect(result.audit.dossiersChecked).toBeGreaterThanOrEqual(400);
  });
});
