import type { FieldError } from '../../common/app.exception.js';
import { formatDate, parseDisplayDate } from '../render/format.js';

interface ParamNode {
  value: unknown;
  source: string;
  confidence: string;
}

export interface ParameterRow {
  index: number;
  path: string;
  label: string;
  value: string;
  kind: 'text' | 'date' | 'number' | 'bool' | 'json';
  source: string;
  confidence: string;
  issue?: string;
  warning?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

const LABELS: Record<string, string> = {
  'decision.number': 'Số Quyết định về đặc xá',
  'decision.date': 'Ngày ký Quyết định',
  'decision.guidance': 'Hướng dẫn của Hội đồng tư vấn đặc xá',
  cutoffDate: 'Thời điểm tính thời gian chấp hành án',
  'time.general.fraction': 'Tỷ lệ thời gian đã chấp hành – trường hợp chung',
  'time.general.lifeYears': 'Số năm đã chấp hành (chung thân đã giảm) – trường hợp chung',
  'time.heavy.fraction': 'Tỷ lệ thời gian đã chấp hành – nhóm tội nặng',
  'time.heavy.lifeYears': 'Số năm đã chấp hành (chung thân đã giảm) – nhóm tội nặng',
  'time.special.fraction': 'Tỷ lệ thời gian đã chấp hành – trường hợp đặc biệt',
  'time.special.lifeYears': 'Số năm đã chấp hành (chung thân đã giảm) – trường hợp đặc biệt',
  'time.specialHeavy.fraction': 'Tỷ lệ thời gian đã chấp hành – trường hợp đặc biệt, nhóm tội nặng',
  'time.specialHeavy.lifeYears': 'Số năm đã chấp hành (chung thân đã giảm) – trường hợp đặc biệt, nhóm tội nặng',
  specialCategories: 'Các trường hợp đặc biệt được áp dụng',
  roundDefinedCategories: 'Trường hợp khác do Chủ tịch nước quyết định',
  'conduct.mode': 'Cách xét kết quả xếp loại chấp hành án',
  'conduct.calendar': 'Lịch quý xếp loại',
  'conduct.lastQuarter': 'Quý xếp loại cuối cùng được xét',
  'conduct.requireSinceLastQuarter': 'Phải được đánh giá từ sau quý cuối đến thời điểm xét',
  fullPaymentGroups: 'Nhóm tội phải thi hành xong hình phạt tiền, nghĩa vụ dân sự',
  'exclusions.complete': 'Danh sách trường hợp không đề nghị đặc xá đã đầy đủ',
  'ballot.threshold': 'Tỷ lệ phiếu để đội giới thiệu',
  'deadlines.applicationDays': 'Thời hạn làm đơn kể từ ngày niêm yết (ngày)',
  'deadlines.listPreparationDays': 'Thời hạn lập danh sách (ngày)',
  'deadlines.courtListDays': 'Thời hạn Tòa án lập danh sách (ngày)',
  'deadlines.appraisalDays': 'Thời hạn thẩm định (ngày)',
  'deadlines.complaintDays': 'Thời hạn khiếu nại (ngày)',
  'deadlines.complaintDecisionDays': 'Thời hạn giải quyết khiếu nại (ngày)',
  'deadlines.secondComplaintDays': 'Thời hạn khiếu nại lần hai (ngày)',
  'deadlines.secondComplaintDecisionDays': 'Thời hạn giải quyết khiếu nại lần hai (ngày)',
  'dates.councilReview': 'Ngày Hội đồng tư vấn đặc xá họp xét',
  'dates.campCouncil': 'Ngày họp dự kiến của Hội đồng xét đề nghị đặc xá các trại',
  'readings.frequentIllnessMinStays': 'Số lần điều trị nội trú tối thiểu ("nhiều lần", Nghị định 76/2008)',
  'dates.grantDecision': 'Ngày Chủ tịch nước quyết định',
  'dates.effective': 'Ngày thực hiện tha tù',
  'foreigners.notifyForeignMinistry': 'Thông báo cho Bộ Ngoại giao người nước ngoài được đặc xá (lựa chọn của đợt)',
};

function isParam(node: unknown): node is ParamNode {
  return (
    !!node &&
    typeof node === 'object' &&
    !Array.isArray(node) &&
    'value' in node &&
    'source' in node &&
    'confidence' in node
  );
}

// Every value of a round that carries a source and a confidence, wherever it sits in the parameters.
export function findParams(
  node: unknown,
  path = '',
  out: { path: string; param: ParamNode; owner: Record<string, unknown> }[] = [],
) {
  if (Array.isArray(node)) node.forEach((item, i) => findParams(item, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      const childPath = path ? `${path}.${key}` : key;
      if (isParam(child)) out.push({ path: childPath, param: child, owner: node as Record<string, unknown> });
      else findParams(child, childPath, out);
    }
  }
  return out;
}

function labelOf(path: string, parameters: Record<string, unknown>): string {
  if (LABELS[path]) return LABELS[path];
  const band = /^conduct\.consecutiveBands\[(\d+)]\.quarters$/.exec(path);
  if (band) return `Số quý liên tiếp xếp loại khá trở lên – khung án ${Number(band[1]) + 1}`;
  const exclusion = /^exclusions\.items\[(\d+)](.*)$/.exec(path);
  if (exclusion) {
    const items = (parameters.exclusions as { items?: { label?: string }[] } | undefined)?.items ?? [];
    return `${items[Number(exclusion[1])]?.label ?? 'Trường hợp không đề nghị'} (${exclusion[2].replace(/^\./, '')})`;
  }
  return path;
}

function kindOf(value: unknown): ParameterRow['kind'] {
  if (typeof value === 'string') return ISO.test(value) ? 'date' : 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return value === null ? 'text' : 'json';
}

function show(value: unknown, kind: ParameterRow['kind']): string {
  if (value === null || value === undefined) return '';
  if (kind === 'date') return formatDate(value);
  if (kind === 'json') return JSON.stringify(value);
  return String(value);
}

export function parameterRows(
  parameters: Record<string, unknown>,
  issues: { path: string; message: string; severity: string }[],
): ParameterRow[] {
  return findParams(parameters).map(({ path, param }, index) => {
    const kind = kindOf(param.value);
    const mine = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
    return {
      index,
      path,
      label: labelOf(path, parameters),
      kind,
      value: show(param.value, kind),
      source: param.source,
      confidence: param.confidence,
      issue: mine.find((i) => i.severity === 'error')?.message,
      warning: mine.find((i) => i.severity !== 'error')?.message,
    };
  });
}

// Posted rows back into a copy of the stored parameters; a value that cannot be read is reported on its row.
export function applyParameterRows(
  stored: Record<string, unknown>,
  posted: Record<string, string>[],
): { parameters: Record<string, unknown>; errors: FieldError[] } {
  const parameters = structuredClone(stored);
  const found = findParams(parameters);
  const errors: FieldError[] = [];
  for (const row of posted) {
    const target = found.find((f) => f.path === row.path);
    if (!target) continue;
    const kind = kindOf(target.param.value);
    const text = (row.value ?? '').trim();
    let value: unknown = text === '' ? null : text;
    if (text !== '') {
      if (kind === 'date') value = parseDisplayDate(text);
      else if (kind === 'number') value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
      else if (kind === 'bool') value = text === 'true';
      else if (kind === 'json') {
        try {
          value = JSON.parse(text);
        } catch {
          errors.push({
            path: `parameters.${row.path}`,
            code: 'json',
            message: 'Giá trị phải viết đúng dạng JSON như giá trị đang lưu.',
          });
          continue;
        }
      } else if (target.param.value === null && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text)) value = parseDisplayDate(text);
    }
    target.param.value = value;
    target.param.source = (row.source ?? '').trim();
    target.param.confidence = ['V', 'K', '?'].includes(row.confidence) ? row.confidence : '?';
  }
  return { parameters, errors };
}
