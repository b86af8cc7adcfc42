import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../../auth/scope-filters.js';
import { affectedRows } from '../../common/sql.js';

export interface ComplaintRow {
  id: string;
  dossierId: string;
  fullName: string;
  inmateNumber: string | null;
  dossierStage: string;
  dossierVersion: number;
  roundId: string;
  roundCode: string;
  facilityId: string;
  facilityName: string;
  // The list complained about is a court's (its facility is a court): the court president and the Chief Justice decide.
  heldAtCourt: boolean;
  level: string;
  firstComplaintId: string | null;
  decidingUnitId: string;
  decidingUnitName: string;
  receivedOn: string;
  complainant: string;
  complainantName: string;
  content: string;
  dueOn: string | null;
  outcome: string | null;
  decisionReason: string | null;
  decidedOn: string | null;
  decidedByName: string | null;
  targetStage: string | null;
  listId: string | null;
  listCode: string | null;
  recordedByName: string;
  recordedAt: Date;
  version: number;
}

export interface NewComplaint {
  dossierId: string;
  roundId: string;
  facilityId: string;
  level: string;
  firstComplaintId: string | null;
  decidingUnitId: string;
  receivedOn: string;
  complainant: string;
  complainantName: string;
  content: string;
  dueOn: string | null;
  recordedBy: string;
}

const SELECT = `SELECT c.id, c.dossier_id AS "dossierId", d.full_name AS "fullName", d.inmate_number AS "inmateNumber",
    d.stage AS "dossierStage", d.version AS "dossierVersion", c.round_id AS "roundId", r.code AS "roundCode",
    c.facility_id AS "facilityId", f.name AS "facilityName", f.kind = 'COURT' AS "heldAtCourt", c.level, c.first_complaint_id AS "firstComplaintId",
    c.deciding_unit_id AS "decidingUnitId", u.name AS "decidingUnitName",
    to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn", c.complainant, c.complainant_name AS "complainantName",
    c.content, to_char(c.due_on, 'YYYY-MM-DD') AS "dueOn", c.outcome, c.decision_reason AS "decisionReason",
    to_char(c.decided_on, 'YYYY-MM-DD') AS "decidedOn", db.full_name AS "decidedByName", c.target_stage AS "targetStage",
    c.list_id AS "listId", l.code AS "listCode", rb.full_name AS "recordedByName", c.recorded_at AS "recordedAt", c.version
  FROM complaints c JOIN dossiers d ON d.id = c.dossier_id JOIN rounds r ON r.id = c.round_id
  JOIN org_units f ON f.id = c.facility_id JOIN org_units u ON u.id = c.deciding_unit_id
  JOIN users rb ON rb.id = c.recorded_by LEFT JOIN users db ON db.id = c.decided_by
  LEFT JOIN list_snapshots l ON l.id = c.list_id`;

// Complaints' rows and the few facts about the facility's lists that their periods and their outcome depend on.
@Injectable()
export class ComplaintRepository {
  async dossier(
    manager: EntityManager,
    dossierId: string,
    filter: SqlFilter,
  ): Promise<{ id: string; stage: string; roundId: string; facilityId: string; heldAtCourt: boolean } | null> {
    const rows = await manager.query(
      `SELECT d.id, d.stage, d.round_id AS "roundId", d.facility_id AS "facilityId", f.kind = 'COURT' AS "heldAtCourt"
       FROM dossiers d JOIN org_units f ON f.id = d.facility_id
       WHERE d.id = $1 AND ${filter.sql}`,
      [dossierId, ...filter.params],
    );
    return rows[0] ?? null;
  }

