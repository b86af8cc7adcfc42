import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REASON_CODES, isReasonCode } from '../../workflow/core/reason-codes.js';
import { DocumentException, DocumentExceptionCode } from '../documents.exception.js';
import { formatDate, formatPercent } from '../format/print-format.js';
import { DocumentKind } from '../view-models/common.js';
import type { CouncilMinutesViewModel } from '../view-models/council-minutes.js';
import {
  findCouncilDecisions,
  findCouncilMeeting,
  findCouncilMembers,
  type CouncilDecisionSourceRow,
} from './council-source.repository.js';
import { lowerFirst } from './dossier-print.js';
import { meetingInfo } from './meeting-print.js';
import { headingFor, signatureFor } from './heading.js';
import { findIssuer, findRound } from './issuer.repository.js';
import { findListHeader } from './list-source.repository.js';
import {
  DocumentSourceType,
  type BuiltSnapshot,
  type DocumentRequest,
  type SnapshotBuilder,
} from './snapshot-builder.js';

const MEMBER_ROLES: Record<string, string> = { WARDEN: 'Giám thị', CAMP_COUNCIL_MEMBER: 'Thành viên Hội đồng' };

function decisionRow(row: CouncilDecisionSourceRow, order: number): CouncilMinutesViewModel['decisions'][number] {
  const info = row.reason_code && isReasonCode(row.reason_code) ? REASON_CODES[row.reason_code] : null;
  return {
    order,
    fullName: row.full_name,
    birthYear: row.birth_date.slice(0, 4),
    teamName: row.team_name ?? '',
    teamBallot: row.votes_for !== null && row.ballots_valid ? formatPercent(row.votes_for, row.ballots_valid) : '',
    decision: row.eligible ? 'Đủ điều kiện' : 'Không đủ điều kiện',
    reason: row.eligible ? '' : [info?.label, row.reason].filter(Boolean).join(': '),
    citation: row.eligible ? '' : (info?.citation ?? ''),
  };
}

// Minutes of the camp council (Hội đồng xét đề nghị đặc xá) from its decisions on the facility's dossiers in the round
// of the given camp list.
@Injectable()
export class CouncilMinutesBuilder implements SnapshotBuilder {
  readonly sourceType = DocumentSourceType.LIST_SNAPSHOT;
  readonly kinds = [DocumentKind.COUNCIL_MINUTES] as const;

  async build(manager: EntityManager, request: DocumentRequest, today: string): Promise<BuiltSnapshot> {
    const list = await findListHeader(manager, request.sourceId);
    if (!list || !list.kind.startsWith('CAMP_')) {
      throw new DocumentException(
        'Biên bản Hội đồng xét đề nghị đặc xá được lập từ danh sách của trại.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    }
    const issuer = await findIssuer(manager, list.owner_unit_id);
    const round = await findRound(manager, list.round_id);
    const rows = await findCouncilDecisions(manager, list.round_id, list.owner_unit_id);
    const members = await findCouncilMembers(manager, list.owner_unit_id);
    if (!issuer || !round)
      throw new DocumentException(
        'Không tìm thấy trại hoặc đợt đặc xá của danh sách.',
        DocumentExceptionCode.SOURCE_NOT_FOUND,
      );
    const decisions = rows.map((row, index) => decisionRow(row, index + 1));
    const eligible = rows.filter((row) => row.eligible).length;
    // The meeting recorded with the decisions; without a record of its own, the day the decisions name.
    const meeting = await findCouncilMeeting(manager, list.round_id, list.owner_unit_id);
    const meetingDay =
      meeting?.meeting_date ??
      rows
        .map((row) => row.meeting_date ?? row.decided_on)
        .sort()
        .at(-1) ??
      today;
    const record = meeting?.record ?? {};
    const roundName = lowerFirst(round.name);
    const data: CouncilMinutesViewModel = {
      heading: headingFor({
        issuer,
        request,
        today,
        documentType: 'BIÊN BẢN',
        summary: `Họp Hội đồng xét đề nghị ${roundName}`,
      }),
      meeting: meetingInfo(record, meetingDay, {
        place: issuer.name,
        chair: { name: request.signer.name, title: request.signer.title },
      }),
      roundName,
      members: record.attendees?.length
        ? record.attendees.map((member) => ({ fullName: member.name, role: member.title }))
        : members.map((member) => ({
            fullName: member.full_name,
            role: MEMBER_ROLES[member.role] ?? member.role,
          })),
      observers: record.observers ?? [],
      decisions,
      totals: { reviewed: rows.length, eligible, ineligible: rows.length - eligible },
      conclusion: `Hội đồng thống nhất đề nghị đặc xá ${eligible} trường hợp; ${rows.length - eligible} trường hợp không đủ điều kiện.`,
      closedAt: 'cùng ngày',
      signatures: [signatureFor(request)],
    };
    return { snapshot: { kind: DocumentKind.COUNCIL_MINUTES, data }, issuerUnitId: issuer.id };
  }
}
