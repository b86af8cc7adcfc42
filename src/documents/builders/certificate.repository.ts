import type { EntityManager } from 'typeorm';
import type { DossierDocument } from '../../dossiers/dossier-format.js';

export interface CertificateSourceRow {
  id: string;
  number: string;
  facility_id: string;
  released_on: string | null;
  decision_number: string;
  decision_date: string;
  document: DossierDocument;
}

export async function findCertificateSource(
  manager: EntityManager,
  certificateId: string,
): Promise<CertificateSourceRow | null> {
  const rows: CertificateSourceRow[] = await manager.query(
    `SELECT c.id, c.number, c.facility_id, to_char(c.released_on, 'YYYY-MM-DD') AS released_on,
            p.number AS decision_number, to_char(p.decision_date, 'YYYY-MM-DD') AS decision_date, v.document
       FROM amnesty_certificates c
       JOIN president_decisions p ON p.id = c.decision_id
       JOIN LATERAL (SELECT document FROM dossier_versions WHERE dossier_id = c.dossier_id ORDER BY version DESC LIMIT 1) v ON true
      WHERE c.id = $1`,
    [certificateId],
  );
  return rows[0] ?? null;
}
