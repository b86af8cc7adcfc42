import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ProtectedTable, selectList, type RowValues } from '../../audit/protected-rows.js';
import type { Disposition } from '../core/reconciliation.js';
import type { ListKind } from './list.entity.js';

export interface NewList {
  roundId: string;
  kind: ListKind;
  fromStage: string;
  toStage: string;
  ownerUnitId: string;
  recipientUnitId: string | null;
  postedOn?: string | null;
  explanatoryReportId?: string | null;
  createdBy: string;
}

export interface CreatedList {
  id: string;
  code: string;
  entryCount: number;
  contentHash: string;
}

export interface DispositionRow {
  listId: string;
  dossierId: string;
  disposition: Disposition;
  reasonCode?: string | null;
  reason?: string | null;
  outgoingListId?: string | null;
  decidedBy: string;
}

// A list as the database stored it: its header and (when asked for) its entries, as protected rows.
export interface StoredList {
  list: CreatedList;
  header: RowValues;
  entries: RowValues[];
}

// Set-based list I/O: every step is one statement for the whole list, whatever its length.
@Injectable()
export class ListRepository {
  // `rowsSql` yields (dossier_id, reason_code, reason); each entry pins the dossier's latest stored version.
  async insertList(
    manager: EntityManager,
    list: NewList,
    rowsSql: string,
    rowsParams: unknown[],
  ): Promise<CreatedList> {
    return (await this.write(manager, list, rowsSql, rowsParams, false)).list;
  }

  // The same, answering the list's header and entries as stored (in the text form `selectList` reads), so that its
  // audit row commits to them without reading a whole list back.
  insertListStored(manager: EntityManager, list: NewList, rowsSql: string, rowsParams: unknown[]): Promise<StoredList> {
    return this.write(manager, list, rowsSql, rowsParams, true);
  }

  private async write(
    manager: EntityManager,
    list: NewList,
    rowsSql: string,
    rowsParams: unknown[],
    returning: boolean,
  ): Promise<StoredList> {
    const id = randomUUID();
    const code = await this.nextCode(manager, list);
    const p = rowsParams.length;
    const entries: RowValues[] = await manager.query(
      `WITH src AS (
         SELECT r.dossier_id, r.reason_code, r.reason, d.full_name, d.facility_id, v.version AS dossier_version, v.content_hash,
           row_number() OVER (ORDER BY f.code, d.inmate_number, d.id)::int AS position
         FROM (${rowsSql}) AS r (dossier_id, reason_code, reason)
         JOIN dossiers d ON d.id = r.dossier_id
         JOIN org_units f ON f.id = d.facility_id
         JOIN LATERAL (SELECT dv.version, dv.content_hash FROM dossier_versions dv WHERE dv.dossier_id = d.id
                       ORDER BY dv.version DESC LIMIT 1) v ON true
       ), agg AS (
         SELECT count(*)::int AS n, encode(sha256(convert_to(coalesce(string_agg(
           position || '|' || dossier_id || '|' || dossier_version || '|' || content_hash || '|' || coalesce(reason_code, ''),
           E'\\n' ORDER BY position), ''), 'UTF8')), 'hex') AS h
         FROM src
       ), ins AS (
         INSERT INTO list_snapshots (id, round_id, code, kind, from_stage, to_stage, owner_unit_id, recipient_unit_id,
           entry_count, content_hash, posted_on, explanatory_report_id, created_by)
         SELECT $${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, agg.n, agg.h,
           $${p + 9}::date, $${p + 10}::uuid, $${p + 11} FROM agg
       )
       INSERT INTO list_entries (list_id, dossier_id, position, dossier_version, content_hash, full_name, facility_id, reason_code, reason)
       SELECT $${p + 1}, dossier_id, position, dossier_version, content_hash, full_name, facility_id, reason_code, reason FROM src
       ${returning ? `RETURNING ${selectList(ProtectedTable.LIST_ENTRIES, 'list_entries')}` : ''}`,
      [
        ...rowsParams,
        id,
        list.roundId,
        code,
        list.kind,
        list.fromStage,
        list.toStage,
        list.ownerUnitId,
        list.recipientUnitId,
        list.postedOn ?? null,
        list.explanatoryReportId ?? null,
        list.createdBy,
      ],
    );
    const [header]: RowValues[] = await manager.query(
      `SELECT ${selectList(ProtectedTable.LIST_SNAPSHOTS, 't')} FROM list_snapshots t WHERE t.id = $1`,
      [id],
    );
    return {
      list: { id, code, entryCount: Number(header.entry_count), contentHash: header.content_hash! },
      header,
      entries: returning ? entries : [],
    };
  }

  private async nextCode(manager: EntityManager, list: NewList): Promise<string> {
    const [row] = await manager.query(
      `SELECT u.code, (SELECT count(*)::int FROM list_snapshots l WHERE l.round_id = $2 AND l.owner_unit_id = u.id AND l.kind = $3) AS n
       FROM org_units u WHERE u.id = $1`,
      [list.ownerUnitId, list.roundId, list.kind],
    );
    return `${list.kind}-${row.code}-${String(row.n + 1).padStart(3, '0')}`;
  }

  // A one-name supplementary list sent straight to its recipient (a resubmitted dossier, a name put back by a complaint),
  // so lineage and reconciliation hold for a name that travels alone.
  async sendOne(
    manager: EntityManager,
    list: NewList & { recipientUnitId: string },
    dossierId: string,
  ): Promise<CreatedList> {
    const created = await this.insertList(manager, list, 'SELECT $1::uuid, NULL::text, NULL::text', [dossierId]);
    await this.submit(manager, {
      listId: created.id,
      recipientUnitId: list.recipientUnitId,
      submittedBy: list.createdBy,
    });
    return created;
  }

