import { isAgency } from '../../../kernel/agencies.js';
import { parseConclusionRule } from '../../../kernel/appraisal-conclusion.js';
import { isValidIsoDate, tryDayNumber } from '../../../kernel/calendar-date.js';
import { isValidYmd } from '../calendar/duration.js';
import { quarterEndDay, quarterIndex, QUARTER_CALENDARS } from '../calendar/quarter.js';
import { isSpecialCategory } from '../categories.js';
import { isOffenceGroup } from '../offences/offence-groups.js';
import { RULE_PACKS } from '../packs/index.js';
import { CONFIDENCES, type Fraction, type Param, type RoundParameters, type SentenceBand } from './round-parameters.js';

// 'error': the parameters are wrong and must not be used; 'warning': usable, but some dossiers cannot be screened
// (e.g. no cut-off date yet) or a value looks unusual.
export interface RoundValidationIssue {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

type Issues = RoundValidationIssue[];

function error(issues: Issues, path: string, message: string): void {
  issues.push({ path, message, severity: 'error' });
}

function warn(issues: Issues, path: string, message: string): void {
  issues.push({ path, message, severity: 'warning' });
}

// Every parameter names its source and confidence; an unknown value is empty with confidence '?', and only then.
function checkParam<T>(issues: Issues, path: string, p: Param<T> | undefined, check?: (v: T) => string | null): void {
  if (!p || typeof p !== 'object') {
    error(issues, path, 'Thiếu tham số.');
    return;
  }
  if (typeof p.source !== 'string' || p.source.trim() === '')
    error(issues, `${path}.source`, 'Phải ghi nguồn của giá trị.');
  if (!CONFIDENCES.includes(p.confidence)) error(issues, `${path}.confidence`, "Độ tin cậy phải là 'V', 'K' hoặc '?'.");
  if (p.value === null && p.confidence !== '?')
    error(issues, `${path}.confidence`, "Giá trị để trống thì độ tin cậy phải là '?'.");
  if (p.value !== null && p.confidence === '?')
    error(issues, `${path}.value`, "Độ tin cậy '?' nghĩa là chưa biết: phải để trống giá trị (null), không được đoán.");
  if (p.value !== null && check) {
    const problem = check(p.value);
    if (problem) error(issues, `${path}.value`, problem);
  }
}

const isoDate = (v: unknown) => (isValidIsoDate(v) ? null : 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.');
const positiveInt = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? null : 'Phải là số nguyên dương.';
const nonEmpty = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? null : 'Không được để trống.');
const ymd = (v: unknown) => (isValidYmd(v) ? null : 'Thời hạn phải có năm, tháng, ngày là số nguyên không âm.');

function fraction(v: Fraction): string | null {
  const ok =
    Number.isInteger(v.numerator) && Number.isInteger(v.denominator) && v.numerator > 0 && v.denominator > v.numerator;
  return ok ? null : 'Tỷ lệ phải là phân số a/b với 0 < a < b.';
}

// a >= b for fractions
function atLeast(a: Fraction, b: Fraction): boolean {
  return a.numerator * b.denominator >= b.numerator * a.denominator;
}

function checkBands(
  issues: Issues,
  path: string,
  bands: readonly SentenceBand[],
  paramOf: (b: SentenceBand, i: number) => void,
): void {
  if (!Array.isArray(bands)) {
    error(issues, path, 'Phải là danh sách các mức án.');
    return;
  }
  const fixed = bands.filter((b) => !b.life).map((b) => [b.overYears ?? 0, b.upToYears ?? Infinity] as const);
  if (bands.filter((b) => b.life).length > 1) error(issues, path, 'Chỉ được có một mức cho tù chung thân đã giảm.');
  bands.forEach((b, i) => {
    if (!b.life && b.overYears !== null && b.upToYears !== null && b.overYears >= b.upToYears) {
      error(issues, `${path}[${i}]`, 'Cận dưới của mức án phải nhỏ hơn cận trên.');
    }
    paramOf(b, i);
  });
  const sorted = [...fixed].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i][0] < sorted[i - 1][1]) error(issues, path, 'Các mức án chồng lấn nhau.');
  }
}

