import type { MigrationInterface, QueryRunner } from 'typeorm';

// The engine's facts of each dossier's latest content version, kept beside its document so that a simulation over a
// round reads them instead of the documents: the exchange-format document is stored as jsonb, whose output as text
// and parsing cost far more than the evaluation itself. Plain text, not jsonb (nothing queries inside it, and text
// leaves the server as is). Derived data, like dossier_verdicts: written in the transaction that writes the content
// version, and a row missing or older than the dossier's latest version (or mapped by another facts format) is mapped
// again from the document when read and written back — so no migration ever has to map facts in SQL.
export class DossierFacts1764004000000 implements MigrationInterface {
  name = 'DossierFacts1764004000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_facts (
        dossier_id uuid NOT NULL,
        version integer NOT NULL,
        format integer NOT NULL,
        facts text NOT NULL,
        CONSTRAINT pk_dossier_facts PRIMARY KEY (dossier_id),
        CONSTRAINT fk_dossier_facts_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE CASCADE,
        CONSTRAINT ck_dossier_facts_version CHECK (version >= 1 AND format >= 1)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dossier_facts');
  }
}
