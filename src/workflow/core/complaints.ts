import { addDays, formatIsoVi, isValidIsoDate } from '../../kernel/calendar-date.js';
import { FORWARD_CHAIN, Stage, STAGE_LABELS } from './stages.js';
import { unwrapParam } from './round-param.js';
import type { Guard, GuardFailure } from './transition-context.js';

// Complaints of a person left off the eligible list (Luật Đặc xá 2018, Điều 13; Điều 36, khoản 1 and 3; Điều 37). The
// first complaint goes to whoever made the list: the head of the facility, or the president of the provincial or
// military-region court for a person on suspension (Điều 37, khoản 1); the second to the Minister of the facility's
// ministry, or to the Chief Justice of the Supreme People's Court for a court's list (Điều 37, khoản 2). Each is filed
// and decided within periods the round holds as parameters (RoundParameters.deadlines), never constants here.
export enum ComplaintLevel {
  FIRST = 'FIRST',
  SECOND = 'SECOND',
}

export const COMPLAINT_LEVEL_LABELS: Record<ComplaintLevel, string> = {
  [ComplaintLevel.FIRST]: 'Khiếu nại lần đầu',
  [ComplaintLevel.SECOND]: 'Khiếu nại lần hai',
};

export enum ComplaintOutcome {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

export const COMPLAINT_OUTCOME_LABELS: Record<ComplaintOutcome, string> = {
  [ComplaintOutcome.ACCEPTED]: 'Chấp nhận',
  [ComplaintOutcome.REJECTED]: 'Không chấp nhận',
};

// Who filed the complaint: the person, or someone for them.
export enum Complainant {
  SELF = 'SELF',
  RELATIVE = 'RELATIVE',
  REPRESENTATIVE = 'REPRESENTATIVE',
}

export const COMPLAINANT_LABELS: Record<Complainant, string> = {
  [Complainant.SELF]: 'Người bị kết án',
  [Complainant.RELATIVE]: 'Thân nhân',
  [Complainant.REPRESENTATIVE]: 'Người đại diện hợp pháp',
};

export type ComplaintPeriodKey = 'filing' | 'decision' | 'secondFiling' | 'secondDecision';

// Each period: the round parameter that holds it, its label, where it runs from, and the article that fixes it.
export const COMPLAINT_PERIODS: Record<
  ComplaintPeriodKey,
  { parameter: string; label: string; from: string; citation: string }
> = {
  filing: {
    parameter: 'complaintDays',
    label: 'Thời hạn khiếu nại',
    from: 'ngày niêm yết danh sách',
    citation: 'Luật Đặc xá 2018, Điều 36, khoản 3',
  },
  decision: {
    parameter: 'complaintDecisionDays',
    label: 'Thời hạn giải quyết khiếu nại',
    from: 'ngày nhận đơn',
    citation: 'Luật Đặc xá 2018, Điều 37, khoản 1',
  },
  secondFiling: {
    parameter: 'secondComplaintDays',
    label: 'Thời hạn khiếu nại lần hai',
    from: 'ngày nhận quyết định giải quyết khiếu nại lần đầu',
    citation: 'Luật Đặc xá 2018, Điều 37, khoản 2',
  },
  secondDecision: {
    parameter: 'secondComplaintDecisionDays',
    label: 'Thời hạn giải quyết khiếu nại lần hai',
    from: 'ngày nhận đơn',
    citation: 'Luật Đặc xá 2018, Điều 37, khoản 2',
  },
};

// The round's value of each period; null when the round does not hold it or holds it as unknown.
export type ComplaintPeriods = Record<ComplaintPeriodKey, number | null>;

export function parseComplaintPeriods(deadlines: unknown): ComplaintPeriods {
  const raw = (deadlines ?? {}) as Record<string, unknown>;
  const read = (key: ComplaintPeriodKey): number | null => {
    const param = raw[COMPLAINT_PERIODS[key].parameter];
    const value = unwrapParam(param);
    return Number.isInteger(value) && (value as number) > 0 ? (value as number) : null;
  };
  return {
    filing: read('filing'),
    decision: read('decision'),
    secondFiling: read('secondFiling'),
    secondDecision: read('secondDecision'),
  };
}

const FILING_KEY: Record<ComplaintLevel, ComplaintPeriodKey> = {
  [ComplaintLevel.FIRST]: 'filing',
  [ComplaintLevel.SECOND]: 'secondFiling',
};
const DECISION_KEY: Record<ComplaintLevel, ComplaintPeriodKey> = {
  [ComplaintLevel.FIRST]: 'decision',
  [ComplaintLevel.SECOND]: 'secondDecision',
};

// "Within 05 days": the starting day is day 0, so the last day is start + 5 (as for the application window).
export function decisionDueOn(level: ComplaintLevel, receivedOn: string, periods: ComplaintPeriods): string | null {
  const days = periods[DECISION_KEY[level]];
  return days === null ? null : addDays(receivedOn, days);
}

// What the table needs to judge a complaint being filed: when it was received and when its period started (the
// posting of the camp's list for the first, the first decision for the second).
export interface ComplaintFiling {
  level: ComplaintLevel;
  receivedOn: string;
  startsOn: string | null;
  periods: ComplaintPeriods;
}

function missingPeriod(key: ComplaintPeriodKey): GuardFailure {
  const period = COMPLAINT_PERIODS[key];
  return {
    field: `deadlines.${period.parameter}`,
    code: 'roundParameter',
    message: `Đợt đặc xá chưa có tham số «${period.label}» (${period.citation}): chưa thể xét thời hạn.`,
  };
}

export function checkComplaintFiling(filing: ComplaintFiling | undefined): GuardFailure | null {
  if (!filing) return { field: 'complaint', code: 'missing', message: 'Thiếu thông tin về đơn khiếu nại.' };
  if (!isValidIsoDate(filing.receivedOn))
    return { field: 'receivedOn', code: 'receivedOn', message: 'Ngày nhận đơn phải có dạng YYYY-MM-DD.' };
  const key = FILING_KEY[filing.level];
  const period = COMPLAINT_PERIODS[key];
  if (!filing.startsOn) {
    return {
      field: 'receivedOn',
      code: 'missing',
      message:
        filing.level === ComplaintLevel.FIRST
          ? 'Danh sách đề nghị đặc xá của trại chưa được niêm yết: chưa thể nhận khiếu nại.'
          : 'Chưa có quyết định giải quyết khiếu nại lần đầu.',
    };
  }
  const days = filing.periods[key];
  if (days === null) return missingPeriod(key);
  if (filing.receivedOn < filing.startsOn) {
    return {
      field: 'receivedOn',
      code: 'receivedOn',
      message: `Ngày nhận đơn (${formatIsoVi(filing.receivedOn)}) trước ${period.from} (${formatIsoVi(filing.startsOn)}).`,
    };
  }
  const last = addDays(filing.startsOn, days);
  if (filing.receivedOn > last) {
    return {
      field: 'receivedOn',
      code: 'receivedOn',
      message: `Đơn khiếu nại nhận ngày ${formatIsoVi(filing.receivedOn)}, quá thời hạn ${days} ngày kể từ ${period.from} (hạn cuối ${formatIsoVi(last)}; ${period.citation}).`,
    };
  }
  return null;
}

// Where an accepted complaint puts the name: the level the facility's list has reached, so the name travels on with
// it. A list not yet sent still reaches the managing department first. Once the lists are before the President
// nothing can be added.
export const COMPLAINT_TARGETS: readonly Stage[] = [
  Stage.DEPARTMENT,
  Stage.MINISTRY,
  Stage.APPRAISAL,
  Stage.STANDING_BODY,
  Stage.ADVISORY_COUNCIL,
];

// A court sends its list to the appraisal team directly (Luật Đặc xá 2018, Điều 15, khoản 3): a name the court president
// or the Chief Justice puts back joins the court's names there, or wherever the court's list has gone since.
export const COURT_COMPLAINT_TARGETS: readonly Stage[] = [Stage.APPRAISAL, Stage.STANDING_BODY, Stage.ADVISORY_COUNCIL];

// `first`: where a name goes while the list carrying its unit's names has not gone past it (the camp's department,
// the court's appraisal team).
export function complaintTarget(reached: readonly string[], first: Stage = Stage.DEPARTMENT): Stage | null {
  const furthest = Math.max(...reached.map((s) => FORWARD_CHAIN.indexOf(s as Stage)), -1);
  if (furthest <= FORWARD_CHAIN.indexOf(first)) return first;
  const stage = FORWARD_CHAIN[furthest];
  return COMPLAINT_TARGETS.includes(stage) ? stage : null;
}

export const complaintFiledOnTime: Guard = (ctx) => checkComplaintFiling(ctx.complaintFiling);

// Complaints about a court's list are the court's and the Supreme People's Court's to receive and decide; those about
// a camp's list the camp's and its ministry's (Luật Đặc xá 2018, Điều 37, khoản 1–2). Scope already keeps each to
// its own dossiers; these guards say it in the table.
export const complaintAboutCourtList: Guard = (ctx) =>
  ctx.heldAtCourt === true
    ? null
    : {
        field: 'dossierId',
        code: 'campList',
        message:
          'Khiếu nại về danh sách của trại giam, trại tạm giam do Giám thị (lần đầu) và Bộ trưởng (lần hai) giải quyết (Luật Đặc xá 2018, Điều 37).',
      };

export const complaintAboutCampList: Guard = (ctx) =>
  ctx.heldAtCourt === true
    ? {
        field: 'dossierId',
        code: 'courtList',
        message:
          'Khiếu nại về danh sách của Tòa án do Chánh án Tòa án đã lập danh sách (lần đầu) và Chánh án Tòa án nhân dân tối cao (lần hai) giải quyết (Luật Đặc xá 2018, Điều 37).',
      }
    : null;

export function complaintTargetIs(stage: Stage): Guard {
  return (ctx) => {
    if (ctx.complaintTarget === stage) return null;
    if (ctx.complaintTarget)
      return { field: 'target', message: `Danh sách của trại đang ở bước «${STAGE_LABELS[ctx.complaintTarget]}».` };
    return {
      field: 'target',
      code: 'tooLate',
      message:
        'Danh sách của đợt đã trình Chủ tịch nước: không còn bổ sung được tên vào danh sách đề nghị đặc xá; chỉ có thể không chấp nhận khiếu nại.',
    };
  };
}

export const complaintLevelOf = (stage: Stage): ComplaintLevel | null =>
  stage === Stage.COMPLAINT_FIRST
    ? ComplaintLevel.FIRST
    : stage === Stage.COMPLAINT_SECOND
      ? ComplaintLevel.SECOND
      : null;
