import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../../auth/scope.service.js';
import type { AppraisedPerson, GivenOpinion } from '../core/appraisal-team.js';
import { AppraisalSide } from '../core/appraisal-team.js';

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
  // The names of a round the record lists, on their side: those at the team's stage, and those on a camp's or a court's
  // ineligible list, with the reason they were left off. Which of them are before the team is ScopeService's rule:
  // `scope`, a condition on `dossiers d` numbered from $2.
  async persons(manager: EntityManager, roundId: string, scope: SqlFilter): Promise<AppraisedPerson[]> {
    const rows: {
      id: string;
      full_name: string;
      facility_name: string;
      side: AppraisalSide;
      camp_reason: string | null;
    }[] = await manager.query(
      `SELECT d.id, d.full_name, f.name AS facility_name, 'PROPOSED' AS side, NULL AS camp_reason
           FROM dossiers d JOIN org_units f ON f.id = d.facility_id
          WHERE d.round_id = $1 AND d.stage = 'appraisal' AND ${scope.sql}
         UNION ALL
         SELECT d.id, d.full_name, f.name, 'CAMP_INELIGIBLE', coalesce(c.reason, c.reason_code)
           FROM dossiers d JOIN org_units f ON f.id = d.facility_id
           LEFT JOIN camp_council_decisions c ON c.dossier_id = d.id
          WHERE d.round_id = $1 AND d.stage = 'camp_ineligible' AND ${scope.sql}
         UNION ALL
         SELECT d.id, d.full_name, f.name, 'COURT_INELIGIBLE', coalesce(h.reason, h.reason_code)
           FROM dossiers d JOIN org_units f ON f.id = d.facility_id
           LEFT JOIN LATERAL (SELECT reason, reason_code FROM workflow_history h
                               WHERE h.dossier_id = d.id AND h.event = 'court_reject' ORDER BY h.id DESC LIMIT 1) h ON true
          WHERE d.round_id = $1 AND d.stage = 'court_ineligible' AND ${scope.sql}
         ORDER BY side DESC, facility_name, full_name, id`,
      [roundId, ...scope.params],
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

  // The records of a round (or of every round) that satisfy `scope`, a condition on `appraisal_records a` from $2.
  async ofRound(
    manager: EntityManager,
    roundId: string | null,
    scope: SqlFilter,
  ): Promise<Omit<AppraisalRecordRow, 'content'>[]> {
    const rows: AppraisalRecordRow[] = await manager.query(
      `${SELECT} WHERE ($1::uuid IS NULL OR a.round_id = $1) AND ${scope.sql} ORDER BY a.created_at DESC LIMIT 200`,
      [roundId, ...scope.params],
    );
    return rows.map(({ content: _content, ...rest }) => rest);
  }
}
