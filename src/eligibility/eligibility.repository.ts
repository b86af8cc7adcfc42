import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoundParameters, Ymd } from './core/index.js';
import { CopyWriter, copyFrom } from '../database/pg-copy.js';
import type { ScreeningDossier } from './screening-batch.js';
import { storeReliances } from './reliances.repository.js';
import { RESULT_COLUMNS, RESULT_TABLE, type StoredResultRow } from './stored-result.js';
import { withStoredResult } from './stored-result-reader.js';
import type { RelianceRow } from './stored-reliances.js';

export interface ScopeFilter {
  sql: string;
  params: unknown[];
}
const WHOLE_ROUND: ScopeFilter = { sql: 'true', params: [] };

export interface RoundRow {
  id: string;
  code: string;
  parameters: RoundParameters;
}

export interface CurrentDocument {
  id: string;
  version: number;
  document: import('../dossiers/dossier-format.js').DossierDocument;
  decisionCouncilDate: string | null;
  facilityCouncilDate: string | null;
}

// The latest meeting date each facility's camp council recorded in the round (Decree 52/2019 Art 5(3)(c)).
const FACILITY_MEETINGS = `SELECT dd.facility_id, cc.round_id, max(cc.meeting_date) AS meeting_date
  FROM camp_council_decisions cc JOIN dossiers dd ON dd.id = cc.dossier_id
  WHERE cc.round_id = $1 AND cc.meeting_date IS NOT NULL GROUP BY dd.facility_id, cc.round_id`;

export interface StoredVerdictRow {
  dossierId: string;
  dossierVersion: number;
  outcome: string;
  packId: string;
  packVersion: string;
  result: unknown;
  evaluatedOn: string;
}

// A dossier's current content is its latest saved version, and a stored result names that content version. The
// dossier row's own version also counts its stage moves, which save no content: it names a saved version only until
// the dossier first moves.
const latestContent = (columns: string) => `SELECT ${columns} FROM dossier_versions lv WHERE lv.dossier_id = d.id
  ORDER BY lv.version DESC LIMIT 1`;
const LATEST_VERSION = latestContent('lv.version');
const LATEST_CONTENT = latestContent('lv.version, lv.document');

@Injectable()
export class EligibilityRepository {
  async roundById(manager: EntityManager, id: string): Promise<RoundRow | null> {
    const rows: RoundRow[] = await manager.query('SELECT id, code, parameters FROM rounds WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  async roundByCode(manager: EntityManager, code: string): Promise<RoundRow | null> {
    const rows: RoundRow[] = await manager.query('SELECT id, code, parameters FROM rounds WHERE code = $1', [code]);
    return rows[0] ?? null;
  }

  // The latest content version of each of the next `limit` dossiers of the round after `afterId`, in id order, with
  // the council meeting dates recorded for it: what a screening's threads then read the facts of. The batch is chosen
  // on the (round_id, id) index first. `scope` limits the dossiers (alias `d`, parameters from $4) to a screening's
  // scope. `withDocuments` adds each version's document as JSON text, as screenings read them before the facts were
  // stored (the benchmarks' baseline).
  async currentVersions(
    manager: EntityManager,
    input: { roundId: string; afterId: string; limit: number; scope?: ScopeFilter; withDocuments?: boolean },
  ): Promise<Array<ScreeningDossier & { document?: string }>> {
    const scope = input.scope ?? WHOLE_ROUND;
    return manager.query(
      `WITH met AS (${FACILITY_MEETINGS})
       SELECT d.id, v.version,${input.withDocuments ? ' v.document::text AS document,' : ''}
              to_char(c.meeting_date, 'YYYY-MM-DD') AS "decisionCouncilDate",
              to_char(met.meeting_date, 'YYYY-MM-DD') AS "facilityCouncilDate"
       FROM (SELECT d.id, d.facility_id FROM dossiers d
             WHERE d.round_id = $1 AND d.id > $2 AND ${scope.sql} ORDER BY d.id LIMIT $3) d
       JOIN LATERAL (${input.withDocuments ? LATEST_CONTENT : LATEST_VERSION}) v ON true
       LEFT JOIN camp_council_decisions c ON c.dossier_id = d.id
       LEFT JOIN met ON met.facility_id = d.facility_id
       ORDER BY d.id`,
      [input.roundId, input.afterId, input.limit, ...scope.params],
    );
  }

  async documentsByIds(manager: EntityManager, ids: string[]): Promise<CurrentDocument[]> {
    return manager.query(
      `WITH met AS (${FACILITY_MEETINGS.replace('cc.round_id = $1', 'cc.round_id IN (SELECT round_id FROM dossiers WHERE id = ANY($1))')})
       SELECT d.id, v.version, v.document,
              to_char(c.meeting_date, 'YYYY-MM-DD') AS "decisionCouncilDate",
              to_char(met.meeting_date, 'YYYY-MM-DD') AS "facilityCouncilDate"
       FROM dossiers d
       JOIN LATERAL (${LATEST_CONTENT}) v ON true
       LEFT JOIN camp_council_decisions c ON c.dossier_id = d.id
       LEFT JOIN met ON met.facility_id = d.facility_id AND met.round_id = d.round_id
       WHERE d.id = ANY($1)`,
      [ids],
    );
  }

  // The round's values of confidence '?' that its latest verdicts rest on, with how many NEEDS_REVIEW verdicts each
  // holds back (a rule needing an unknown value answers NEEDS_REVIEW and names it in the stored reliesOn).
  async heldBackByUnknownValues(
    manager: EntityManager,
    roundId: string,
  ): Promise<Array<{ label: string; count: number }>> {
    return manager.query(
      `SELECT x->>'label' AS label, count(DISTINCT l.dossier_id)::int AS count
       FROM (SELECT DISTINCT ON (dossier_id) dossier_id, outcome, result FROM eligibility_results
             WHERE round_id = $1 ORDER BY dossier_id, evaluated_at DESC, id DESC) l,
            json_array_elements(eligibility_relies_on(l.result)) x
       WHERE l.outcome = 'NEEDS_REVIEW' AND x->>'confidence' = '?'
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      [roundId],
    );
  }

  // `scope` limits the dossiers (alias `d`, parameters from $2).
  async countDossiers(manager: EntityManager, roundId: string, scope: ScopeFilter = WHOLE_ROUND): Promise<number> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM dossiers d WHERE d.round_id = $1 AND ${scope.sql}`,
      [roundId, ...scope.params],
    );
    return n;
  }

  // COPY FROM STDIN on the transaction's own connection: no JSON-to-record parsing on the server.
  // The round values they refer to first (stored-reliances.ts).
  async insertResults(manager: EntityManager, rows: StoredResultRow[], reliances: RelianceRow[]): Promise<void> {
    if (!rows.length) return;
    await storeReliances(manager, reliances);
    const writer = new CopyWriter(RESULT_TABLE);
    writer.add(rows as unknown as Record<string, unknown>[], RESULT_COLUMNS);
    await this.copyResults(manager, writer.bytes());
  }

  // Results already encoded in COPY text format (by a screening thread). The statement trigger that keeps
  // dossier_verdicts (migration 1764000700000) sees the inserted rows as a transition table, which holds whole rows
  // in work_mem and spills the rest to a temporary file: with the default 4 MB, a screening batch of 2,000 results
  // (~12 MB) wrote and read back a temporary file of the size of every result stored. The batch's transaction gets
  // room for its own rows.
  async copyResults(manager: EntityManager, data: Uint8Array): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('copyResults needs a transaction');
    const workMemKb = Math.max(4096, Math.ceil((data.byteLength * 1.5) / 1024));
    await manager.query(`SELECT set_config('work_mem', $1, true)`, [`${workMemKb}kB`]);
    await copyFrom(runner, RESULT_TABLE, RESULT_COLUMNS, data);
  }

