import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgencyOpinion, FlagKind, FlagStatus, FlagView, OpinionView } from '../core/appraisal.js';
import type { SqlFilter } from '../../auth/scope.service.js';
import { affectedRows, returnedRows } from '../../common/sql.js';

// A dossier at the appraisal team's desk, as the team's commands need it; which dossiers those are is ScopeService's
// rule (ScopedRecord.APPRAISED_DOSSIER).
export interface AppraisedHead {
  id: string;
  fullName: string;
  stage: string;
  version: number;
  roundId: string;
  contentVersion: number;
}

const FLAG_COLUMNS = `f.id, f.dossier_id AS "dossierId", f.dossier_version AS "dossierVersion", f.agency, f.field, f.kind, f.message,
  f.status, f.resolution, f.version, f.round_id AS "roundId", f.raised_by AS "raisedBy"`;

@Injectable()
export class AppraisalRepository {
  // The dossier's latest saved content, which the team reviews.
  async latestContent(
    manager: EntityManager,
    dossierId: string,
  ): Promise<{ version: number; contentHash: string; document: Record<string, unknown> } | null> {
    const rows = await manager.query(
      `SELECT v.version, v.content_hash AS "contentHash", v.document FROM dossier_versions v
       WHERE v.dossier_id = $1 ORDER BY v.version DESC LIMIT 1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }

  // The round's dossiers at a stage that satisfy `scope` (a condition on `dossiers d`, numbered from $3), by id.
  namesAt(
    manager: EntityManager,
    input: { roundId: string; stage: string; scope: SqlFilter },
  ): Promise<{ id: string; full_name: string }[]> {
    return manager.query(
      `SELECT d.id, d.full_name FROM dossiers d WHERE d.round_id = $1 AND d.stage = $2 AND ${input.scope.sql} ORDER BY d.id`,
      [input.roundId, input.stage, ...input.scope.params],
    );
  }

  async insertFlag(
    manager: EntityManager,
    f: {
      roundId: string;
      dossierId: string;
      dossierVersion: number;
      agency: string;
      field: string;
      kind: FlagKind;
      message: string;
      raisedBy: string;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO appraisal_flags (round_id, dossier_id, dossier_version, agency, field, kind, message, raised_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [f.roundId, f.dossierId, f.dossierVersion, f.agency, f.field, f.kind, f.message, f.raisedBy],
    );
    return row.id;
  }

  // The dossiers among `dossierIds` that satisfy `scope` (a condition on `dossiers d`, numbered from $2).
  async underAppraisal(
    manager: EntityManager,
    dossierIds: readonly string[],
    scope: SqlFilter,
  ): Promise<Map<string, AppraisedHead>> {
    const rows: AppraisedHead[] = await manager.query(
      `SELECT d.id, d.full_name AS "fullName", d.stage, d.version, d.round_id AS "roundId",
         (SELECT max(version) FROM dossier_versions v WHERE v.dossier_id = d.id) AS "contentVersion"
       FROM dossiers d
       WHERE d.id = ANY($1::uuid[]) AND ${scope.sql}`,
      [dossierIds, ...scope.params],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async flag(
    manager: EntityManager,
    id: string,
  ): Promise<(FlagView & { version: number; roundId: string; dossierVersion: number }) | null> {
    const rows = await manager.query(`SELECT ${FLAG_COLUMNS} FROM appraisal_flags f WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async resolveFlag(
    manager: EntityManager,
    input: { id: string; version: number; status: FlagStatus; resolution: string | null; resolvedBy: string },
  ): Promise<boolean> {
    const result = await manager.query(
      `UPDATE appraisal_flags SET status = $3, resolution = $4, resolved_by = $5, resolved_at = now(), version = version + 1
       WHERE id = $1 AND version = $2 AND status = 'open'`,
      [input.id, input.version, input.status, input.resolution, input.resolvedBy],
    );
    return affectedRows(result) === 1;
  }

  async flagsFor(manager: EntityManager, dossierIds: readonly string[]): Promise<(FlagView & { version: number })[]> {
    return manager.query(
      `SELECT ${FLAG_COLUMNS} FROM appraisal_flags f WHERE f.dossier_id = ANY($1::uuid[]) ORDER BY f.raised_at`,
      [dossierIds],
    );
  }

  async opinionsFor(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<(OpinionView & { version: number })[]> {
    return manager.query(
      `SELECT dossier_id AS "dossierId", agency, opinion, note, version FROM appraisal_opinions
       WHERE dossier_id = ANY($1::uuid[]) ORDER BY agency`,
      [dossierIds],
    );
  }

  // Insert or replace an agency's opinion; a replacement must carry the version it read.
  // One opinion: a list of one (`upsertOpinions`); null when the dossier's opinion changed since it was read.
  async upsertOpinion(
    manager: EntityManager,
    o: {
      dossierId: string;
      agency: string;
      roundId: string;
      opinion: AgencyOpinion;
      note: string | null;
      givenBy: string;
      version: number | null;
    },
  ): Promise<number | null> {
    const { agency, givenBy, ...row } = o;
    const written = await this.upsertOpinions(manager, { agency, givenBy, rows: [row] });
    return written.get(o.dossierId) ?? null;
  }

  // An agency's opinions on many dossiers in two statements: first opinions inserted (a dossier the agency has
  // already given one on is left out), replacements updated where they carry the version read; locked in dossier
  // order first, so two lists over the same names cannot deadlock. Returns the version written per dossier: a dossier
  // missing from it was changed since it was read.
  async upsertOpinions(
    manager: EntityManager,
    input: {
      agency: string;
      givenBy: string;
      rows: readonly {
        dossierId: string;
        roundId: string;
        opinion: AgencyOpinion;
        note: string | null;
        version: number | null;
      }[];
    },
  ): Promise<Map<string, number>> {
    const { agency, givenBy } = input;
    const fresh = input.rows.filter((r) => r.version === null);
    const replaced = input.rows.filter((r) => r.version !== null);
    const written = new Map<string, number>();
    const column = <K extends keyof (typeof input.rows)[number]>(rows: typeof fresh, key: K) => rows.map((r) => r[key]);
    if (fresh.length > 0) {
      const rows: { dossierId: string; version: number }[] = await manager.query(
        `INSERT INTO appraisal_opinions (dossier_id, agency, round_id, opinion, note, given_by)
         SELECT x.dossier_id, $1, x.round_id, x.opinion, x.note, $2
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS x(dossier_id, round_id, opinion, note)
          ORDER BY x.dossier_id
         ON CONFLICT (dossier_id, agency) DO NOTHING RETURNING dossier_id AS "dossierId", version`,
        [
          agency,
          givenBy,
          column(fresh, 'dossierId'),
          column(fresh, 'roundId'),
          column(fresh, 'opinion'),
          column(fresh, 'note'),
        ],
      );
      for (const r of rows) written.set(r.dossierId, r.version);
    }
    if (replaced.length > 0) {
      const ids = column(replaced, 'dossierId');
      await manager.query(
        `SELECT 1 FROM appraisal_opinions WHERE agency = $1 AND dossier_id = ANY($2::uuid[]) ORDER BY dossier_id FOR UPDATE`,
        [agency, ids],
      );
      const rows = returnedRows<{ dossierId: string; version: number }>(
        await manager.query(
          `UPDATE appraisal_opinions o SET opinion = x.opinion, note = x.note, given_by = $2, given_at = now(),
             version = o.version + 1
           FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[]) AS x(dossier_id, version, opinion, note)
           WHERE o.dossier_id = x.dossier_id AND o.agency = $1 AND o.version = x.version
           RETURNING o.dossier_id AS "dossierId", o.version`,
          [agency, givenBy, ids, column(replaced, 'version'), column(replaced, 'opinion'), column(replaced, 'note')],
        ),
      );
      for (const r of rows) written.set(r.dossierId, r.version);
    }
    return written;
  }

  async insertReport(
    manager: EntityManager,
    r: { roundId: string; items: unknown[]; dossierIds: string[]; contentHash: string; createdBy: string },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO explanatory_reports (round_id, items, dossier_ids, content_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [r.roundId, JSON.stringify(r.items), r.dossierIds, r.contentHash, r.createdBy],
    );
    return row.id;
  }

  async latestReportCovering(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<{ id: string; covered: Set<string> } | null> {
    const rows: { id: string; dossier_ids: string[] }[] = await manager.query(
      `SELECT id, dossier_ids FROM explanatory_reports WHERE dossier_ids && $1::uuid[] ORDER BY created_at DESC LIMIT 1`,
      [dossierIds],
    );
    return rows[0] ? { id: rows[0].id, covered: new Set(rows[0].dossier_ids) } : null;
  }

  async report(manager: EntityManager, id: string) {
    const rows = await manager.query(
      `SELECT id, round_id AS "roundId", items, dossier_ids AS "dossierIds", content_hash AS "contentHash", created_at AS "createdAt"
       FROM explanatory_reports WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