function checkTime(issues: Issues, round: RoundParameters): void {
  const pack = RULE_PACKS[round.rulePack];
  const t = round.time;
  for (const key of ['general', 'heavy', 'special', 'specialHeavy'] as const) {
    checkParam(issues, `time.${key}.fraction`, t[key]?.fraction, fraction);
    checkParam(issues, `time.${key}.lifeYears`, t[key]?.lifeYears, positiveInt);
  }
  if (!pack) return;
  const law = pack.lawMinimums;
  const g = t.general.fraction.value;
  if (g && fraction(g) === null && !atLeast(g, law.generalFraction)) {
    error(
      issues,
      'time.general.fraction.value',
      `Không được thấp hơn mức tối thiểu của Luật (${law.generalFraction.numerator}/${law.generalFraction.denominator}).`,
    );
  }
  const gl = t.general.lifeYears.value;
  if (gl !== null && gl < law.generalLifeYears)
    error(
      issues,
      'time.general.lifeYears.value',
      `Không được thấp hơn mức tối thiểu của Luật (${law.generalLifeYears} năm).`,
    );
  const h = t.heavy.fraction.value;
  if (law.heavyFraction && h && fraction(h) === null && !atLeast(h, law.heavyFraction)) {
    error(
      issues,
      'time.heavy.fraction.value',
      `Không được thấp hơn mức tối thiểu của Luật cho nhóm tội nặng (${law.heavyFraction.numerator}/${law.heavyFraction.denominator}).`,
    );
  }
  const hl = t.heavy.lifeYears.value;
  if (law.heavyLifeYears !== null && hl !== null && hl < law.heavyLifeYears) {
    error(
      issues,
      'time.heavy.lifeYears.value',
      `Không được thấp hơn mức tối thiểu của Luật cho nhóm tội nặng (${law.heavyLifeYears} năm).`,
    );
  }
  const s = t.special.fraction.value;
  if (g && s && fraction(g) === null && fraction(s) === null && !atLeast(g, s)) {
    error(issues, 'time.special.fraction.value', 'Mức của diện ưu tiên phải ngắn hơn hoặc bằng mức chung.');
  }
}

function checkConduct(issues: Issues, round: RoundParameters): void {
  const c = round.conduct;
  checkParam(issues, 'conduct.mode', c.mode, (v) =>
    v === 'ALL_FULL_QUARTERS' || v === 'CONSECUTIVE_QUARTERS' ? null : 'Cách xét không hợp lệ.',
  );
  checkParam(issues, 'conduct.calendar', c.calendar, (v) =>
    QUARTER_CALENDARS.includes(v) ? null : 'Cách tính quý không hợp lệ.',
  );
  checkParam(issues, 'conduct.lastQuarter', c.lastQuarter, (v) =>
    quarterIndex(v) === null ? 'Quý phải có dạng YYYY-Qn (n từ 1 đến 4).' : null,
  );
  checkParam(issues, 'conduct.requireSinceLastQuarter', c.requireSinceLastQuarter);
  checkBands(issues, 'conduct.consecutiveBands', c.consecutiveBands, (b, i) =>
    checkParam(
      issues,
      `conduct.consecutiveBands[${i}].quarters`,
      (b as (typeof c.consecutiveBands)[number]).quarters,
      positiveInt,
    ),
  );
  if (c.mode.value === 'CONSECUTIVE_QUARTERS' && c.consecutiveBands.length === 0) {
    error(issues, 'conduct.consecutiveBands', 'Cách xét theo số quý liên tục cần bảng số quý theo mức án.');
  }
  const cutoff = tryDayNumber(round.cutoffDate.value);
  const q = c.lastQuarter.value === null ? null : quarterIndex(c.lastQuarter.value);
  if (cutoff !== null && q !== null && c.calendar.value !== null && quarterEndDay(q, c.calendar.value) > cutoff) {
    warn(issues, 'conduct.lastQuarter', 'Quý xếp loại cuối kết thúc sau thời điểm tính.');
  }
}

