// `npm run bench:excel`: the list of a synthetic round of 150,000 dossiers (BENCH_ROUND_DOSSIERS) exported as .xlsx and
// CSV, the median of BENCH_RUNS runs each, against a baseline measured in the same run: the same cursor and the same
// facts read from the database and parsed, nothing written. Then one export of every dossier in full as the import
// workbook, against reading the full documents. Then an import of BENCH_IMPORT_DOSSIERS (5,000) dossiers from a
// workbook (read and checked, then committed) against the JSON batch import of the same documents.
// Memory is sampled every 20 ms during each run (resident set of this process, which holds the service).
// BENCH_DATA_DIR keeps the loaded database between invocations (loading 150,000 dossiers takes minutes).
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { createStandaloneAudit } from '../src/audit/standalone-audit.js';
import { ScopeRepository } from '../src/auth/scope.repository.js';
import { ScopeService } from '../src/auth/scope.service.js';
import type { SessionUser } from '../src/auth/session-user.js';
import { Role } from '../src/auth/user.entity.js';
import { loadConfig } from '../src/config/app-config.js';
import type { DossierDocument } from '../src/dossiers/dossier-format.js';
import { DossierListService } from '../src/dossiers/dossier-list.service.js';
import { DossierListRepository } from '../src/dossiers/dossier-list.repository.js';
import { DossierRepository } from '../src/dossiers/dossier.repository.js';
import { validateDossierShape } from '../src/dossiers/dossier-shape.js';
import { applyImplicitValidationRules } from '../src/common/implicit-validation-rules.js';
import { DossierService } from '../src/dossiers/dossier.service.js';
import {
  DossierSpreadsheetRepository,
  type ExportKey,
} from '../src/dossiers/spreadsheet/dossier-spreadsheet.repository.js';
import { DossierExportService } from '../src/dossiers/spreadsheet/dossier-export.service.js';
import { DossierImportService } from '../src/dossiers/spreadsheet/dossier-import.service.js';
import { SpreadsheetContext } from '../src/dossiers/spreadsheet/spreadsheet-context.js';
import { UnitNames } from '../src/dossiers/spreadsheet/spreadsheet-units.js';
import { writeWorkbook } from '../src/dossiers/spreadsheet/spreadsheet-writer.js';
import { EligibilityRepository } from '../src/eligibility/eligibility.repository.js';
import { EligibilityService } from '../src/eligibility/eligibility.service.js';
import { OrgUnitKind } from '../src/org/org-unit.entity.js';
import { AuthRepository } from '../src/auth/auth.repository.js';
import { OrgRepository } from '../src/org/org.repository.js';
import { OrgService } from '../src/org/org.service.js';
import { RoundRepository } from '../src/rounds/round.repository.js';
import { RoundService } from '../src/rounds/round.service.js';
import { Stage } from '../src/workflow/core/stages.js';
import { openSyntheticRound } from './synthetic-database.js';
import { median } from './median.js';

const PRESET = 'QD-1244-2025';
const GOAL_SECONDS = 30;
const n = (x: number) => x.toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// A reader who takes every byte at once, counting them.
class Sink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.bytes += chunk.length;
    done();
  }
}

interface Measured<T> {
  seconds: number;
  peakRss: number;
  startRss: number;
  value: T;
}

async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const value = await work();
    return { seconds: (performance.now() - started) / 1000, peakRss, startRss, value };
  } finally {
    clearInterval(sampler);
  }
}

async function benchUser(ds: DataSource, role: Role, unit: { id: string; name: string; path: string }, kind: string) {
  const [user] = await ds.query(
    `INSERT INTO users (username, password_hash, full_name, role, org_unit_id) VALUES ($1, 'x', 'Người đo hiệu năng', $2, $3)
     RETURNING id, username`,
    [`bench-excel-${role.toLowerCase()}-${Date.now()}`, role, unit.id],
  );
  return {
    id: user.id,
    username: user.username,
    fullName: 'Người đo hiệu năng',
    role,
    agency: null,
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    orgUnitKind: kind as OrgUnitKind,
    orgUnitPath: unit.path,
  } satisfies SessionUser;
}

