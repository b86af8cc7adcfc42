import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SqlFilter } from '../auth/scope.service.js';
import { FORWARD_CHAIN, Stage } from '../workflow/core/stages.js';
import { joinsReadBy, pageByFacilityName } from './dossier-list-pages.js';

// One refresh of the grouped counts at a time, whichever process asks.
const LIST_COUNTS_LOCK = 7_204_311;

// The columns a list can be sorted by, each as a non-null SQL expression (so a keyset comparison never meets a NULL)
// and the type its cursor value is read back as.
export const SORT_KEYS = {
  name: { sql: 'd.full_name', type: 'text' },
  inmate: { sql: 'd.inmate_number', type: 'text' },
  birth: { sql: 'd.birth_date', type: 'text' },
  facility: { sql: 'f.name', type: 'text' },
  team: { sql: "coalesce(t.name, '')", type: 'text' },
  // The order of the pipeline rather than the alphabet of the codes.
  stage: { sql: 'coalesce(array_position($STAGES::text[], d.stage), 0)', type: 'int' },
  verdict: { sql: "coalesce(v.outcome, '')", type: 'text' },
  category: { sql: "coalesce(v.category, '')", type: 'text' },
  round: { sql: 'r.code', type: 'text' },
} as const;

export type SortKey = keyof typeof SORT_KEYS;
export const SORT_KEY_NAMES = Object.keys(SORT_KEYS) as SortKey[];

const STAGE_ORDER: string[] = [
  Stage.APPLICATION,
  Stage.TEAM_BALLOT,
  Stage.CAMP_COUNCIL,
  Stage.WARDEN,
  ...FORWARD_CHAIN,
  Stage.GRANTED,
  Stage.RELEASED,
  Stage.PRESENTED,
  Stage.CORRECTION,
];

// A sort's SQL expression, its stage order (if it reads one) appended to `params` as the next parameter.
function sortExpression(sort: SortKey, params: unknown[]): string {
  const expr: string = SORT_KEYS[sort].sql;
  if (!expr.includes('$STAGES')) return expr;
  params.push(STAGE_ORDER);
  return expr.replace('$STAGES', `$${params.length}`);
}

export interface ListCriteria {
  scope: SqlFilter;
  // The facilities (alias, first parameter) that can hold a dossier the scope lets through: a page sorted by facility
  // walks only those.
  scopeFacilities?: (alias: string, firstParam: number) => SqlFilter;
  roundId?: string;
  roundCode?: string;
  facilityId?: string;
  subCampId?: string;
  teamId?: string;
  stage?: string;
  verdict?: string;
  category?: string;
  unverified?: boolean;
  q?: string;
}

export interface PageRequest {
  sort: SortKey;
  desc: boolean;
  limit: number;
  // Keyset: the sort value and id of the row the page starts after (or, going back, before).
  after?: { value: string; id: string };
  before?: { value: string; id: string };
  offset?: number;
}

export interface ListRow {
  id: string;
  inmate_number: string;
  full_name: string;
  birth_date: string;
  facility_id: string;
  facility_name: string;
  team_name: string | null;
  stage: string;
  version: number;
  outcome: string | null;
  category: string | null;
  relies_on_unverified: boolean | null;
  round_code: string;
  sort_value: string;
  almost: string | null;
}

// The scoped list of dossiers with each one's latest verdict (dossier_verdicts, kept by the migration's trigger):
// one statement for the counts by verdict, one for a page.
@Injectable()
export class DossierListRepository {
  constructor(private readonly dataSource: DataSource) {}

  private where(c: ListCriteria): { sql: string; params: unknown[] } {
    const params: unknown[] = [...c.scope.params];
    const where = [c.scope.sql];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (c.roundId) add((n) => `d.round_id = $${n}`, c.roundId);
    if (c.roundCode) add((n) => `d.round_id = (SELECT id FROM rounds WHERE code = $${n})`, c.roundCode);
    if (c.facilityId) add((n) => `d.facility_id = $${n}`, c.facilityId);
    if (c.subCampId)
      add(
        (n) => `d.team_id IN (SELECT id FROM org_units WHERE parent_id = $${n} UNION SELECT $${n}::uuid)`,
        c.subCampId,
      );
    if (c.teamId) add((n) => `d.team_id = $${n}`, c.teamId);
    if (c.stage) add((n) => `d.stage = $${n}`, c.stage);
    if (c.verdict === 'NONE') where.push('v.outcome IS NULL');
    else if (c.verdict) add((n) => `v.outcome = $${n}`, c.verdict);
    if (c.category) add((n) => `v.category = $${n}`, c.category);
    // Written so the planner reads the column's statistics (a round where no verdict rests on such values is common).
    if (c.unverified === true) where.push('v.relies_on_unverified IS TRUE');
    if (c.unverified === false) where.push('v.relies_on_unverified IS NOT TRUE');
    if (c.q) add((n) => `(lower(d.full_name) LIKE lower($${n}) OR d.inmate_number LIKE $${n})`, `%${c.q}%`);
    return { sql: where.join(' AND '), params };
  }

