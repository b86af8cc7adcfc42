import type { EntityManager } from 'typeorm';
import type { DossierDocument } from '../../dossiers/dossier-format.js';
import { verdictKey, type StoredVerdict, type StoredVerdicts } from '../../eligibility/stored-verdicts.js';

export interface DossierSourceRow {
  id: string;
  round_id: string;
  facility_id: string;
  version: number;
  document: DossierDocument;
  // The latest engine verdict for that version, read through the eligibility feature.
  verdict: StoredVerdict | null;
  votes_for: number | null;
  ballots_valid: number | null;
  council_eligible: boolean | null;
  council_reason_code: string | null;
  council_reason: string | null;
}

// One dossier as the per-person documents print it: the latest version of its content, the latest engine result
// for that version, the team's ballot totals and the camp council's decision.
export async function findDossierSource(
  manager: EntityManager,
  verdicts: StoredVerdicts,
  dossierId: string,
): Promise<DossierSourceRow | null> {
  const rows: Omit<DossierSourceRow, 'verdict'>[] = await manager.query(
    `SELECT d.id, d.round_id, d.facility_id, v.version, v.document,
            b.votes_for, m.ballots_valid,
            c.eligible AS council_eligible, c.reason_code AS council_reason_code, c.reason AS council_reason
       FROM dossiers d
       JOIN LATERAL (SELECT version, document FROM dossier_versions WHERE dossier_id = d.id ORDER BY version DESC LIMIT 1) v ON true
       LEFT JOIN ballot_results b ON b.dossier_id = d.id
       LEFT JOIN team_meetings m ON m.id = b.meeting_id
       LEFT JOIN camp_council_decisions c ON c.dossier_id = d.id
      WHERE d.id = $1`,
    [dossierId],
  );
  const row = rows[0];
  if (!row) return null;
  const found = await verdicts.forVersions(manager, [{ dossierId: row.id, version: row.version }]);
  return { ...row, verdict: found.get(verdictKey(row.id, row.version)) ?? null };
}
