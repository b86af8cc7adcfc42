import type { MigrationInterface, QueryRunner } from 'typeorm';

// A large screening split into part jobs: one run per screening counts the parts still to screen, so that the worker
// finishing the last part (the decrement of `remaining` is serialised by the row's lock) finishes the screening, once.
// The run keeps the round parameters the screening was planned with, so every part screens against the same ones.
// Each part is a keyset range of dossier ids (after `after_id`, up to `up_to_id`, the last part open-ended), planned
// once, and records the worker that screened it and how many dossiers it stored.
export class ScreeningParts1764006100000 implements MigrationInterface {
  name = 'ScreeningParts1764006100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE screening_part_runs (
        screening_id uuid NOT NULL,
        parameters jsonb NOT NULL,
        parts integer NOT NULL,
        remaining integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_screening_part_runs PRIMARY KEY (screening_id),
        CONSTRAINT fk_screening_part_runs_screening FOREIGN KEY (screening_id) REFERENCES screenings (id)
          ON DELETE CASCADE,
        CONSTRAINT chk_screening_part_runs_remaining CHECK (remaining >= 0 AND remaining <= parts)
      )`);
    await q.query(`
      CREATE TABLE screening_parts (
        screening_id uuid NOT NULL,
        part integer NOT NULL,
        after_id uuid NOT NULL,
        up_to_id uuid NULL,
        worker text NULL,
        screened integer NULL,
        done_at timestamptz NULL,
        CONSTRAINT pk_screening_parts PRIMARY KEY (screening_id, part),
        CONSTRAINT fk_screening_parts_run FOREIGN KEY (screening_id) REFERENCES screening_part_runs (screening_id)
          ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE screening_parts`);
    await q.query(`DROP TABLE screening_part_runs`);
  }
}
