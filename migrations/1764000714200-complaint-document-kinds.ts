import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'team-minutes','council-minutes','eligible-list','ineligible-list','proposal-sheet','appraisal-note',
  'explanatory-report','submission','certificate'`;

// Two new document kinds: the decision on a complaint (Luật Đặc xá 2018, Điều 37) and the camp's notice to the
// procuracy (Điều 15, khoản 5).
export class ComplaintDocumentKinds1764000714200 implements MigrationInterface {
  name = 'ComplaintDocumentKinds1764000714200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT ck_documents_kind`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT ck_documents_kind
      CHECK (kind IN (${KINDS}, 'complaint-decision', 'procuracy-notice'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT ck_documents_kind`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT ck_documents_kind CHECK (kind IN (${KINDS}))`);
  }
}
