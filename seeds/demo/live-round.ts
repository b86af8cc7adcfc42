import { formatIsoVi } from '../../src/kernel/calendar-date.js';
import { ROUND_PRESETS } from '../../src/eligibility/core/index.js';
import type { Param, RoundExclusion, RoundParameters } from '../../src/eligibility/core/index.js';
import { RoundStatus } from '../../src/rounds/round.entity.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { addDays, quarterOf, quarterStart } from '../common/dates.js';
import type { Rng } from '../common/prng.js';
import type { DemoRound } from './rounds.js';

export const LIVE_ROUND_CODE = 'DOT-MINH-HOA';

// The demo's own round, dated from the day the database is created so that it is always in progress: the President's
// decision three and a half weeks earlier, the guidance a fortnight after it (as in 2024, when HD 88 followed QĐ 758
// by a month), the camps posting it four days ago, so the application window and every later deadline are still
// ahead. Its values come from QĐ 1244/2025 with each unknown one filled in and said to be illustrative.
export const LIVE_CALENDAR = {
  decisionDaysAgo: 24,
  guidanceDaysAgo: 8,
  postingDaysAgo: 4,
  // The camp councils that have met met today; the others plan to meet two days from now.
  campCouncilPlannedIn: 2,
  cutoffIn: 36,
} as const;

// How a team of the live round meets on its candidates: the turnout and count of its secret ballot, the votes of a
// person put forward and of one not, with the officer's opinion of each.
export const LIVE_TEAM_MEETING = {
  record: {
    startedAt: '08:00',
    place: 'Hội trường của phân trại',
    secretary: { name: 'Trần Văn Hải', title: 'Tổ trưởng tổ tự quản' },
  },
  turnout: {
    membersPresent: 24,
    membersAbsent: 1,
    absentees: [{ name: 'Phạm nhân đang điều trị tại bệnh xá', reason: 'Ốm, điều trị tại bệnh xá của trại' }],
    ballotsIssued: 24,
    ballotsReturned: 24,
    ballotsValid: 23,
    ballotsInvalid: 1,
  },
  putForward: {
    votesFor: 19,
    votesAgainst: 3,
    votesBlank: 1,
    officerOpinion: 'Chấp hành tốt nội quy, tích cực lao động, học tập.',
  },
  notPutForward: {
    votesFor: 7,
    votesAgainst: 15,
    votesBlank: 1,
    officerOpinion: 'Còn vi phạm nội quy, chưa thực sự tiến bộ.',
  },
};

const ILLUSTRATIVE = 'Giá trị minh họa của đợt trình diễn, không phải văn bản thật';

function illustrative<T>(value: T, what: string): Param<T> {
  return { value, source: `${ILLUSTRATIVE}: ${what}`, confidence: 'K' };
}

// The decision's own particulars: in the demo's world they are read from that decision.
function ofDecision<T>(value: T, decision: string): Param<T> {
  return { value, source: `Quyết định minh họa số ${decision} (dữ liệu trình diễn)`, confidence: 'V' };
}

