import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Stage } from '../workflow/core/stages.js';

export interface CodeLookup {
  rounds: Map<string, string>;
  facilities: Map<string, { id: string; path: string; court?: boolean }>;
  teams: Map<string, { id: string; path: string }>;
}

export interface DossierHead {
  id: string;
  version: number;
  stage: string;
  facility_id: string;
  round_id: string;
  created_by: string | null;
  updated_by: string | null;
}

@Injectable()
export class DossierRepository {
  // The dossier's row with the names of its facility and team.
  // The round's dossiers within a scope filter on alias `d` (its parameters from $2), by inmate number.
  async idsInRound(
    manager: EntityManager,
    roundCode: string,
    filter: { sql: string; params: unknown[] },
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT d.id FROM dossiers d JOIN rounds r ON r.id = d.round_id WHERE r.code = $1 AND ${filter.sql} ORDER BY d.inmate_number`,
      [roundCode, ...filter.params],
    );
    return rows.map((r) => r.id);
  }

  async lookupCodes(manager: EntityManager, roundCodes: string[], unitCodes: string[]): Promise<CodeLookup> {
    const rounds: { id: string; code: string }[] = await manager.query(
      'SELECT id, code FROM rounds WHERE code = ANY($1)',
      [roundCodes],
    );
    const units: { id: string; code: string; kind: string; path: string }[] = await manager.query(
      `SELECT id, code, kind, path FROM org_units WHERE code = ANY($1) AND kind IN ('FACILITY','COURT','TEAM')`,
      [unitCodes],
    );
    return {
      rounds: new Map(rounds.map((r) => [r.code, r.id])),
      // A court holds the dossiers of the persons on suspension it lists (Luật Đặc xá 2018, Điều 15, khoản 3).
      facilities: new Map(
        units
          .filter((u) => u.kind === 'FACILITY' || u.kind === 'COURT')
          .map((u) => [u.code, { id: u.id, path: u.path, court: u.kind === 'COURT' }]),
      ),
      teams: new Map(units.filter((u) => u.kind === 'TEAM').map((u) => [u.code, { id: u.id, path: u.path }])),
    };
  }

  async existingInmates(
    manager: EntityManager,
    keys: { roundId: string; facilityId: string; inmateNumber: string }[],
  ): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows: { k: string }[] = await manager.query(
      `SELECT d.round_id || '|' || d.facility_id || '|' || d.inmate_number AS k
       FROM dossiers d JOIN jsonb_to_recordset($1::jsonb) AS x("roundId" uuid, "facilityId" uuid, "inmateNumber" text)
         ON d.round_id = x."roundId" AND d.facility_id = x."facilityId" AND d.inmate_number = x."inmateNumber"`,
      [JSON.stringify(keys)],
    );
    return new Set(rows.map((r) => r.k));
  }

  async lockHead(manager: EntityManager, id: string): Promise<DossierHead | null> {
    const rows: DossierHead[] = await manager.query(
      'SELECT id, version, stage, facility_id, round_id, created_by, updated_by FROM dossiers WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0] ?? null;
  }

  async deleteChildren(manager: EntityManager, id: string, tables: string[]): Promise<void> {
    for (const table of tables) await manager.query(`DELETE FROM ${table} WHERE dossier_id = $1`, [id]);
  }
}
