import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql.js';

const SUMMARY = `id, code, name, rule_pack AS "rulePack", decision_number AS "decisionNumber", to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate",
  guidance_ref AS "guidanceRef", to_char(cutoff_date, 'YYYY-MM-DD') AS "cutoffDate", status, version, to_char(posted_at, 'YYYY-MM-DD') AS "postedAt"`;

export interface RoundSummary {
  id: string;
  code: string;
  name: string;
  rulePack: string;
  // Required of every round the service stores (its decision and cut-off).
  decisionNumber: string;
  decisionDate: string;
  guidanceRef: string | null;
  cutoffDate: string;
  status: string;
  version: number;
  postedAt: string | null;
}

export interface StoredRound extends RoundSummary {
  parameters: Record<string, unknown>;
  deadlines: Record<string, unknown>;
}

// The columns used for queries, derived from the parameters by the service so the two never disagree.
export interface RoundColumns {
  name: string;
  rulePack: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  guidanceRef: string | null;
  cutoffDate: string | null;
}

export interface LockedRound {
  id: string;
  version: number;
  parameters: unknown;
  deadlines: Record<string, unknown>;
  status: string;
  name: string;
}

// The rounds table's owner for the round service: the summary rows it lists and reads, and its writes.
@Injectable()
export class RoundRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<RoundSummary[]> {
    return this.dataSource.query(`SELECT ${SUMMARY} FROM rounds ORDER BY decision_date DESC`);
  }

  async findByCode(code: string): Promise<StoredRound | null> {
    const rows: StoredRound[] = await this.dataSource.query(
      `SELECT ${SUMMARY}, parameters, deadlines FROM rounds WHERE code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  async codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return (await manager.query('SELECT 1 FROM rounds WHERE code = $1', [code])).length > 0;
  }

  async insert(
    manager: EntityManager,
    round: { code: string; columns: RoundColumns; parameters: unknown; deadlines: unknown },
  ): Promise<string> {
    const [created] = await manager.query(
      `INSERT INTO rounds (code, name, rule_pack, decision_number, decision_date, guidance_ref, cutoff_date, parameters, deadlines)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [round.code, ...columnValues(round.columns), JSON.stringify(round.parameters), JSON.stringify(round.deadlines)],
    );
    return created.id;
  }

  async lockByCode(manager: EntityManager, code: string): Promise<LockedRound | null> {
    const rows: LockedRound[] = await manager.query(
      'SELECT id, version, parameters, deadlines, status, name FROM rounds WHERE code = $1 FOR UPDATE',
      [code],
    );
    return rows[0] ?? null;
  }

  // Writes the new state only over the version read; the new version.
  async update(
    manager: EntityManager,
    round: {
      code: string;
      expectedVersion: number;
      columns: RoundColumns;
      parameters: unknown;
      deadlines: unknown;
      status: string;
    },
  ): Promise<number> {
    const [after] = returnedRows<{ version: number }>(
      await manager.query(
        `UPDATE rounds SET name = $3, rule_pack = $4, decision_number = $5, decision_date = $6, guidance_ref = $7, cutoff_date = $8,
         parameters = $9, deadlines = $10, status = $11, version = version + 1, updated_at = now()
         WHERE code = $1 AND version = $2 RETURNING version`,
        [
          round.code,
          round.expectedVersion,
          ...columnValues(round.columns),
          JSON.stringify(round.parameters),
          JSON.stringify(round.deadlines),
          round.status,
        ],
      ),
    );
    return after.version;
  }
}

// name, rule_pack, decision_number, decision_date, guidance_ref, cutoff_date: in the order both writes list them.
function columnValues(c: RoundColumns): unknown[] {
  return [c.name, c.rulePack, c.decisionNumber, c.decisionDate, c.guidanceRef, c.cutoffDate];
}
