import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DossierImportStatus } from './dossier-import.entity.js';
import type { Sentence } from '../dossier-format.js';
import type { UnitLists } from './spreadsheet-units.js';
import type { ViewFacts } from './spreadsheet-view.js';

export interface ExportKey {
  id: string;
  // The pinned version of a list entry; the latest content otherwise.
  version?: number;
  stage: string;
  outcome: string | null;
  category: string | null;
}

export interface ImportRow {
  id: string;
  createdBy: string;
  fileName: string;
  fileSha256: string;
  dossierCount: number;
  documents: unknown[];
  places: Record<string, unknown>;
  summary: Record<string, unknown>;
  status: DossierImportStatus;
  createdAt: Date;
  committedAt: Date | null;
}

const LATEST_VERDICT = `LEFT JOIN LATERAL (SELECT outcome, category FROM eligibility_results er WHERE er.dossier_id = d.id
                       ORDER BY evaluated_at DESC LIMIT 1) ev ON true`;
// The facts a list row shows, taken out of the stored document by PostgreSQL.
const VIEW_FACTS = `jsonb_build_object(
  'inmateNumber', v.document->'inmateNumber', 'roundCode', v.document->'roundCode',
  'facilityCode', v.document->'facilityCode', 'teamCode', v.document->'teamCode', 'person', v.document->'person',
  'aggregateSentence', v.document->'aggregateSentence',
  'offences', (SELECT coalesce(jsonb_agg(jsonb_build_object('name', o->'name', 'article', o->'article',
                 'clause', o->'clause', 'point', o->'point')), '[]')
               FROM jsonb_array_elements(v.document->'judgments') j, jsonb_array_elements(j->'offences') o))::text`;
const IMPORT_COLUMNS = `id, created_by AS "createdBy", file_name AS "fileName", file_sha256 AS "fileSha256",
  dossier_count AS "dossierCount", summary, status, created_at AS "createdAt", committed_at AS "committedAt"`;

@Injectable()
export class DossierSpreadsheetRepository {
  // Every round, facility and team by code and name: a workbook names them, whoever made it.
  async unitLists(manager: EntityManager): Promise<UnitLists> {
    const rounds = await manager.query('SELECT code, name FROM rounds ORDER BY code');
    const facilities = await manager.query(`SELECT code, name FROM org_units WHERE kind = 'FACILITY' ORDER BY name`);
    const teams = await manager.query(
      `SELECT t.code, t.name, f.code AS "facilityCode" FROM org_units t
       JOIN org_units f ON f.kind = 'FACILITY' AND t.path LIKE f.path || '%'
       WHERE t.kind = 'TEAM' ORDER BY f.name, t.path`,
    );
    return { rounds, facilities, teams };
  }

  // Set first in a transaction that only reads (an export): PostgreSQL then takes no write locks for it.
  async readOnly(manager: EntityManager): Promise<void> {
    await manager.query('SET TRANSACTION READ ONLY');
  }

  // A read cursor over `sql` inside the caller's transaction, fetched `size` rows at a time, closed at the end.
  async *cursor<T>(manager: EntityManager, sql: string, params: unknown[], size: number): AsyncIterable<T[]> {
    await manager.query(`DECLARE spreadsheet_rows NO SCROLL CURSOR FOR ${sql}`, params);
    try {
      for (;;) {
        const rows: T[] = await manager.query(`FETCH FORWARD ${size} FROM spreadsheet_rows`);
        if (!rows.length) return;
        yield rows;
      }
    } finally {
      await manager.query('CLOSE spreadsheet_rows');
    }
  }

  // `filtered` is the dossier list's own FROM … WHERE … ORDER BY over aliases d, r, f, t, v (DossierListService.filtered).
  dossierKeysSql(filtered: string): string {
    return `SELECT d.id, d.stage, v.outcome, v.category ${filtered}`;
  }

  listKeysSql(): string {
    return `SELECT le.dossier_id AS id, le.dossier_version AS version, d.stage, ev.outcome, ev.category
            FROM list_entries le JOIN dossiers d ON d.id = le.dossier_id ${LATEST_VERDICT}
            WHERE le.list_id = $1 ORDER BY le.position`;
  }

  // Each dossier's document as JSON text: the pinned version when the key has one, the latest otherwise. `view` asks
  // only for what a list shows (ViewFacts in spreadsheet-view.ts): far less text to print, send and parse.
  async documents(manager: EntityManager, keys: ExportKey[], view = false): Promise<Map<string, string>> {
    const document = view ? VIEW_FACTS : 'v.document::text';
    const pinned = keys.filter((k) => k.version !== undefined && k.version !== null);
    const latest = keys.filter((k) => k.version === undefined || k.version === null);
    const rows: { id: string; document: string }[] = [];
    if (latest.length)
      rows.push(
        ...(await manager.query(
          `SELECT DISTINCT ON (v.dossier_id) v.dossier_id AS id, ${document} AS document FROM dossier_versions v
           WHERE v.dossier_id = ANY($1::uuid[]) ORDER BY v.dossier_id, v.version DESC`,
          [latest.map((k) => k.id)],
        )),
      );
    if (pinned.length)
      rows.push(
        ...(await manager.query(
          `SELECT v.dossier_id AS id, ${document} AS document
           FROM unnest($1::uuid[], $2::int[]) AS k(id, version)
           JOIN dossier_versions v ON v.dossier_id = k.id AND v.version = k.version`,
          [pinned.map((k) => k.id), pinned.map((k) => k.version)],
        )),
      );
    return new Map(rows.map((r) => [r.id, r.document]));
  }

