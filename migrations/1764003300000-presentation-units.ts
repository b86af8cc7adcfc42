import type { MigrationInterface, QueryRunner } from 'typeorm';
import { setCheckValues } from './check-values.js';

const ROLE = { table: 'users', constraint: 'ck_users_role', column: 'role' };
const KIND = { table: 'org_units', constraint: 'ck_org_units_kind', column: 'kind' };

// The commune's People's Committee or the military unit to which an amnestied person presents the certificate (Luật
// Đặc xá 2018, Điều 20, khoản 2, điểm a) becomes a unit of the tree with an officer of its own, and the certificate
// names it when issued: the copy of Điều 18, khoản 4 goes there and its officer records the presentation. The column
// stays empty where the unit has no account yet; the issuing camp or court then records the presentation as before.
export class PresentationUnits1764003300000 implements MigrationInterface {
  name = 'PresentationUnits1764003300000';

  async up(q: QueryRunner): Promise<void> {
    await setCheckValues(q, { ...ROLE, add: ['LOCAL_UNIT_OFFICER'] });
    await setCheckValues(q, { ...KIND, add: ['LOCAL_UNIT'] });
    await q.query(`ALTER TABLE amnesty_certificates ADD COLUMN presentation_unit_id uuid NULL,
      ADD CONSTRAINT fk_amnesty_certificates_presentation_unit FOREIGN KEY (presentation_unit_id) REFERENCES org_units (id)`);
    await q.query(`CREATE INDEX ix_amnesty_certificates_presentation_unit ON amnesty_certificates (presentation_unit_id)
      WHERE presentation_unit_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_amnesty_certificates_presentation_unit`);
    await q.query(`ALTER TABLE amnesty_certificates DROP COLUMN presentation_unit_id`);
    await setCheckValues(q, { ...KIND, remove: ['LOCAL_UNIT'] });
    await setCheckValues(q, { ...ROLE, remove: ['LOCAL_UNIT_OFFICER'] });
  }
}
