import type { MigrationInterface, QueryRunner } from 'typeorm';

// A foreigner's passport or travel-document copy is a document of the dossier of its own (Nghị định 52/2019/NĐ-CP,
// Điều 5, khoản 6), stored beside the suspension certification.
export class IdentityPapers1764000720000 implements MigrationInterface {
  name = 'IdentityPapers1764000720000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_evidence_documents DROP CONSTRAINT ck_dossier_evidence_documents_owner,
      ADD CONSTRAINT ck_dossier_evidence_documents_owner
        CHECK (owner_type IN ('CIRCUMSTANCE','PRIOR_CONVICTION','SUSPENSION','IDENTITY'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM dossier_evidence_documents WHERE owner_type = 'IDENTITY'`);
    await q.query(`ALTER TABLE dossier_evidence_documents DROP CONSTRAINT ck_dossier_evidence_documents_owner,
      ADD CONSTRAINT ck_dossier_evidence_documents_owner
        CHECK (owner_type IN ('CIRCUMSTANCE','PRIOR_CONVICTION','SUSPENSION'))`);
  }
}
