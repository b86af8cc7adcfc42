import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PROCURACY_OF_FACILITY, ProcuracyLevel } from '../core/procuracy.js';
import { isFacilityKind } from '../core/routing.js';
import type { NewUnitRow } from '../../org/org.repository.js';

export type UnitRow = Omit<NewUnitRow, 'place' | 'supervisedUnitId'>;

const COLUMNS = `id, code, name, kind, parent_id AS "parentId", path, ministry, department_kind AS "departmentKind",
  facility_kind AS "facilityKind", body_kind AS "bodyKind"`;

// Reads the organisation tree to find who receives a list; the rules about who may receive live in core/routing.ts.
@Injectable()
export class OrgRoutingRepository {
  async unit(manager: EntityManager, id: string): Promise<UnitRow | null> {
    const rows: UnitRow[] = await manager.query(`SELECT ${COLUMNS} FROM org_units WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  // The unit of the given kind above `id` (its nearest ancestor of that kind).
  async ancestorOfKind(manager: EntityManager, id: string, kind: string): Promise<UnitRow | null> {
    const rows: UnitRow[] = await manager.query(
      `WITH RECURSIVE up AS (SELECT * FROM org_units WHERE id = $1 UNION ALL SELECT o.* FROM org_units o JOIN up ON o.id = up.parent_id)
       SELECT ${COLUMNS} FROM up WHERE kind = $2 LIMIT 1`,
      [id, kind],
    );
    return rows[0] ?? null;
  }

  // There is one body of each kind; should a reorganisation create a new one, the newest receives.
  async nationalBody(manager: EntityManager, bodyKind: string): Promise<UnitRow | null> {
    const rows: UnitRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM org_units WHERE kind = 'NATIONAL_BODY' AND body_kind = $1 ORDER BY created_at DESC, code LIMIT 1`,
      [bodyKind],
    );
    return rows[0] ?? null;
  }

  // The unit that holds a dossier of this facility at an upper stage.
  async holderOf(manager: EntityManager, facilityId: string, stage: string): Promise<UnitRow | null> {
    const byStage: Record<string, () => Promise<UnitRow | null>> = {
      department: () => this.ancestorOfKind(manager, facilityId, 'DEPARTMENT'),
      ministry: () => this.ancestorOfKind(manager, facilityId, 'MINISTRY'),
      appraisal: () => this.nationalBody(manager, 'APPRAISAL_TEAM'),
      standing_body: () => this.nationalBody(manager, 'COUNCIL_STANDING'),
      advisory_council: () => this.nationalBody(manager, 'COUNCIL'),
      president: () => this.nationalBody(manager, 'PRESIDENT_OFFICE'),
    };
    return byStage[stage] ? byStage[stage]() : null;
  }

  // The competent procuracy of a facility (core/procuracy.ts): the Supreme Procuracy, or the local procuracy that
  // supervises the facility's provincial police or military-region command.
  async procuracyOf(manager: EntityManager, facilityId: string): Promise<UnitRow | null> {
    const facility = await this.unit(manager, facilityId);
    // A court is supervised by the procuracy of its province (Luật Đặc xá 2018, Điều 30, khoản 2): the local procuracy
    // that names the same provincial police or military-region command.
    if (facility?.kind === 'COURT') {
      const rows: UnitRow[] = await manager.query(
        `SELECT ${COLUMNS} FROM org_units p WHERE p.kind = 'PROCURACY'
           AND p.supervised_unit_id = (SELECT c.supervised_unit_id FROM org_units c WHERE c.id = $1)
         ORDER BY p.created_at DESC, p.code LIMIT 1`,
        [facility.id],
      );
      return rows[0] ?? null;
    }
    if (!facility?.facilityKind || !isFacilityKind(facility.facilityKind)) return null;
    if (PROCURACY_OF_FACILITY[facility.facilityKind].level === ProcuracyLevel.SUPREME)
      return this.nationalBody(manager, 'SUPREME_PROCURACY');
    return facility.parentId ? this.localProcuracyOf(manager, facility.parentId) : null;
  }

  // The provincial or military-region procuracy that names the given provincial police or military-region command.
  async localProcuracyOf(manager: EntityManager, commandId: string): Promise<UnitRow | null> {
    const rows: UnitRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM org_units WHERE kind = 'PROCURACY' AND supervised_unit_id = $1
       ORDER BY created_at DESC, code LIMIT 1`,
      [commandId],
    );
    return rows[0] ?? null;
  }
}
