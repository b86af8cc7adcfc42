import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/app.exception.js';
import { Stage } from '../workflow/core/stages.js';
import { Role } from './user.entity.js';
import type { SessionUser } from './session-user.js';

// National bodies see a dossier once it has reached them (DOMAIN §9: appraisal team → standing body → council).
export const NATIONAL_VISIBLE_STAGES: readonly string[] = [
  Stage.APPRAISAL,
  Stage.STANDING_BODY,
  Stage.ADVISORY_COUNCIL,
  Stage.PRESIDENT,
  Stage.GRANTED,
  Stage.RELEASED,
  Stage.COUNCIL_INELIGIBLE,
  Stage.NOT_GRANTED,
];

const NATIONAL_ROLES: ReadonlySet<Role> = new Set([Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER]);
const UNIT_ROLES: ReadonlySet<Role> = new Set([
  Role.TEAM_OFFICER,
  Role.CAMP_COUNCIL_MEMBER,
  Role.WARDEN,
  Role.DEPARTMENT_OFFICER,
  Role.MINISTRY_OFFICER,
]);

export interface SqlFilter {
  sql: string;
  params: unknown[];
}

// Which dossiers a user may see, as one SQL condition. Units see their own subtree of the organisation (a team
// officer their team, a warden the facility, a department its facilities); national bodies see what reached them;
// administrators manage accounts and rounds and see no personal dossiers. Anything outside answers 404.
@Injectable()
export class ScopeService {
  dossierFilter(user: SessionUser, alias: string, firstParam: number): SqlFilter {
    if (UNIT_ROLES.has(user.role)) {
      return {
        sql: `EXISTS (SELECT 1 FROM org_units su WHERE su.id IN (${alias}.facility_id, ${alias}.team_id) AND su.path LIKE $${firstParam})`,
        params: [`${user.orgUnitPath}%`],
      };
    }
    if (NATIONAL_ROLES.has(user.role)) {
      // A dossier the national bodies sent back or removed stays visible to them.
      return {
        sql: `(${alias}.stage = ANY($${firstParam}::text[]) OR (${alias}.stage IN ('correction', 'removed', 'withdrawn') AND EXISTS (
                SELECT 1 FROM workflow_history sh WHERE sh.dossier_id = ${alias}.id AND sh.from_stage = ANY($${firstParam}::text[]))))`,
        params: [NATIONAL_VISIBLE_STAGES],
      };
    }
    return { sql: 'false', params: [] };
  }

  // Facilities (or teams) a user may file dossiers for: their own subtree.
  unitFilter(user: SessionUser, alias: string, firstParam: number): SqlFilter {
    if (UNIT_ROLES.has(user.role))
      return { sql: `${alias}.path LIKE $${firstParam}`, params: [`${user.orgUnitPath}%`] };
    if (user.role === Role.ADMIN || NATIONAL_ROLES.has(user.role)) return { sql: 'true', params: [] };
    return { sql: 'false', params: [] };
  }

  async assertDossierVisible(manager: EntityManager, user: SessionUser, dossierId: string): Promise<void> {
    const filter = this.dossierFilter(user, 'd', 2);
    const rows: unknown[] = await manager.query(`SELECT 1 FROM dossiers d WHERE d.id = $1 AND ${filter.sql}`, [
      dossierId,
      ...filter.params,
    ]);
    if (!rows.length) throw new NotFoundException('hồ sơ');
  }
}
