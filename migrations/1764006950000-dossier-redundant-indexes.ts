import type { MigrationInterface, QueryRunner } from 'typeorm';

// Two indexes of dossiers that no query needs, each kept up to date by every dossier written (150,000 on a national
// load). (facility_id) is the leading column of ix_dossiers_facility_name (facility_id, full_name, id), which serves
// every lookup by facility alone, the facility-deleting key check included. (lower(full_name)) is a btree, which
// cannot serve the only query on that expression, the list's search `lower(full_name) LIKE '%…%'` with its leading
// wildcard: the trigram index ix_dossiers_name_trgm on the same expression does, and no statement sorts by it.
export class DossierRedundantIndexes1764006950000 implements MigrationInterface {
  name = 'DossierRedundantIndexes1764006950000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_dossiers_facility`);
    await q.query(`DROP INDEX ix_dossiers_full_name`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_dossiers_full_name ON dossiers (lower(full_name))`);
    await q.query(`CREATE INDEX ix_dossiers_facility ON dossiers (facility_id)`);
  }
}
