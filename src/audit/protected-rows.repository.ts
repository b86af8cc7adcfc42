import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  columnType,
  PROTECTED_TABLES,
  type ProtectedTable,
  type RowHash,
  type RowSelector,
  type RowValues,
  rowHash,
  rowKey,
  selectList,
} from './protected-rows.js';

const SQL_ARRAY: Record<string, string> = {
  uuid: 'uuid[]',
  int: 'int[]',
  bigint: 'bigint[]',
  text: 'text[]',
  date: 'date[]',
  boolean: 'boolean[]',
  timestamptz: 'timestamptz[]',
};

interface Wanted {
  entry: number;
  tuple: string;
}

export interface ScannedRow {
  key: string;
  hash: string;
  values: RowValues;
  // The large jsonb column beside its stored hash, for tables that have one.
  embedded?: unknown;
}

// Reads protected rows for the audit chain: the rows a command names, to hash them inside its transaction, and every
// row of a table, in key order, for verification.
@Injectable()
export class ProtectedRowsRepository {
  async hashSelected(
    manager: EntityManager,
    selectorsByEntry: readonly (readonly RowSelector[])[],
  ): Promise<RowHash[][]> {
    const groups = new Map<string, { table: ProtectedTable; columns: string[]; wanted: Wanted[] }>();
    selectorsByEntry.forEach((selectors, entry) => {
      for (const s of selectors) {
        const columns = Object.keys(s.where).sort();
        const id = `${s.table}|${columns.join(',')}`;
        let group = groups.get(id);
        if (!group) groups.set(id, (group = { table: s.table, columns, wanted: [] }));
        for (const tuple of tuples(s, columns)) group.wanted.push({ entry, tuple });
      }
    });
    const out: RowHash[][] = selectorsByEntry.map(() => []);
    for (const { table, columns, wanted } of groups.values()) {
      const distinct = [...new Set(wanted.map((w) => w.tuple))].map((t) => JSON.parse(t) as string[]);
      const params = columns.map((_, i) => distinct.map((t) => t[i]));
      const rows: RowValues[] = await manager.query(
        `SELECT ${selectList(table, 't')} FROM ${table} t
         WHERE (${columns.map((c) => `t.${c}`).join(', ')}) IN
           (SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${SQL_ARRAY[columnType(table, c)]}`).join(', ')}))`,
        params,
      );
      const byTuple = new Map<string, RowHash[]>();
      for (const row of rows) {
        const tuple = JSON.stringify(columns.map((c) => row[c]));
        const list = byTuple.get(tuple) ?? [];
        list.push([table, rowKey(table, row), rowHash(table, row)]);
        byTuple.set(tuple, list);
      }
      for (const w of wanted) {
        const found = byTuple.get(w.tuple);
        // A writer naming rows it did not write is a programming error, not a user's mistake.
        if (!found) throw new Error(`Audit: no ${table} row where (${columns.join(', ')}) = ${w.tuple}`);
        out[w.entry].push(...found);
      }
    }
    return out.map(dedupe);
  }

  async *scan(manager: EntityManager, table: ProtectedTable, batchSize = 2000): AsyncGenerator<ScannedRow[]> {
    const shape = PROTECTED_TABLES[table];
    const key = shape.key.map((c) => `t.${c}`).join(', ');
    const keyParams = shape.key.map((c, i) => `$${i + 1}::${SQL_ARRAY[columnType(table, c)].slice(0, -2)}`).join(', ');
    const embedded = shape.embedded ? `, t.${shape.embedded.column} AS "__embedded"` : '';
    let after: (string | null)[] | null = null;
    for (;;) {
      const where: string = after ? `WHERE (${key}) > (${keyParams})` : '';
      const rows: (RowValues & { __embedded?: unknown })[] = await manager.query(
        `SELECT ${selectList(table, 't')}${embedded} FROM ${table} t ${where} ORDER BY ${key} LIMIT ${batchSize}`,
        after ?? [],
      );
      if (!rows.length) return;
      yield rows.map(({ __embedded, ...values }) => ({
        key: rowKey(table, values),
        hash: rowHash(table, values),
        values,
        embedded: __embedded,
      }));
      const last = rows[rows.length - 1];
      after = shape.key.map((c) => last[c]);
    }
  }
}

function tuples(selector: RowSelector, columns: string[]): string[] {
  let out: string[][] = [[]];
  for (const c of columns) {
    const raw = selector.where[c];
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => {
      const text = String(v);
      return columnType(selector.table, c) === 'uuid' ? text.toLowerCase() : text;
    });
    out = out.flatMap((prefix) => values.map((v) => [...prefix, v]));
  }
  return out.map((t) => JSON.stringify(t));
}

function dedupe(hashes: RowHash[]): RowHash[] {
  const seen = new Set<string>();
  return hashes.filter(([table, key]) => {
    const id = `${table}|${key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
