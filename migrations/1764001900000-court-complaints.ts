import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reads a CHECK (column IN (...)) constraint's values, so that migrations of other features that widen the same
// constraint keep their values whatever order they run in.
async function checkValues(q: QueryRunner, table: string, constraint: string): Promise<string[]> {
  const [row]: { def: string }[] = await q.query(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.conname = $1 AND t.relname = $2`,
    [constraint, table],
  );
  return row ? [...row.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]) : [];
}

async function setCheck(
  q: QueryRunner,
  input: { table: string; constraint: string; condition: (list: string) => string; add?: string[]; remove?: string[] },
): Promise<void> {
  const current = await checkValues(q, input.table, input.constraint);
  const values = [...new Set([...current, ...(input.add ?? [])])].filter((v) => !(input.remove ?? []).includes(v));
  await q.query(`ALTER TABLE ${input.table} DROP CONSTRAINT IF EXISTS ${input.constraint}`);
  await q.query(
    `ALTER TABLE ${input.table} ADD CONSTRAINT ${input.constraint} CHECK (${input.condition(values.map((v) => `'${v}'`).join(','))})`,
  );
}

const role = (list: string) => `role IN (${list})`;
const bodyKind = (list: string) => `body_kind IS NULL OR body_kind IN (${list})`;

// Complaints about a court's list (Luật Đặc xá 2018, Điều 36, khoản 1; Điều 37, khoản 1–2): the court president
// decides the first, the Chief Justice of the Supreme People's Court the second. The Supreme People's Court is a
// national body of the organisation tree and its officers a role of their own.
export class CourtComplaints1764001900000 implements MigrationInterface {
  name = 'CourtComplaints1764001900000';

  async up(q: QueryRunner): Promise<void> {
    await setCheck(q, { table: 'users', constraint: 'ck_users_role', condition: role, add: ['SUPREME_COURT_OFFICER'] });
    await setCheck(q, {
      table: 'org_units',
      constraint: 'ck_org_units_body_kind',
      condition: bodyKind,
      add: ['SUPREME_COURT'],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await setCheck(q, {
      table: 'org_units',
      constraint: 'ck_org_units_body_kind',
      condition: bodyKind,
      remove: ['SUPREME_COURT'],
    });
    await setCheck(q, {
      table: 'users',
      constraint: 'ck_users_role',
      condition: role,
      remove: ['SUPREME_COURT_OFFICER'],
    });
  }
}
