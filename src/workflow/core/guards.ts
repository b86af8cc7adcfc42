import { isValidIsoDate } from '../../kernel/calendar-date.js';
import { checkApplicationDate } from './deadlines.js';
import { REASON_CODES, ReasonCode } from './reason-codes.js';
import type { Guard } from './transition-context.js';
import { STAGE_LABELS, type Stage } from './stages.js';

const MIN_REASON_LENGTH = 5;

export const requireReason: Guard = (ctx) =>
  (ctx.reason ?? '').trim().length >= MIN_REASON_LENGTH
    ? null
    : { field: 'reason', message: 'Phải ghi rõ lý do (ít nhất 5 ký tự).' };

// A coded reason; "other" needs the words too.
export const requireReasonCode: Guard = (ctx) => {
  if (!ctx.reasonCode || !(ctx.reasonCode in REASON_CODES)) {
    return { field: 'reasonCode', message: 'Phải chọn mã lý do đưa ra khỏi danh sách.' };
  }
  return ctx.reasonCode === ReasonCode.OTHER ? requireReason(ctx) : null;
};

export const ballotPassed: Guard = (ctx) =>
  ctx.ballotPassed === true
    ? null
    : { field: 'ballot', message: 'Kết quả bỏ phiếu kín của đội chưa đạt tỷ lệ để giới thiệu.' };

export const ballotFailed: Guard = (ctx) =>
  ctx.ballotPassed === false
    ? null
    : { field: 'ballot', message: 'Chưa có kết quả bỏ phiếu, hoặc người này đã đạt tỷ lệ giới thiệu.' };

export function sentBackFrom(stage: Stage): Guard {
  return (ctx) =>
    ctx.sentBackFrom === stage
      ? null
      : { field: 'sentBackFrom', message: `Hồ sơ không do bước «${STAGE_LABELS[stage]}» trả về.` };
}

// Nghị định 76/2008/NĐ-CP, Điều 8, khoản 2: the standing body settles members' findings, and where they still disagree
// it attaches an explanatory report (báo cáo giải trình) for the Council.
export const flagsSettled: Guard = (ctx) => {
  if ((ctx.openFlagCount ?? 0) > 0) {
    return { field: 'flags', message: `Còn ${ctx.openFlagCount} ý kiến thẩm định chưa được giải quyết.` };
  }
  if (ctx.agenciesDisagree && !ctx.hasExplanatoryReport) {
    return { field: 'explanatoryReport', message: 'Các cơ quan chưa thống nhất: phải có báo cáo giải trình kèm theo.' };
  }
  return null;
};

// Luật Đặc xá 2018, Điều 15, khoản 1: the application is written within the round's window after posting.
export const applicationOnTime: Guard = (ctx) => {
  if (!ctx.applicationDate) {
    return {
      field: 'application',
      code: 'missing',
      message: 'Hồ sơ phải có đơn đề nghị đặc xá trước khi đưa ra họp đội.',
    };
  }
  if (!isValidIsoDate(ctx.applicationDate)) {
    return { field: 'applicationDate', code: 'applicationDate', message: 'Ngày làm đơn phải có dạng YYYY-MM-DD.' };
  }
  if (!ctx.deadlines) return { field: 'deadlines', code: 'missing', message: 'Chưa có thời hạn của đợt đặc xá.' };
  const late = checkApplicationDate(ctx.deadlines, ctx.applicationDate);
  return late ? { field: late.path, code: 'applicationDate', message: late.message } : null;
};

// A corrected dossier comes back only after the eligibility engine has evaluated the corrected version.
export const reevaluated: Guard = (ctx) =>
  ctx.evaluatedLatestVersion === true
    ? null
    : {
        field: 'eligibility',
        code: 'stale',
        message:
          'Hồ sơ đã sửa chưa được xét lại điều kiện đặc xá: chạy lại việc xét điều kiện cho phiên bản đã sửa trước khi gửi lại.',
      };

export function all(...guards: Guard[]): Guard {
  return (ctx) => {
    for (const guard of guards) {
      const failure = guard(ctx);
      if (failure) return failure;
    }
    return null;
  };
}

// Decree 52/2019 Art 7(3) has the camp head decide "on the basis of" the team's ballot, not bound by it; whether the
// camp council may take up a person the team did not put forward is the round's choice (procedure.campCouncilMayReconsider).
export const reconsiderationAllowed: Guard = (ctx) => {
  if (ctx.councilMayReconsider === true) return null;
  return {
    field: 'procedure.campCouncilMayReconsider',
    code: ctx.councilMayReconsider === false ? 'notAllowed' : 'missing',
    message:
      ctx.councilMayReconsider === false
        ? 'Đợt đặc xá này không cho Hội đồng trại xem xét lại người đội không giới thiệu; người đó vẫn có quyền khiếu nại.'
        : 'Đợt đặc xá chưa quy định Hội đồng trại có được xem xét lại người đội không giới thiệu hay không (tham số procedure.campCouncilMayReconsider).',
  };
};