  // The number of dossiers that match, by latest verdict ('NONE': not evaluated yet).
  async counts(c: ListCriteria): Promise<Record<string, number>> {
    const w = this.where(c);
    const rows: { outcome: string | null; n: number }[] = await this.dataSource.query(
      `SELECT v.outcome, count(*)::int AS n FROM dossiers d LEFT JOIN dossier_verdicts v ON v.dossier_id = d.id
       WHERE ${w.sql} GROUP BY v.outcome`,
      w.params,
    );
    return Object.fromEntries(rows.map((r) => [r.outcome ?? 'NONE', r.n]));
  }

  // Whether the criteria read only what the grouped counts keep (the dossier's round, units and stage, its verdict):
  // a name search, or a scope that looks at a dossier's history (the national bodies'), is counted on the dossiers.
  groupable(c: ListCriteria): boolean {
    return !c.q && !/\bd\.(?!(round_id|facility_id|team_id|stage)\b)\w+/.test(c.scope.sql);
  }

  // The rounds the criteria cover, with when their grouped counts were last taken (null: never).
  async countedRounds(c: ListCriteria): Promise<{ id: string; countedAt: Date | null }[]> {
    const by = c.roundId ? 'r.id = $1' : c.roundCode ? 'r.code = $1' : 'true';
    return this.dataSource.query(
      `SELECT r.id, s.counted_at AS "countedAt" FROM rounds r
       LEFT JOIN dossier_list_count_rounds s ON s.round_id = r.id WHERE ${by}`,
      c.roundId ? [c.roundId] : c.roundCode ? [c.roundCode] : [],
    );
  }

