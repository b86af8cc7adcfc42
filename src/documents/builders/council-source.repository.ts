import type { EntityManager } from 'typeorm';
import type { MeetingRecord } from '../../workflow/common/meeting-record.dto.js';

export interface CouncilDecisionSourceRow {
  full_name: string;
  birth_date: string;
  team_name: string | null;
  votes_for: number | null;
  ballots_valid: number | null;
  eligible: boolean;
  reason_code: string | null;
  reason: string | null;
  decided_on: string;
  // The day of the council meeting that decided (recorded with the decision).
  meeting_date: string;
}

// The camp council's decision on every dossier of a facility in a round (one row per dossier, by the schema).
export async function findCouncilDecisions(
  manager: EntityManager,
  roundId: string,
  facilityId: string,
): Promise<CouncilDecisionSourceRow[]> {
  return manager.query(
    `SELECT d.full_name, d.birth_date, t.name AS team_name, b.votes_for, m.ballots_valid, c.eligible, c.reason_code, c.reason,
            to_char(c.decided_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS decided_on,
            to_char(c.meeting_date, 'YYYY-MM-DD') AS meeting_date
       FROM camp_council_decisions c
       JOIN dossiers d ON d.id = c.dossier_id
       LEFT JOIN org_units t ON t.id = d.team_id
       LEFT JOIN ballot_results b ON b.dossier_id = d.id
       LEFT JOIN team_meetings m ON m.id = b.meeting_id
      WHERE c.round_id = $1 AND d.facility_id = $2
      ORDER BY c.eligible DESC, d.full_name, d.id`,
    [roundId, facilityId],
  );
}

export async function findCouncilMembers(
  manager: EntityManager,
  facilityId: string,
): Promise<{ full_name: string; role: string }[]> {
  return manager.query(
    `SELECT full_name, role FROM users WHERE org_unit_id = $1 AND active AND role IN ('WARDEN', 'CAMP_COUNCIL_MEMBER') ORDER BY role DESC, full_name`,
    [facilityId],
  );
}

// The facility's last recorded council meeting in the round (its minutes' hour, place, chair, secretary, members).
export async function findCouncilMeeting(
  manager: EntityManager,
  roundId: string,
  facilityId: string,
): Promise<{ meeting_date: string; record: MeetingRecord } | null> {
  const rows = await manager.query(
    `SELECT to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, record FROM camp_council_meetings
      WHERE round_id = $1 AND facility_id = $2 ORDER BY meeting_date DESC LIMIT 1`,
    [roundId, facilityId],
  );
  return rows[0] ?? null;
}
