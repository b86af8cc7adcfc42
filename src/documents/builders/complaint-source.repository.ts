import type { EntityManager } from 'typeorm';
import type { DossierDocument } from '../../dossiers/dossier-format.js';

export interface ComplaintSourceRow {
  id: string;
  level: string;
  outcome: string | null;
  decision_reason: string | null;
  decided_on: string | null;
  received_on: string;
  complainant: string;
  complainant_name: string;
  target_stage: string | null;
  deciding_unit_id: string;
  facility_id: string;
  facility_name: string;
  // The list complained about is a court's (Luật Đặc xá 2018, Điều 36, khoản 1): the unit is a court, which has no
  // ministry.
  held_at_court: boolean;
  ministry_name: string | null;
  decision_number: string;
  decision_date: string;
  parameters: { deadlines?: unknown } | null;
  document: DossierDocument;
}

export async function findComplaintSource(manager: EntityManager, id: string): Promise<ComplaintSourceRow | null> {
  const rows: ComplaintSourceRow[] = await manager.query(
    `SELECT c.id, c.level, c.outcome, c.decision_reason, to_char(c.decided_on, 'YYYY-MM-DD') AS decided_on,
       to_char(c.received_on, 'YYYY-MM-DD') AS received_on, c.complainant, c.complainant_name, c.target_stage,
       c.deciding_unit_id, c.facility_id, f.name AS facility_name, f.kind = 'COURT' AS held_at_court,
       m.name AS ministry_name, r.decision_number, to_char(r.decision_date, 'YYYY-MM-DD') AS decision_date, r.parameters,
       v.document
     FROM complaints c JOIN org_units f ON f.id = c.facility_id JOIN rounds r ON r.id = c.round_id
     LEFT JOIN org_units m ON m.kind = 'MINISTRY' AND f.path LIKE m.path || '%'
     JOIN LATERAL (SELECT document FROM dossier_versions WHERE dossier_id = c.dossier_id ORDER BY version DESC LIMIT 1) v ON true
     WHERE c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