  // Takes the grouped counts of these rounds again, in one transaction (readers see the old or the new, never half);
  // false when another process is already taking them.
  async recount(roundIds: string[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [LIST_COUNTS_LOCK]);
      if (!locked) return false;
      await manager.query('DELETE FROM dossier_list_counts WHERE round_id = ANY($1::uuid[])', [roundIds]);
      await manager.query(
        `INSERT INTO dossier_list_counts (round_id, facility_id, team_id, stage, outcome, category, relies_on_unverified, n)
         SELECT d.round_id, d.facility_id, d.team_id, d.stage, v.outcome, v.category, v.relies_on_unverified, count(*)
         FROM dossiers d LEFT JOIN dossier_verdicts v ON v.dossier_id = d.id WHERE d.round_id = ANY($1::uuid[])
         GROUP BY 1, 2, 3, 4, 5, 6, 7`,
        [roundIds],
      );
      // The transaction's start: no later than the data the counts saw.
      await manager.query(
        `INSERT INTO dossier_list_count_rounds (round_id, counted_at) SELECT unnest($1::uuid[]), now()
         ON CONFLICT (round_id) DO UPDATE SET counted_at = excluded.counted_at`,
        [roundIds],
      );
      return true;
    });
  }

  // The counts by verdict as last grouped: the same filters over the grouped rows, each standing for its `n` dossiers
  // (aliases d and v both name the grouped row, so the filters' SQL reads it unchanged).
  async groupedCounts(c: ListCriteria): Promise<Record<string, number>> {
    const w = this.where(c);
    const rows: { outcome: string | null; n: number }[] = await this.dataSource.query(
      `SELECT d.outcome, sum(d.n)::int AS n
       FROM dossier_list_counts d CROSS JOIN LATERAL (SELECT d.outcome, d.category, d.relies_on_unverified) v
       WHERE ${w.sql} GROUP BY d.outcome`,
      w.params,
    );
    return Object.fromEntries(rows.map((r) => [r.outcome ?? 'NONE', r.n]));
  }

  // Every dossier the criteria select, in a sort's order, for a caller that reads them all (the exports).
  filtered(c: ListCriteria, sort: SortKey, desc: boolean): { sql: string; params: unknown[] } {
    const w = this.where(c);
    const params = [...w.params];
    const expr = sortExpression(sort, params);
    const order = desc ? 'DESC' : 'ASC';
    const sql = `FROM dossiers d
      JOIN rounds r ON r.id = d.round_id
      JOIN org_units f ON f.id = d.facility_id
      LEFT JOIN org_units t ON t.id = d.team_id
      LEFT JOIN dossier_verdicts v ON v.dossier_id = d.id
      WHERE ${w.sql} ORDER BY ${expr} ${order}, d.id ${order}`;
    return { sql, params };
  }

  async page(c: ListCriteria, p: PageRequest): Promise<ListRow[]> {
    const w = this.where(c);
    const params = [...w.params];
    const key = SORT_KEYS[p.sort];
    const expr = sortExpression(p.sort, params);
    // Going back reads the page before the cursor in the opposite order, then turns it round.
    const backwards = !!p.before;
    const desc = p.desc !== backwards;
    const cursor = p.after ?? p.before;
    const byFacility = p.sort === 'facility' && !c.q;
    let keyset = '';
    if (cursor && !byFacility) {
      params.push(cursor.value, cursor.id);
      const op = desc ? '<' : '>';
      keyset = ` AND (${expr}, d.id) ${op} ($${params.length - 1}::${key.type}, $${params.length}::uuid)`;
    }
    const order = desc ? 'DESC' : 'ASC';
    // The page is chosen on the narrowest rows that can decide it (the dossier, and only the joins its sort and
    // filters read); the names and labels are joined for its fifty rows only.
    const joins = joinsReadBy(`${expr} ${w.sql}`);
    const offset = p.offset && !cursor ? p.offset : 0;
    const limit = `LIMIT ${p.limit}${offset ? ` OFFSET ${offset}` : ''}`;
    // A name search takes its matches from the trigram index first and sorts them: walking a sort's index and testing
    // each row read 145,000 rows of a round before the first "Đặng" (the planner takes matches to be spread evenly).
    const pick = c.q
      ? `found AS MATERIALIZED (
           SELECT d.id, (${expr}) AS k FROM dossiers d ${joins} WHERE ${w.sql}${keyset}),
         page AS (SELECT id, k FROM found ORDER BY k ${order}, id ${order} ${limit})`
      : `page AS (
           SELECT d.id, (${expr}) AS k FROM dossiers d ${joins}
           WHERE ${w.sql}${keyset}
           ORDER BY ${expr} ${order}, d.id ${order}
           ${limit})`;
    const picked = byFacility
      ? pageByFacilityName(w, params, { order, cursor, offset, limit: p.limit, facilities: c.scopeFacilities })
      : pick;
    // The labels as sub-selects rather than joins: on a round of 150,000 dossiers, planning the seven-way join took
    // 11–13 ms, more than reading the page, against under 1 ms this way (each sub-select is planned alone).
    const rows: ListRow[] = await this.dataSource.query(
      `WITH ${picked}
       SELECT d.id, d.inmate_number, d.full_name, d.birth_date, d.facility_id,
              (SELECT f.name FROM org_units f WHERE f.id = d.facility_id) AS facility_name,
              (SELECT t.name FROM org_units t WHERE t.id = d.team_id) AS team_name,
              d.stage, d.version, v.outcome, v.category, v.relies_on_unverified,
              (SELECT r.code FROM rounds r WHERE r.id = d.round_id) AS round_code, page.k::text AS sort_value,
              (SELECT er.result->>'almostEligibleOn' FROM eligibility_results er WHERE er.id = v.result_id) AS almost
       FROM page
       JOIN dossiers d ON d.id = page.id
       LEFT JOIN dossier_verdicts v ON v.dossier_id = d.id
       ORDER BY page.k ${order}, page.id ${order}`,
      params,
    );
    return backwards ? rows.reverse() : rows;
  }

  // The units a list can be filtered by: facilities within the caller's units (`units` filters org_units `o`), and
  // the sub-camps and teams of one facility.
  async facilities(units: SqlFilter): Promise<{ id: string; code: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT o.id, o.code, o.name FROM org_units o WHERE o.kind = 'FACILITY' AND ${units.sql} ORDER BY o.name, o.code`,
      units.params,
    );
  }

  async unitsOfFacility(
    units: SqlFilter,
    facilityId: string,
  ): Promise<{ id: string; code: string; name: string; kind: string; parentId: string; parentName: string }[]> {
    const n = units.params.length + 1;
    return this.dataSource.query(
      `SELECT o.id, o.code, o.name, o.kind, o.parent_id AS "parentId", p.name AS "parentName"
       FROM org_units o JOIN org_units p ON p.id = o.parent_id
       JOIN org_units fac ON fac.id = $${n} AND fac.kind = 'FACILITY'
       WHERE o.kind IN ('SUB_CAMP', 'TEAM') AND o.path LIKE fac.path || '%' AND ${units.sql}
       ORDER BY o.path`,
      [...units.params, facilityId],
    );
  }
}
