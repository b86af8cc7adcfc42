import type { RoundParameters } from '../eligibility/core/index.js';
import type { SimulationStatus } from './simulation.entity.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../auth/scope.service.js';
import { returnedRows } from '../common/sql.js';
import { copyRows } from '../database/pg-copy.js';

// A simulation's inputs and author, as a worker claims it.
export interface ClaimedSimulation {
  roundId: string;
  base: RoundParameters;
  draft: RoundParameters;
  facilityIds: string[];
  createdBy: string;
  createdByName: string;
}

export interface DossierKey {
  id: string;
  version: number;
  facility_id: string;
  sex: string;
}

export interface VersionKey {
  id: string;
  version: number;
}

export interface FacilityRow {
  id: string;
  name: string;
  ministryId: string | null;
  ministryName: string | null;
}

export interface ChangeRow {
  simulation_id: string;
  dossier_id: string;
  facility_id: string;
  base_status: string;
  draft_status: string;
  base_category: string;
  draft_category: string;
  rule_id: string;
  reason: string;
}

const CHANGE_TABLE = 'simulation_changes';
const CHANGE_COLUMNS = [
  'simulation_id',
  'dossier_id',
  'facility_id',
  'base_status',
  'draft_status',
  'base_category',
  'draft_category',
  'rule_id',
  'reason',
] as const;

export const SUMMARY = `s.id, s.name, s.status, s.total, s.done, s.error, s.elapsed_ms AS "elapsedMs", s.round_id AS "roundId",
  r.code AS "roundCode", s.round_version AS "roundVersion", s.base_preset_code AS "basePresetCode", s.changes,
  s.scope_label AS "scopeLabel", s.created_at AS "createdAt", s.finished_at AS "finishedAt", s.adopted_at AS "adoptedAt",
  s.adopted_round_version AS "adoptedRoundVersion", s.version, u.full_name AS "createdByName", s.created_by AS "createdBy"`;

@Injectable()
export class SimulationRepository {
  async roundVersion(manager: EntityManager, roundId: string): Promise<number> {
    const [{ version }] = await manager.query('SELECT version FROM rounds WHERE id = $1', [roundId]);
    return version;
  }

