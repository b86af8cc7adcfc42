import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate, formatPercent } from '../format/print-format.js';
import { DocumentKind } from '../view-models/common.js';
import type { TeamMinutesViewModel } from '../view-models/team-minutes.js';
import { lowerFirst, printOffences, printSentence } from './dossier-print.js';
import { headingFor } from './heading.js';
import {
  describeThreshold,
  describeThresholdWithBasis,
  parseBallotThreshold,
  type ThresholdBasis,
} from '../../workflow/core/ballot.js';
import { meetingInfo } from './meeting-print.js';
import { findIssuer, findRound } from './issuer.repository.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';
import { findBallots, findTeamMeeting, type BallotRow, type TeamMeetingRow } from './team-meeting.repository.js';

function candidate(
  meeting: TeamMeetingRow,
  ballot: BallotRow,
  order: number,
): TeamMinutesViewModel['candidates'][number] {
  return {
    order,
    fullName: ballot.full_name,
    birthYear: ballot.birth_date.slice(0, 4),
    offence: printOffences(ballot.offences ?? []),
    sentence: printSentence({
      kind: ballot.sentence_kind,
      years: ballot.sentence_years ?? 0,
      months: ballot.sentence_months ?? 0,
      days: ballot.sentence_days ?? 0,
    }),
    ballot: {
      issued: meeting.ballots_issued,
      returned: meeting.ballots_returned,
      valid: meeting.ballots_valid,
      inFavour: ballot.votes_for,
      percentInFavour: formatPercent(ballot.votes_for, meeting.ballots_valid),
    },
    officerOpinion: ballot.officer_opinion,
  };
}

// The threshold the meeting was counted by, as recorded with it; meetings recorded before the basis was kept say only
// the threshold.
function thresholdSentence(stored: Record<string, unknown>): string {
  const { threshold, errors } = parseBallotThreshold(stored);
  if (errors.length > 0) return '';
  const basis = stored.basis as ThresholdBasis | undefined;
  const text =
    basis && typeof basis.source === 'string'
      ? describeThresholdWithBasis(threshold, basis)
      : describeThreshold(threshold);
  return `Ngưỡng để được đề nghị: ${text}.`;
}

// The team's meeting minutes (biên bản họp bình xét) from the recorded meeting and its secret-ballot totals.
@Injectable()
export class TeamMeetingBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.TEAM_MEETING;
  readonly kinds = [DocumentKind.TEAM_MINUTES] as const;

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const meeting = await findTeamMeeting(manager, request.sourceId);
    if (!meeting)
      throw new DocumentException('Không tìm thấy cuộc họp bình xét của đội.', DocumentExceptionCode.SOURCE_NOT_FOUND);
    const issuer = await findIssuer(manager, meeting.team_id);
    const round = await findRound(manager, meeting.round_id);
    const ballots = await findBallots(manager, meeting.id);
    if (!issuer || !round)
      throw new DocumentException(
        'Không tìm thấy đơn vị hoặc đợt đặc xá của cuộc họp.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const roundName = lowerFirst(round.name);
    // The team's officer chairs the meeting unless the record names someone else (Decree 52/2019 Art 7(2)).
    const chair = meeting.record.chair ?? { name: meeting.officer_name, title: 'cán bộ quản giáo' };
    const data: TeamMinutesViewModel = {
      heading: headingFor({
        issuer,
        request: { ...request, date: request.date ?? meeting.meeting_date },
        today,
        documentType: 'BIÊN BẢN',
        summary: `Họp bình xét đề nghị ${roundName}`,
      }),
      meeting: meetingInfo(meeting.record, meeting.meeting_date, {
        place: issuer.parent_name ?? issuer.name,
        chair: chair,
      }),
      teamName: issuer.name,
      roundName,
      attendance: {
        total: meeting.members_present + meeting.members_absent,
        present: meeting.members_present,
        absent: meeting.members_absent,
        absentNote: '',
      },
      agenda: [
        `Phổ biến Quyết định số ${round.decision_number} ngày ${formatDate(round.decision_date)} của Chủ tịch nước về đặc xá.`,
        'Bình xét, bỏ phiếu kín giới thiệu những người có đơn đề nghị đặc xá.',
      ],
      candidates: ballots.map((ballot, index) => candidate(meeting, ballot, index + 1)),
      conclusion: `Số phiếu phát ra: ${meeting.ballots_issued}; thu về: ${meeting.ballots_returned}; hợp lệ: ${meeting.ballots_valid}. ${thresholdSentence(meeting.threshold)}`,
      closedAt: 'cùng ngày',
      signatures: [
        { authority: null, title: 'THƯ KÝ', name: meeting.record.secretary?.name ?? '', note: '(Ký, ghi rõ họ tên)' },
        { authority: null, title: 'CHỦ TRÌ', name: chair.name, note: '(Ký, ghi rõ họ tên)' },
      ],
    };
    return { snapshot: { kind: DocumentKind.TEAM_MINUTES, data }, issuerUnitId: issuer.id };
  }
}
