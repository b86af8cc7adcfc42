import type { MigrationInterface, QueryRunner } from 'typeorm';

// Simulations of a round's draft parameters: the saved draft with its figures, and the people whose verdict it
// changes. Nothing here refers to eligibility_results: a simulation never writes a dossier's result.
export class Simulations1764000618000 implements MigrationInterface {
  name = 'Simulations1764000618000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE simulations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        round_id uuid NOT NULL,
        round_version integer NOT NULL,
        base_preset_code text NULL,
        base_parameters jsonb NOT NULL,
        changes jsonb NOT NULL,
        draft_parameters jsonb NOT NULL,
        facility_ids uuid[] NOT NULL,
        scope_label text NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED',
        total integer NOT NULL DEFAULT 0,
        done integer NOT NULL DEFAULT 0,
        figures jsonb NULL,
        error text NULL,
        elapsed_ms integer NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL,
        adopted_at timestamptz NULL,
        adopted_by uuid NULL,
        adopted_round_version integer NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_simulations PRIMARY KEY (id),
        CONSTRAINT fk_simulations_round FOREIGN KEY (round_id) REFERENCES rounds (id),
        CONSTRAINT fk_simulations_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT fk_simulations_adopted_by FOREIGN KEY (adopted_by) REFERENCES users (id),
        CONSTRAINT ck_simulations_status CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED')),
        CONSTRAINT ck_simulations_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        CONSTRAINT ck_simulations_progress CHECK (done >= 0 AND total >= 0)
      )`);
    await q.query(`CREATE INDEX ix_simulations_round ON simulations (round_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE simulation_changes (
        simulation_id uuid NOT NULL,
        dossier_id uuid NOT NULL,
        facility_id uuid NOT NULL,
        base_status text NOT NULL,
        draft_status text NOT NULL,
        base_category text NOT NULL,
        draft_category text NOT NULL,
        rule_id text NOT NULL,
        reason text NOT NULL,
        CONSTRAINT pk_simulation_changes PRIMARY KEY (simulation_id, dossier_id),
        CONSTRAINT fk_simulation_changes_simulation FOREIGN KEY (simulation_id) REFERENCES simulations (id) ON DELETE CASCADE,
        CONSTRAINT fk_simulation_changes_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE CASCADE,
        CONSTRAINT fk_simulation_changes_facility FOREIGN KEY (facility_id) REFERENCES org_units (id),
        CONSTRAINT ck_simulation_changes_statuses CHECK (
          base_status IN ('ELIGIBLE','INELIGIBLE','NEEDS_REVIEW') AND draft_status IN ('ELIGIBLE','INELIGIBLE','NEEDS_REVIEW')
          AND base_status <> draft_status)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulation_changes`);
    await q.query(`DROP TABLE simulations`);
  }
}