  // What a list row shows, for each key: from the normalised tables for the current state (no stored document is
  // unpacked: several times faster at national scale), from the pinned document for a key with a version.
  async viewFacts(manager: EntityManager, keys: ExportKey[]): Promise<Map<string, ViewFacts>> {
    const out = new Map<string, ViewFacts>();
    const pinned = keys.filter((k) => k.version !== undefined && k.version !== null);
    for (const [id, text] of await this.documents(manager, pinned, true)) out.set(id, JSON.parse(text) as ViewFacts);
    const current = keys.filter((k) => k.version === undefined || k.version === null).map((k) => k.id);
    if (!current.length) return out;
    const heads: Record<string, any>[] = await manager.query(
      `SELECT d.id, d.inmate_number, d.full_name, d.aliases, d.birth_date, d.sex, d.ethnicity, d.nationality,
              d.registered_residence, d.residence_after_release, d.sentence_kind, d.sentence_years, d.sentence_months,
              d.sentence_days, d.commutation, r.code AS round_code, f.code AS facility_code, t.code AS team_code
       FROM dossiers d JOIN rounds r ON r.id = d.round_id JOIN org_units f ON f.id = d.facility_id
       LEFT JOIN org_units t ON t.id = d.team_id WHERE d.id = ANY($1::uuid[])`,
      [current],
    );
    const offences: {
      dossier_id: string;
      name: string;
      article: number;
      clause: number | null;
      point: string | null;
    }[] = await manager.query(
      `SELECT o.dossier_id, o.name, o.article, o.clause, o.point FROM dossier_offences o
         JOIN dossier_judgments j ON j.id = o.judgment_id
         WHERE o.dossier_id = ANY($1::uuid[]) ORDER BY o.dossier_id, j.ordinal, o.ordinal`,
      [current],
    );
    const byDossier = new Map<string, ViewFacts['offences']>();
    for (const o of offences) {
      const list = byDossier.get(o.dossier_id) ?? [];
      list.push({
        name: o.name,
        article: o.article,
        ...(o.clause ? { clause: o.clause } : {}),
        ...(o.point ? { point: o.point } : {}),
      });
      byDossier.set(o.dossier_id, list);
    }
    for (const h of heads) {
      const sentence: Sentence =
        h.sentence_kind === 'LIFE'
          ? { kind: 'LIFE', ...(h.commutation ? { commutation: h.commutation } : {}) }
          : { kind: 'FIXED', years: h.sentence_years ?? 0, months: h.sentence_months ?? 0, days: h.sentence_days ?? 0 };
      out.set(h.id, {
        inmateNumber: h.inmate_number,
        roundCode: h.round_code,
        facilityCode: h.facility_code,
        ...(h.team_code ? { teamCode: h.team_code } : {}),
        person: {
          fullName: h.full_name,
          aliases: h.aliases,
          birthDate: h.birth_date,
          sex: h.sex,
          registeredResidence: h.registered_residence,
        },
        aggregateSentence: sentence,
        offences: byDossier.get(h.id) ?? [],
      });
    }
    return out;
  }

  async insertImport(manager: EntityManager, row: Omit<ImportRow, 'status' | 'createdAt' | 'committedAt'>) {
    await manager.query(
      `INSERT INTO dossier_imports (id, created_by, file_name, file_sha256, dossier_count, documents, places, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.id,
        row.createdBy,
        row.fileName,
        row.fileSha256,
        row.dossierCount,
        JSON.stringify(row.documents),
        JSON.stringify(row.places),
        JSON.stringify(row.summary),
      ],
    );
  }

  // An upload is seen by its uploader only.
  async findImport(manager: EntityManager, id: string, userId: string, withContent = false): Promise<ImportRow | null> {
    const rows: ImportRow[] = await manager.query(
      `SELECT ${IMPORT_COLUMNS}${withContent ? ', documents, places' : ''} FROM dossier_imports
       WHERE id = $1 AND created_by = $2 ${withContent ? 'FOR UPDATE' : ''}`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  async markCommitted(manager: EntityManager, id: string): Promise<Date> {
    const [row] = await manager.query(
      `UPDATE dossier_imports SET status = 'COMMITTED', committed_at = now() WHERE id = $1 AND status = 'PREVIEWED'
       RETURNING committed_at AS "committedAt"`,
      [id],
    );
    return row.committedAt;
  }
}
