import { formatDayVi, isoOf, tryDayNumber } from '../../../../kernel/calendar-date.js';
import type { SpecialCategoryCode } from '../../categories.js';
import { result, type Citation, type Rule } from '../../rule.js';
import { birthdayOf, reachedAge } from '../shared/ages.js';
import { decree52, law } from './citations.js';
import { LAW_30_DATA } from './law-data.js';

const BIRTH_PROOF = 'Bản sao giấy khai sinh hoặc trích lục bản án ghi ngày, tháng, năm sinh';

function onlyFor(category: SpecialCategoryCode) {
  return (ctx: { category: string }) => (ctx.category === category ? null : 'Không xét theo diện này.');
}

const BIRTH_DOC: Citation = decree52(5, 3, 'd', 'Bản sao giấy khai sinh hoặc trích lục bản án');

export const age70Rule: Rule = {
  id: 'R-EVID-AGE70',
  title: 'Từ đủ 70 tuổi trở lên tại thời điểm tính',
  kind: 'CATEGORY_EVIDENCE',
  citation: law(11, 3, 'đ', 'Người từ đủ 70 tuổi trở lên'),
  alsoCites: [BIRTH_DOC],
  notApplicable: onlyFor('AGE_70_PLUS'),
  evaluate(ctx) {
    const reached = reachedAge(ctx, LAW_30_DATA.elderlyAge, ctx.cutoffDay);
    const birthday = birthdayOf(ctx, LAW_30_DATA.elderlyAge);
    const inputs = [
      {
        label: 'Ngày đủ 70 tuổi',
        actual: birthday === null ? null : isoOf(birthday),
        operator: '<=' as const,
        expected: isoOf(ctx.cutoffDay),
      },
    ];
    if (reached === null)
      return result(
        age70Rule,
        'NEEDS_EVIDENCE',
        'Hồ sơ chỉ có năm sinh, chưa xác định được đã đủ 70 tuổi tại thời điểm tính hay chưa.',
        inputs,
        { missingEvidence: [BIRTH_PROOF] },
      );
    if (!reached) {
      const when = birthday === null ? '' : `; đủ 70 tuổi vào ngày ${formatDayVi(birthday)}`;
      return result(
        age70Rule,
        'FAIL',
        `Chưa đủ 70 tuổi tại thời điểm tính ${formatDayVi(ctx.cutoffDay)}${when}.`,
        inputs,
        { metOn: birthday === null ? null : isoOf(birthday) },
      );
    }
    const at = birthday === null ? '' : ` (đủ 70 tuổi ngày ${formatDayVi(birthday)})`;
    return result(age70Rule, 'PASS', `Đã đủ 70 tuổi tại thời điểm tính ${formatDayVi(ctx.cutoffDay)}${at}.`, inputs);
  },
};

export const minorAtOffenceRule: Rule = {
  id: 'R-EVID-MINOR-OFFENCE',
  title: 'Khi phạm tội là người dưới 18 tuổi',
  kind: 'CATEGORY_EVIDENCE',
  citation: law(11, 3, 'd', 'Khi phạm tội là người dưới 18 tuổi'),
  alsoCites: [BIRTH_DOC],
  notApplicable: onlyFor('UNDER_18_AT_OFFENCE'),
  evaluate(ctx) {
    const birthday = birthdayOf(ctx, LAW_30_DATA.minorAge);
    const inputs = ctx.offences.map((d) => ({
      label: `Ngày phạm tội ${d.offence.name}`,
      actual: d.offence.offenceDate,
      operator: '<' as const,
      expected: birthday === null ? null : isoOf(birthday),
    }));
    let unknown = false;
    for (const d of ctx.offences) {
      const day = tryDayNumber(d.offence.offenceDate);
      const adult = day === null ? null : reachedAge(ctx, LAW_30_DATA.minorAge, day);
      if (adult === true)
        return result(minorAtOffenceRule, 'FAIL', `Phạm tội ${d.offence.name} khi đã đủ 18 tuổi.`, inputs);
      if (adult === null) unknown = true;
    }
    if (unknown || ctx.offences.length === 0) {
      return result(
        minorAtOffenceRule,
        'NEEDS_EVIDENCE',
        'Chưa xác định được tuổi khi phạm tội (thiếu ngày sinh hoặc ngày phạm tội).',
        inputs,
        { missingEvidence: [BIRTH_PROOF, 'Bản án ghi ngày phạm tội'] },
      );
    }
    return result(
      minorAtOffenceRule,
      'PASS',
      `Thực hiện các tội phạm trước ngày đủ 18 tuổi${birthday === null ? '' : ` (${formatDayVi(birthday)})`}.`,
      inputs,
    );
  },
};

export const minorNowRule: Rule = {
  id: 'R-EVID-MINOR-NOW',
  title: 'Người dưới 18 tuổi đang chấp hành án phạt tù',
  kind: 'CATEGORY_EVIDENCE',
  citation: law(11, 4, undefined, 'Người dưới 18 tuổi đang chấp hành án phạt tù'),
  alsoCites: [BIRTH_DOC],
  notApplicable: onlyFor('UNDER_18_NOW'),
  evaluate(ctx) {
    const adult = reachedAge(ctx, LAW_30_DATA.minorAge, ctx.cutoffDay);
    const birthday = birthdayOf(ctx, LAW_30_DATA.minorAge);
    const inputs = [
      {
        label: 'Ngày đủ 18 tuổi',
        actual: birthday === null ? null : isoOf(birthday),
        operator: '>' as const,
        expected: isoOf(ctx.cutoffDay),
      },
    ];
    if (adult === null)
      return result(minorNowRule, 'NEEDS_EVIDENCE', 'Chưa xác định được tuổi tại thời điểm tính.', inputs, {
        missingEvidence: [BIRTH_PROOF],
      });
    if (adult)
      return result(minorNowRule, 'FAIL', `Đã đủ 18 tuổi tại thời điểm tính ${formatDayVi(ctx.cutoffDay)}.`, inputs);
    return result(minorNowRule, 'PASS', `Chưa đủ 18 tuổi tại thời điểm tính ${formatDayVi(ctx.cutoffDay)}.`, inputs);
  },
};
