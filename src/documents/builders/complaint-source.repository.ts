import type { EntityManager } from 'typeorm';
import type { DossierDocument } from '../../dossiers/dossier-format.js';
import { PROCURACY_OF_FACILITY, ProcuracyLevel } from '../../workflow/core/procuracy.js';
import { isFacilityKind } from '../../workflow/core/routing.js';

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
  facility_kind: string;
  // The list complained about is a court's (Luật Đặc xá 2018, Điều 36, khoản 1): the unit is a court, which names the
  // provincial police or military-region command standing for its province; it has no ministry.
  held_at_court: boolean;
  supervised_unit_id: string | null;
  department_id: string;
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
       c.deciding_unit_id, c.facility_id, f.name AS facility_name, f.facility_kind, f.kind = 'COURT' AS held_at_court,
       f.supervised_unit_id, f.parent_id AS department_id,
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

// The name of the facility's competent procuracy as the organisation tree holds it; the law's title of that
// procuracy when the tree does not hold it yet. A court's is the procuracy of its province (Luật Đặc xá 2018, Điều 30,
// khoản 2): the local procuracy naming the same provincial police or military-region command.
export async function procuracyName(
  manager: EntityManager,
  facility: { facilityKind: string; departmentId: string; courtCommandId?: string | null },
): Promise<string> {
  if (facility.courtCommandId) {
    const rows: { name: string }[] = await manager.query(
      `SELECT name FROM org_units WHERE kind = 'PROCURACY' AND supervised_unit_id = $1
       ORDER BY created_at DESC, code LIMIT 1`,
      [facility.courtCommandId],
    );
    return rows[0]?.name ?? 'Viện kiểm sát nhân dân cấp tỉnh, Viện kiểm sát quân sự cấp quân khu';
  }
  if (!isFacilityKind(facility.facilityKind)) return 'Viện kiểm sát có thẩm quyền';
  const route = PROCURACY_OF_FACILITY[facility.facilityKind];
  const rows: { name: string }[] =
    route.level === ProcuracyLevel.SUPREME
      ? await manager.query(
          `SELECT name FROM org_units WHERE kind = 'NATIONAL_BODY' AND body_kind = 'SUPREME_PROCURACY'
           ORDER BY created_at DESC, code LIMIT 1`,
        )
      : await manager.query(
          `SELECT name FROM org_units WHERE kind = 'PROCURACY' AND supervised_unit_id = $1
           ORDER BY created_at DESC, code LIMIT 1`,
          [facility.departmentId],
        );
  return rows[0]?.name ?? route.label;
}
