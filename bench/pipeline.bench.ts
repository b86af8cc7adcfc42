import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { auditConfigIn, createStandaloneAudit } from '../src/audit/standalone-audit.js';
import { loadConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { AppraisalRepository } from '../src/workflow/appraisal/appraisal.repository.js';
import { StandingGate } from '../src/workflow/appraisal/standing-gate.js';
import { ScopeService } from '../src/auth/scope.service.js';
import { ScopeRepository } from '../src/auth/scope.repository.js';
import type { SessionUser } from '../src/auth/session-user.js';
import { Role } from '../src/auth/user.entity.js';
import { OrgUnitKind } from '../src/org/org-unit.entity.js';
import { WorkflowRoundRepository } from '../src/workflow/common/round.repository.js';
import { CourtRepository } from '../src/workflow/courts/court.repository.js';
import { ProcuracyNoticeRepository } from '../src/workflow/procuracy/procuracy-notice.repository.js';
import { TransitionFacts } from '../src/workflow/history/transition-facts.js';
import { TransitionRepository } from '../src/workflow/history/transition.repository.js';
import { TransitionService } from '../src/workflow/history/transition.service.js';
import { ConsolidationRepository } from '../src/workflow/lists/consolidation.repository.js';
import { ForwardService } from '../src/workflow/lists/forward.service.js';
import { HOPS } from '../src/workflow/lists/hops.js';
import { ListRepository } from '../src/workflow/lists/list.repository.js';
import { OrgRoutingRepository } from '../src/workflow/lists/org-routing.repository.js';
import type { UnitOfWork } from '../src/workflow/common/unit-of-work.js';
import { cpuSince, cpuSplit, metered, profiled, timed } from './statement-timing.js';
import { upperMedian as median } from './median.js';

// Advances a 15,000-name list one hop (a department consolidating a camp's list for the Minister) through the same
// statements the API runs, against a durable PostgreSQL. Baseline: a plain bulk UPDATE of the same rows, rolled back.
const NAMES = Number(process.env.BENCH_NAMES ?? 15_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL_MS = 600;

interface Org {
  facility: string;
  department: string;
  departmentPath: string;
  clerk: string;
  officer: string;
}

async function seedOrg(ds: DataSource): Promise<Org> {
  const unit = async (
    parent: { id: string; path: string } | null,
    code: string,
    kind: string,
    extra: Record<string, string> = {},
  ) => {
    const id = randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    await ds.query(
      `INSERT INTO org_units (id, code, name, kind, parent_id, path, ministry, department_kind, facility_kind) VALUES ($1,$2,$2,$3,$4,$5,$6,$7,$8)`,
      [
        id,
        code,
        kind,
        parent?.id ?? null,
        path,
        extra.ministry ?? null,
        extra.departmentKind ?? null,
        extra.facilityKind ?? null,
      ],
    );
    return { id, path };
  };
  const ministry = await unit(null, 'BCA', 'MINISTRY', { ministry: 'CONG_AN' });
  const department = await unit(ministry, 'C10', 'DEPARTMENT', { ministry: 'CONG_AN', departmentKind: 'C10' });
  const facility = await unit(department, 'TG-01', 'FACILITY', { ministry: 'CONG_AN', facilityKind: 'MPS_PRISON' });
  const user = async (name: string, role: string, unitId: string) =>
    (
      await ds.query(
        `INSERT INTO users (username, password_hash, full_name, role, org_unit_id) VALUES ($1, 'x', $1, $2, $3) RETURNING id`,
        [name, role, unitId],
      )
    )[0].id as string;
  return {
    facility: facility.id,
    department: department.id,
    departmentPath: department.path,
    clerk: await user('clerk', 'TEAM_OFFICER', facility.id),
    officer: await user('c10', 'DEPARTMENT_OFFICER', department.id),
  };
}

// A round whose whole list waits at the department, as the camp's submitted list left it.
async function seedRound(ds: DataSource, org: Org, run: number): Promise<string> {
  const [{ id: roundId }] = await ds.query(
    `INSERT INTO rounds (code, name, rule_pack, decision_number, decision_date, cutoff_date, parameters)
     VALUES ($1, $1, 'law-30-2018', '1/QĐ-CTN', '2025-07-03', '2025-08-31', '{}') RETURNING id`,
    [`BENCH-${run}`],
  );
  await ds.query(
    `INSERT INTO dossiers (round_id, facility_id, inmate_number, status, full_name, birth_date, sex, ethnicity, nationality,
       registered_residence, residence_after_release, sentence_kind, sentence_years, sentence_months, sentence_days, stage, version, created_by)
     SELECT $1, $2, 'PN-' || lpad(i::text, 6, '0'), 'SERVING', 'Phạm nhân ' || i, '1980-01-01', 'MALE', 'Kinh', 'Việt Nam',
       '{}', '{}', 'FIXED', 5, 0, 0, 'department', 5, $3 FROM generate_series(1, $4) AS i`,
    [roundId, org.facility, org.clerk, NAMES],
  );
  await ds.query(
    `INSERT INTO dossier_versions (dossier_id, version, document, content_hash, created_by)
     SELECT id, 1, jsonb_build_object('fullName', full_name), md5(full_name), created_by FROM dossiers WHERE round_id = $1`,
    [roundId],
  );
  const listId = randomUUID();
  await ds.query(
    `INSERT INTO list_snapshots (id, round_id, code, kind, from_stage, to_stage, owner_unit_id, recipient_unit_id, entry_count, content_hash, created_by)
     VALUES ($1, $2, 'CAMP', 'CAMP_ELIGIBLE', 'warden', 'department', $3, $4, $5, 'seed', $6)`,
    [listId, roundId, org.facility, org.department, NAMES, org.clerk],
  );
  await ds.query(
    `INSERT INTO list_entries (list_id, dossier_id, position, dossier_version, content_hash, full_name, facility_id)
     SELECT $1, id, row_number() OVER (ORDER BY inmate_number), 1, md5(full_name), full_name, facility_id FROM dossiers WHERE round_id = $2`,
    [listId, roundId],
  );
  await ds.query(`INSERT INTO list_submissions (list_id, recipient_unit_id, submitted_by) VALUES ($1, $2, $3)`, [
    listId,
    org.department,
    org.clerk,
  ]);
  // What autovacuum does on a live database between two hops minutes apart: without it, each run's table scans read
  // the dead rows of every run before (its rolled-back baseline and its hop), and the hop grew from run to run.
  await ds.query('VACUUM ANALYZE');
  return roundId;
}

async function main(): Promise<void> {
  let db: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    dataDir = mkdtempSync(join(tmpdir(), 'amnesty-bench-pg-'));
    db = await startEmbeddedPostgres({ dataDir, persistent: false, fast: false });
    url = db.url;
  }
  await runMigrations(url);
  const ds = createDataSource(url, { poolSize: 4, applicationName: 'bench-pipeline' });
  await ds.initialize();
  const auditDir = mkdtempSync(join(tmpdir(), 'amnesty-bench-audit-'));
  const standalone = createStandaloneAudit(ds, { ...loadConfig(), audit: auditConfigIn(auditDir) });
  try {
    const org = await seedOrg(ds);
    const consolidation = new ConsolidationRepository(new ListRepository());
    const audit = standalone.audit;
    const transitions = new TransitionRepository();
    const service = new ForwardService(
      null as unknown as UnitOfWork,
      consolidation,
      new ListRepository(),
      new OrgRoutingRepository(),
      new StandingGate(new AppraisalRepository()),
      new TransitionService(
        transitions,
        new TransitionFacts(
          transitions,
          new WorkflowRoundRepository(),
          new ProcuracyNoticeRepository(),
          new CourtRepository(),
        ),
        new ScopeService(new ScopeRepository()),
        audit,
      ),
      audit,
    );
    const user: SessionUser = {
      id: org.officer,
      username: 'c10',
      fullName: 'c10',
      role: Role.DEPARTMENT_OFFICER,
      agency: null,
      orgUnitId: org.department,
      orgUnitName: 'C10',
      orgUnitKind: OrgUnitKind.DEPARTMENT,
      orgUnitPath: org.departmentPath,
    };
    const hop = HOPS[0];
    const rows: { forwardMs: number; baselineMs: number; forwardCpu: number; baselineCpu: number }[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const roundId = await seedRound(ds, org, run);
      const [baselineMs, baselineCpu] = await metered(dataDir, () =>
        ds
          .transaction(async (m) => {
            await m.query(
              `UPDATE dossiers SET stage = 'ministry', version = version + 1, updated_at = now() WHERE round_id = $1 AND stage = 'department'`,
              [roundId],
            );
            throw new RollbackSignal();
          })
          .catch((e) => {
            if (!(e instanceof RollbackSignal)) throw e;
          }),
      );
      const token = await ds.transaction(async (m) => {
        await consolidation.stagePending(m, { unitId: org.department, stage: hop.stage, roundId });
        return (await consolidation.summary(m)).token;
      });
      const [forwardMs, forwardCpu, result] = await metered(dataDir, () =>
        ds.transaction(async (m) => {
          const cpu = cpuSplit(dataDir);
          const [ms, out] = await timed(() =>
            service.forwardIn(process.env.BENCH_PROFILE ? profiled(m, dataDir) : m, user, hop, { token, roundId }),
          );
          if (process.env.BENCH_PROFILE)
            console.log(`  ${ms.toFixed(0).padStart(6)} ms${cpuSince(cpu, dataDir)}  the hop before its COMMIT`);
          return out;
        }),
      );
      if (result.entryCount !== NAMES) throw new Error(`forwarded ${result.entryCount} of ${NAMES}`);
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM dossiers WHERE round_id = $1 AND stage = 'ministry'`,
        [roundId],
      );
      if (n !== NAMES) throw new Error(`only ${n} dossiers moved`);
      const [{ audited }] = await ds.query(
        `SELECT count(*)::int AS audited FROM audit_log a JOIN dossiers d ON d.id::text = a.entity_id
         WHERE a.action = 'workflow.forward' AND d.round_id = $1`,
        [roundId],
      );
      if (audited !== NAMES) throw new Error(`${audited} audit rows for ${NAMES} dossiers moved`);
      rows.push({ forwardMs, baselineMs, forwardCpu, baselineCpu });
      console.log(
        `run ${run}: forward ${NAMES} names ${forwardMs.toFixed(0)} ms; plain bulk UPDATE ${baselineMs.toFixed(0)} ms; ratio ${(forwardMs / baselineMs).toFixed(1)}×; CPU ${forwardCpu.toFixed(0)} ms vs ${baselineCpu.toFixed(0)} ms, ratio ${(forwardCpu / baselineCpu).toFixed(2)}×`,
      );
    }
    const f = median(rows.map((r) => r.forwardMs));
    console.log(
      `load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; a busy machine slows both figures, the ratio less so`,
    );
    const b = median(rows.map((r) => r.baselineMs));
    console.log(
      `\npipeline.forward (${NAMES} names, one hop: list snapshot + entries + sources + submission + dispositions + transition table per dossier + guarded UPDATE + history and audit row per dossier + reconciliation)`,
    );
    console.log(
      `median of ${RUNS}: ${f.toFixed(0)} ms (goal ≤ ${GOAL_MS} ms: ${f <= GOAL_MS ? 'met' : 'NOT met'}); baseline plain UPDATE ${b.toFixed(0)} ms; ratio ${(f / b).toFixed(1)}×`,
    );
    const ratios = (pick: (r: (typeof rows)[number]) => number) => median(rows.map(pick)).toFixed(2);
    console.log(
      `median of the runs' own ratios: wall ${ratios((r) => r.forwardMs / r.baselineMs)}×, CPU ${ratios((r) => r.forwardCpu / r.baselineCpu)}× (CPU median ${median(rows.map((r) => r.forwardCpu)).toFixed(0)} ms vs ${median(rows.map((r) => r.baselineCpu)).toFixed(0)} ms)`,
    );
  } finally {
    await standalone.close();
    await ds.destroy();
    rmSync(auditDir, { recursive: true, force: true });
    if (db) await db.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

class RollbackSignal extends Error {}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
