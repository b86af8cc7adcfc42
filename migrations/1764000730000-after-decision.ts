import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'team-minutes','council-minutes','eligible-list','ineligible-list','proposal-sheet','appraisal-note',
  'explanatory-report','submission','certificate','complaint-decision','procuracy-notice'`;
const COPY_RECIPIENTS = `'CRIMINAL_RECORD_CENTRE','SENTENCING_COURT','ADDITIONAL_PENALTY_AGENCY','CIVIL_ENFORCEMENT_AGENCY',
  'DISTRICT_THAHS_AGENCY','COMMUNE_OR_UNIT','RECEIVING_AGENCY'`;

// The appraisal team's record (Luật Đặc xá 2018, Điều 16, khoản 2), frozen when the team draws it, and the steps after
// the President's decision: its posting at each camp (Điều 18, khoản 1), the certificate's copies (Điều 18, khoản 4)
// and the person's presentation of it to the commune or military unit (Điều 20, khoản 2, điểm a).
export class AfterDecision1764000730000 implements MigrationInterface {
  name = 'AfterDecision1764000730000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appraisal_records (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        content jsonb NOT NULL,
        dossier_ids uuid[] NOT NULL,
        eligible_count integer NOT NULL,
        ineligible_count integer NOT NULL,
        content_hash text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_appraisal_records PRIMARY KEY (id),
        CONSTRAINT fk_appraisal_records_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_appraisal_records_user FOREIGN KEY (created_by) REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX ix_appraisal_records_round ON appraisal_records (round_id, created_at)`);
    await q.query(`CREATE INDEX ix_appraisal_records_dossiers ON appraisal_records USING gin (dossier_ids)`);
    await q.query(`
      CREATE TABLE decision_postings (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        posted_on date NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_decision_postings PRIMARY KEY (id),
        CONSTRAINT uq_decision_postings_facility UNIQUE (decision_id, facility_id),
        CONSTRAINT fk_decision_postings_decision FOREIGN KEY (decision_id) REFERENCES president_decisions (id),
        CONSTRAINT fk_decision_postings_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT fk_decision_postings_user FOREIGN KEY (recorded_by) REFERENCES users (id)
      )`);
    await q.query(`
      CREATE TABLE certificate_copies (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        certificate_id uuid NOT NULL,
        recipient text NOT NULL,
        addressee text NOT NULL,
        sent_on date NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_certificate_copies PRIMARY KEY (id),
        CONSTRAINT uq_certificate_copies_recipient UNIQUE (certificate_id, recipient, addressee),
        CONSTRAINT ck_certificate_copies_recipient CHECK (recipient IN (${COPY_RECIPIENTS})),
        CONSTRAINT fk_certificate_copies_certificate FOREIGN KEY (certificate_id) REFERENCES amnesty_certificates (id),
        CONSTRAINT fk_certificate_copies_user FOREIGN KEY (recorded_by) REFERENCES users (id)
      )`);
    await q.query(`ALTER TABLE amnesty_certificates ADD COLUMN presented_on date NULL,
      ADD COLUMN presented_to text NULL, ADD COLUMN presentation_recorded_by uuid NULL,
      ADD CONSTRAINT fk_amnesty_certificates_presentation_user FOREIGN KEY (presentation_recorded_by) REFERENCES users (id),
      ADD CONSTRAINT ck_amnesty_certificates_presentation
        CHECK ((presented_on IS NULL) = (presented_to IS NULL) AND (presented_on IS NULL OR released_on IS NOT NULL))`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT ck_documents_kind`);
    await q.query(
      `ALTER TABLE documents ADD CONSTRAINT ck_documents_kind CHECK (kind IN (${KINDS}, 'appraisal-record'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT ck_documents_kind`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT ck_documents_kind CHECK (kind IN (${KINDS}))`);
    await q.query(`ALTER TABLE amnesty_certificates DROP CONSTRAINT ck_amnesty_certificates_presentation,
      DROP CONSTRAINT fk_amnesty_certificates_presentation_user, DROP COLUMN presentation_recorded_by,
      DROP COLUMN presented_to, DROP COLUMN presented_on`);
    await q.query(`DROP TABLE certificate_copies`);
    await q.query(`DROP TABLE decision_postings`);
    await q.query(`DROP TABLE appraisal_records`);
  }
}
