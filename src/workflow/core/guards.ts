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

export function all(...guards: Guard[]): Guard {
  return (ctx) => {
    for (const guard of guards) {
      const failure = guard(ctx);
      if (failure) return failure;
    }
    return null;
  };
}
