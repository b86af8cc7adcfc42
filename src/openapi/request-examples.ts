import { demoApiFacts, type DemoApiFacts } from '../../seeds/demo/api-examples.js';
import { LIVE_TEAM_MEETING } from '../../seeds/demo/live-round.js';
import type { LoginDto } from '../auth/auth.dto.js';
import { Role } from '../auth/user.entity.js';
import type { CreateDocumentDto } from '../documents/documents.dto.js';
import type { CreateCertificateBatchDto } from '../documents/certificate-batch/certificate-batch.dto.js';
import { DocumentSourceType } from '../documents/builders/snapshot-builder.js';
import { DocumentKind } from '../documents/view-models/common.js';
import type { DossierDocument } from '../dossiers/dossier-format.js';
import type { EvaluateRequestDto } from '../eligibility/eligibility.dto.js';
import { addDays } from '../kernel/calendar-date.js';
import { OrgUnitKind } from '../org/org-unit.entity.js';
import type { CreateOrgUnitDto, CreateUserDto, UpdateUserDto } from '../org/org.dto.js';
import type { CreateRoundDto, UpdateRoundDto } from '../rounds/round.dto.js';
import type { CreateSimulationDto, VersionedCommandDto } from '../simulation/simulation.dto.js';
import type {
  AppraisalRecordDto,
  ExplanatoryReportDto,
  FlagDto,
  ListOpinionsDto,
  OpinionDto,
  ResolveFlagDto,
} from '../workflow/appraisal/appraisal.dto.js';
import type {
  RecordCopyDto,
  RecordPostingDto,
  RecordPresentationDto,
} from '../workflow/after-decision/after-decision.dto.js';
import { CopyRecipient } from '../workflow/core/after-decision.js';
import type { BallotSubmissionDto, TeamMeetingDto } from '../workflow/ballots/ballot.dto.js';
import type { CampListDto, CouncilDecisionsDto } from '../workflow/camp/camp.dto.js';
import type { DecideComplaintDto, FileComplaintDto } from '../workflow/complaints/complaint.dto.js';
import { AgencyOpinion, FlagKind } from '../workflow/core/appraisal.js';
import { Complainant } from '../workflow/core/complaints.js';
import { WorkflowEvent } from '../workflow/core/events.js';
import { ReasonCode } from '../workflow/core/reason-codes.js';
import type {
  CouncilListsDto,
  PresidentDecisionDto,
  ReleaseDto,
  ReleasesDto,
} from '../workflow/decisions/decision.dto.js';
import type { DossierEventDto } from '../workflow/history/dossier-event.dto.js';
import type { ForwardDto } from '../workflow/lists/list.dto.js';
import type { RecordProcuracyNoticeDto } from '../workflow/procuracy/procuracy-notice.dto.js';
import type { RecordForeignMinistryNoticeDto } from '../workflow/foreign-ministry/foreign-ministry-notice.dto.js';
import {
  CommentIssuerKind,
  type CourtListDto,
  type CourtProposalDto,
  type CourtRejectionDto,
} from '../workflow/courts/court.dto.js';

// The request body each operation shows as its example, by operation id: values of the demo data (its organisation,
// accounts, live round and a dossier built by its scenario kit) as on API_EXAMPLE_DAY. Each is typed by its DTO, so a
// renamed field fails the build; the API description refuses to build when an operation with a JSON body has none
// here, and test/e2e/openapi-examples.spec.ts lints them against the schemas and sends some to a demo database.
type Body<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };
type Example = (demo: DemoApiFacts) => object;
const example =
  <T>(build: (demo: DemoApiFacts) => Body<T>): Example =>
  (demo) =>
    build(demo) as object;

const TEAM = 'TG-THANH-XUAN-PT1-D1';
// A token as GET /api/lists/pending (or /api/council/pending) hands it out: the digest of what the caller saw.
const PENDING_TOKEN = '5f0c2a9e8b7d4c1f9a3e6b2d7c8f1a04';

