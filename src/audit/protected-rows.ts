import { canonicalHash, sha256Hex } from '../kernel/hash.js';
import { snapshotHash } from '../documents/snapshot-hash.js';

// The tables whose rows are evidence: each row is committed to by the audit row of the command that wrote it (its
// content hash travels in that row's `row_hashes`, which the chain's hash covers), so editing, adding or removing a
// row behind the service's back no longer matches the chain.
export enum ProtectedTable {
  DOSSIER_VERSIONS = 'dossier_versions',
  WORKFLOW_HISTORY = 'workflow_history',
  LIST_SNAPSHOTS = 'list_snapshots',
  LIST_ENTRIES = 'list_entries',
  DOCUMENTS = 'documents',
}

type ColumnType = 'uuid' | 'int' | 'bigint' | 'text' | 'date' | 'timestamptz' | 'boolean';

interface TableShape {
  // Primary key, in index order: rows are read and named by it.
  key: readonly string[];
  // Every column that carries meaning. A large jsonb column is covered through the hash column stored beside it,
  // which verification recomputes from the jsonb (see `embedded`).
  columns: Readonly<Record<string, ColumnType>>;
  embedded?: { column: string; hashColumn: string };
}

export const PROTECTED_TABLES: Readonly<Record<ProtectedTable, TableShape>> = {
  [ProtectedTable.DOSSIER_VERSIONS]: {
    key: ['dossier_id', 'version'],
    columns: {
      dossier_id: 'uuid',
      version: 'int',
      content_hash: 'text',
      created_by: 'uuid',
      created_at: 'timestamptz',
    },
    embedded: { column: 'document', hashColumn: 'content_hash' },
  },
  [ProtectedTable.WORKFLOW_HISTORY]: {
    key: ['id'],
    columns: {
      id: 'bigint',
      dossier_id: 'uuid',
      round_id: 'uuid',
      event: 'text',
      from_stage: 'text',
      to_stage: 'text',
      version_read: 'int',
      version_written: 'int',
      actor_id: 'uuid',
      actor_role: 'text',
      actor_unit_id: 'uuid',
      reason_code: 'text',
      reason: 'text',
      list_id: 'uuid',
      occurred_at: 'timestamptz',
    },
  },
  [ProtectedTable.LIST_SNAPSHOTS]: {
    key: ['id'],
    columns: {
      id: 'uuid',
      round_id: 'uuid',
      code: 'text',
      kind: 'text',
      from_stage: 'text',
      to_stage: 'text',
      owner_unit_id: 'uuid',
      recipient_unit_id: 'uuid',
      entry_count: 'int',
      content_hash: 'text',
      posted_on: 'date',
      explanatory_report_id: 'uuid',
      created_by: 'uuid',
      created_at: 'timestamptz',
    },
  },
  [ProtectedTable.LIST_ENTRIES]: {
    key: ['list_id', 'dossier_id'],
    columns: {
      list_id: 'uuid',
      dossier_id: 'uuid',
      position: 'int',
      dossier_version: 'int',
      content_hash: 'text',
      full_name: 'text',
      facility_id: 'uuid',
      reason_code: 'text',
      reason: 'text',
    },
  },
  [ProtectedTable.DOCUMENTS]: {
    key: ['id'],
    columns: {
      id: 'uuid',
      kind: 'text',
      source_type: 'text',
      source_id: 'uuid',
      issuer_unit_id: 'uuid',
      number: 'text',
      title: 'text',
      snapshot_hash: 'text',
      file_sha256: 'text',
      file_path: 'text',
      file_size: 'bigint',
      pages: 'int',
      created_by: 'uuid',
      created_at: 'timestamptz',
      rendered_at: 'timestamptz',
    },
    embedded: { column: 'snapshot', hashColumn: 'snapshot_hash' },
  },
};

// Which rows of one table an audit entry commits to: every row whose columns equal the given values (a list means
// any of them). The writer names the rows it has just written; the hash is taken from what the database stored,
// inside the same transaction, so it is exactly what verification will read back.
export interface RowSelector {
  table: ProtectedTable;
  where: Readonly<Record<string, string | number | readonly (string | number)[]>>;
}

// [table, key, SHA-256 of the row's canonical content], as stored in audit_log.row_hashes.
export type RowHash = [ProtectedTable, string, string];

export type RowValues = Record<string, string | null>;

