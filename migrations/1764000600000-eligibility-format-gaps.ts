import type { MigrationInterface, QueryRunner } from 'typeorm';

// Facts the exchange format could not carry: an unclassified quarter, the issuer level of a camp or a private
// person, a document's kind from a closed list (and a paper serving as two documents), the camp council's meeting
// date carried by a dossier, and the meeting date recorded with the council's decision (Decree 52/2019 Art 5(3)(c)).
export class EligibilityFormatGaps1764000600000 implements MigrationInterface {
  name = 'EligibilityFormatGaps1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_conduct_ratings DROP CONSTRAINT ck_dossier_conduct_ratings_rating,
      ADD CONSTRAINT ck_dossier_conduct_ratings_rating CHECK (rating IN ('TOT','KHA','TRUNG_BINH','KEM','NOT_CLASSIFIED'))`);
    await q.query(`ALTER TABLE dossier_evidence_documents DROP CONSTRAINT ck_dossier_evidence_documents_level,
      ADD CONSTRAINT ck_dossier_evidence_documents_level CHECK (issuer_level IN
        ('COMMUNE','DISTRICT','PROVINCE','MILITARY_REGION','CENTRAL','CAMP','PRIVATE')),
      ADD COLUMN code text NULL,
      ADD COLUMN also_serves_as text[] NULL,
      ADD CONSTRAINT ck_dossier_evidence_documents_code CHECK (code IS NULL OR code ~ '^[A-Z][A-Z0-9_]*$')`);
    await q.query(`ALTER TABLE dossiers ADD COLUMN council_meeting_date date NULL`);
    await q.query(`ALTER TABLE camp_council_decisions ADD COLUMN meeting_date date NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE camp_council_decisions DROP COLUMN meeting_date`);
    await q.query(`ALTER TABLE dossiers DROP COLUMN council_meeting_date`);
    await q.query(`ALTER TABLE dossier_evidence_documents DROP CONSTRAINT ck_dossier_evidence_documents_code,
      DROP COLUMN also_serves_as, DROP COLUMN code,
      DROP CONSTRAINT ck_dossier_evidence_documents_level,
      ADD CONSTRAINT ck_dossier_evidence_documents_level CHECK (issuer_level IN
        ('COMMUNE','DISTRICT','PROVINCE','MILITARY_REGION','CENTRAL'))`);
    await q.query(`ALTER TABLE dossier_conduct_ratings DROP CONSTRAINT ck_dossier_conduct_ratings_rating,
      ADD CONSTRAINT ck_dossier_conduct_ratings_rating CHECK (rating IN ('TOT','KHA','TRUNG_BINH','KEM'))`);
  }
}
