import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlFilter } from '../../auth/scope-filters.js';

// A released person's certificate (row `c`) issued neither by a batch nor as a document of its own.
const NOT_ISSUED = `c.released_on IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM certificate_register g WHERE g.certificate_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM documents s WHERE s.source_type = 'certificate' AND s.source_id = c.id)`;

export interface PendingRow {
  roundId: string;
  roundName: string;
  facilityId: string;
  facilityName: string;
  facility_kind: string | null;
  parent_id: string | null;
  pending: number;
}

export interface RegisterEntry {
  certificateId: string;
  seq: number;
  number: string;
}

// Plain SQL for a facility's batch of certificates and the issuing unit's register of their numbers.
@Injectable()
export class CertificateBatchRepository {
  // Batches of one issuing unit take their numbers one after another: the lock is held until the batch commits, and
  // each statement after it (READ COMMITTED) sees the numbers and certificates the previous batch committed.
  async lockRegister(manager: EntityManager, issuerUnitId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('certificate-register:' || $1, 0))`, [
      issuerUnitId,
    ]);
  }

  // The released persons of the facility in the round whose certificate was never issued, neither in a batch nor as a
  // document of its own, within the caller's scope; in the order of the certificates' numbers on the decision.
  async pending(
    manager: EntityManager,
    input: { roundId: string; facilityId: string; scope: SqlFilter },
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT c.id FROM amnesty_certificates c JOIN president_decisions p ON p.id = c.decision_id
        WHERE p.round_id = $1 AND c.facility_id = $2
          AND ${NOT_ISSUED}
          AND ${input.scope.sql}
        ORDER BY c.number, c.id`,
      [input.roundId, input.facilityId, ...input.scope.params],
    );
    return rows.map((row) => row.id);
  }

  async facility(
    manager: EntityManager,
    id: string,
  ): Promise<{ facility_id: string; facility_kind: string | null; parent_id: string | null } | null> {
    const rows = await manager.query(
      'SELECT id AS facility_id, facility_kind, parent_id FROM org_units WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async lastSeq(manager: EntityManager, issuerUnitId: string): Promise<number> {
    const [row] = await manager.query(
      'SELECT coalesce(max(seq), 0)::int AS seq FROM certificate_register WHERE issuer_unit_id = $1',
      [issuerUnitId],
    );
    return row.seq;
  }

  async insertBatch(
    manager: EntityManager,
    batch: { roundId: string; facilityId: string; issuerUnitId: string; certificates: number; createdBy: string },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO certificate_batches (round_id, facility_id, issuer_unit_id, certificates, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [batch.roundId, batch.facilityId, batch.issuerUnitId, batch.certificates, batch.createdBy],
    );
    return id;
  }

  async insertRegister(
    manager: EntityManager,
    input: { batchId: string; issuerUnitId: string; entries: readonly RegisterEntry[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO certificate_register (certificate_id, batch_id, issuer_unit_id, seq, number)
       SELECT e.certificate_id, $1, $2, e.seq, e.number
         FROM unnest($3::uuid[], $4::int[], $5::text[]) AS e(certificate_id, seq, number)`,
      [
        input.batchId,
        input.issuerUnitId,
        input.entries.map((e) => e.certificateId),
        input.entries.map((e) => e.seq),
        input.entries.map((e) => e.number),
      ],
    );
  }

  // The facilities of the caller's scope with released persons still without a certificate, per round: what the
  // certificates page offers to issue in one batch.
  async pendingByFacility(manager: EntityManager, scope: SqlFilter): Promise<PendingRow[]> {
    return manager.query(
      `SELECT p.round_id AS "roundId", r.name AS "roundName", c.facility_id AS "facilityId", f.name AS "facilityName",
              f.facility_kind, f.parent_id, count(*)::int AS pending
         FROM amnesty_certificates c JOIN president_decisions p ON p.id = c.decision_id
         JOIN rounds r ON r.id = p.round_id JOIN org_units f ON f.id = c.facility_id
        WHERE ${NOT_ISSUED}
          AND ${scope.sql}
        GROUP BY p.round_id, r.name, c.facility_id, f.name, f.facility_kind, f.parent_id
        ORDER BY r.name, f.name`,
      scope.params,
    );
  }
}
