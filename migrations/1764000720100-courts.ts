import type { MigrationInterface, QueryRunner } from 'typeorm';

// Widens (or narrows) a CHECK (column IN (...)) constraint from its current definition, so that migrations of other
// features that widen the same constraint keep their values whatever order they run in.
async function setCheckValues(
  q: QueryRunner,
  table: string,
  constraint: string,
  column: string,
  change: { add?: string[]; remove?: string[] },
): Promise<void> {
  const [row]: { def: string }[] = await q.query(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.conname = $1 AND t.relname = $2`,
    [constraint, table],
  );
  const current = row ? [...row.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]) : [];
  const values = [...new Set([...current, ...(change.add ?? [])])].filter((v) => !(change.remove ?? []).includes(v));
  await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${constraint}`);
  await q.query(
    `ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (${column} IN (${values.map((v) => `'${v}'`).join(',')}))`,
  );
}

// The courts' route (Luật Đặc xá 2018, Điều 15, khoản 3–5; Điều 18, khoản 3): provincial and military-region courts in
// the organisation tree with their officers and presidents, the court's list kind, and the court's proposal with the
// commune's or military unit's comment on conduct (Điều 14, khoản 5) recorded once per dossier. A court names, as a
// procuracy does, the provincial police or military-region command that stands for its province in the tree: the
// procuracy of that province supervises it (Điều 30, khoản 2), and its kind (provincial or military-region) follows.
export class Courts1764000720100 implements MigrationInterface {
  name = 'Courts1764000720100';

  async up(q: QueryRunner): Promise<void> {
    await setCheckValues(q, 'users', 'ck_users_role', 'role', { add: ['COURT_OFFICER', 'COURT_PRESIDENT'] });
    await setCheckValues(q, 'org_units', 'ck_org_units_kind', 'kind', { add: ['COURT'] });
    await setCheckValues(q, 'list_snapshots', 'ck_list_snapshots_kind', 'kind', { add: ['COURT'] });
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT ck_org_units_procuracy`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT ck_org_units_procuracy
      CHECK ((kind IN ('PROCURACY', 'COURT')) = (supervised_unit_id IS NOT NULL))`);
    await q.query(`
      CREATE TABLE court_proposals (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        round_id uuid NOT NULL,
        court_unit_id uuid NOT NULL,
        proposal_number text NOT NULL,
        proposed_on date NOT NULL,
        proposal text NOT NULL,
        comment_issuer text NOT NULL,
        comment_issuer_kind text NOT NULL,
        comment_number text NULL,
        comment_date date NOT NULL,
        comment text NOT NULL,
        lawful_conduct boolean NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_court_proposals PRIMARY KEY (id),
        CONSTRAINT uq_court_proposals_dossier UNIQUE (dossier_id),
        CONSTRAINT fk_court_proposals_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_court_proposals_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_court_proposals_court FOREIGN KEY (court_unit_id) REFERENCES org_units (id),
        CONSTRAINT fk_court_proposals_user FOREIGN KEY (recorded_by) REFERENCES users (id),
        CONSTRAINT ck_court_proposals_issuer_kind CHECK (comment_issuer_kind IN ('COMMUNE', 'MILITARY_UNIT')),
        CONSTRAINT ck_court_proposals_texts CHECK (length(proposal) >= 5 AND length(comment) >= 5)
      )`);
    await q.query(`CREATE INDEX ix_court_proposals_court ON court_proposals (court_unit_id, round_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE court_proposals`);
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT ck_org_units_procuracy`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT ck_org_units_procuracy
      CHECK ((kind = 'PROCURACY') = (supervised_unit_id IS NOT NULL))`);
    await setCheckValues(q, 'list_snapshots', 'ck_list_snapshots_kind', 'kind', { remove: ['COURT'] });
    await setCheckValues(q, 'org_units', 'ck_org_units_kind', 'kind', { remove: ['COURT'] });
    await setCheckValues(q, 'users', 'ck_users_role', 'role', { remove: ['COURT_OFFICER', 'COURT_PRESIDENT'] });
  }
}
