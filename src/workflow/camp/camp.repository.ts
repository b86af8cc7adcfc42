import type { MeetingRecord } from '../common/meeting-record.dto.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface EngineResult {
  dossierId: string;
  resultId: string | null;
  outcome: string | null;
  dossierVersion: number | null;
}

@Injectable()
export class CampRepository {
  // The latest stored evaluation of each dossier (written by the eligibility service).
  async engineResults(manager: EntityManager, dossierIds: readonly string[]): Promise<Map<string, EngineResult>> {
    const rows: EngineResult[] = await manager.query(
      `SELECT DISTINCT ON (dossier_id) dossier_id AS "dossierId", id AS "resultId", outcome, dossier_version AS "dossierVersion"
       FROM eligibility_results WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id, evaluated_at DESC`,
      [dossierIds],
    );
    return new Map(rows.map((r) => [r.dossierId, r]));
  }

  async insertDecisions(
    manager: EntityManager,
    rows: {
      dossierId: string;
      roundId: string;
      eligible: boolean;
      reasonCode: string | null;
      reason: string | null;
      engine: EngineResult | undefined;
      departs: boolean;
      decidedBy: string;
      meetingDate: string;
    }[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO camp_council_decisions (dossier_id, round_id, eligible, reason_code, reason, engine_outcome, engine_result_id, departs, decided_by, meeting_date)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bool[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::bool[], $9::uuid[], $10::date[])`,
      [
        rows.map((r) => r.dossierId),
        rows.map((r) => r.roundId),
        rows.map((r) => r.eligible),
        rows.map((r) => r.reasonCode),
        rows.map((r) => r.reason),
        rows.map((r) => r.engine?.outcome ?? null),
        rows.map((r) => r.engine?.resultId ?? null),
        rows.map((r) => r.departs),
        rows.map((r) => r.decidedBy),
        rows.map((r) => r.meetingDate),
      ],
    );
  }

  // The facility and round of each decided dossier, once per pair (a council meets for one facility).
  async facilityRounds(
    manager: EntityManager,
    dossierIds: string[],
  ): Promise<{ roundId: string; facilityId: string }[]> {
    return manager.query(
      `SELECT DISTINCT round_id AS "roundId", facility_id AS "facilityId" FROM dossiers WHERE id = ANY($1::uuid[])`,
      [dossierIds],
    );
  }

  // The council meeting of a facility on a day, locked for the command that records it.
  async meetingForUpdate(
    manager: EntityManager,
    key: { roundId: string; facilityId: string; meetingDate: string },
  ): Promise<{ id: string; record: MeetingRecord; version: number } | null> {
    const rows = await manager.query(
      `SELECT id, record, version FROM camp_council_meetings
        WHERE round_id = $1 AND facility_id = $2 AND meeting_date = $3 FOR UPDATE`,
      [key.roundId, key.facilityId, key.meetingDate],
    );
    return rows[0] ?? null;
  }

  async insertMeeting(
    manager: EntityManager,
    row: { roundId: string; facilityId: string; meetingDate: string; record: MeetingRecord; recordedBy: string },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO camp_council_meetings (round_id, facility_id, meeting_date, record, recorded_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [row.roundId, row.facilityId, row.meetingDate, JSON.stringify(row.record), row.recordedBy],
    );
    return id;
  }

  async updateMeeting(manager: EntityManager, id: string, record: MeetingRecord, recordedBy: string): Promise<void> {
    await manager.query(
      `UPDATE camp_council_meetings SET record = $2, recorded_by = $3, recorded_at = now(), version = version + 1
        WHERE id = $1`,
      [id, JSON.stringify(record), recordedBy],
    );
  }

  async candidates(manager: EntityManager, scope: { sql: string; params: unknown[] }, roundId: string) {
    return manager.query(
      `SELECT d.id AS "dossierId", d.full_name AS "fullName", d.inmate_number AS "inmateNumber", d.version,
         b.votes_for AS "votesFor", b.officer_opinion AS "officerOpinion", e.outcome AS "engineOutcome", e.category AS "engineCategory"
       FROM dossiers d
       LEFT JOIN ballot_results b ON b.dossier_id = d.id
       LEFT JOIN LATERAL (SELECT outcome, category FROM eligibility_results r WHERE r.dossier_id = d.id ORDER BY evaluated_at DESC LIMIT 1) e ON true
       WHERE d.stage = 'camp_council' AND d.round_id = $1 AND ${scope.sql} ORDER BY d.inmate_number`,
      [roundId, ...scope.params],
    );
  }

  // Names the camp council found ineligible that no posted ineligible list carries yet.
  async unlistedIneligible(manager: EntityManager, facilityId: string, roundId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT d.id FROM dossiers d JOIN camp_council_decisions c ON c.dossier_id = d.id
       WHERE d.facility_id = $1 AND d.round_id = $2 AND NOT c.eligible
         AND NOT EXISTS (SELECT 1 FROM list_entries e JOIN list_snapshots l ON l.id = e.list_id
                         WHERE e.dossier_id = d.id AND l.kind = 'CAMP_INELIGIBLE')`,
      [facilityId, roundId],
    );
    return rows.map((r) => r.id);
  }
}
