import type { FieldError } from '../common/app.exception.js';
import { canonicalJson } from '../kernel/canonical-json.js';
import type { RoundParameters } from '../eligibility/core/index.js';

export interface ParameterChange {
  path: string;
  value: unknown;
}

export interface ParameterDifference {
  path: string;
  before: unknown;
  after: unknown;
}

const SEGMENT = /([^.[\]]+)|\[(\d+)]/g;

function segments(path: string): Array<string | number> | null {
  if (!/^[A-Za-z][A-Za-z0-9]*(\[\d+])*(\.[A-Za-z][A-Za-z0-9]*(\[\d+])*)*$/.test(path)) return null;
  const out: Array<string | number> = [];
  for (const m of path.matchAll(SEGMENT)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

const FIXED = new Set(['code']);

// A draft is the base with some values replaced, each named by its path ('time.general.fraction.value',
// 'exclusions.items', 'specialCategories.value'). Only a value the base already has can be replaced, so a typing
// slip in a path is reported instead of silently adding a parameter the engine never reads.
export function applyChanges(
  base: RoundParameters,
  changes: readonly ParameterChange[],
): { draft: RoundParameters; errors: FieldError[] } {
  const draft = structuredClone(base);
  const errors: FieldError[] = [];
  changes.forEach((change, i) => {
    const at = `changes[${i}].path`;
    const path = typeof change?.path === 'string' ? segments(change.path) : null;
    if (!path || FIXED.has(String(path[0]))) {
      errors.push({
        path: at,
        code: 'invalidPath',
        message: `Trường "${at}": "${String(change?.path ?? '')}" không phải đường dẫn tới một tham số của đợt (ví dụ time.general.fraction.value).`,
      });
      return;
    }
    let node: unknown = draft;
    // Own properties only, so no path can reach a prototype ('constructor.prototype.toString').
    for (const key of path.slice(0, -1))
      node =
        node && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : null;
    const last = path[path.length - 1];
    const owner = node as Record<string | number, unknown> | null;
    const exists =
      !!owner &&
      typeof owner === 'object' &&
      (Array.isArray(owner) ? typeof last === 'number' && last < owner.length : Object.hasOwn(owner, last));
    if (!exists) {
      errors.push({
        path: at,
        code: 'unknownParameter',
        message: `Trường "${at}": đợt đặc xá gốc không có tham số "${change.path}".`,
      });
      return;
    }
    owner[last] = change.value === undefined ? null : structuredClone(change.value);
  });
  return { draft, errors };
}

const isParam = (v: Record<string, unknown>) => 'value' in v && 'source' in v && 'confidence' in v;

// Every value that differs between two parameter sets, at the deepest level both still have in common.
export function diffParameters(before: unknown, after: unknown, path = ''): ParameterDifference[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const plain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (plain(before) && plain(after)) {
    // A parameter's value, source and confidence are each reported whole (a fraction is one value, not two numbers).
    if (isParam(before) && isParam(after))
      return (['value', 'source', 'confidence'] as const)
        .filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]))
        .map((k) => ({ path: `${path}.${k}`, before: before[k], after: after[k] }));
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffParameters(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length)
    return before.flatMap((b, i) => diffParameters(b, after[i], `${path}[${i}]`));
  return [{ path, before: before ?? null, after: after ?? null }];
}
