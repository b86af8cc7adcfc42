import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoundParameters } from './core/index.js';

export interface RoundRow {
  id: string;
  code: string;
  parameters: RoundParameters;
}

export interface StoredResultRow {
  dossier_id: string;
  dossier_version: number;
  round_id: string;
  screening_id: string | null;
  pack_id: string;
  pack_version: string;
  facts_hash: string;
  outcome: string;
  category: string | null;
  result: unknown;
}

export interface CurrentDocument {
  id: string;
  version: number;
  document: import('../dossiers/dossier-format.js').DossierDocument;
}

@Injectable()
export class EligibilityRepository {
  async roundById(manager: EntityManager, id: string): Promise<RoundRow | null> {
    const rows: RoundRow[] = await manager.query('SELECT id, code, parameters FROM rounds WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  async roundByCode(manager: EntityManager, code: string): Promise<RoundRow | null> {
    const rows: RoundRow[] = await manager.query('SELECT id, code, parameters FROM rounds WHERE code = $1', [code]);
    return rows[0] ?? null;
  }

  // Current versions, in id order after `afterId`, straight from the immutable version copies (one row per dossier).
  async currentDocuments(manager: EntityManager, roundId: string, afterId: string, limit: number): Promise<CurrentDocument[]> {
    return manager.query(
      `SELECT d.id, d.version, v.document FROM dossiers d
       JOIN dossier_versions v ON v.dossier_id = d.id AND v.version = d.version
       WHERE d.round_id = $1 AND d.id > $2 ORDER BY d.id LIMIT $3`,
      [roundId, afterId, limit],
    );
  }

  async documentsByIds(manager: EntityManager, ids: string[]): Promise<CurrentDocument[]> {
    return manager.query(
      `SELECT d.id, d.version, v.document FROM dossiers d
       JOIN dossier_versions v ON v.dossier_id = d.id AND v.version = d.version WHERE d.id = ANY($1)`,
      [ids],
    );
  }

  async countDossiers(manager: EntityManager, roundId: string): Promise<number> {
    const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM dossiers WHERE round_id = $1', [roundId]);
    return n;
  }

  async insertResults(manager: EntityManager, rows: StoredResultRow[]): Promise<void> {
    const CHUNK = 2000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      await manager.query(
        `INSERT INTO eligibility_results (dossier_id, dossier_version, round_id, screening_id, pack_id, pack_version, facts_hash, outcome, category, result)
         SELECT dossier_id, dossier_version, round_id, screening_id, pack_id, pack_version, facts_hash, outcome, category, result
         FROM jsonb_to_recordset($1::jsonb) AS x(dossier_id uuid, dossier_version int, round_id uuid, screening_id uuid, pack_id text,
           pack_version text, facts_hash text, outcome text, category text, result jsonb)`,
        [JSON.stringify(rows.slice(i, i + CHUNK))],
      );
    }
  }

  async latest(manager: EntityManager, dossierId: string) {
    const rows = await manager.query(
      `SELECT id, dossier_id AS "dossierId", dossier_version AS "dossierVersion", screening_id AS "screeningId", pack_id AS "packId",
              pack_version AS "packVersion", facts_hash AS "factsHash", outcome, category, result, evaluated_at AS "evaluatedAt"
       FROM eligibility_results WHERE dossier_id = $1 ORDER BY evaluated_at DESC, id DESC LIMIT 1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }
}
