import { ROUND_PRESETS } from '../../src/eligibility/core/index.js';
import type { RoundParameters } from '../../src/eligibility/core/index.js';
import { RoundStatus } from '../../src/rounds/round.entity.js';
import { Stage } from '../../src/workflow/core/stages.js';
import type { RoundCalendar } from '../common/dossier-builder.js';
import type { Rng } from '../common/prng.js';
import type { RoundRow } from '../common/seed-writer.js';
import { liveRound } from './live-round.js';

export interface DemoRound extends RoundRow {
  status: RoundStatus;
  postedAt: string;
  parameters: RoundParameters;
  deadlines: { postingDate: string; applicationDays: number; stageDueDates: Partial<Record<Stage, string>> };
  calendar: RoundCalendar;
}

export const ROUND_2025_CODE = 'QD-1244-2025';
export const ROUND_2009_CODE = 'DOT-2009-2';

function preset(code: string): RoundParameters {
  const p = ROUND_PRESETS[code];
  if (!p) throw new Error(`The eligibility presets have no round ${code}`);
  return p;
}

// 2025 round 2: QĐ 03/07, HD 94 on 04/07, posted at the camps on 07/07; 5 days to apply; the camp lists within
// 10 days of posting (Law 30/2018 Art 15(2)); appraisal 15 days (Art 16(1)); Council 25/08; grant 29/08 (DOMAIN §2.6).
function round2025(rng: Rng): DemoRound {
  const base = preset(ROUND_2025_CODE);
  // The demo camps planned their councils for 15/07 (illustrative: no plan of a real camp is on file).
  const parameters: RoundParameters = {
    ...base,
    dates: {
      ...base.dates,
      campCouncil: {
        value: '2025-07-15',
        source: 'Kế hoạch họp Hội đồng xét đề nghị đặc xá của trại (dữ liệu minh họa)',
        confidence: 'K',
      },
    },
  };
  const postingDate = '2025-07-07';
  return {
    id: rng.uuid(),
    code: parameters.code,
    name: parameters.title,
    rulePack: parameters.rulePack,
    decisionNumber: parameters.decision.number.value ?? '1244/2025/QĐ-CTN',
    decisionDate: parameters.decision.date.value ?? '2025-07-03',
    guidanceRef: parameters.decision.guidance.value,
    cutoffDate: parameters.cutoffDate.value ?? '2025-08-31',
    // A finished round kept as the reference for the real values of 2025; the live demo round is worked instead.
    status: RoundStatus.CLOSED,
    postedAt: postingDate,
    parameters,
    deadlines: {
      postingDate,
      applicationDays: parameters.deadlines.applicationDays.value ?? 5,
      stageDueDates: {
        [Stage.APPLICATION]: '2025-07-12',
        [Stage.TEAM_BALLOT]: '2025-07-14',
        [Stage.CAMP_COUNCIL]: '2025-07-16',
        [Stage.WARDEN]: '2025-07-17',
        [Stage.POSTED]: '2025-07-19',
        [Stage.DEPARTMENT]: '2025-07-24',
        [Stage.MINISTRY]: '2025-07-29',
        [Stage.APPRAISAL]: '2025-08-13',
        [Stage.STANDING_BODY]: '2025-08-20',
        [Stage.ADVISORY_COUNCIL]: parameters.dates.councilReview.value ?? '2025-08-25',
        [Stage.PRESIDENT]: parameters.dates.grantDecision.value ?? '2025-08-29',
      },
    },
    calendar: {
      code: parameters.code,
      cutoffDate: parameters.cutoffDate.value ?? '2025-08-31',
      postingDate,
      councilMeetingDate: '2025-07-15',
      lastQuarter: parameters.conduct.lastQuarter.value ?? '2025-Q2',
      sinceLastQuarterFrom: '2025-06-01',
    },
  };
}

// The 2009 preset leaves the decision's number, date and cut-off empty (the original text was not retrieved); the
// demo row needs values for its NOT NULL columns, so it carries illustrative ones and says so in its name.
function round2009(rng: Rng): DemoRound {
  const parameters = preset(ROUND_2009_CODE);
  const postingDate = '2009-07-10';
  const cutoffDate = parameters.cutoffDate.value ?? '2009-08-31';
  return {
    id: rng.uuid(),
    code: parameters.code,
    name: `${parameters.title} — dữ liệu minh họa`,
    rulePack: parameters.rulePack,
    decisionNumber: parameters.decision.number.value ?? 'Chưa rõ số hiệu (văn bản gốc chưa truy xuất)',
    decisionDate: parameters.decision.date.value ?? '2009-07-01',
    guidanceRef: parameters.decision.guidance.value,
    cutoffDate,
    status: RoundStatus.CLOSED,
    postedAt: postingDate,
    parameters,
    deadlines: {
      postingDate,
      applicationDays: parameters.deadlines.applicationDays.value ?? 5,
      stageDueDates: {
        [Stage.CAMP_COUNCIL]: '2009-07-25',
        [Stage.ADVISORY_COUNCIL]: '2009-08-20',
        [Stage.PRESIDENT]: '2009-08-28',
      },
    },
    calendar: {
      code: parameters.code,
      cutoffDate,
      postingDate,
      councilMeetingDate: '2009-07-25',
      lastQuarter: parameters.conduct.lastQuarter.value ?? '2009-Q2',
      sinceLastQuarterFrom: null,
    },
  };
}

// The two historical rounds, then the live one dated from `today`.
export function buildDemoRounds(rng: Rng, today: string): DemoRound[] {
  return [round2009(rng), round2025(rng), liveRound(rng, today)];
}
