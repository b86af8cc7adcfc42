import type { FieldError } from '../../common/app.exception.js';
import { formatDate } from '../render/format.js';

// What a clerk reads next to a field: the validators' sentence without the technical path, dates dd/mm/yyyy, and
// format hints in the form's own terms.
const BY_CODE: Record<string, string> = {
  isIsoCalendarDate: 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.',
  isBirthDate: 'Ngày sinh không hợp lệ: nhập dd/mm/yyyy hoặc chỉ năm sinh yyyy.',
  isInt: 'Phải là số nguyên.',
  isEnum: 'Hãy chọn một giá trị trong danh sách.',
  isIn: 'Hãy chọn một giá trị trong danh sách.',
};

export function normalisePath(path: string): string {
  return path.replace(/^dossier\./, '');
}

export function clerkMessage(error: FieldError, blank: boolean): string {
  if (blank && error.code !== 'arrayMinSize') return 'Chưa nhập thông tin này.';
  const fixed = BY_CODE[error.code];
  if (fixed) return fixed;
  let text = error.message.replace(/^Trường "[^"]*"\s*:?\s*/, '');
  text = text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));
  text = text.replace(/\s\((?:[A-Za-z_]+)\)/g, '');
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// The first message per path; a field shows one thing to fix at a time.
export function errorsByPath(errors: FieldError[], isBlank: (path: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const error of errors) {
    const path = normalisePath(error.path);
    if (!out.has(path)) out.set(path, clerkMessage(error, isBlank(path)));
  }
  return out;
}