// Every value is read as text in a form no session setting changes (timestamps in UTC with microseconds), so the
// same row always gives the same hash whoever reads it.
export function textOf(column: string, type: ColumnType): string {
  switch (type) {
    case 'timestamptz':
      return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'date':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'text':
      return column;
    default:
      return `${column}::text`;
  }
}

export function selectList(table: ProtectedTable, alias: string): string {
  return Object.entries(PROTECTED_TABLES[table].columns)
    .map(([c, type]) => `${textOf(`${alias}.${c}`, type)} AS "${c}"`)
    .join(', ');
}

export function columnType(table: ProtectedTable, column: string): ColumnType {
  const type = PROTECTED_TABLES[table].columns[column];
  if (!type) throw new Error(`${table} has no protected column "${column}"`);
  return type;
}

export function rowKey(table: ProtectedTable, row: RowValues): string {
  return PROTECTED_TABLES[table].key.map((c) => row[c]).join('/');
}

// The table's name and its values as text, in the registry's fixed column order: a JSON array needs no key sorting,
// which matters when one command writes 30,000 rows.
export function rowHash(table: ProtectedTable, row: RowValues): string {
  const values: (string | null)[] = [table];
  for (const column of COLUMN_ORDER[table]) values.push(row[column] ?? null);
  return sha256Hex(JSON.stringify(values));
}

// The commitments to rows a writer has just written and had the database return as stored (its RETURNING lists
// `selectList` of the table): the same hashes `hashSelected` would read back, without reading the rows again.
export function hashReturned(table: ProtectedTable, rows: readonly RowValues[]): RowHash[] {
  return rows.map((row) => [table, rowKey(table, row), rowHash(table, row)]);
}

// A frozen list as its writer had the database return it (its header and every entry): what `protectedRows.list`
// would read back.
export function hashReturnedList(header: RowValues, entries: readonly RowValues[]): RowHash[] {
  return hashReturned(ProtectedTable.LIST_SNAPSHOTS, [header]).concat(
    hashReturned(ProtectedTable.LIST_ENTRIES, entries),
  );
}

const COLUMN_ORDER = Object.fromEntries(
  Object.entries(PROTECTED_TABLES).map(([table, shape]) => [table, Object.keys(shape.columns)]),
) as Record<ProtectedTable, string[]>;

// What a clerk calls each kind of row.
export const ROW_LABELS: Readonly<Record<ProtectedTable, string>> = {
  [ProtectedTable.DOSSIER_VERSIONS]: 'Phiên bản hồ sơ',
  [ProtectedTable.WORKFLOW_HISTORY]: 'Dòng lịch sử chuyển bước',
  [ProtectedTable.LIST_SNAPSHOTS]: 'Danh sách đã chốt',
  [ProtectedTable.LIST_ENTRIES]: 'Dòng danh sách đã chốt',
  [ProtectedTable.DOCUMENTS]: 'Văn bản',
};

// The hash a table keeps beside its large jsonb column, recomputed the way its writer computed it.
export function embeddedHash(table: ProtectedTable, row: RowValues, value: unknown): string | null {
  switch (table) {
    case ProtectedTable.DOSSIER_VERSIONS:
      return canonicalHash(value);
    case ProtectedTable.DOCUMENTS:
      return snapshotHash(row.kind ?? '', value);
    default:
      return null;
  }
}

// How an operator reads a key in a message: "dossier_versions (dossier 0f3a…, version 2)".
export function describeRow(table: ProtectedTable, key: string): string {
  const parts = key.split('/');
  const named = PROTECTED_TABLES[table].key.map((c, i) => `${c} = ${parts[i]}`).join(', ');
  return `${table} (${named})`;
}

// The selectors writers use, one per kind of evidence, so each call site names its rows in one line.
export const protectedRows = {
  dossierVersion: (dossierId: string, version: number | readonly number[]): RowSelector => ({
    table: ProtectedTable.DOSSIER_VERSIONS,
    where: { dossier_id: dossierId, version },
  }),
  firstVersions: (dossierIds: readonly string[]): RowSelector => ({
    table: ProtectedTable.DOSSIER_VERSIONS,
    where: { dossier_id: dossierIds, version: 1 },
  }),
  // A frozen list: its header and every entry.
  list: (listId: string): RowSelector[] => [
    { table: ProtectedTable.LIST_SNAPSHOTS, where: { id: listId } },
    { table: ProtectedTable.LIST_ENTRIES, where: { list_id: listId } },
  ],
  document: (documentId: string): RowSelector => ({ table: ProtectedTable.DOCUMENTS, where: { id: documentId } }),
};