export const REQUEST_EXAMPLES: Record<string, Example> = {
  AuthController_login: example<LoginDto>((d) => ({
    username: d.account('quangiao.tx').username,
    password: d.password,
  })),
  DossierController_create: example<DossierDocument>((d) => d.newDossier),
  DossierController_batch: (d) => ({ records: [d.newDossier] }),
  DossierController_update: (d) => ({
    expectedVersion: 1,
    dossier: { ...d.newDossier, securityConcern: 'Đã xác minh tại địa phương nơi cư trú: không có vấn đề an ninh.' },
  }),
  OrgController_createUnit: example<CreateOrgUnitDto>((d) => ({
    code: 'TG-THANH-XUAN-PT2-D5',
    name: 'Đội phạm nhân số 5, Phân trại số 2',
    kind: OrgUnitKind.TEAM,
    parentCode: d.unit('TG-THANH-XUAN-PT2').code,
    place: d.unit('TG-THANH-XUAN').place ?? 'Hà Nội',
  })),
  OrgController_createUser: example<CreateUserDto>(() => ({
    username: 'quangiao.tx2',
    fullName: 'Đỗ Thị Lan Anh',
    password: 'Doi-mat-khau-ngay-2026',
    role: Role.TEAM_OFFICER,
    orgUnitCode: 'TG-THANH-XUAN-PT2-D3',
  })),
  OrgController_updateUser: example<UpdateUserDto>(() => ({ expectedVersion: 1, role: Role.CAMP_COUNCIL_MEMBER })),
  RoundController_create: example<CreateRoundDto>((d) => ({
    code: 'DOT-1-2027',
    presetCode: 'QD-1244-2025',
    deadlines: d.liveRound.deadlines as unknown as Record<string, string>,
  })),
  RoundController_update: example<UpdateRoundDto>((d) => ({
    expectedVersion: 1,
    name: `Đặc xá theo Quyết định số ${d.liveRound.decisionNumber}`,
  })),
  EligibilityController_evaluate: example<EvaluateRequestDto>((d) => ({
    roundCode: d.liveRound.code,
    councilMeetingDate: d.liveRound.calendar.councilMeetingDate,
    dossier: d.newDossier as EvaluateRequestDto['dossier'],
  })),
  // The dossier just imported (version 1) goes to its team's meeting.
  DossierEventController_fire: example<DossierEventDto>(() => ({ event: WorkflowEvent.SUBMIT_FOR_BALLOT, version: 1 })),
  // The team's applications filed in the window, put to its meeting together.
  BallotController_submit: example<BallotSubmissionDto>((d) => ({
    dossiers: [{ dossierId: d.demoDossier(TEAM).id, version: 1 }],
  })),
  BallotController_record: example<TeamMeetingDto>((d) => ({
    roundId: d.liveRound.id,
    teamId: d.unit(TEAM).id,
    meetingDate: addDays(d.day, -1),
    record: {
      startedAt: '08:00',
      place: 'Hội trường Phân trại số 1, Trại giam Thanh Xuân',
      chair: { name: d.account('quangiao.tx').fullName, title: 'Cán bộ quản giáo' },
      secretary: { name: 'Vũ Văn Nam', title: 'Đội trưởng đội phạm nhân' },
    },
    ...LIVE_TEAM_MEETING.turnout,
    candidates: [
      {
        dossierId: d.demoDossier(TEAM).id,
        version: 2,
        ...LIVE_TEAM_MEETING.putForward,
      },
    ],
  })),
  CampController_decide: example<CouncilDecisionsDto>((d) => ({
    meetingDate: d.day,
    decisions: [{ dossierId: d.demoDossier(TEAM).id, version: 3, eligible: true }],
  })),
  CampController_post: example<CampListDto>((d) => ({
    roundId: d.liveRound.id,
    postedOn: d.day,
    dossiers: [{ dossierId: d.demoDossier(TEAM).id, version: 4 }],
  })),
  ListController_forward: example<ForwardDto>((d) => ({ token: PENDING_TOKEN, roundId: d.liveRound.id })),
  AppraisalController_flag: example<FlagDto>(() => ({
    field: 'obligations[0].amountPaid',
    kind: FlagKind.CONTENT,
    message: 'Chưa có biên lai thu tiền án phí; đề nghị trại bổ sung bản sao có chứng thực.',
  })),
  AppraisalController_opinion: example<OpinionDto>(() => ({
    opinion: AgencyOpinion.AGREE,
    note: 'Đủ điều kiện, hồ sơ đầy đủ.',
  })),
  AppraisalController_opinions: example<ListOpinionsDto>((d) => ({
    opinions: [
      { dossierId: d.demoDossier('TG-THANH-XUAN-PT2-D3').id, opinion: AgencyOpinion.AGREE },
      {
        dossierId: d.demoDossier('TG-THANH-XUAN-PT2-D4').id,
        opinion: AgencyOpinion.DISAGREE,
        note: 'Chưa chấp hành xong nghĩa vụ bồi thường dân sự theo bản án.',
      },
    ],
  })),
  AppraisalController_resolve: example<ResolveFlagDto>(() => ({
    accept: true,
    reason: 'Trại giam đã bổ sung biên lai thu tiền án phí.',
    version: 1,
    dossierVersion: 8,
  })),
  AppraisalController_report: example<ExplanatoryReportDto>((d) => ({ roundId: d.liveRound.id })),
  DecisionController_lists: example<CouncilListsDto>((d) => ({
    roundId: d.liveRound.id,
    token: PENDING_TOKEN,
    ineligible: [
      {
        dossierId: d.demoDossier('TG-QK7-D1').id,
        reasonCode: ReasonCode.CONDITIONS_NOT_MET,
        reason: 'Chưa chấp hành đủ thời gian theo Điều 11, khoản 1, điểm d Luật Đặc xá.',
      },
    ],
  })),
  DecisionController_record: example<PresidentDecisionDto>((d) => ({
    councilListId: d.runtimeId('council-list'),
    number: d.liveRound.decisionNumber ?? '99/2026/QĐ-CTN',
    decisionDate: d.liveRound.parameters.dates.grantDecision.value ?? addDays(d.day, 30),
    notGranted: [],
  })),
  AppraisalRecordController_draw: example<AppraisalRecordDto>((d) => ({ roundId: d.liveRound.id })),
  AfterDecisionController_post: example<RecordPostingDto>((d) => ({
    decisionId: '4c1f6a52-8d0b-4f3e-9a57-2b6d0e1c9f10',
    postedOn: d.liveRound.parameters.dates.grantDecision.value ?? addDays(d.day, 31),
  })),
  AfterDecisionController_copy: example<RecordCopyDto>((d) => ({
    recipient: CopyRecipient.SENTENCING_COURT,
    addressee: 'Tòa án nhân dân thành phố Hà Nội',
    sentOn: d.liveRound.parameters.dates.effective.value ?? addDays(d.day, 36),
  })),
  AfterDecisionController_present: example<RecordPresentationDto>((d) => ({
    presentedOn: addDays(d.liveRound.parameters.dates.effective.value ?? addDays(d.day, 36), 4),
    presentedTo: 'Ủy ban nhân dân xã Tân Lập',
    version: 2,
    dossierVersion: 13,
  })),
  DecisionController_release: example<ReleaseDto>((d) => ({
    releasedOn: d.liveRound.parameters.dates.effective.value ?? addDays(d.day, 36),
    // The demo's commune: its officer then records the presentation (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a).
    presentationUnitId: d.unit('UBND-TANLAP').id,
    version: 1,
    dossierVersion: 12,
  })),
  DecisionController_releaseMany: example<ReleasesDto>((d) => ({
    releasedOn: d.liveRound.parameters.dates.effective.value ?? addDays(d.day, 36),
    releases: [{ dossierId: d.demoDossier(TEAM).id, version: 12, presentationUnitId: d.unit('UBND-TANLAP').id }],
  })),
  ComplaintController_file: example<FileComplaintDto>((d) => ({
    dossierId: d.demoDossier('TG-THANH-XUAN-PT1-D2').id,
    version: 3,
    receivedOn: d.day,
    complainant: Complainant.SELF,
    complainantName: d.demoDossier('TG-THANH-XUAN-PT1-D2').document.person.fullName,
    content: 'Tôi đủ điều kiện theo Điều 11 Luật Đặc xá nhưng không có tên trong danh sách đề nghị đặc xá.',
  })),
  ComplaintController_decide: example<DecideComplaintDto>((d) => ({
    accept: true,
    reason: 'Đã đối chiếu hồ sơ: người khiếu nại đủ điều kiện theo Điều 11 Luật Đặc xá.',
    decidedOn: addDays(d.day, 2),
    version: 1,
    dossierVersion: 4,
  })),
  ProcuracyNoticeController_record: example<RecordProcuracyNoticeDto>((d) => ({
    listId: d.runtimeId('camp-list'),
    number: '12/TB-TGTX',
    notifiedOn: d.day,
  })),
  ForeignMinistryNoticeController_record: example<RecordForeignMinistryNoticeDto>((d) => ({
    listId: d.runtimeId('president-decision-list'),
    number: '215/HĐTVĐX-TT',
    notifiedOn: d.day,
    dossierIds: [d.runtimeId('foreign-dossier')],
  })),
  DocumentsController_create: example<CreateDocumentDto>((d) => ({
    kind: DocumentKind.ELIGIBLE_LIST,
    sourceType: DocumentSourceType.LIST_SNAPSHOT,
    sourceId: d.runtimeId('camp-list'),
    number: '15/DS-TGTX',
    place: d.unit('TG-THANH-XUAN').place ?? 'Hà Nội',
    date: d.day,
    signer: { authority: 'Trại giam Thanh Xuân', title: 'Giám thị', name: d.account('giamthi.tx').fullName },
    recipients: ['Cục C10 - Bộ Công an', 'Viện kiểm sát nhân dân tối cao', 'Lưu: VT, hồ sơ đặc xá'],
  })),
  CertificateBatchController_create: example<CreateCertificateBatchDto>((d) => ({
    roundId: d.liveRound.id,
    facilityId: d.unit('TG-THANH-XUAN').id,
    symbol: 'GCNĐX-TGTX',
    place: d.unit('TG-THANH-XUAN').place ?? 'Hà Nội',
    date: d.day,
    signer: { title: 'Giám thị', name: d.account('giamthi.tx').fullName },
  })),
  // The courts' route: a person on suspension held by the demo's Hà Nội court.
  CourtController_propose: example<CourtProposalDto>((d) => ({
    dossierId: d.runtimeId('court-dossier'),
    version: 2,
    proposalNumber: '12/VB-TA',
    proposedOn: d.day,
    proposal: 'Đề nghị xét đặc xá: đã chấp hành đủ thời gian, xếp loại khá trước khi tạm đình chỉ.',
    conductComment: {
      issuer: 'UBND phường Thanh Xuân',
      issuerKind: CommentIssuerKind.COMMUNE,
      number: '45/UBND',
      date: addDays(d.day, -2),
      text: 'Chấp hành nghiêm chỉnh pháp luật, quy định của địa phương trong thời gian tạm đình chỉ.',
      lawfulConduct: true,
    },
  })),
  CourtController_reject: example<CourtRejectionDto>(() => ({
    version: 3,
    reasonCode: ReasonCode.CONDITIONS_NOT_MET,
    reason: 'Chưa chấp hành đủ thời gian theo Điều 11 khoản 1 điểm b Luật Đặc xá.',
  })),
  CourtController_post: example<CourtListDto>((d) => ({
    roundId: d.liveRound.id,
    postedOn: addDays(d.day, 1),
    dossiers: [{ dossierId: d.runtimeId('court-dossier'), version: 3 }],
  })),
  SimulationController_create: example<CreateSimulationDto>((d) => ({
    name: 'Dự thảo 1: nâng tỷ lệ chung lên 1/2',
    roundCode: d.liveRound.code,
    changes: [{ path: 'time.general.fraction.value', value: { numerator: 1, denominator: 2 } }],
  })),
  SimulationController_remove: example<VersionedCommandDto>(() => ({ expectedVersion: 1 })),
  SimulationController_adopt: example<VersionedCommandDto>(() => ({ expectedVersion: 1 })),
};

// The example of an operation's request body, or undefined when the registry has none.
export function requestExample(operationId: string): object | undefined {
  return REQUEST_EXAMPLES[operationId]?.(demoApiFacts());
}
