import type { EntityManager } from 'typeorm';
import type { DossierDocument } from '../../dossiers/dossier-format.js';
import type { DossierEvaluation } from '../../eligibility/core/index.js';

export interface DossierSourceRow {
  id: string;
  round_id: string;
  facility_id: string;
  version: number;
  document: DossierDocument;
  evaluation: DossierEvaluation | null;
  evaluated_at: string | null;
  votes_for: number | null;
  ballots_valid: number | null;
  council_eligible: boolean | null;
  council_reason_code: string | null;
  council_reason: string | null;
}

// One dossier as the per-person documents print it: the latest version of its content, the latest engine result
// for that version, the team's ballot totals and the camp council's decision.
export async function findDossierSource(manager: EntityManager, dossierId: string): Promise<DossierSourceRow | null> {
  const rows: DossierSourceRow[] = await manager.query(
    `SELECT d.id, d.round_id, d.facility_id, v.version, v.document,
            r.result AS evaluation, to_char(r.evaluated_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS evaluated_at,
            b.votes_for, m.ballots_valid,
            c.eligible AS council_eligible, c.reason_code AS council_reason_code, c.reason AS council_reason
       FROM dossiers d
       JOIN LATERAL (SELECT version, document FROM dossier_versions WHERE dossier_id = d.id ORDER BY version DESC LIMIT 1) v ON true
       LEFT JOIN LATERAL (
         SELECT result, evaluated_at FROM eligibility_results er
          WHERE er.dossier_id = d.id AND er.dossier_version = v.version ORDER BY er.evaluated_at DESC LIMIT 1
       ) r ON true
       LEFT JOIN ballot_results b ON b.dossier_id = d.id
       LEFT JOIN team_meetings m ON m.id = b.meeting_id
       LEFT JOIN camp_council_decisions c ON c.dossier_id = d.id
      WHERE d.id = $1`,
    [dossierId],
  );
  return rows[0] ?? null;
}
