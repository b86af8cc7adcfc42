import type { MigrationInterface, QueryRunner } from 'typeorm';

// A certificate's register number is printed on the certificate the person carries home: once given, it is evidence,
// and the database refuses to change or remove it, as it does for the other records that are evidence. The
// application role loses UPDATE and DELETE on it at its next start (app-role.ts reads the refusing triggers).
export class CertificateRegisterAppendOnly1764006800000 implements MigrationInterface {
  name = 'CertificateRegisterAppendOnly1764006800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER trg_certificate_register_no_update BEFORE UPDATE OR DELETE ON certificate_register
      FOR EACH ROW EXECUTE FUNCTION workflow_refuse_change()`);
    await q.query(`CREATE TRIGGER trg_certificate_register_no_truncate BEFORE TRUNCATE ON certificate_register
      FOR EACH STATEMENT EXECUTE FUNCTION workflow_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER trg_certificate_register_no_truncate ON certificate_register');
    await q.query('DROP TRIGGER trg_certificate_register_no_update ON certificate_register');
  }
}
