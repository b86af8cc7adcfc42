import type { EntityManager } from 'typeorm';

export interface NoticeSourceRow {
  facility_id: string;
  facility_name: string;
  procuracy_name: string;
  notified_on: string;
  posted_on: string | null;
  eligible: number;
  ineligible: number;
  decision_number: string;
  decision_date: string;
}

export async function findNoticeSource(manager: EntityManager, id: string): Promise<NoticeSourceRow | null> {
  const rows: NoticeSourceRow[] = await manager.query(
    `SELECT n.facility_id, f.name AS facility_name, p.name AS procuracy_name,
       to_char(n.notified_on, 'YYYY-MM-DD') AS notified_on, to_char(l.posted_on, 'YYYY-MM-DD') AS posted_on,
       l.entry_count AS eligible,
       (SELECT coalesce(sum(i.entry_count), 0)::int FROM list_snapshots i WHERE i.owner_unit_id = l.owner_unit_id
          AND i.round_id = l.round_id
          AND i.kind = CASE l.kind WHEN 'COURT' THEN 'COURT_INELIGIBLE' ELSE 'CAMP_INELIGIBLE' END AND i.posted_on IS NOT DISTINCT FROM l.posted_on) AS ineligible,
       r.decision_number, to_char(r.decision_date, 'YYYY-MM-DD') AS decision_date
     FROM procuracy_notices n JOIN list_snapshots l ON l.id = n.list_id JOIN org_units f ON f.id = n.facility_id
     JOIN org_units p ON p.id = n.procuracy_unit_id JOIN rounds r ON r.id = n.round_id
     WHERE n.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
