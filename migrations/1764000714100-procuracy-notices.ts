import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'MINISTRY','DEPARTMENT','FACILITY','SUB_CAMP','TEAM','NATIONAL_BODY'`;
const BODY_KINDS = `'APPRAISAL_TEAM','COUNCIL_STANDING','COUNCIL','PRESIDENT_OFFICE','ADMINISTRATION'`;

// The procuracies in the organisation tree and the camps' notices to them (Luật Đặc xá 2018, Điều 15, khoản 5; Điều
// 30): the Supreme Procuracy is a national body; a local procuracy is a unit of its own that names the provincial
// police or military-region command whose facilities it supervises. A notice covers one posted camp list.
export class ProcuracyNotices1764000714100 implements MigrationInterface {
  name = 'ProcuracyNotices1764000714100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT ck_org_units_kind`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT ck_org_units_kind CHECK (kind IN (${KINDS}, 'PROCURACY'))`);
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT ck_org_units_body_kind`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT ck_org_units_body_kind CHECK (body_kind IS NULL OR body_kind IN
      (${BODY_KINDS}, 'SUPREME_PROCURACY'))`);
    await q.query(`ALTER TABLE org_units ADD COLUMN supervised_unit_id uuid NULL`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT fk_org_units_supervised FOREIGN KEY (supervised_unit_id)
      REFERENCES org_units (id)`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT ck_org_units_procuracy
      CHECK ((kind = 'PROCURACY') = (supervised_unit_id IS NOT NULL))`);
    await q.query(
      `CREATE INDEX ix_org_units_supervised ON org_units (supervised_unit_id) WHERE supervised_unit_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE procuracy_notices (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        list_id uuid NOT NULL,
        procuracy_unit_id uuid NOT NULL,
        number text NOT NULL,
        notified_on date NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_procuracy_notices PRIMARY KEY (id),
        CONSTRAINT uq_procuracy_notices_list UNIQUE (list_id),
        CONSTRAINT fk_procuracy_notices_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_procuracy_notices_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT fk_procuracy_notices_list FOREIGN KEY (list_id) REFERENCES list_snapshots (id),
        CONSTRAINT fk_procuracy_notices_procuracy FOREIGN KEY (procuracy_unit_id) REFERENCES org_units (id),
        CONSTRAINT fk_procuracy_notices_user FOREIGN KEY (recorded_by) REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX ix_procuracy_notices_facility ON procuracy_notices (facility_id, round_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procuracy_notices`);
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT ck_org_units_procuracy`);
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT fk_org_units_supervised`);
    await q.query(`ALTER TABLE org_units DROP COLUMN supervised_unit_id`);
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT ck_org_units_body_kind`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT ck_org_units_body_kind CHECK (body_kind IS NULL OR body_kind IN
      (${BODY_KINDS}))`);
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT ck_org_units_kind`);
    await q.query(`ALTER TABLE org_units ADD CONSTRAINT ck_org_units_kind CHECK (kind IN (${KINDS}))`);
  }
}
