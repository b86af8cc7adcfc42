import { ValidationFailedException } from './app.exception.js';

type FormValue = string | string[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const KEY = /^([A-Za-z_][\w-]{0,99})((?:\[[^[\]]{0,100}\])*)$/;
const NAME = /^[A-Za-z_]\w{0,99}$/;
const INDEX = /^\d{1,5}$/;
// Names that would reach Object.prototype (`toString`, `constructor`, `__proto__`…) are never field names here.
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

function refuse(key: string, problem: string): never {
  throw new ValidationFailedException(
    [{ path: key, code: 'formKey', message: `Tên trường "${key}" ${problem}.` }],
    'Biểu mẫu gửi lên có tên trường không hợp lệ.',
  );
}

function segmentsOf(key: string): string[] {
  const match = KEY.exec(key);
  if (!match) refuse(key, 'không đúng dạng tên[chỉ số][tên]');
  const segments = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)]/g)].map((m) => m[1])];
  for (const segment of segments) {
    if (RESERVED.has(segment)) refuse(key, `dùng tên dành riêng "${segment}"`);
    if (segment !== '' && !NAME.test(segment) && !INDEX.test(segment)) refuse(key, `có phần "${segment}" không hợp lệ`);
  }
  return segments;
}

function nextIndex(container: FormObject): string {
  return String(Object.keys(container).filter((k) => INDEX.test(k)).length);
}

// Reads `application/x-www-form-urlencoded` into the nested shape the pages expect (`rows[0][votesFor]`), with only
// plain names and numeric indexes as keys. Indexed groups stay objects keyed by index (asItems orders them), so a
// crafted index cannot allocate a huge array. A repeated plain field becomes a list of strings, as browsers send
// multiple selections.
export function parseFormBody(text: string, maxParameters: number): FormObject {
  const body: FormObject = {};
  let count = 0;
  for (const [key, value] of new URLSearchParams(text)) {
    if (++count > maxParameters) refuse(key, `vượt quá ${maxParameters} trường của một biểu mẫu`);
    const segments = segmentsOf(key);
    let container = body;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i] === '' ? nextIndex(container) : segments[i];
      const existing = container[segment];
      if (existing === undefined) container[segment] = {};
      else if (typeof existing === 'string' || Array.isArray(existing))
        refuse(key, 'vừa là một giá trị vừa là một nhóm trường');
      container = container[segment] as FormObject;
    }
    const last = segments[segments.length - 1] === '' ? nextIndex(container) : segments[segments.length - 1];
    const existing = container[last];
    if (existing === undefined) container[last] = value;
    else if (typeof existing === 'string') container[last] = [existing, value];
    else if (Array.isArray(existing)) existing.push(value);
    else refuse(key, 'vừa là một giá trị vừa là một nhóm trường');
  }
  return body;
}