  async insert(
    manager: EntityManager,
    sim: {
      name: string;
      roundId: string;
      roundVersion: number;
      basePresetCode: string | null;
      base: unknown;
      changes: unknown;
      draft: unknown;
      facilityIds: string[];
      scopeLabel: string;
      total: number;
      createdBy: string;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO simulations (name, round_id, round_version, base_preset_code, base_parameters, changes, draft_parameters,
         facility_ids, scope_label, total, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
      [
        sim.name,
        sim.roundId,
        sim.roundVersion,
        sim.basePresetCode,
        JSON.stringify(sim.base),
        JSON.stringify(sim.changes),
        JSON.stringify(sim.draft),
        sim.facilityIds,
        sim.scopeLabel,
        sim.total,
        sim.createdBy,
      ],
    );
    return row.id;
  }

  // Marks the simulation running from the start; its inputs and author, or null when it has ended or is gone.
  async claim(manager: EntityManager, id: string): Promise<ClaimedSimulation | null> {
    const [claimed] = returnedRows<ClaimedSimulation>(
      await manager.query(
        `UPDATE simulations SET status = 'RUNNING', started_at = now(), done = 0 WHERE id = $1 AND status IN ('QUEUED','RUNNING')
       RETURNING round_id AS "roundId", base_parameters AS "base", draft_parameters AS "draft", facility_ids AS "facilityIds",
                 created_by AS "createdBy", (SELECT full_name FROM users WHERE id = created_by) AS "createdByName"`,
        [id],
      ),
    );
    return claimed ?? null;
  }

  async progress(manager: EntityManager, id: string, done: number): Promise<void> {
    await manager.query('UPDATE simulations SET done = $2 WHERE id = $1', [id, done]);
  }

  async clearChanges(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM simulation_changes WHERE simulation_id = $1', [id]);
  }

  async finish(manager: EntityManager, id: string, figures: { total: number }, elapsedMs: number): Promise<void> {
    await manager.query(
      `UPDATE simulations SET status = 'DONE', figures = $2, total = $3, done = $3, elapsed_ms = $4, finished_at = now(),
         version = version + 1 WHERE id = $1`,
      [id, JSON.stringify(figures), figures.total, elapsedMs],
    );
  }

  async fail(manager: EntityManager, id: string, message: string): Promise<void> {
    await manager.query(
      `UPDATE simulations SET status = 'FAILED', error = $2, finished_at = now(), version = version + 1 WHERE id = $1`,
      [id, message],
    );
  }

  async progressOf(
    manager: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    status: SimulationStatus;
    total: number;
    done: number;
    error: string | null;
    elapsedMs: number | null;
  } | null> {
    const [row] = await manager.query(
      `SELECT id, status, total, done, error, elapsed_ms AS "elapsedMs" FROM simulations WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM simulations WHERE id = $1', [id]);
  }

  async markAdopted(manager: EntityManager, id: string, userId: string, roundVersion: number): Promise<void> {
    await manager.query(
      `UPDATE simulations SET adopted_at = now(), adopted_by = $2, adopted_round_version = $3, version = version + 1
       WHERE id = $1`,
      [id, userId, roundVersion],
    );
  }

  // Facilities a user may simulate over, as the shared scope rule gives them (a filter on alias `f` from $1).
  async facilitiesInScope(manager: EntityManager, units: SqlFilter): Promise<FacilityRow[]> {
    return manager.query(
      `SELECT f.id, f.name, m.id AS "ministryId", m.name AS "ministryName" FROM org_units f
       LEFT JOIN org_units m ON m.kind = 'MINISTRY' AND f.path LIKE m.path || '%'
       WHERE f.kind = 'FACILITY' AND ${units.sql} ORDER BY f.name`,
      units.params,
    );
  }

  async facilities(manager: EntityManager, ids: string[]): Promise<FacilityRow[]> {
    return manager.query(
      `SELECT f.id, f.name, m.id AS "ministryId", m.name AS "ministryName" FROM org_units f
       LEFT JOIN org_units m ON m.kind = 'MINISTRY' AND f.path LIKE m.path || '%' WHERE f.id = ANY($1)`,
      [ids],
    );
  }

  // The next dossiers of the round in the simulation's facilities, in id order, without their documents. `version`
  // is the latest saved content's: the dossier row's own version also counts stage moves, which save no content (and
  // change no outcome).
  async dossierKeys(
    manager: EntityManager,
    o: { roundId: string; facilityIds: string[]; after: string; limit: number },
  ): Promise<DossierKey[]> {
    return manager.query(
      `SELECT d.id, (SELECT max(v.version) FROM dossier_versions v WHERE v.dossier_id = d.id) AS version,
              d.facility_id, d.sex
       FROM dossiers d
       WHERE d.round_id = $1 AND d.id > $2 AND d.facility_id = ANY($3::uuid[]) ORDER BY d.id LIMIT $4`,
      [o.roundId, o.after, o.facilityIds, o.limit],
    );
  }

  async countDossiers(manager: EntityManager, roundId: string, facilityIds: string[]): Promise<number> {
    const [{ n }] = await manager.query(
      'SELECT count(*)::int AS n FROM dossiers WHERE round_id = $1 AND facility_id = ANY($2::uuid[])',
      [roundId, facilityIds],
    );
    return n;
  }

  async copyChanges(manager: EntityManager, rows: ChangeRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000)
      await copyRows(
        manager,
        CHANGE_TABLE,
        CHANGE_COLUMNS,
        rows.slice(i, i + 5000) as unknown as Record<string, unknown>[],
      );
  }

  // `visible` is the viewer's scope over units (alias `vu`; from $2 in find, $1 in list): every facility of the
  // simulation must be one the viewer may simulate over.
  async find(manager: EntityManager, id: string, visible: SqlFilter, lock = false) {
    const rows = await manager.query(
      `SELECT ${SUMMARY}, s.base_parameters AS "baseParameters", s.draft_parameters AS "draftParameters",
              s.figures, s.facility_ids AS "facilityIds"
       FROM simulations s JOIN rounds r ON r.id = s.round_id JOIN users u ON u.id = s.created_by
       WHERE s.id = $1 AND ${this.visibleSql(visible)} ${lock ? 'FOR UPDATE OF s' : ''}`,
      [id, ...visible.params],
    );
    return rows[0] ?? null;
  }

  async list(manager: EntityManager, visible: SqlFilter, roundId: string | null) {
    return manager.query(
      `SELECT ${SUMMARY}, s.figures -> 'base' AS "baseCounts", s.figures -> 'draft' AS "draftCounts"
       FROM simulations s JOIN rounds r ON r.id = s.round_id JOIN users u ON u.id = s.created_by
       WHERE ${this.visibleSql(visible)} ${roundId ? `AND s.round_id = $${visible.params.length + 1}` : ''}
       ORDER BY s.created_at DESC LIMIT 200`,
      [...visible.params, ...(roundId ? [roundId] : [])],
    );
  }

  private visibleSql(units: SqlFilter): string {
    return `NOT EXISTS (SELECT 1 FROM unnest(s.facility_ids) AS sf(id)
              WHERE NOT EXISTS (SELECT 1 FROM org_units vu WHERE vu.id = sf.id AND ${units.sql}))`;
  }

  // `dossiers` is the viewer's dossier scope on alias `d` from $4: a person outside it is counted, never named.
  async changes(
    manager: EntityManager,
    o: { simulationId: string; dossiers: SqlFilter; limit: number; offset: number },
  ) {
    const sql = o.dossiers.sql;
    return manager.query(
      `SELECT c.dossier_id AS "dossierId", c.base_status AS "baseStatus", c.draft_status AS "draftStatus",
              c.base_category AS "baseCategory", c.draft_category AS "draftCategory", c.rule_id AS "ruleId", c.reason,
              f.name AS "facilityName", (${sql}) AS visible,
              CASE WHEN (${sql}) THEN d.full_name END AS "fullName",
              CASE WHEN (${sql}) THEN d.inmate_number END AS "inmateNumber"
       FROM simulation_changes c JOIN dossiers d ON d.id = c.dossier_id JOIN org_units f ON f.id = c.facility_id
       WHERE c.simulation_id = $1 ORDER BY f.name, d.inmate_number, c.dossier_id LIMIT $2 OFFSET $3`,
      [o.simulationId, o.limit, o.offset, ...o.dossiers.params],
    );
  }
}
