import type { EntityManager } from 'typeorm';
import type { ExplanationItem } from '../../workflow/core/appraisal.js';

export interface ExplanatoryReportSourceRow {
  id: string;
  round_id: string;
  items: ExplanationItem[];
}

export interface ReportDossierRow {
  id: string;
  full_name: string;
  birth_date: string;
  facility_name: string;
}

export async function findExplanatoryReport(
  manager: EntityManager,
  id: string,
): Promise<ExplanatoryReportSourceRow | null> {
  const rows: ExplanatoryReportSourceRow[] = await manager.query(
    `SELECT id, round_id, items FROM explanatory_reports WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findReportDossiers(manager: EntityManager, ids: string[]): Promise<ReportDossierRow[]> {
  return manager.query(
    `SELECT d.id, d.full_name, d.birth_date, f.name AS facility_name
       FROM dossiers d JOIN org_units f ON f.id = d.facility_id WHERE d.id = ANY($1::uuid[])`,
    [ids],
  );
}
