import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../../auth/scope.service.js';
import { affectedRows, returnedRows } from '../../common/sql.js';

@Injectable()
export class DecisionRepository {
  async insertDecision(
    manager: EntityManager,
    d: {
      roundId: string;
      number: string;
      decisionDate: string;
      councilListId: string;
      listId: string;
      recordedBy: string;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO president_decisions (round_id, number, decision_date, council_list_id, list_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [d.roundId, d.number, d.decisionDate, d.councilListId, d.listId, d.recordedBy],
    );
    return row.id;
  }

  async decidedFor(manager: EntityManager, councilListId: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM president_decisions WHERE council_list_id = $1', [councilListId]);
    return rows.length > 0;
  }

  // One certificate per granted person, numbered after the decision and the person's place on its list.
  async insertCertificates(
    manager: EntityManager,
    input: { decisionId: string; number: string; listId: string },
  ): Promise<number> {
    const result = await manager.query(
      `INSERT INTO amnesty_certificates (dossier_id, decision_id, number, facility_id)
       SELECT e.dossier_id, $1, $2 || '/' || lpad(e.position::text, 5, '0'), e.facility_id FROM list_entries e WHERE e.list_id = $3
       RETURNING id`,
      [input.decisionId, input.number, input.listId],
    );
    return returnedRows(result).length;
  }

  async certificate(manager: EntityManager, id: string) {
    const rows = await manager.query(
      `SELECT c.id, c.dossier_id AS "dossierId", c.number, c.version FROM amnesty_certificates c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  // The certificates that satisfy `scope`, a condition on `amnesty_certificates c` numbered from $1.
  async certificates(manager: EntityManager, scope: SqlFilter) {
    return manager.query(
      `SELECT c.id, c.dossier_id AS "dossierId", c.number, to_char(c.released_on, 'YYYY-MM-DD') AS "releasedOn", c.version,
         d.full_name AS "fullName", d.version AS "dossierVersion"
       FROM amnesty_certificates c JOIN dossiers d ON d.id = c.dossier_id
       WHERE ${scope.sql} ORDER BY c.number`,
      scope.params,
    );
  }

  // A commune or military unit a certificate may name for the presentation, or null.
  async presentationUnit(manager: EntityManager, id: string): Promise<{ id: string; name: string } | null> {
    const rows = await manager.query(`SELECT id, name FROM org_units WHERE id = $1 AND kind = 'LOCAL_UNIT'`, [id]);
    return rows[0] ?? null;
  }

  async presentationUnits(manager: EntityManager): Promise<{ id: string; name: string }[]> {
    return manager.query(`SELECT id, name FROM org_units WHERE kind = 'LOCAL_UNIT' ORDER BY name, id LIMIT 5000`);
  }

  async release(
    manager: EntityManager,
    input: { id: string; version: number; releasedOn: string; issuedBy: string; presentationUnitId: string | null },
  ): Promise<boolean> {
    const result = await manager.query(
      `UPDATE amnesty_certificates SET released_on = $3, issued_by = $4, presentation_unit_id = $5, version = version + 1
       WHERE id = $1 AND version = $2 AND released_on IS NULL`,
      [input.id, input.version, input.releasedOn, input.issuedBy, input.presentationUnitId],
    );
    return affectedRows(result) === 1;
  }

  // The certificates of the given dossiers, by dossier id.
  async certificatesOf(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<Map<string, { id: string; number: string }>> {
    const rows: { id: string; dossierId: string; number: string }[] = await manager.query(
      `SELECT c.id, c.dossier_id AS "dossierId", c.number FROM amnesty_certificates c
        WHERE c.dossier_id = ANY($1::uuid[])`,
      [dossierIds],
    );
    return new Map(rows.map((r) => [r.dossierId, { id: r.id, number: r.number }]));
  }

  async presentationUnitsOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM org_units WHERE id = ANY($1::uuid[]) AND kind = 'LOCAL_UNIT'`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  // Many releases on one day in one statement; the count of certificates released, each only once.
  async releaseMany(
    manager: EntityManager,
    input: { ids: readonly string[]; units: readonly (string | null)[]; releasedOn: string; issuedBy: string },
  ): Promise<number> {
    const result = await manager.query(
      `UPDATE amnesty_certificates c SET released_on = $1, issued_by = $2, presentation_unit_id = x.unit,
         version = c.version + 1
       FROM unnest($3::uuid[], $4::uuid[]) AS x(id, unit)
       WHERE c.id = x.id AND c.released_on IS NULL`,
      [input.releasedOn, input.issuedBy, input.ids, input.units],
    );
    return affectedRows(result);
  }
}
