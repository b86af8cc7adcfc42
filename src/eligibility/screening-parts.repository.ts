import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopeSubject, SqlFilter } from '../auth/scope.service.js';
import { returnedRows } from '../common/sql.js';
import type { RoundParameters } from './core/index.js';

export interface ScreeningPart {
  screening_id: string;
  part: number;
  after_id: string;
  // Null for the last part: every dossier after `after_id`.
  up_to_id: string | null;
  done_at: Date | null;
  // The screening's state, with what a part needs to screen its range.
  status: string;
  parameters: RoundParameters;
  round_id: string;
  scope_role: ScopeSubject['role'] | null;
  scope_path: string | null;
}

// The runs of a large screening's part jobs (see ScreeningPartJobs) and their parts.
@Injectable()
export class ScreeningPartsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async remaining(screeningId: string): Promise<number | null> {
    const [run] = await this.dataSource.query('SELECT remaining FROM screening_part_runs WHERE screening_id = $1', [
      screeningId,
    ]);
    return run ? run.remaining : null;
  }

  // The last dossier id of every `size` dossiers of the round in `scope` (its parameters from $3), in id order, but
  // the last dossier's: the upper bounds of all parts but the last.
  async boundaries(roundId: string, size: number, scope: SqlFilter): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM (SELECT d.id, row_number() OVER (ORDER BY d.id) AS n, count(*) OVER () AS total
                         FROM dossiers d WHERE d.round_id = $1 AND ${scope.sql}) x
        WHERE n % $2 = 0 AND n < total ORDER BY id`,
      [roundId, size, ...scope.params],
    );
    return rows.map((r) => r.id);
  }

  // Creates the run with one part per range; false when another attempt created it first.
  async create(
    manager: EntityManager,
    run: { screeningId: string; parameters: RoundParameters; ranges: { afterId: string; upToId: string | null }[] },
  ): Promise<boolean> {
    const { screeningId, ranges } = run;
    const created = await manager.query(
      `INSERT INTO screening_part_runs (screening_id, parameters, parts, remaining) VALUES ($1, $2, $3, $3)
       ON CONFLICT (screening_id) DO NOTHING RETURNING screening_id`,
      [screeningId, JSON.stringify(run.parameters), ranges.length],
    );
    if (!created.length) return false;
    await manager.query(
      `INSERT INTO screening_parts (screening_id, part, after_id, up_to_id)
       SELECT $1, r.part - 1, r.after_id, r.up_to_id FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS r(after_id, up_to_id, part)`,
      [screeningId, ranges.map((r) => r.afterId), ranges.map((r) => r.upToId)],
    );
    return true;
  }

  async find(screeningId: string, part: number): Promise<ScreeningPart | null> {
    const [row] = await this.dataSource.query(
      `SELECT p.screening_id, p.part, p.after_id, p.up_to_id, p.done_at, r.parameters, s.status, s.round_id, s.scope_role,
              (SELECT u.path FROM org_units u WHERE u.id = s.scope_unit_id) AS scope_path
         FROM screening_parts p JOIN screening_part_runs r ON r.screening_id = p.screening_id
         JOIN screenings s ON s.id = p.screening_id
        WHERE p.screening_id = $1 AND p.part = $2`,
      [screeningId, part],
    );
    return row ?? null;
  }

  // The part's range as a filter on `dossiers d` beside the scope's (whose parameters come first).
  static upTo(scope: SqlFilter, upToId: string | null, firstParam: number): SqlFilter {
    if (upToId === null) return scope;
    return {
      sql: `(${scope.sql}) AND d.id <= $${firstParam + scope.params.length}`,
      params: [...scope.params, upToId],
    };
  }

  // Marks a part screened, in the caller's transaction; false when it was already (a retry of a part whose first run
  // committed): the caller then writes nothing.
  async markDone(
    manager: EntityManager,
    part: { screeningId: string; part: number; worker: string; screened: number },
  ) {
    const marked = returnedRows(
      await manager.query(
        `UPDATE screening_parts SET worker = $3, screened = $4, done_at = now()
        WHERE screening_id = $1 AND part = $2 AND done_at IS NULL RETURNING part`,
        [part.screeningId, part.part, part.worker, part.screened],
      ),
    );
    return marked.length > 0;
  }

  // Counts a part off the run, in the caller's transaction, after its results and progress are written. The run's
  // row lock orders two workers finishing parts at the same moment, so exactly one of them sees 0.
  async countOff(manager: EntityManager, screeningId: string): Promise<number> {
    const [run] = returnedRows<{ remaining: number }>(
      await manager.query(
        `UPDATE screening_part_runs SET remaining = remaining - 1 WHERE screening_id = $1 RETURNING remaining`,
        [screeningId],
      ),
    );
    return run.remaining;
  }
}
