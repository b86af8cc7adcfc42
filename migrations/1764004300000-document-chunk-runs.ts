import type { MigrationInterface, QueryRunner } from 'typeorm';

// A long document printed by chunk jobs: one run per document job counts the parts still to print, so that the worker
// finishing the last part (the decrement of `remaining` is serialised by the row's lock) queues the merge, once. Each
// part records the worker that printed it and how many chunks it printed (none when they were all printed before).
export class DocumentChunkRuns1764004300000 implements MigrationInterface {
  name = 'DocumentChunkRuns1764004300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_chunk_runs (
        job_id uuid NOT NULL,
        chunks integer NOT NULL,
        chunk_rows integer NOT NULL,
        chunks_per_part integer NOT NULL,
        parts integer NOT NULL,
        remaining integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_document_chunk_runs PRIMARY KEY (job_id),
        CONSTRAINT fk_document_chunk_runs_job FOREIGN KEY (job_id) REFERENCES document_jobs (id) ON DELETE CASCADE,
        CONSTRAINT chk_document_chunk_runs_remaining CHECK (remaining >= 0 AND remaining <= parts)
      )`);
    await q.query(`
      CREATE TABLE document_chunk_parts (
        job_id uuid NOT NULL,
        part integer NOT NULL,
        worker text NULL,
        printed integer NULL,
        done_at timestamptz NULL,
        CONSTRAINT pk_document_chunk_parts PRIMARY KEY (job_id, part),
        CONSTRAINT fk_document_chunk_parts_run FOREIGN KEY (job_id) REFERENCES document_chunk_runs (job_id)
          ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_chunk_parts`);
    await q.query(`DROP TABLE document_chunk_runs`);
  }
}
