import type { EntityManager } from 'typeorm';
import type { DossierRows, Row } from './dossier-rows.js';
import { returnedRows } from '../common/sql.js';

// Column lists with their SQL types: each table is written with one INSERT … SELECT FROM jsonb_to_recordset per chunk,
// which keeps a 150,000-dossier load to a few hundred statements.
const TABLES: { key: keyof DossierRows; table: string; columns: [string, string][] }[] = [
  {
    key: 'dossiers',
    table: 'dossiers',
    columns: [
      ['id', 'uuid'],
      ['round_id', 'uuid'],
      ['facility_id', 'uuid'],
      ['team_id', 'uuid'],
      ['inmate_number', 'text'],
      ['status', 'text'],
      ['full_name', 'text'],
      ['aliases', 'text[]'],
      ['birth_date', 'text'],
      ['sex', 'text'],
      ['ethnicity', 'text'],
      ['nationality', 'text'],
      ['id_number', 'text'],
      ['registered_residence', 'jsonb'],
      ['residence_after_release', 'jsonb'],
      ['sentence_kind', 'text'],
      ['sentence_years', 'int'],
      ['sentence_months', 'int'],
      ['sentence_days', 'int'],
      ['commutation', 'jsonb'],
      ['drug_use_evidence', 'boolean'],
      ['earlier_amnesty', 'jsonb'],
      ['pending_prosecution', 'boolean'],
      ['pending_protest', 'jsonb'],
      ['post_quarter_evaluation', 'jsonb'],
      ['application', 'jsonb'],
      ['commitment', 'jsonb'],
      ['security_concern', 'text'],
      ['council_meeting_date', 'date'],
      ['stage', 'text'],
      ['version', 'int'],
      ['created_by', 'uuid'],
      ['updated_by', 'uuid'],
    ],
  },
  {
    key: 'judgments',
    table: 'dossier_judgments',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['number', 'text'],
      ['judgment_date', 'date'],
      ['court', 'text'],
      ['final_date', 'date'],
      ['sentence', 'jsonb'],
    ],
  },
  {
    key: 'offences',
    table: 'dossier_offences',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['judgment_id', 'uuid'],
      ['criminal_code', 'text'],
      ['article', 'int'],
      ['clause', 'int'],
      ['point', 'text'],
      ['chapter', 'int'],
      ['name', 'text'],
      ['offence_date', 'date'],
      ['intentional', 'boolean'],
      ['drug', 'boolean'],
      ['corruption', 'boolean'],
      ['national_security', 'boolean'],
      ['grade', 'text'],
      ['aggravations', 'text[]'],
      ['victims', 'int'],
      ['sentence', 'jsonb'],
    ],
  },
  {
    key: 'intervals',
    table: 'dossier_intervals',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['kind', 'text'],
      ['date_from', 'date'],
      ['date_to', 'date'],
    ],
  },
  {
    key: 'reductions',
    table: 'dossier_reductions',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['decision_number', 'text'],
      ['decision_date', 'date'],
      ['issuer', 'text'],
      ['years', 'int'],
      ['months', 'int'],
      ['days', 'int'],
    ],
  },
  {
    key: 'ratings',
    table: 'dossier_conduct_ratings',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['period', 'text'],
      ['rating', 'text'],
    ],
  },
  {
    key: 'discipline',
    table: 'dossier_discipline',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['record_date', 'date'],
      ['kind', 'text'],
      ['description', 'text'],
    ],
  },
  {
    key: 'priorConvictions',
    table: 'dossier_prior_convictions',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['judgment_number', 'text'],
      ['judgment_date', 'date'],
      ['court', 'text'],
      ['offence', 'text'],
      ['expunged', 'boolean'],
    ],
  },
  {
    key: 'obligations',
    table: 'dossier_obligations',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['kind', 'text'],
      ['creditor', 'text'],
      ['amount_due', 'bigint'],
      ['amount_paid', 'bigint'],
      ['status', 'text'],
    ],
  },
  {
    key: 'decisions',
    table: 'dossier_enforcement_decisions',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['obligation_id', 'uuid'],
      ['kind', 'text'],
      ['number', 'text'],
      ['decision_date', 'date'],
      ['issuer', 'text'],
      ['certified', 'boolean'],
    ],
  },
  {
    key: 'circumstances',
    table: 'dossier_special_circumstances',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['category', 'text'],
      ['details', 'jsonb'],
    ],
  },
  {
    key: 'evidence',
    table: 'dossier_evidence_documents',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['ordinal', 'int'],
      ['owner_type', 'text'],
      ['owner_id', 'uuid'],
      ['kind', 'text'],
      ['number', 'text'],
      ['document_date', 'date'],
      ['issuer', 'text'],
      ['issuer_level', 'text'],
      ['readable', 'boolean'],
      ['note', 'text'],
      ['code', 'text'],
      ['also_serves_as', 'text[]'],
    ],
  },
  {
    key: 'versions',
    table: 'dossier_versions',
    columns: [
      ['dossier_id', 'uuid'],
      ['version', 'int'],
      ['document', 'jsonb'],
      ['content_hash', 'text'],
      ['created_by', 'uuid'],
    ],
  },
  {
    key: 'facts',
    table: 'dossier_facts',
    columns: [
      ['dossier_id', 'uuid'],
      ['version', 'int'],
      ['format', 'int'],
      ['facts', 'text'],
    ],
  },
];

