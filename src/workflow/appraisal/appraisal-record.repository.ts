import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppraisedPerson, GivenOpinion } from '../core/appraisal-team.js';
import { AppraisalSide } from '../core/appraisal-team.js';

// A facility's (or a court's) lists reached the appraisal team once one of its names in the round moved to the team's
// stage; from then on its ineligible list is before the team too (Luật Đặc xá 2018, Điều 16, khoản 1–2).
export const REACHED_TEAM = (d: string) => `EXISTS (
  SELECT 1 FROM workflow_history rh JOIN dossiers rx ON rx.id = rh.dossier_id
   WHERE rx.round_id = ${d}.round_id AND rx.facility_id = ${d}.facility_id AND rh.to_stage = 'appraisal')`;

export interface AppraisalRecordRow {
  id: string;
  roundId: string;
  roundCode: string;
  content: unknown;
  eligibleCount: number;
  ineligibleCount: number;
  contentHash: string;
  createdByName: string;
  createdAt: string;
}

const SELECT = `SELECT a.id, a.round_id AS "roundId", r.code AS "roundCode", a.content, a.eligible_count AS "eligibleCount",
    a.ineligible_count AS "ineligibleCount", a.content_hash AS "contentHash", u.full_name AS "createdByName",
    to_char(a.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI') AS "createdAt"
  FROM appraisal_records a JOIN rounds r ON r.id = a.round_id JOIN users u ON u.id = a.created_by`;

@Injectable()
export class AppraisalRecordRepository {
  // The names before the team in a round: those at its stage, and those on the ineligible list of a camp or a court
  // whose lists reached it (still on that side: not put back by a complaint), with the reason they were left off.
  async persons(manager: EntityManager, roundId: string): Promise<AppraisedPerson[]> {
    const rows: {
      id: string;
      full_name: string;
      facility_name: string;
      side: AppraisalSide;
      camp_reason: string | null;
    }[] = await manager.query(
      `SELECT d.id, d.full_name, f.name AS facility_name, 'PROPOSED' AS side, NULL AS camp_reason
           FROM dossiers d JOIN org_units f ON f.id = d.facility_id
          WHERE d.round_id = $1 AND d.stage = 'appraisal'
         UNION ALL
         SELECT d.id, d.full_name, f.name, 'CAMP_INELIGIBLE', coalesce(c.reason, c.reason_code)
           FROM dossiers d JOIN org_units f ON f.id = d.facility_id
           LEFT JOIN camp_council_decisions c ON c.dossier_id = d.id
          WHERE d.round_id = $1 AND d.stage = 'camp_ineligible' AND ${REACHED_TEAM('d')}
         UNION ALL
         SELECT d.id, d.full_name, f.name, 'COURT_INELIGIBLE', coalesce(h.reason, h.reason_code)
           FROM dossiers d JOIN org_units f ON f.id = d.facility_id
           LEFT JOIN LATERAL (SELECT reason, reason_code FROM workflow_history h
                               WHERE h.dossier_id = d.id AND h.event = 'court_reject' ORDER BY h.id DESC LIMIT 1) h ON true
          WHERE d.round_id = $1 AND d.stage = 'court_ineligible' AND ${REACHED_TEAM('d')}
         ORDER BY side DESC, facility_name, full_name, id`,
      [roundId],
    );
    return rows.map((r) => ({
      dossierId: r.id,
      fullName: r.full_name,
      facilityName: r.facility_name,
      side: r.side,
      campReason: r.camp_reason,
    }));
  }

  async opinions(manager: EntityManager, dossierIds: readonly string[]): Promise<GivenOpinion[]> {
    return manager.query(
      `SELECT dossier_id AS "dossierId", agency, opinion, note FROM appraisal_opinions WHERE dossier_id = ANY($1::uuid[])`,
      [dossierIds],
    );
  }

  async insert(
    manager: EntityManager,
    r: {
      roundId: string;
      content: unknown;
      dossierIds: string[];
      eligibleCount: number;
      ineligibleCount: number;
      contentHash: string;
      createdBy: string;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO appraisal_records (round_id, content, dossier_ids, eligible_count, ineligible_count, content_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        r.roundId,
        JSON.stringify(r.content),
        r.dossierIds,
        r.eligibleCount,
        r.ineligibleCount,
        r.contentHash,
        r.createdBy,
      ],
    );
    return row.id;
  }

  async find(manager: EntityManager, id: string): Promise<AppraisalRecordRow | null> {
    const rows = await manager.query(`${SELECT} WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async ofRound(manager: EntityManager, roundId: string | null): Promise<Omit<AppraisalRecordRow, 'content'>[]> {
    const rows: AppraisalRecordRow[] = await manager.query(
      `${SELECT} WHERE ($1::uuid IS NULL OR a.round_id = $1) ORDER BY a.created_at DESC LIMIT 200`,
      [roundId],
    );
    return rows.map(({ content: _content, ...rest }) => rest);
  }
}
