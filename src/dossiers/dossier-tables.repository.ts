import type { EntityManager } from 'typeorm';
import type { Stage } from '../workflow/core/stages.js';

// The statements that read dossiers back from their normalised tables (dossier-reader.repository.ts turns the rows
// into the exchange format).

export type R = Record<string, any>;

// Each table's rows of the dossiers ($1), and their order.
const TABLES: { sql: string; order: string }[] = [
  {
    sql: `SELECT d.*, r.code AS round_code, f.code AS facility_code, t.code AS team_code,
         to_char(d.council_meeting_date, 'YYYY-MM-DD') AS cmd
         FROM dossiers d JOIN rounds r ON r.id = d.round_id JOIN org_units f ON f.id = d.facility_id
         LEFT JOIN org_units t ON t.id = d.team_id WHERE d.id = ANY($1)`,
    order: 'id',
  },
  {
    sql: `SELECT *, to_char(judgment_date, 'YYYY-MM-DD') AS jd, to_char(final_date, 'YYYY-MM-DD') AS fd FROM dossier_judgments WHERE dossier_id = ANY($1)`,
    order: 'dossier_id, ordinal',
  },
  {
    sql: `SELECT *, to_char(offence_date, 'YYYY-MM-DD') AS od FROM dossier_offences WHERE dossier_id = ANY($1)`,
    order: 'judgment_id, ordinal',
  },
  {
    sql: `SELECT kind, dossier_id, ordinal, to_char(date_from, 'YYYY-MM-DD') AS f, to_char(date_to, 'YYYY-MM-DD') AS t FROM dossier_intervals WHERE dossier_id = ANY($1)`,
    order: 'dossier_id, ordinal',
  },
  {
    sql: `SELECT *, to_char(decision_date, 'YYYY-MM-DD') AS dd FROM dossier_reductions WHERE dossier_id = ANY($1)`,
    order: 'dossier_id, ordinal',
  },
  {
    sql: `SELECT dossier_id, ordinal, period, rating FROM dossier_conduct_ratings WHERE dossier_id = ANY($1)`,
    order: 'dossier_id, ordinal',
  },
  {
    sql: `SELECT *, to_char(record_date, 'YYYY-MM-DD') AS rd FROM dossier_discipline WHERE dossier_id = ANY($1)`,
    order: 'dossier_id, ordinal',
  },
  {
    sql: `SELECT *, to_char(judgment_date, 'YYYY-MM-DD') AS jd FROM dossier_prior_convictions WHERE dossier_id = ANY($1)`,
    order: 'dossier_id, ordinal',
  },
  { sql: `SELECT * FROM dossier_obligations WHERE dossier_id = ANY($1)`, order: 'dossier_id, ordinal' },
  {
    sql: `SELECT *, to_char(decision_date, 'YYYY-MM-DD') AS dd FROM dossier_enforcement_decisions WHERE dossier_id = ANY($1)`,
    order: 'obligation_id, ordinal',
  },
  { sql: `SELECT * FROM dossier_special_circumstances WHERE dossier_id = ANY($1)`, order: 'dossier_id, ordinal' },
  {
    sql: `SELECT *, to_char(document_date, 'YYYY-MM-DD') AS dd FROM dossier_evidence_documents WHERE dossier_id = ANY($1)`,
    order: 'dossier_id, ordinal',
  },
];

// Up to this many dossiers are read in one statement (a page, an update, a small export): one round trip instead of
// one per table. Larger sets are read table by table, each table's rows streaming as they are.
export const ONE_STATEMENT_MAX = 100;

// Every table's rows as one JSON array each, in one statement. The columns come back as the driver gives them
// table by table: text, integers, booleans, text arrays and jsonb keep their values, dates are formatted in SQL, and
// the amounts (bigint) are read through Number() either way.
export async function readTogether(manager: EntityManager, ids: string[]): Promise<R[][]> {
  const [row]: R[] = await manager.query(`SELECT ${tableColumns()}`, [ids]);
  return tablesOf(row);
}

const tableColumns = () =>
  TABLES.map(
    (t, i) => `(SELECT coalesce(json_agg(q ORDER BY ${t.order}), '[]'::json) FROM (${t.sql}) q) AS t${i}`,
  ).join(', ');
const tablesOf = (row: R): R[][] => TABLES.map((_, i) => row[`t${i}`] as R[]);

export interface DossierHeader {
  id: string;
  version: number;
  stage: Stage;
  created_by: string | null;
  updated_by: string | null;
  updated_at: Date;
  facility_name: string;
  team_name: string | null;
}

// A dossier's page in one statement (one snapshot, so no transaction): its header and every table's rows, or null
// when it does not exist or `scope` (a condition on alias x, parameters from $2) hides it. The tables are read only
// for a dossier the scope lets through.
export async function readDossierPage(
  manager: EntityManager,
  id: string,
  scope: { sql: string; params: unknown[] },
): Promise<{ header: DossierHeader; tables: R[][] } | null> {
  const rows: R[] = await manager.query(
    `SELECT x.id, x.version, x.stage, x.created_by, x.updated_by, x.updated_at, f.name AS facility_name,
            t.name AS team_name, ${tableColumns()}
       FROM dossiers x JOIN org_units f ON f.id = x.facility_id LEFT JOIN org_units t ON t.id = x.team_id
      WHERE x.id = ANY($1::uuid[]) AND ${scope.sql}`,
    [[id], ...scope.params],
  );
  if (!rows.length) return null;
  const [r] = rows;
  const header: DossierHeader = {
    id: r.id,
    version: r.version,
    stage: r.stage,
    created_by: r.created_by,
    updated_by: r.updated_by,
    updated_at: r.updated_at,
    facility_name: r.facility_name,
    team_name: r.team_name,
  };
  return { header, tables: tablesOf(r) };
}

// One query per table, run one after another: a transaction's connection takes one query at a time.
export async function readApart(manager: EntityManager, ids: string[]): Promise<R[][]> {
  const results: R[][] = [];
  for (const t of TABLES) results.push(await manager.query(`${t.sql} ORDER BY ${t.order}`, [ids]));
  return results;
}