// The last quarter of the Decree 118/2024 calendar that ended before the decision (QĐ 1244 of 03/07/2025 counted up
// to quarter 2, which ended on 31/05/2025).
function lastQuarterBefore(day: string): string {
  const current = quarterOf(day);
  const y = Number(current.slice(0, 4));
  const q = Number(current.slice(6));
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

function nextQuarterStart(quarter: string): string {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return quarterStart(q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`);
}

function completeExclusions(base: RoundParameters, decision: string): RoundExclusion[] {
  const r1 = ROUND_PRESETS['QD-266-2025'].exclusions.items.find((i) => i.id === 'R-EXC-R1');
  const borrowed = 'Như Quyết định số 266/2025/QĐ-CTN (đợt 1 năm 2025), dùng cho đợt minh họa';
  return base.exclusions.items.map((item): RoundExclusion => {
    if (item.kind === 'REMAINING_TERM_CAP' && r1?.kind === 'REMAINING_TERM_CAP')
      return {
        ...item,
        general: { ...r1.general, source: borrowed, confidence: 'K' },
        special: { ...r1.special, source: borrowed, confidence: 'K' },
        source: borrowed,
        confidence: 'K',
      };
    if (item.kind === 'DRUG_REMAINING_CAP')
      return {
        ...item,
        bands: [
          {
            overYears: null,
            upToYears: 3,
            life: false,
            remainingCap: { value: { years: 0, months: 6, days: 0 }, source: borrowed, confidence: 'K' },
          },
          {
            overYears: 3,
            upToYears: 7,
            life: false,
            remainingCap: { value: { years: 1, months: 0, days: 0 }, source: borrowed, confidence: 'K' },
          },
          {
            overYears: 7,
            upToYears: null,
            life: false,
            remainingCap: illustrative({ years: 2, months: 0, days: 0 }, 'án trên 7 năm còn lại không quá 2 năm'),
          },
          {
            overYears: null,
            upToYears: null,
            life: true,
            remainingCap: illustrative({ years: 3, months: 0, days: 0 }, 'chung thân đã giảm còn lại không quá 3 năm'),
          },
        ],
        source: `${borrowed}; các mức trên 7 năm là giá trị minh họa`,
        confidence: 'K',
      };
    return { ...item, citation: { ...item.citation, instrument: `Quyết định số ${decision}` } };
  });
}

// Every parameter known: what QĐ 1244/2025 leaves unknown gets an illustrative value with confidence K, so every
// dossier can be screened to a verdict and the values a verdict rests on are still named.
export function liveParameters(dates: {
  decisionNumber: string;
  decisionDate: string;
  guidance: string;
  cutoffDate: string;
  campCouncil: string;
  councilReview: string;
  grantDecision: string;
  effective: string;
}): RoundParameters {
  const base = ROUND_PRESETS['QD-1244-2025'];
  const decision = dates.decisionNumber;
  const lastQuarter = lastQuarterBefore(dates.decisionDate);
  return {
    ...base,
    code: LIVE_ROUND_CODE,
    title: `Đặc xá theo Quyết định số ${decision} (đợt minh họa)`,
    decision: {
      number: ofDecision(decision, decision),
      date: ofDecision(dates.decisionDate, decision),
      guidance: ofDecision(dates.guidance, decision),
    },
    cutoffDate: ofDecision(dates.cutoffDate, decision),
    time: {
      ...base.time,
      specialHeavy: {
        fraction: illustrative({ numerator: 1, denominator: 3 }, 'diện ưu tiên thuộc nhóm tội nặng, 1/3 thời hạn'),
        lifeYears: illustrative(15, 'diện ưu tiên thuộc nhóm tội nặng, 15 năm với tù chung thân'),
      },
    },
    roundDefinedCategories: ofDecision([], decision),
    conduct: {
      ...base.conduct,
      lastQuarter: ofDecision(lastQuarter, decision),
      consecutiveBands: base.conduct.consecutiveBands.map((b) =>
        b.quarters.value === null ? { ...b, quarters: illustrative(1, 'án đến 3 năm, 1 quý liền kề') } : b,
      ),
    },
    fullPaymentGroups: illustrative([], 'không có tội nào khác phải thi hành xong nghĩa vụ dân sự'),
    exclusions: {
      items: completeExclusions(base, decision),
      complete: ofDecision(true, decision),
    },
    deadlines: {
      ...base.deadlines,
      certificatePresentationDays: illustrative(
        10,
        'người được đặc xá trình diện chính quyền nơi cư trú trong 10 ngày kể từ ngày được tha',
      ),
    },
    dates: {
      campCouncil: illustrative(dates.campCouncil, 'các trại chưa họp dự kiến họp Hội đồng vào ngày này'),
      councilReview: ofDecision(dates.councilReview, decision),
      grantDecision: ofDecision(dates.grantDecision, decision),
      effective: ofDecision(dates.effective, decision),
    },
  };
}

// The live round as of `today` (YYYY-MM-DD, Vietnam's calendar day on which the database was created).
export function liveRound(rng: Rng, today: string): DemoRound {
  const c = LIVE_CALENDAR;
  const decisionDate = addDays(today, -c.decisionDaysAgo);
  const year = decisionDate.slice(0, 4);
  const decisionNumber = `99/${year}/QĐ-CTN`;
  const guidanceDate = addDays(today, -c.guidanceDaysAgo);
  const postingDate = addDays(today, -c.postingDaysAgo);
  const cutoffDate = addDays(today, c.cutoffIn);
  const councilReview = addDays(cutoffDate, -7);
  const grantDecision = addDays(cutoffDate, -3);
  const parameters = liveParameters({
    decisionNumber,
    decisionDate,
    guidance: `9/HD-HĐTVĐX ngày ${formatIsoVi(guidanceDate)}`,
    cutoffDate,
    campCouncil: addDays(today, c.campCouncilPlannedIn),
    councilReview,
    grantDecision,
    effective: addDays(cutoffDate, 1),
  });
  const after = (days: number) => addDays(postingDate, days);
  return {
    id: rng.uuid(),
    code: parameters.code,
    name: parameters.title,
    rulePack: parameters.rulePack,
    decisionNumber,
    decisionDate,
    guidanceRef: parameters.decision.guidance.value,
    cutoffDate,
    status: RoundStatus.OPEN,
    postedAt: postingDate,
    parameters,
    // The application window is the law's (5 days from posting); the camps' work is due within the 10 days of
    // Art 15(2); the later steps follow the guidance of the round.
    deadlines: {
      postingDate,
      applicationDays: parameters.deadlines.applicationDays.value!,
      stageDueDates: {
        [Stage.TEAM_BALLOT]: after(7),
        [Stage.CAMP_COUNCIL]: after(9),
        [Stage.WARDEN]: after(10),
        [Stage.POSTED]: after(12),
        [Stage.DEPARTMENT]: after(16),
        [Stage.MINISTRY]: after(20),
        [Stage.APPRAISAL]: after(27),
        [Stage.STANDING_BODY]: addDays(councilReview, -3),
        [Stage.ADVISORY_COUNCIL]: councilReview,
        [Stage.PRESIDENT]: grantDecision,
      },
    },
    calendar: {
      code: parameters.code,
      cutoffDate,
      postingDate,
      councilMeetingDate: today,
      lastQuarter: parameters.conduct.lastQuarter.value!,
      sinceLastQuarterFrom: nextQuarterStart(parameters.conduct.lastQuarter.value!),
    },
  };
}
