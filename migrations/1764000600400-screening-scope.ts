import type { MigrationInterface, QueryRunner } from 'typeorm';

// A screening covers the dossiers of the unit that started it (a ministry its own facilities), the administrator's a
// whole round. The unit and role are kept as they were when it was requested, so the batches read the same scope
// however long the screening waits in the queue, and only that unit and those above it read its status.
export class ScreeningScope1764000600400 implements MigrationInterface {
  name = 'ScreeningScope1764000600400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE screenings ADD COLUMN scope_unit_id uuid NULL, ADD COLUMN scope_role text NULL`);
    await q.query(
      `ALTER TABLE screenings ADD CONSTRAINT fk_screenings_scope_unit FOREIGN KEY (scope_unit_id) REFERENCES org_units (id)`,
    );
    await q.query(
      `ALTER TABLE screenings ADD CONSTRAINT ck_screenings_scope CHECK ((scope_unit_id IS NULL) = (scope_role IS NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE screenings DROP CONSTRAINT ck_screenings_scope`);
    await q.query(`ALTER TABLE screenings DROP CONSTRAINT fk_screenings_scope_unit`);
    await q.query(`ALTER TABLE screenings DROP COLUMN scope_role, DROP COLUMN scope_unit_id`);
  }
}
