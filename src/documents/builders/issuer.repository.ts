import type { EntityManager } from 'typeorm';

export interface IssuerRow {
  id: string;
  name: string;
  kind: string;
  place: string | null;
  parent_name: string | null;
}

// The issuing unit and its direct parent (the "cơ quan chủ quản" printed above it in the title block).
export async function findIssuer(manager: EntityManager, unitId: string): Promise<IssuerRow | null> {
  const rows: IssuerRow[] = await manager.query(
    `SELECT u.id, u.name, u.kind, u.place, p.name AS parent_name
       FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
      WHERE u.id = $1`,
    [unitId],
  );
  return rows[0] ?? null;
}

export interface RoundRow {
  name: string;
  decision_number: string;
  decision_date: string;
}

export async function findRound(manager: EntityManager, roundId: string): Promise<RoundRow | null> {
  const rows: RoundRow[] = await manager.query(
    `SELECT name, decision_number, to_char(decision_date, 'YYYY-MM-DD') AS decision_date FROM rounds WHERE id = $1`,
    [roundId],
  );
  return rows[0] ?? null;
}
