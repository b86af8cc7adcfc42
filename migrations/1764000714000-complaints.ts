import type { MigrationInterface, QueryRunner } from 'typeorm';

const LIST_KINDS = `'CAMP_ELIGIBLE','CAMP_INELIGIBLE','RESUBMISSION','DEPARTMENT','MINISTRY','APPRAISAL','STANDING_BODY',
  'COUNCIL_ELIGIBLE','COUNCIL_INELIGIBLE','PRESIDENT_DECISION'`;

// Complaints of persons left off the eligible list (Luật Đặc xá 2018, Điều 36, khoản 3; Điều 37): one row per level,
// the second pointing at the first. An accepted complaint carries the name on as a one-name list of kind COMPLAINT.
export class Complaints1764000714000 implements MigrationInterface {
  name = 'Complaints1764000714000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaints (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL,
        round_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        level text NOT NULL,
        first_complaint_id uuid NULL,
        deciding_unit_id uuid NOT NULL,
        received_on date NOT NULL,
        complainant text NOT NULL,
        complainant_name text NOT NULL,
        content text NOT NULL,
        due_on date NULL,
        outcome text NULL,
        decision_reason text NULL,
        decided_on date NULL,
        decided_by uuid NULL,
        target_stage text NULL,
        list_id uuid NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_complaints PRIMARY KEY (id),
        CONSTRAINT uq_complaints_dossier_level UNIQUE (dossier_id, level),
        CONSTRAINT fk_complaints_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id),
        CONSTRAINT fk_complaints_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_complaints_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT fk_complaints_first FOREIGN KEY (first_complaint_id) REFERENCES complaints (id),
        CONSTRAINT fk_complaints_deciding_unit FOREIGN KEY (deciding_unit_id) REFERENCES org_units (id),
        CONSTRAINT fk_complaints_decided_by FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT fk_complaints_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id),
        CONSTRAINT fk_complaints_list FOREIGN KEY (list_id) REFERENCES list_snapshots (id),
        CONSTRAINT ck_complaints_level CHECK (level IN ('FIRST','SECOND')),
        CONSTRAINT ck_complaints_first CHECK ((level = 'SECOND') = (first_complaint_id IS NOT NULL)),
        CONSTRAINT ck_complaints_complainant CHECK (complainant IN ('SELF','RELATIVE','REPRESENTATIVE')),
        CONSTRAINT ck_complaints_outcome CHECK (outcome IS NULL OR outcome IN ('ACCEPTED','REJECTED')),
        CONSTRAINT ck_complaints_decided CHECK (
          (outcome IS NULL) = (decided_on IS NULL) AND (outcome IS NULL) = (decided_by IS NULL)
          AND (outcome IS NULL) = (decision_reason IS NULL)),
        CONSTRAINT ck_complaints_accepted CHECK ((outcome = 'ACCEPTED') = (list_id IS NOT NULL)),
        CONSTRAINT ck_complaints_dates CHECK (decided_on IS NULL OR decided_on >= received_on)
      )`);
    await q.query(`CREATE INDEX ix_complaints_open ON complaints (level, deciding_unit_id) WHERE outcome IS NULL`);
    await q.query(`CREATE INDEX ix_complaints_round ON complaints (round_id, facility_id)`);
    await q.query(`ALTER TABLE list_snapshots DROP CONSTRAINT ck_list_snapshots_kind`);
    await q.query(
      `ALTER TABLE list_snapshots ADD CONSTRAINT ck_list_snapshots_kind CHECK (kind IN (${LIST_KINDS}, 'COMPLAINT'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE list_snapshots DROP CONSTRAINT ck_list_snapshots_kind`);
    await q.query(`ALTER TABLE list_snapshots ADD CONSTRAINT ck_list_snapshots_kind CHECK (kind IN (${LIST_KINDS}))`);
    await q.query(`DROP TABLE complaints`);
  }
}
