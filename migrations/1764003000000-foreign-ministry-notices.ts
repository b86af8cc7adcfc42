import type { MigrationInterface, QueryRunner } from 'typeorm';

// The Council standing body's notice to the Ministry of Foreign Affairs of the foreigners on the President's decision,
// where the round asks for it (foreigners.notifyForeignMinistry): one row per notice with its number and day, and one
// row per foreign person it covers; a person is notified once.
export class ForeignMinistryNotices1764003000000 implements MigrationInterface {
  name = 'ForeignMinistryNotices1764003000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE foreign_ministry_notices (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        decision_id uuid NOT NULL,
        list_id uuid NOT NULL,
        number text NOT NULL,
        notified_on date NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_foreign_ministry_notices PRIMARY KEY (id),
        CONSTRAINT fk_foreign_ministry_notices_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_foreign_ministry_notices_decision FOREIGN KEY (decision_id) REFERENCES president_decisions (id),
        CONSTRAINT fk_foreign_ministry_notices_list FOREIGN KEY (list_id) REFERENCES list_snapshots (id),
        CONSTRAINT fk_foreign_ministry_notices_user FOREIGN KEY (recorded_by) REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX ix_foreign_ministry_notices_list ON foreign_ministry_notices (list_id)`);
    await q.query(`
      CREATE TABLE foreign_ministry_notice_dossiers (
        notice_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        CONSTRAINT pk_foreign_ministry_notice_dossiers PRIMARY KEY (notice_id, dossier_id),
        CONSTRAINT uq_foreign_ministry_notice_dossiers_dossier UNIQUE (dossier_id),
        CONSTRAINT fk_foreign_ministry_notice_dossiers_notice FOREIGN KEY (notice_id)
          REFERENCES foreign_ministry_notices (id),
        CONSTRAINT fk_foreign_ministry_notice_dossiers_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE foreign_ministry_notice_dossiers`);
    await q.query(`DROP TABLE foreign_ministry_notices`);
  }
}
