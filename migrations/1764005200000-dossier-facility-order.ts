import type { MigrationInterface, QueryRunner } from 'typeorm';

// A list page sorted by facility reads each facility's dossiers of the round in id order until the page is full
// (dossier-list-pages.ts): with only (round, facility, team, stage) to go by, every dossier of the facility was read
// and sorted for the first fifty-one (2,600 rows for each facility a ministry's first page touched).
export class DossierFacilityOrder1764005200000 implements MigrationInterface {
  name = 'DossierFacilityOrder1764005200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_dossiers_round_facility_id ON dossiers (round_id, facility_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_dossiers_round_facility_id`);
  }
}
