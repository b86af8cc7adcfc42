import type { MigrationInterface, QueryRunner } from 'typeorm';

// Dossier format additions the rules need: which Criminal Code an offence cites, the civil-enforcement agency's
// hardship confirmation (Decree 52/2019 Art 5(3)(g)), and whether a creditor's waiver is certified.
export class DossierFormatAdditions1764000400000 implements MigrationInterface {
  name = 'DossierFormatAdditions1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_offences ADD COLUMN criminal_code text NULL,
      ADD CONSTRAINT ck_dossier_offences_criminal_code CHECK (criminal_code IS NULL OR criminal_code IN ('BLHS_2015','BLHS_1999'))`);
    await q.query(`ALTER TABLE dossier_enforcement_decisions ADD COLUMN certified boolean NULL,
      DROP CONSTRAINT ck_dossier_enforcement_decisions_kind,
      ADD CONSTRAINT ck_dossier_enforcement_decisions_kind CHECK (kind IN ('RECEIPT','EXEMPTION','TERMINATION',
        'NOT_YET_ENFORCEABLE','CREDITOR_WAIVER','POSTPONEMENT_AGREEMENT','HARDSHIP_CONFIRMATION'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_enforcement_decisions DROP CONSTRAINT ck_dossier_enforcement_decisions_kind,
      DROP COLUMN certified,
      ADD CONSTRAINT ck_dossier_enforcement_decisions_kind CHECK (kind IN ('RECEIPT','EXEMPTION','TERMINATION',
        'NOT_YET_ENFORCEABLE','CREDITOR_WAIVER','POSTPONEMENT_AGREEMENT'))`);
    await q.query(
      `ALTER TABLE dossier_offences DROP CONSTRAINT ck_dossier_offences_criminal_code, DROP COLUMN criminal_code`,
    );
  }
}