  // The latest day the camp or the court posted its lists in the round: the complaint period runs from the posting
  // (Luật Đặc xá 2018, Điều 36, khoản 3; Điều 15, khoản 4).
  async postedOn(manager: EntityManager, facilityId: string, roundId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT to_char(max(posted_on), 'YYYY-MM-DD') AS posted FROM list_snapshots
       WHERE owner_unit_id = $1 AND round_id = $2 AND kind IN ('CAMP_ELIGIBLE', 'CAMP_INELIGIBLE', 'COURT', 'COURT_INELIGIBLE')`,
      [facilityId, roundId],
    );
    return row.posted;
  }

  // The stages the lists carrying the facility's names have been sent to.
  async stagesReached(manager: EntityManager, facilityId: string, roundId: string): Promise<string[]> {
    const rows: { to_stage: string }[] = await manager.query(
      `SELECT DISTINCT l.to_stage FROM list_snapshots l JOIN list_submissions s ON s.list_id = l.id
       WHERE l.round_id = $2 AND EXISTS (SELECT 1 FROM list_entries e WHERE e.list_id = l.id AND e.facility_id = $1)`,
      [facilityId, roundId],
    );
    return rows.map((r) => r.to_stage);
  }

  async insert(manager: EntityManager, c: NewComplaint): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO complaints (dossier_id, round_id, facility_id, level, first_complaint_id, deciding_unit_id, received_on,
         complainant, complainant_name, content, due_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        c.dossierId,
        c.roundId,
        c.facilityId,
        c.level,
        c.firstComplaintId,
        c.decidingUnitId,
        c.receivedOn,
        c.complainant,
        c.complainantName,
        c.content,
        c.dueOn,
        c.recordedBy,
      ],
    );
    return row.id;
  }

  async find(manager: EntityManager, id: string): Promise<ComplaintRow | null> {
    const rows = await manager.query(`${SELECT} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async ofDossier(manager: EntityManager, dossierId: string): Promise<ComplaintRow[]> {
    return manager.query(`${SELECT} WHERE c.dossier_id = $1 ORDER BY c.level`, [dossierId]);
  }

  // The complaints the caller may read (the scope filter over alias `c`, numbered from $4), newest first.
  async visible(
    manager: EntityManager,
    input: { roundId: string | null; open: boolean | null; level: string | null; filter: SqlFilter },
  ): Promise<ComplaintRow[]> {
    return manager.query(
      `${SELECT} WHERE ($1::uuid IS NULL OR c.round_id = $1) AND ($2::boolean IS NULL OR (c.outcome IS NULL) = $2)
         AND ($3::text IS NULL OR c.level = $3) AND ${input.filter.sql}
       ORDER BY c.outcome IS NOT NULL, c.due_on NULLS LAST, c.recorded_at DESC LIMIT 500`,
      [input.roundId, input.open, input.level, ...input.filter.params],
    );
  }

  // Writes the decision over the version the decider read; false when someone else changed it first.
  async decide(
    manager: EntityManager,
    d: {
      id: string;
      version: number;
      outcome: string;
      reason: string;
      decidedOn: string;
      decidedBy: string;
      targetStage: string | null;
      listId: string | null;
    },
  ): Promise<boolean> {
    const result = await manager.query(
      `UPDATE complaints SET outcome = $3, decision_reason = $4, decided_on = $5, decided_by = $6, target_stage = $7,
         list_id = $8, version = version + 1
       WHERE id = $1 AND version = $2 AND outcome IS NULL`,
      [d.id, d.version, d.outcome, d.reason, d.decidedOn, d.decidedBy, d.targetStage, d.listId],
    );
    return affectedRows(result) === 1;
  }

  // Each accepted complaint that carried a name on a list, for the lineage of the lists built on it.
  async origins(manager: EntityManager, listIds: readonly string[]) {
    return manager.query(
      `SELECT c.list_id AS "listId", c.dossier_id AS "dossierId", c.id AS "complaintId", c.level,
         to_char(c.decided_on, 'YYYY-MM-DD') AS "decidedOn", c.decision_reason AS reason
       FROM complaints c WHERE c.list_id = ANY($1::uuid[])`,
      [listIds],
    );
  }
}