  async versionDocument(
    manager: EntityManager,
    dossierId: string,
    version: number,
  ): Promise<Array<Pick<CurrentDocument, 'id' | 'version' | 'document'>>> {
    return manager.query(
      'SELECT dossier_id AS id, version, document FROM dossier_versions WHERE dossier_id = $1 AND version = $2',
      [dossierId, version],
    );
  }

  // The latest result stored for each (dossier, content version) pair.
  async latestForVersions(
    manager: EntityManager,
    versions: readonly { dossierId: string; version: number }[],
  ): Promise<StoredVerdictRow[]> {
    if (versions.length === 0) return [];
    const rows: Array<StoredVerdictRow & { reliesOn: unknown }> = await manager.query(
      `SELECT DISTINCT ON (er.dossier_id, er.dossier_version)
              er.dossier_id AS "dossierId", er.dossier_version AS "dossierVersion", er.outcome, er.pack_id AS "packId",
              er.pack_version AS "packVersion", er.result, eligibility_relies_on(er.result) AS "reliesOn",
              to_char(er.evaluated_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "evaluatedOn"
         FROM unnest($1::uuid[], $2::int[]) AS x(dossier_id, version)
         JOIN eligibility_results er ON er.dossier_id = x.dossier_id AND er.dossier_version = x.version
        ORDER BY er.dossier_id, er.dossier_version, er.evaluated_at DESC`,
      [versions.map((v) => v.dossierId), versions.map((v) => v.version)],
    );
    return rows.map(withStoredResult);
  }

  // The two figures a printed list shows, for each (dossier, content version) pair, from its latest stored result:
  // only those JSON paths are read, so a national list does not pull every stored result whole.
  async listFigures(
    manager: EntityManager,
    versions: readonly { dossierId: string; version: number }[],
  ): Promise<{ dossierId: string; dossierVersion: number; served: Ymd | null; categoryLabel: string | null }[]> {
    if (versions.length === 0) return [];
    return manager.query(
      `SELECT DISTINCT ON (er.dossier_id, er.dossier_version)
              er.dossier_id AS "dossierId", er.dossier_version AS "dossierVersion",
              er.result->'figures'->'served' AS served, er.result->>'categoryLabel' AS "categoryLabel"
         FROM unnest($1::uuid[], $2::int[]) AS x(dossier_id, version)
         JOIN eligibility_results er ON er.dossier_id = x.dossier_id AND er.dossier_version = x.version
        ORDER BY er.dossier_id, er.dossier_version, er.evaluated_at DESC`,
      [versions.map((v) => v.dossierId), versions.map((v) => v.version)],
    );
  }

  async latest(manager: EntityManager, dossierId: string) {
    const rows = await manager.query(
      `SELECT id, dossier_id AS "dossierId", dossier_version AS "dossierVersion", round_id AS "roundId", screening_id AS "screeningId", pack_id AS "packId",
              pack_version AS "packVersion", facts_hash AS "factsHash", outcome, category, result, evaluated_at AS "evaluatedAt",
              eligibility_relies_on(result) AS "reliesOn"
       FROM eligibility_results WHERE dossier_id = $1 ORDER BY evaluated_at DESC, id DESC LIMIT 1`,
      [dossierId],
    );
    return rows.length ? withStoredResult(rows[0]) : null;
  }
}
