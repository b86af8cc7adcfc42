import type { QueryRunner } from 'typeorm';

// Widens (or narrows) a CHECK (column IN (...)) constraint from its current definition, so that migrations of other
// features that widen the same constraint keep their values whatever order they run in.
export async function setCheckValues(
  q: QueryRunner,
  input: { table: string; constraint: string; column: string; add?: string[]; remove?: string[] },
): Promise<void> {
  const [row]: { def: string }[] = await q.query(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.conname = $1 AND t.relname = $2`,
    [input.constraint, input.table],
  );
  const current = row ? [...row.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]) : [];
  const values = [...new Set([...current, ...(input.add ?? [])])].filter((v) => !(input.remove ?? []).includes(v));
  await q.query(`ALTER TABLE ${input.table} DROP CONSTRAINT IF EXISTS ${input.constraint}`);
  await q.query(
    `ALTER TABLE ${input.table} ADD CONSTRAINT ${input.constraint} CHECK (${input.column} IN (${values.map((v) => `'${v}'`).join(',')}))`,
  );
}
