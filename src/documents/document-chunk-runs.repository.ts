import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface ChunkRun {
  job_id: string;
  document_id: string;
  // The document job's state: a part of a finished or failed job has nothing left to do.
  state: string;
  chunks: number;
  chunk_rows: number;
  chunks_per_part: number;
  parts: number;
  remaining: number;
}

// The runs of chunk jobs of long documents (see DocumentChunkJobs) and their parts.
@Injectable()
export class DocumentChunkRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(jobId: string): Promise<ChunkRun | null> {
    const rows = await this.dataSource.query(
      `SELECT r.job_id, j.document_id, j.state, r.chunks, r.chunk_rows, r.chunks_per_part, r.parts, r.remaining
         FROM document_chunk_runs r JOIN document_jobs j ON j.id = r.job_id WHERE r.job_id = $1`,
      [jobId],
    );
    return rows[0] ?? null;
  }

  // Creates the run with every part to print; false when another worker created it first.
  async create(
    manager: EntityManager,
    run: { jobId: string; chunks: number; chunkRows: number; chunksPerPart: number; parts: number },
  ): Promise<boolean> {
    const created = await manager.query(
      `INSERT INTO document_chunk_runs (job_id, chunks, chunk_rows, chunks_per_part, parts, remaining)
       VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
      [run.jobId, run.chunks, run.chunkRows, run.chunksPerPart, run.parts],
    );
    if (!created.length) return false;
    await manager.query(
      `INSERT INTO document_chunk_parts (job_id, part) SELECT $1, part FROM generate_series(0, $2 - 1) AS part`,
      [run.jobId, run.parts],
    );
    await manager.query(
      `UPDATE document_jobs SET chunks_total = $2, chunks_done = 0, updated_at = now() WHERE id = $1`,
      [run.jobId, run.chunks],
    );
    return true;
  }

  // Marks a part printed and counts it off the run, in the caller's transaction. The run's row lock orders two
  // workers finishing parts at the same moment, so exactly one of them sees 0. Returns the parts still to print, or
  // null when this part was already counted (a retry of a part whose first run committed).
  async finishPart(
    manager: EntityManager,
    part: { jobId: string; part: number; worker: string; printed: number },
  ): Promise<number | null> {
    const [marked] = await manager.query(
      `UPDATE document_chunk_parts SET worker = $3, printed = $4, done_at = now()
        WHERE job_id = $1 AND part = $2 AND done_at IS NULL RETURNING part`,
      [part.jobId, part.part, part.worker, part.printed],
    );
    if (!marked.length) return null;
    const [rows] = await manager.query(
      `UPDATE document_chunk_runs SET remaining = remaining - 1 WHERE job_id = $1
        RETURNING remaining, parts, chunks, chunks_per_part`,
      [part.jobId],
    );
    const run = rows[0];
    const done = Math.min(run.chunks, (run.parts - run.remaining) * run.chunks_per_part);
    await manager.query(
      `UPDATE document_jobs SET chunks_done = GREATEST(chunks_done, $2), updated_at = now()
        WHERE id = $1 AND state = 'rendering'`,
      [part.jobId, done],
    );
    return run.remaining;
  }
}