function checkExclusions(issues: Issues, round: RoundParameters): void {
  const ex = round.exclusions;
  checkParam(issues, 'exclusions.complete', ex.complete);
  const pack = RULE_PACKS[round.rulePack];
  const packIds = new Set(pack ? pack.rules.map((r) => r.id) : []);
  const seenIds = new Set<string>();
  ex.items.forEach((item, i) => {
    const p = `exclusions.items[${i}]`;
    if (!/^R-EXC-[A-Z0-9-]+$/.test(item.id)) error(issues, `${p}.id`, 'Mã phải có dạng R-EXC-…, chữ in hoa và số.');
    if (seenIds.has(item.id) || packIds.has(item.id)) error(issues, `${p}.id`, `Mã ${item.id} bị trùng.`);
    seenIds.add(item.id);
    if (nonEmpty(item.label)) error(issues, `${p}.label`, 'Phải ghi nội dung trường hợp loại trừ.');
    if (!item.citation || nonEmpty(item.citation.instrument))
      error(issues, `${p}.citation`, 'Phải ghi căn cứ (văn bản, điều, khoản).');
    if (nonEmpty(item.source)) error(issues, `${p}.source`, 'Phải ghi nguồn.');
    if (!CONFIDENCES.includes(item.confidence))
      error(issues, `${p}.confidence`, "Độ tin cậy phải là 'V', 'K' hoặc '?'.");
    switch (item.kind) {
      case 'REMAINING_TERM_CAP':
        checkParam(issues, `${p}.general`, item.general, ymd);
        checkParam(issues, `${p}.special`, item.special, ymd);
        break;
      case 'DRUG_REMAINING_CAP':
        checkBands(issues, `${p}.bands`, item.bands, (b, j) =>
          checkParam(issues, `${p}.bands[${j}].remainingCap`, item.bands[j].remainingCap, ymd),
        );
        break;
      case 'OFFENCE_MATCH':
        if (item.matchers.length === 0) error(issues, `${p}.matchers`, 'Phải có ít nhất một nhóm tội.');
        item.matchers.forEach((m, j) => {
          if (m.groups.length === 0 || !m.groups.every(isOffenceGroup))
            error(issues, `${p}.matchers[${j}].groups`, 'Nhóm tội không hợp lệ.');
          if (m.minVictims !== undefined && positiveInt(m.minVictims))
            error(issues, `${p}.matchers[${j}].minVictims`, 'Phải là số nguyên dương.');
        });
        break;
      case 'OFFENCE_COUNT':
        if (positiveInt(item.minOffences) || positiveInt(item.minIntentional))
          error(issues, p, 'Số tội phải là số nguyên dương.');
        break;
      case 'PRIOR_AND_INTENTIONAL':
        if (positiveInt(item.minPriorConvictions))
          error(issues, `${p}.minPriorConvictions`, 'Phải là số nguyên dương.');
        break;
      case 'DRUG_USE_EVIDENCE':
        break;
      default:
        error(
          issues,
          `${p}.kind`,
          `Loại trường hợp loại trừ không được hỗ trợ: ${String((item as { kind: unknown }).kind)}.`,
        );
    }
  });
}

