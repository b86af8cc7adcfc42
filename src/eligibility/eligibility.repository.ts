import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoundParameters } from './core/index.js';
import { CopyWriter, copyFrom } from '../database/pg-copy.js';
import { RESULT_COLUMNS, RESULT_TABLE, type DocumentText, type StoredResultRow } from './stored-result.js';

export interface ScopeFilter {
  sql: string;
  params: unknown[];
}
const WHOLE_ROUND: ScopeFilter = { sql: 'true', params: [] };

export interface RoundRow {
  id: string;
  code: string;
  parameters: RoundParameters;
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

  // The current version of each of the next `limit` dossiers of the round after `afterId`, in id order, with its
  // document as JSON text (a screening parses it on its evaluation threads). The batch is chosen on the
  // (round_id, id) index first, so only its own documents are read and converted.
  // `scope` limits the dossiers (alias `d`, parameters from $4) to a screening's scope.
  async currentDocumentTexts(
    manager: EntityManager,
    input: { roundId: string; afterId: string; limit: number; scope?: ScopeFilter },
  ): Promise<DocumentText[]> {
    const scope = input.scope ?? WHOLE_ROUND;
    return manager.query(
      `SELECT s.id, s.version, v.document::text AS document
       FROM (SELECT d.id, d.version FROM dossiers d WHERE d.round_id = $1 AND d.id > $2 AND ${scope.sql} ORDER BY d.id LIMIT $3) s
       JOIN dossier_versions v ON v.dossier_id = s.id AND v.version = s.version
       ORDER BY s.id`,
      [input.roundId, input.afterId, input.limit, ...scope.params],
    );
  }

  async documentsByIds(manager: EntityManager, ids: string[]): Promise<CurrentDocument[]> {
    return manager.query(
      `SELECT d.id, d.version, v.document FROM dossiers d
       JOIN dossier_versions v ON v.dossier_id = d.id AND v.version = d.version WHERE d.id = ANY($1)`,
      [ids],
    );
  }

  // `scope` limits the dossiers (alias `d`, parameters from $2).
  async countDossiers(manager: EntityManager, roundId: string, scope: ScopeFilter = WHOLE_ROUND): Promise<number> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM dossiers d WHERE d.round_id = $1 AND ${scope.sql}`,
      [roundId, ...scope.params],
    );
    return n;
  }

  // COPY FROM STDIN on the transaction's own connection: no JSON-to-record parsing on the server.
  async insertResults(manager: EntityManager, rows: StoredResultRow[]): Promise<void> {
    if (!rows.length) return;
    const writer = new CopyWriter(RESULT_TABLE);
    writer.add(rows as unknown as Record<string, unknown>[], RESULT_COLUMNS);
    await this.copyResults(manager, writer.bytes());
  }

  // Results already encoded in COPY text format (by a screening thread).
  async copyResults(manager: EntityManager, data: Uint8Array): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('copyResults needs a transaction');
    await copyFrom(runner, RESULT_TABLE, RESULT_COLUMNS, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }

  async versionDocument(manager: EntityManager, dossierId: string, version: number): Promise<CurrentDocument[]> {
    return manager.query(
      'SELECT dossier_id AS id, version, document FROM dossier_versions WHERE dossier_id = $1 AND version = $2',
      [dossierId, version],
    );
  }

  async latest(manager: EntityManager, dossierId: string) {
    const rows = await manager.query(
      `SELECT id, dossier_id AS "dossierId", dossier_version AS "dossierVersion", round_id AS "roundId", screening_id AS "screeningId", pack_id AS "packId",
              pack_version AS "packVersion", facts_hash AS "factsHash", outcome, category, result, evaluated_at AS "evaluatedAt"
       FROM eligibility_results WHERE dossier_id = $1 ORDER BY evaluated_at DESC, id DESC LIMIT 1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }
}
