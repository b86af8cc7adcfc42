import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'team-minutes','council-minutes','eligible-list','ineligible-list','proposal-sheet','appraisal-note',
  'explanatory-report','submission','certificate','complaint-decision','procuracy-notice','appraisal-record'`;

// The certificates of a facility's released persons issued at once (Luật Đặc xá 2018, Điều 18, khoản 3): a batch is one
// document of one certificate per page, and the register gives each certificate its number from the issuing unit's
// own sequence, once: a certificate entered in the register is never issued by a batch again.
export class CertificateBatches1764004100000 implements MigrationInterface {
  name = 'CertificateBatches1764004100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_batches (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        issuer_unit_id uuid NOT NULL,
        certificates integer NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_certificate_batches PRIMARY KEY (id),
        CONSTRAINT fk_certificate_batches_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_certificate_batches_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT fk_certificate_batches_issuer FOREIGN KEY (issuer_unit_id) REFERENCES org_units (id),
        CONSTRAINT fk_certificate_batches_user FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_certificate_batches_count CHECK (certificates > 0)
      )`);
    await q.query(`CREATE INDEX ix_certificate_batches_facility ON certificate_batches (facility_id, round_id)`);
    await q.query(`
      CREATE TABLE certificate_register (
        certificate_id uuid NOT NULL,
        batch_id uuid NOT NULL,
        issuer_unit_id uuid NOT NULL,
        seq integer NOT NULL,
        number text NOT NULL,
        CONSTRAINT pk_certificate_register PRIMARY KEY (certificate_id),
        CONSTRAINT uq_certificate_register_seq UNIQUE (issuer_unit_id, seq),
        CONSTRAINT fk_certificate_register_certificate FOREIGN KEY (certificate_id) REFERENCES amnesty_certificates (id),
        CONSTRAINT fk_certificate_register_batch FOREIGN KEY (batch_id) REFERENCES certificate_batches (id),
        CONSTRAINT fk_certificate_register_issuer FOREIGN KEY (issuer_unit_id) REFERENCES org_units (id),
        CONSTRAINT ck_certificate_register_seq CHECK (seq > 0)
      )`);
    await q.query(`CREATE INDEX ix_certificate_register_batch ON certificate_register (batch_id, seq)`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT ck_documents_kind`);
    await q.query(
      `ALTER TABLE documents ADD CONSTRAINT ck_documents_kind CHECK (kind IN (${KINDS}, 'certificate-batch'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT ck_documents_kind`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT ck_documents_kind CHECK (kind IN (${KINDS}))`);
    await q.query(`DROP TABLE certificate_register`);
    await q.query(`DROP TABLE certificate_batches`);
  }
}
