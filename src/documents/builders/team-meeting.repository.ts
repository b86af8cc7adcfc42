import type { MeetingRecord } from '../../workflow/common/meeting-record.dto.js';
import type { EntityManager } from 'typeorm';

export interface TeamMeetingRow {
  id: string;
  round_id: string;
  team_id: string;
  team_name: string;
  meeting_date: string;
  officer_name: string;
  record: MeetingRecord;
  members_present: number;
  members_absent: number;
  ballots_issued: number;
  ballots_returned: number;
  ballots_valid: number;
  // The threshold the ballot was counted by, with its basis (kept with the meeting when it was recorded).
  threshold: Record<string, unknown>;
}

export interface BallotRow {
  position: number;
  full_name: string;
  birth_date: string;
  sentence_kind: 'FIXED' | 'LIFE';
  sentence_years: number | null;
  sentence_months: number | null;
  sentence_days: number | null;
  offences: { name: string; article: number }[] | null;
  votes_for: number;
  officer_opinion: string;
}

export async function findTeamMeeting(manager: EntityManager, meetingId: string): Promise<TeamMeetingRow | null> {
  const rows: TeamMeetingRow[] = await manager.query(
    `SELECT m.id, m.round_id, m.team_id, t.name AS team_name, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date,
            o.full_name AS officer_name, m.record, m.members_present, m.members_absent,
            m.ballots_issued, m.ballots_returned, m.ballots_valid, m.threshold
       FROM team_meetings m
       JOIN org_units t ON t.id = m.team_id
       JOIN users o ON o.id = m.officer_id
      WHERE m.id = $1`,
    [meetingId],
  );
  return rows[0] ?? null;
}

export async function findBallots(manager: EntityManager, meetingId: string): Promise<BallotRow[]> {
  return manager.query(
    `SELECT b.position, d.full_name, d.birth_date, d.sentence_kind, d.sentence_years, d.sentence_months, d.sentence_days,
            (SELECT jsonb_agg(jsonb_build_object('name', o.name, 'article', o.article) ORDER BY o.ordinal)
               FROM dossier_offences o WHERE o.dossier_id = d.id) AS offences,
            b.votes_for, b.officer_opinion
       FROM ballot_results b JOIN dossiers d ON d.id = b.dossier_id
      WHERE b.meeting_id = $1
      ORDER BY b.position`,
    [meetingId],
  );
}
