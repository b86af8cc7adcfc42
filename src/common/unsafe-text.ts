import type { FieldError } from './app.exception.js';

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Where = 'path' | 'query' | 'body';

function describe(where: Where, path: string): string {
  if (where === 'query') return `Tham số "${path}" trên đường dẫn`;
  if (where === 'path') return 'Đường dẫn';
  return `Trường "${path}"`;
}

function problemOf(text: string): { code: string; phrase: string } | null {
  if (NUL.test(text)) return { code: 'nulCharacter', phrase: 'chứa ký tự NUL (mã 0), không được phép' };
  if (LONE_SURROGATE.test(text))
    return { code: 'loneSurrogate', phrase: 'chứa ký tự Unicode không trọn vẹn (nửa cặp UTF-16), không được phép' };
  return null;
}

function join(parent: string, key: string, isIndex: boolean): string {
  if (isIndex) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

// The first NUL or lone surrogate in a value, its keys included, with the field path the validators would use.
// Iterative, so a deep value cannot exhaust the stack (bodies are depth-limited before this runs anyway).
export function findUnsafeText(value: unknown, root: string, where: Where): FieldError | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = problemOf(current);
      if (problem) return { path, code: problem.code, message: `${describe(where, path)} ${problem.phrase}.` };
    } else if (current !== null && typeof current === 'object') {
      const isArray = Array.isArray(current);
      for (const [key, child] of Object.entries(current)) {
        const childPath = join(path, key, isArray);
        const keyProblem = problemOf(key);
        if (keyProblem)
          return {
            path: childPath,
            code: keyProblem.code,
            message: `Tên trường "${childPath}" ${keyProblem.phrase}.`,
          };
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return null;
}
