import type { ValidationError } from 'class-validator';
import type { FieldError } from './app.exception.js';
import { NESTED_PROBLEMS } from './validators.js';

// class-validator speaks English; clerks read Vietnamese. One sentence per constraint, naming the field path.
// `c` is the constraint's argument; `english` is class-validator's own sentence, read where it says which bound failed.
export const VALIDATION_MESSAGES: Record<string, (c: string, english: string) => string> = {
  isNotEmpty: () => 'không được để trống',
  isDefined: () => 'là thông tin bắt buộc',
  isString: () => 'phải là chuỗi ký tự',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là số',
  isBoolean: () => 'phải là đúng (true) hoặc sai (false)',
  isArray: () => 'phải là một danh sách',
  isEnum: (c) => `có giá trị không hợp lệ; chỉ chấp nhận: ${c}`,
  isIn: (c) => `có giá trị không hợp lệ; chỉ chấp nhận: ${c}`,
  min: (c) => `phải lớn hơn hoặc bằng ${c}`,
  max: (c) => `phải nhỏ hơn hoặc bằng ${c}`,
  minLength: (c) => `phải có ít nhất ${c} ký tự`,
  maxLength: (c) => `không được dài quá ${c} ký tự`,
  arrayMinSize: (c) => `phải có ít nhất ${c} phần tử`,
  arrayMaxSize: (c) => `không được có quá ${c} phần tử`,
  isIsoCalendarDate: () => 'phải là ngày hợp lệ theo dạng YYYY-MM-DD',
  isBirthDate: () => 'phải là ngày sinh dạng YYYY-MM-DD hoặc năm sinh dạng YYYY',
  matches: () => 'không đúng định dạng',
  whitelistValidation: () => 'là trường không được phép (không có trong định dạng hồ sơ)',
  nestedValidation: () => 'phải là một đối tượng hợp lệ',
  isObject: () => 'phải là một đối tượng',
  equals: (c) => `phải bằng ${c}`,
  isLength: (_c, english) => {
    const bound = /(longer|shorter) than or equal to (\d+)/.exec(english);
    if (!bound) return 'có độ dài không hợp lệ';
    return bound[1] === 'longer' ? `phải có ít nhất ${bound[2]} ký tự` : `không được dài quá ${bound[2]} ký tự`;
  },
  isUuid: () => 'phải là mã định danh dạng UUID (ví dụ 7e29dfd7-8157-4183-8209-6013cbb8d568)',
  isDateString: () => 'phải là ngày hợp lệ theo dạng YYYY-MM-DD',
  arrayNotEmpty: () => 'phải có ít nhất 1 phần tử',
  arrayUnique: () => 'không được có phần tử trùng nhau',
  isPositive: () => 'phải là số dương',
  isNotIn: () => 'có giá trị không được phép',
  notEquals: (c) => `không được bằng ${c}`,
  isEmail: () => 'phải là địa chỉ thư điện tử hợp lệ',
};

function constraintArg(error: ValidationError, key: string): string {
  const raw = error.contexts?.[key]?.arg;
  if (raw !== undefined) return String(raw);
  const text = error.constraints?.[key] ?? '';
  const match = /: (.*)$/.exec(text) ?? /(-?\d+)/.exec(text);
  return match ? match[1] : '';
}

function join(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

function nestedErrors(path: string, text: string): FieldError[] {
  const problems = JSON.parse(text) as Array<{ key: string; message: string }>;
  return problems.map((p) => {
    const at = `${path}.${p.key}`;
    return { path: at, code: 'invalidDetail', message: `Trường "${at}" ${p.message}.` };
  });
}

export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = join(parent, error.property);
    for (const key of Object.keys(error.constraints ?? {})) {
      if (key === NESTED_PROBLEMS) {
        out.push(...nestedErrors(path, error.constraints![key]));
        continue;
      }
      const text = error.constraints?.[key] ?? '';
      // A DTO that words its own sentence for the clerk (in Vietnamese, e.g. the form a document number takes) keeps
      // it; class-validator's English defaults are translated.
      if (/[^\x00-\x7F]/.test(text)) {
        out.push({ path, code: key, message: text });
        continue;
      }
      const phrase = VALIDATION_MESSAGES[key]?.(constraintArg(error, key), text);
      out.push({
        path,
        code: key,
        message: `Trường "${path}" ${phrase ?? `không hợp lệ (${text})`}.`,
      });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, path));
  }
  return out;
}