// A dossier keeps the facts of its latest content version only: a new version replaces them.
const UPSERT: Partial<Record<keyof DossierRows, string>> = {
  facts:
    'ON CONFLICT (dossier_id) DO UPDATE SET version = excluded.version, format = excluded.format, facts = excluded.facts',
};

const STATEMENTS = new Map(
  TABLES.map((t) => {
    const names = t.columns.map(([c]) => c).join(', ');
    const types = t.columns.map(([c, ty]) => `${c} ${ty}`).join(', ');
    return [
      t.key,
      `INSERT INTO ${t.table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${types}) ${UPSERT[t.key] ?? ''}`,
    ];
  }),
);

const CHUNK_ROWS = 20_000;

export async function writeDossierRows(
  manager: EntityManager,
  rows: DossierRows,
  skip: (keyof DossierRows)[] = [],
): Promise<void> {
  for (const t of TABLES) {
    if (skip.includes(t.key)) continue;
    const list: Row[] = rows[t.key];
    for (let i = 0; i < list.length; i += CHUNK_ROWS) {
      await manager.query(STATEMENTS.get(t.key)!, [JSON.stringify(list.slice(i, i + CHUNK_ROWS))]);
    }
  }
}

// Child tables in deletion order (children of children first); dossier_versions are never deleted.
export const CHILD_TABLES_FOR_REPLACE = [
  'dossier_evidence_documents',
  'dossier_enforcement_decisions',
  'dossier_offences',
  'dossier_judgments',
  'dossier_intervals',
  'dossier_reductions',
  'dossier_conduct_ratings',
  'dossier_discipline',
  'dossier_prior_convictions',
  'dossier_obligations',
  'dossier_special_circumstances',
];

const MAIN = TABLES[0];
const UPDATABLE = MAIN.columns.filter(([c]) => !['id', 'round_id', 'stage', 'version', 'created_by'].includes(c));
const UPDATE_MAIN = `UPDATE dossiers d SET ${UPDATABLE.map(([c]) => `${c} = x.${c}`).join(', ')}, version = d.version + 1, updated_at = now()
  FROM jsonb_to_record($1::jsonb) AS x(${MAIN.columns.map(([c, t]) => `${c} ${t}`).join(', ')})
  WHERE d.id = x.id AND d.version = $2 RETURNING d.version`;

// Replaces the main row only if it is still at the version the caller read; returns the new version or null.
export async function updateDossierMain(
  manager: EntityManager,
  row: Row,
  expectedVersion: number,
): Promise<number | null> {
  const rows = returnedRows<{ version: number }>(
    await manager.query(UPDATE_MAIN, [JSON.stringify(row), expectedVersion]),
  );
  return rows.length === 1 ? rows[0].version : null;
}