export function validateRoundParameters(round: RoundParameters): RoundValidationIssue[] {
  const issues: Issues = [];
  if (nonEmpty(round.code)) error(issues, 'code', 'Phải có mã đợt.');
  if (nonEmpty(round.title)) error(issues, 'title', 'Phải có tên đợt.');
  const pack = RULE_PACKS[round.rulePack];
  if (!pack) error(issues, 'rulePack', `Không có bộ quy tắc "${String(round.rulePack)}".`);
  checkParam(issues, 'decision.number', round.decision.number, nonEmpty);
  checkParam(issues, 'decision.date', round.decision.date, isoDate);
  checkParam(issues, 'decision.guidance', round.decision.guidance, nonEmpty);
  checkParam(issues, 'cutoffDate', round.cutoffDate, isoDate);
  if (round.cutoffDate.value === null)
    warn(issues, 'cutoffDate', 'Chưa có thời điểm tính thời gian chấp hành án: chưa thể xét hồ sơ theo đợt này.');
  checkTime(issues, round);
  checkParam(issues, 'specialCategories', round.specialCategories, (v) => {
    const unknownCodes = v.filter((c) => !isSpecialCategory(c) || (pack && !pack.categories.some((d) => d.code === c)));
    return unknownCodes.length > 0 ? `Diện ưu tiên không có trong bộ quy tắc: ${unknownCodes.join(', ')}.` : null;
  });
  checkParam(issues, 'roundDefinedCategories', round.roundDefinedCategories, (v) =>
    v.every((e) => !nonEmpty(e.code) && !nonEmpty(e.label)) ? null : 'Mỗi trường hợp phải có mã và tên.',
  );
  checkConduct(issues, round);
  checkParam(issues, 'fullPaymentGroups', round.fullPaymentGroups, (v) =>
    v.every(isOffenceGroup) ? null : 'Nhóm tội không hợp lệ.',
  );
  checkExclusions(issues, round);
  checkParam(issues, 'ballot.threshold', round.ballot.threshold, (v) => {
    if (v.kind === 'SIMPLE_MAJORITY_OF_VALID') return null;
    if (v.kind === 'FRACTION_OF_VALID')
      return (
        fraction(v) ??
        (atLeast(v, { numerator: 1, denominator: 2 })
          ? null
          : 'Ngưỡng biểu quyết không được thấp hơn một nửa số phiếu hợp lệ.')
      );
    return 'Cách tính ngưỡng biểu quyết không hợp lệ.';
  });
  for (const key of Object.keys(round.deadlines) as Array<keyof RoundParameters['deadlines']>) {
    checkParam(issues, `deadlines.${key}`, round.deadlines[key], positiveInt);
  }
  for (const key of Object.keys(round.dates) as Array<keyof RoundParameters['dates']>) {
    checkParam(issues, `dates.${key}`, round.dates[key], isoDate);
  }
  if (round.appraisal !== undefined)
    checkParam(issues, 'appraisal.requiredAgencies', round.appraisal?.requiredAgencies, (v) => {
      if (!Array.isArray(v) || v.length === 0) return 'Phải nêu ít nhất một cơ quan của Tổ thẩm định liên ngành.';
      const wrong = v.filter((a) => !isAgency(a));
      if (wrong.length > 0) return `Cơ quan không có trong danh mục: ${wrong.join(', ')}.`;
      return new Set(v).size === v.length ? null : 'Một cơ quan được nêu hai lần.';
    });
  if (round.appraisal?.conclusion !== undefined)
    checkParam(issues, 'appraisal.conclusion', round.appraisal.conclusion, (v) => {
      const parsed = parseConclusionRule(v);
      return 'problem' in parsed ? parsed.problem : null;
    });
  if (round.procedure !== undefined)
    checkParam(issues, 'procedure.campCouncilMayReconsider', round.procedure?.campCouncilMayReconsider, (v) =>
      typeof v === 'boolean' ? null : 'Phải là có hoặc không.',
    );
  if (round.foreigners !== undefined)
    checkParam(issues, 'foreigners.notifyForeignMinistry', round.foreigners?.notifyForeignMinistry, (v) =>
      typeof v === 'boolean' ? null : 'Phải là có hoặc không.',
    );
  return issues;
}