  async addSources(manager: EntityManager, listId: string, sourceListIds: readonly string[]): Promise<void> {
    await manager.query(
      'INSERT INTO list_sources (list_id, source_list_id) SELECT $1, s FROM unnest($2::uuid[]) AS s',
      [listId, [...new Set(sourceListIds)]],
    );
  }

  async submit(
    manager: EntityManager,
    input: { listId: string; recipientUnitId: string; submittedBy: string },
  ): Promise<void> {
    await manager.query('INSERT INTO list_submissions (list_id, recipient_unit_id, submitted_by) VALUES ($1, $2, $3)', [
      input.listId,
      input.recipientUnitId,
      input.submittedBy,
    ]);
  }

  // Entries received by a unit for a stage that it has not yet forwarded, removed or sent back.
  pendingSql(unitParam: number, stageParam: number, roundParam: number): string {
    return `SELECT e.list_id, e.dossier_id FROM list_submissions s
      JOIN list_snapshots l ON l.id = s.list_id
      JOIN list_entries e ON e.list_id = l.id
      WHERE s.recipient_unit_id = $${unitParam} AND l.to_stage = $${stageParam}
        AND ($${roundParam}::uuid IS NULL OR l.round_id = $${roundParam})
        AND NOT EXISTS (SELECT 1 FROM list_dispositions x WHERE x.list_id = e.list_id AND x.dossier_id = e.dossier_id)`;
  }

  // The entry that brought a dossier to its current stage, if a list brought it.
  async activeEntry(manager: EntityManager, dossierId: string, stage: string): Promise<string | null> {
    const rows: { list_id: string }[] = await manager.query(
      `SELECT e.list_id FROM list_entries e JOIN list_snapshots l ON l.id = e.list_id JOIN list_submissions s ON s.list_id = l.id
       WHERE e.dossier_id = $1 AND l.to_stage = $2
         AND NOT EXISTS (SELECT 1 FROM list_dispositions x WHERE x.list_id = e.list_id AND x.dossier_id = e.dossier_id)
       ORDER BY s.submitted_at DESC LIMIT 1`,
      [dossierId, stage],
    );
    return rows[0]?.list_id ?? null;
  }

  async dispose(manager: EntityManager, row: DispositionRow): Promise<void> {
    await this.disposeMany(manager, [row]);
  }

  // What became of many received entries, in one statement however many there are.
  async disposeMany(manager: EntityManager, rows: readonly DispositionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO list_dispositions (list_id, dossier_id, disposition, reason_code, reason, outgoing_list_id, decided_by)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[])`,
      [
        rows.map((r) => r.listId),
        rows.map((r) => r.dossierId),
        rows.map((r) => r.disposition),
        rows.map((r) => r.reasonCode ?? null),
        rows.map((r) => r.reason ?? null),
        rows.map((r) => r.outgoingListId ?? null),
        rows.map((r) => r.decidedBy),
      ],
    );
  }

  async findList(manager: EntityManager, id: string) {
    const rows = await manager.query(
      `SELECT l.id, l.round_id AS "roundId", l.code, l.kind, l.from_stage AS "fromStage", l.to_stage AS "toStage",
         l.owner_unit_id AS "ownerUnitId", o.path AS "ownerPath", l.recipient_unit_id AS "recipientUnitId", r.path AS "recipientPath",
         l.entry_count AS "entryCount", l.content_hash AS "contentHash", to_char(l.posted_on, 'YYYY-MM-DD') AS "postedOn",
         l.explanatory_report_id AS "explanatoryReportId", l.created_at AS "createdAt",
         s.submitted_at AS "submittedAt"
       FROM list_snapshots l JOIN org_units o ON o.id = l.owner_unit_id LEFT JOIN org_units r ON r.id = l.recipient_unit_id
       LEFT JOIN list_submissions s ON s.list_id = l.id WHERE l.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async entries(manager: EntityManager, listId: string) {
    return manager.query(
      `SELECT e.position, e.dossier_id AS "dossierId", e.dossier_version AS "dossierVersion", e.content_hash AS "contentHash",
         e.full_name AS "fullName", f.name AS "facilityName", e.reason_code AS "reasonCode", e.reason
       FROM list_entries e JOIN org_units f ON f.id = e.facility_id WHERE e.list_id = $1 ORDER BY e.position`,
      [listId],
    );
  }

  // The lists the caller may read (the scope filter over alias `l`, numbered from $2), newest first.
  async visible(manager: EntityManager, input: { roundId: string | null; filter: { sql: string; params: unknown[] } }) {
    return manager.query(
      `SELECT l.id, l.code, l.kind, l.from_stage AS "fromStage", l.to_stage AS "toStage", l.entry_count AS "entryCount",
         l.content_hash AS "contentHash", to_char(l.posted_on, 'YYYY-MM-DD') AS "postedOn", l.created_at AS "createdAt",
         s.submitted_at AS "submittedAt", o.name AS "ownerName", r.name AS "recipientName"
       FROM list_snapshots l JOIN org_units o ON o.id = l.owner_unit_id LEFT JOIN org_units r ON r.id = l.recipient_unit_id
       LEFT JOIN list_submissions s ON s.list_id = l.id
       WHERE ($1::uuid IS NULL OR l.round_id = $1) AND ${input.filter.sql}
       ORDER BY l.created_at DESC LIMIT 500`,
      [input.roundId, ...input.filter.params],
    );
  }
}
