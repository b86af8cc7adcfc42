import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';
import type { DossierQueryDto } from './dossier-query.dto.js';

export interface DossierSummary {
  id: string;
  inmateNumber: string;
  fullName: string;
  birthDate: string;
  facilityName: string;
  teamName: string | null;
  stage: string;
  version: number;
  outcome: string | null;
  category: string | null;
  almostEligibleOn: string | null;
  roundCode: string;
}

// The order of the list page, which an export of the same filter keeps.
export const LIST_ORDER = 'f.name, d.full_name, d.inmate_number';

// The scoped candidate list with each dossier's latest engine verdict beside it.
@Injectable()
export class DossierListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  // The candidates a query selects among those the user may read: `FROM … WHERE …` over aliases d (dossier),
  // r (round), f (facility), t (team) and e (latest verdict), with its parameters. The list page and the exports share it.
  filtered(user: SessionUser, query: Omit<DossierQueryDto, 'page' | 'pageSize'>): { sql: string; params: unknown[] } {
    const filter = this.scope.dossierFilter(user, 'd', 1);
    const params: unknown[] = [...filter.params];
    const where = [filter.sql];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (query.roundCode) add((n) => `r.code = $${n}`, query.roundCode);
    if (query.facilityId) add((n) => `d.facility_id = $${n}`, query.facilityId);
    if (query.teamId) add((n) => `d.team_id = $${n}`, query.teamId);
    if (query.stage) add((n) => `d.stage = $${n}`, query.stage);
    if (query.verdict === 'NONE') where.push('e.outcome IS NULL');
    else if (query.verdict) add((n) => `e.outcome = $${n}`, query.verdict);
    if (query.category) add((n) => `e.category = $${n}`, query.category);
    if (query.q) add((n) => `(lower(d.full_name) LIKE lower($${n}) OR d.inmate_number LIKE $${n})`, `%${query.q}%`);
    const sql = `
      FROM dossiers d
      JOIN rounds r ON r.id = d.round_id
      JOIN org_units f ON f.id = d.facility_id
      LEFT JOIN org_units t ON t.id = d.team_id
      LEFT JOIN LATERAL (SELECT outcome, category, result->>'almostEligibleOn' AS almost
                         FROM eligibility_results er WHERE er.dossier_id = d.id ORDER BY evaluated_at DESC LIMIT 1) e ON true
      WHERE ${where.join(' AND ')}`;
    return { sql, params };
  }

  async list(
    user: SessionUser,
    query: DossierQueryDto,
  ): Promise<{ total: number; page: number; pageSize: number; items: DossierSummary[] }> {
    const { sql, params } = this.filtered(user, query);
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.dataSource.query(
      `SELECT d.id, d.inmate_number, d.full_name, d.birth_date, f.name AS facility_name, t.name AS team_name, d.stage, d.version,
              e.outcome, e.category, e.almost, r.code AS round_code
       ${sql} ORDER BY ${LIST_ORDER} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return {
      total,
      page,
      pageSize,
      items: rows.map((r: Record<string, any>) => ({
        id: r.id,
        inmateNumber: r.inmate_number,
        fullName: r.full_name,
        birthDate: r.birth_date,
        facilityName: r.facility_name,
        teamName: r.team_name,
        stage: r.stage,
        version: r.version,
        outcome: r.outcome,
        category: r.category,
        almostEligibleOn: r.almost,
        roundCode: r.round_code,
      })),
    };
  }
}
