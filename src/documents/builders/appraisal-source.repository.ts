import type { EntityManager } from 'typeorm';

export interface AppraisalFlagRow {
  agency: string;
  field: string;
  kind: 'content' | 'form';
  message: string;
  status: string;
}

export interface AppraisalOpinionRow {
  agency: string;
  opinion: 'agree' | 'disagree' | 'needs_supplement';
  note: string | null;
}

export async function findAppraisal(
  manager: EntityManager,
  dossierId: string,
): Promise<{ flags: AppraisalFlagRow[]; opinions: AppraisalOpinionRow[] }> {
  const flags = await manager.query(
    `SELECT agency, field, kind, message, status FROM appraisal_flags WHERE dossier_id = $1 AND status <> 'rejected' ORDER BY raised_at, id`,
    [dossierId],
  );
  const opinions = await manager.query(
    `SELECT agency, opinion, note FROM appraisal_opinions WHERE dossier_id = $1 ORDER BY agency`,
    [dossierId],
  );
  return { flags, opinions };
}

// The bodies whose lists reached `recipientUnitId` in a round (the ministries' lists before the appraisal team), by
// name, each once.
export async function findListMakersTo(
  manager: EntityManager,
  roundId: string,
  recipientUnitId: string,
): Promise<string[]> {
  const rows: { name: string }[] = await manager.query(
    `SELECT DISTINCT o.name FROM list_snapshots l JOIN org_units o ON o.id = l.owner_unit_id
      WHERE l.round_id = $1 AND l.recipient_unit_id = $2 ORDER BY o.name`,
    [roundId, recipientUnitId],
  );
  return rows.map((row) => row.name);
}
