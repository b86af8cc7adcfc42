import type { EntityManager } from 'typeorm';
import type { DossierDocument } from '../../dossiers/dossier-format.js';

export interface CertificateSourceRow {
  id: string;
  number: string;
  facility_id: string;
  released_on: string | null;
  decision_number: string;
  decision_date: string;
  facility_kind: string | null;
  // The unit above the facility: the provincial police or military-region command whose THAHS head issues the
  // certificate for its detention centres (Luật Đặc xá 2018, Điều 18, khoản 3).
  parent_id: string | null;
  // The commune or military unit named for the presentation when the certificate was issued (Luật Đặc xá 2018, Điều 20,
  // khoản 2, điểm a), if any.
  presentation_unit_name: string | null;
  parameters: { deadlines?: { certificatePresentationDays?: { value?: unknown } } } | null;
  document: DossierDocument;
  copies: { recipient: string; addressee: string; sent_on: string }[];
}

// The certificate's own record, its decision and round, the facility that issues it and the person's latest dossier.
const SOURCE_SQL = `SELECT c.id, c.number, c.facility_id, to_char(c.released_on, 'YYYY-MM-DD') AS released_on,
            p.number AS decision_number, to_char(p.decision_date, 'YYYY-MM-DD') AS decision_date, v.document,
            f.facility_kind, f.parent_id, r.parameters, pu.name AS presentation_unit_name,
            coalesce((SELECT json_agg(json_build_object('recipient', k.recipient, 'addressee', k.addressee, 'sent_on', k.sent_on)
                        ORDER BY k.sent_on, k.recipient) FROM certificate_copies k WHERE k.certificate_id = c.id), '[]') AS copies
       FROM amnesty_certificates c
       JOIN president_decisions p ON p.id = c.decision_id
       JOIN rounds r ON r.id = p.round_id
       JOIN org_units f ON f.id = c.facility_id
       LEFT JOIN org_units pu ON pu.id = c.presentation_unit_id
       JOIN LATERAL (SELECT document FROM dossier_versions WHERE dossier_id = c.dossier_id ORDER BY version DESC LIMIT 1) v ON true`;

export async function findCertificateSource(
  manager: EntityManager,
  certificateId: string,
): Promise<CertificateSourceRow | null> {
  const rows: CertificateSourceRow[] = await manager.query(`${SOURCE_SQL} WHERE c.id = $1`, [certificateId]);
  return rows[0] ?? null;
}

// The sources of many certificates in one statement, in the order of the ids given.
export async function findCertificateSources(
  manager: EntityManager,
  certificateIds: readonly string[],
): Promise<CertificateSourceRow[]> {
  const rows: CertificateSourceRow[] = await manager.query(`${SOURCE_SQL} WHERE c.id = ANY($1::uuid[])`, [
    certificateIds,
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return certificateIds.map((id) => byId.get(id)).filter((row): row is CertificateSourceRow => row !== undefined);
}