async function main(): Promise<void> {
  // As the application's validation pipe does at boot: integer bounds and nested objects required by default.
  applyImplicitValidationRules();
  const dossiers = Number(process.env.BENCH_ROUND_DOSSIERS ?? 150_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const importSize = Number(process.env.BENCH_IMPORT_DOSSIERS ?? 5000);
  const {
    dataSource: ds,
    roundCode,
    auditConfig,
    close,
  } = await openSyntheticRound({
    prefix: 'excel',
    dossiers,
    presetCode: PRESET,
  });
  try {
    // The standing body reads every dossier that reached the national stages; the bench puts the synthetic round
    // there directly (it measures reading, not the workflow), so one export holds all of it.
    await ds.query(
      `UPDATE dossiers SET stage = $1 WHERE stage <> $1 AND round_id = (SELECT id FROM rounds WHERE code = $2)`,
      [Stage.APPRAISAL, roundCode],
    );
    await ds.query('ANALYZE');

    const standalone = createStandaloneAudit(ds, { ...loadConfig(), audit: auditConfig });
    const audit = standalone.audit;
    const scope = new ScopeService(new ScopeRepository());
    const dossierService = new DossierService(
      ds,
      new DossierRepository(),
      audit,
      scope,
      new EligibilityService(ds, new EligibilityRepository(), scope),
    );
    const lists = new DossierListService(new DossierListRepository(ds), scope, loadConfig());
    const repository = new DossierSpreadsheetRepository();
    const context = new SpreadsheetContext(
      ds,
      repository,
      new OrgService(ds, new OrgRepository(ds), new AuthRepository(ds), audit),
      new RoundService(ds, new RoundRepository(ds), audit),
    );
    const exports = new DossierExportService(ds, repository, lists, scope, context);
    const imports = new DossierImportService(ds, repository, dossierService, context, audit);
    // The synthetic network has camps and departments only; the standing body is added once.
    await ds.query(
      `INSERT INTO org_units (id, code, name, kind, parent_id, path, body_kind)
       SELECT x.id, 'BENCH-TT', 'Thường trực Hội đồng tư vấn đặc xá', 'NATIONAL_BODY', NULL, '/' || x.id || '/', 'COUNCIL_STANDING'
       FROM (SELECT gen_random_uuid() AS id) x WHERE NOT EXISTS (SELECT 1 FROM org_units WHERE code = 'BENCH-TT')`,
    );
    const [body] = await ds.query(`SELECT id, name, path FROM org_units WHERE code = 'BENCH-TT'`);
    const standing = await benchUser(ds, Role.COUNCIL_STANDING_OFFICER, body, OrgUnitKind.NATIONAL_BODY);
    const filter = { roundCode };
    const total = (await lists.list(standing, { ...filter, pageSize: 1 })).total;

    // Baseline: the export's own cursor over the same rows and the same facts, read and parsed, nothing written.
    const baseline = (view: boolean) => async () =>
      ds.transaction('REPEATABLE READ', async (manager) => {
        const { sql, params } = lists.filtered(standing, filter);
        let rows = 0;
        const keysSql = repository.dossierKeysSql(sql);
        for await (const keys of repository.cursor<ExportKey>(manager, keysSql, params, 2000)) {
          if (view) rows += (await repository.viewFacts(manager, keys)).size;
          else
            for (const text of (await repository.documents(manager, keys)).values()) rows += JSON.parse(text) ? 1 : 0;
        }
        return rows;
      });
    const exportTo = (format: 'xlsx' | 'csv' | 'workbook') => async () => {
      const sink = new Sink();
      await exports.exportDossiers(standing, filter, format, sink);
      return sink.bytes;
    };

    const results: Record<string, Measured<number>[]> = { baseline: [], xlsx: [], csv: [] };
    for (let run = 0; run < runs; run += 1) {
      results.baseline.push(await measure(baseline(true)));
      results.csv.push(await measure(exportTo('csv')));
      results.xlsx.push(await measure(exportTo('xlsx')));
    }
    if (results.baseline[0].value !== total) throw new Error(`baseline read ${results.baseline[0].value} of ${total}`);
    const fullRead = await measure(baseline(false));
    const workbook = await measure(exportTo('workbook'));

    // Import: the documents of the largest synthetic facility, renumbered, up to BENCH_IMPORT_DOSSIERS, written as
    // the workbook a camp would upload; imported by its warden. The same documents renumbered again go through the
    // JSON batch import (POST /api/dossiers:batch's service call) as the baseline.
    const [facility] = await ds.query(
      `SELECT f.id, f.name, f.path, f.code FROM org_units f JOIN dossiers d ON d.facility_id = f.id
       GROUP BY f.id ORDER BY count(*) DESC LIMIT 1`,
    );
    const warden = await benchUser(ds, Role.WARDEN, facility, OrgUnitKind.FACILITY);
    const sources: { document: DossierDocument }[] = await ds.query(
      `SELECT v.document FROM dossiers d JOIN LATERAL (SELECT document FROM dossier_versions WHERE dossier_id = d.id
       ORDER BY version DESC LIMIT 1) v ON true WHERE d.facility_id = $1 ORDER BY d.inmate_number LIMIT $2`,
      [facility.id, importSize],
    );
    // Imports go to a round of their own, so a kept database exports the same synthetic round on every invocation.
    const importRound = `BENCH-IMPORT-${Date.now().toString(36)}`;
    await ds.query(
      `INSERT INTO rounds (code, name, rule_pack, decision_number, decision_date, guidance_ref, cutoff_date, parameters)
       SELECT $1, 'Đợt nhập thử (đo hiệu năng)', rule_pack, decision_number, decision_date, guidance_ref, cutoff_date, parameters
       FROM rounds WHERE code = $2`,
      [importRound, roundCode],
    );
    const renumbered = (suffix: string) =>
      Array.from({ length: importSize }, (_, i) => {
        const source = sources[i % sources.length].document;
        return {
          ...source,
          roundCode: importRound,
          inmateNumber: `${source.inmateNumber}-${suffix}${i}`,
        } as DossierDocument;
      });
    const units = new UnitNames(await repository.unitLists(ds.manager));
    const chunks: Buffer[] = [];
    const collect = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const forWorkbook = renumbered('X');
    async function* batches() {
      for (let i = 0; i < forWorkbook.length; i += 2000)
        yield forWorkbook.slice(i, i + 2000).map((document, k) => ({ position: i + k + 1, document }));
    }
    await writeWorkbook(collect, {
      units,
      unitOptions: { rounds: [], facilities: [], teams: [] },
      batches: batches(),
      readOnlyColumns: false,
    });
    const upload = { buffer: Buffer.concat(chunks), originalname: 'bench.xlsx' };
    const preview = await measure(() => imports.preview(warden, upload));
    const commit = await measure(() => imports.commit(warden, preview.value.id));
    // POST /api/dossiers:batch: the DTOs (its validation pipe) on every record, then the same service call.
    const json = await measure(async () => {
      const records = renumbered('J');
      for (const record of records) {
        const problems = await validateDossierShape(record as unknown as Record<string, unknown>);
        if (problems.length) throw new Error(`${record.inmateNumber}: ${problems[0].message}`);
      }
      return dossierService.importMany(warden, records);
    });
    if (commit.value.created !== importSize || json.value.length !== importSize)
      throw new Error(`imported ${commit.value.created} and ${json.value.length} of ${importSize}`);
    await standalone.close();
    await ds.destroy();

    const list = (xs: Measured<unknown>[]) => xs.map((x) => x.seconds.toFixed(1)).join(', ');
    const base = median(results.baseline.map((r) => r.seconds));
    console.log(
      `== Excel/CSV export of ${n(total)} dossiers (round ${roundCode}, standing body's scope), ${runs} runs; ` +
        `${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} ==`,
    );
    console.log(
      `baseline, the same cursor and list facts read and parsed: median ${base.toFixed(1)} s (${list(results.baseline)})`,
    );
    for (const format of ['xlsx', 'csv'] as const) {
      const r = results[format];
      const m = median(r.map((x) => x.seconds));
      const peak = Math.max(...r.map((x) => x.peakRss));
      const growth = Math.max(...r.map((x) => x.peakRss - x.startRss));
      console.log(
        `${format}: median ${m.toFixed(1)} s (${list(r)}); ${format} / baseline = ${(m / base).toFixed(2)}×; ` +
          `goal ≤ ${GOAL_SECONDS} s: ${m <= GOAL_SECONDS ? 'met' : 'NOT met'}; file ${mb(r[0].value)}; ` +
          `peak RSS ${mb(peak)} (+${mb(growth)} over the process before the run)`,
      );
    }
    console.log(
      `every dossier in full as the import workbook: ${workbook.seconds.toFixed(1)} s, file ${mb(workbook.value)}, ` +
        `peak RSS ${mb(workbook.peakRss)} (+${mb(workbook.peakRss - workbook.startRss)}); reading the full documents ` +
        `alone ${fullRead.seconds.toFixed(1)} s; workbook / read = ${(workbook.seconds / fullRead.seconds).toFixed(2)}×`,
    );
    console.log(
      `import of ${n(importSize)} dossiers from a workbook of ${mb(upload.buffer.length)}: read and checked (preview) ` +
        `${preview.seconds.toFixed(1)} s, committed ${commit.seconds.toFixed(1)} s, together ` +
        `${(preview.seconds + commit.seconds).toFixed(1)} s; JSON batch import of the same documents (DTOs and service) ` +
        `${json.seconds.toFixed(1)} s; workbook / JSON = ${((preview.seconds + commit.seconds) / json.seconds).toFixed(2)}×; ` +
        `peak RSS ${mb(Math.max(preview.peakRss, commit.peakRss))} (+${mb(preview.peakRss - preview.startRss)} while reading)`,
    );
  } finally {
    await close();
  }
}

await main();
