import type { MigrationInterface, QueryRunner } from 'typeorm';

// The facilities (and courts) of a round whose lists reached the inter-agency appraisal team: the team then also reads
// the names they proposed as not eligible (src/auth/scope-appraisal.ts). The national bodies' scope asked it of
// `workflow_history` joined with `dossiers` for every row it tested, which at the end of a 150,000-dossier round cost
// about half a second per list page of a national official. The fact is now written once, by the statement that
// writes the history (a statement trigger on the moved rows), and read from a table of one row per facility.
export class AppraisalReached1764007110000 implements MigrationInterface {
  name = 'AppraisalReached1764007110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appraisal_reached (
        round_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        CONSTRAINT pk_appraisal_reached PRIMARY KEY (round_id, facility_id)
      )`);
    await q.query(`
      INSERT INTO appraisal_reached (round_id, facility_id)
      SELECT DISTINCT d.round_id, d.facility_id
      FROM workflow_history h JOIN dossiers d ON d.id = h.dossier_id
      WHERE h.to_stage = 'appraisal'`);
    await q.query(`
      CREATE FUNCTION workflow_history_appraisal_reached() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO appraisal_reached (round_id, facility_id)
        SELECT DISTINCT d.round_id, d.facility_id
        FROM new_rows n JOIN dossiers d ON d.id = n.dossier_id
        WHERE n.to_stage = 'appraisal'
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_workflow_history_appraisal_reached AFTER INSERT ON workflow_history
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workflow_history_appraisal_reached()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_workflow_history_appraisal_reached ON workflow_history`);
    await q.query(`DROP FUNCTION workflow_history_appraisal_reached()`);
    await q.query(`DROP TABLE appraisal_reached`);
  }
}
