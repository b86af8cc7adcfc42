import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../../auth/scope-filters.js';

export interface CourtProposalRow {
  id: string;
  dossierId: string;
  fullName: string;
  stage: string;
  roundId: string;
  courtUnitId: string;
  courtName: string;
  proposalNumber: string;
  proposedOn: string;
  proposal: string;
  commentIssuer: string;
  commentIssuerKind: string;
  commentNumber: string | null;
  commentDate: string;
  comment: string;
  lawfulConduct: boolean;
  recordedByName: string;
}

export interface CourtListRow {
  id: string;
  code: string;
  kind: 'COURT' | 'COURT_INELIGIBLE';
  roundId: string;
  entryCount: number;
  postedOn: string | null;
  submitted: boolean;
  noticeNumber: string | null;
  notifiedOn: string | null;
}

// The rows of the court's ineligible list: each name with the coded reason and the words of the president's latest
// rejection (the list repository's row source, parameter $1 the dossier ids).
export const COURT_REJECTION_ROWS = `SELECT DISTINCT ON (h.dossier_id) h.dossier_id, h.reason_code, h.reason
  FROM workflow_history h WHERE h.dossier_id = ANY($1::uuid[]) AND h.event = 'court_reject'
 ORDER BY h.dossier_id, h.id DESC`;

export interface CourtDossierHead {
  id: string;
  version: number;
  stage: string;
  roundId: string;
  facilityId: string;
  facilityKind: string;
  fullName: string;
}

const SELECT = `SELECT p.id, p.dossier_id AS "dossierId", d.full_name AS "fullName", d.stage, p.round_id AS "roundId",
    p.court_unit_id AS "courtUnitId", c.name AS "courtName", p.proposal_number AS "proposalNumber",
    to_char(p.proposed_on, 'YYYY-MM-DD') AS "proposedOn", p.proposal, p.comment_issuer AS "commentIssuer",
    p.comment_issuer_kind AS "commentIssuerKind", p.comment_number AS "commentNumber",
    to_char(p.comment_date, 'YYYY-MM-DD') AS "commentDate", p.comment, p.lawful_conduct AS "lawfulConduct",
    u.full_name AS "recordedByName"
  FROM court_proposals p JOIN dossiers d ON d.id = p.dossier_id JOIN org_units c ON c.id = p.court_unit_id
  JOIN users u ON u.id = p.recorded_by`;

@Injectable()
export class CourtRepository {
  // The dossier with the kind of unit holding it, locked for the command that reads it.
  async head(manager: EntityManager, dossierId: string): Promise<CourtDossierHead | null> {
    const rows: CourtDossierHead[] = await manager.query(
      `SELECT d.id, d.version, d.stage, d.round_id AS "roundId", d.facility_id AS "facilityId", f.kind AS "facilityKind",
              d.full_name AS "fullName"
         FROM dossiers d JOIN org_units f ON f.id = d.facility_id WHERE d.id = $1 FOR UPDATE OF d`,
      [dossierId],
    );
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    p: {
      dossierId: string;
      roundId: string;
      courtUnitId: string;
      proposalNumber: string;
      proposedOn: string;
      proposal: string;
      commentIssuer: string;
      commentIssuerKind: string;
      commentNumber: string | null;
      commentDate: string;
      comment: string;
      lawfulConduct: boolean;
      recordedBy: string;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO court_proposals (dossier_id, round_id, court_unit_id, proposal_number, proposed_on, proposal,
         comment_issuer, comment_issuer_kind, comment_number, comment_date, comment, lawful_conduct, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        p.dossierId,
        p.roundId,
        p.courtUnitId,
        p.proposalNumber,
        p.proposedOn,
        p.proposal,
        p.commentIssuer,
        p.commentIssuerKind,
        p.commentNumber,
        p.commentDate,
        p.comment,
        p.lawfulConduct,
        p.recordedBy,
      ],
    );
    return row.id;
  }

  async find(manager: EntityManager, id: string): Promise<CourtProposalRow | null> {
    const rows = await manager.query(`${SELECT} WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  // The proposals the caller may read (the scope filter over the dossier alias `d`, numbered from $2).
  async visible(manager: EntityManager, roundId: string | null, filter: SqlFilter): Promise<CourtProposalRow[]> {
    return manager.query(
      `${SELECT} WHERE ($1::uuid IS NULL OR p.round_id = $1) AND ${filter.sql} ORDER BY p.recorded_at DESC LIMIT 500`,
      [roundId, ...filter.params],
    );
  }

  // For each dossier: what the court recorded (the guard of court_propose reads the stored record, not the request).
  async recorded(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<Map<string, { proposal: boolean; conductComment: boolean }>> {
    const rows: { id: string; proposal: boolean; comment: boolean }[] = await manager.query(
      `SELECT d.id, p.id IS NOT NULL AS proposal, coalesce(length(p.comment) >= 5, false) AS comment
         FROM dossiers d LEFT JOIN court_proposals p ON p.dossier_id = d.id WHERE d.id = ANY($1::uuid[])`,
      [dossierIds],
    );
    return new Map(rows.map((r) => [r.id, { proposal: r.proposal, conductComment: r.comment }]));
  }

  // Names the court president left off that no posted ineligible list of the court carries yet.
  async unlistedIneligible(manager: EntityManager, courtUnitId: string, roundId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT d.id FROM dossiers d
        WHERE d.facility_id = $1 AND d.round_id = $2
          AND EXISTS (SELECT 1 FROM workflow_history h WHERE h.dossier_id = d.id AND h.event = 'court_reject')
          AND NOT EXISTS (SELECT 1 FROM list_entries e JOIN list_snapshots l ON l.id = e.list_id
                           WHERE e.dossier_id = d.id AND l.kind = 'COURT_INELIGIBLE')`,
      [courtUnitId, roundId],
    );
    return rows.map((r) => r.id);
  }

  // The court's own lists, newest first, with their notice to the procuracy and whether they were sent; an ineligible
  // list is neither notified nor sent by itself (it goes with the eligible one).
  async lists(manager: EntityManager, courtUnitId: string): Promise<CourtListRow[]> {
    return manager.query(
      `SELECT l.id, l.code, l.kind, l.round_id AS "roundId", l.entry_count AS "entryCount",
              to_char(l.posted_on, 'YYYY-MM-DD') AS "postedOn", s.submitted_at IS NOT NULL AS submitted,
              n.number AS "noticeNumber", to_char(n.notified_on, 'YYYY-MM-DD') AS "notifiedOn"
         FROM list_snapshots l LEFT JOIN list_submissions s ON s.list_id = l.id
         LEFT JOIN procuracy_notices n ON n.list_id = l.id
        WHERE l.owner_unit_id = $1 AND l.kind IN ('COURT', 'COURT_INELIGIBLE') ORDER BY l.created_at DESC LIMIT 100`,
      [courtUnitId],
    );
  }
}
