// The one canonical JSON of the service (facts, dossier versions, audit rows, idempotent requests, document snapshots):
// object keys sorted by UTF-16 code units (integer-like keys too), no whitespace, undefined members left out, arrays
// in order. Two objects with the same content give the same text whatever their key order, so their hash matches.
export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

// Every string of a dossier is quoted, so the common case (nothing to escape) skips JSON.stringify.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

// Facts reuse a few dozen property names; quoting each once saves a regular-expression test per key. Bounded so a
// stream of odd keys cannot grow it without limit.
const QUOTED_KEYS = new Map<string, string>();

function quoteKey(k: string): string {
  let q = QUOTED_KEYS.get(k);
  if (q === undefined) {
    q = quote(k);
    if (QUOTED_KEYS.size < 4096) QUOTED_KEYS.set(k, q);
  }
  return q;
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`Số không hữu hạn trong dữ liệu: ${value}`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`Kiểu dữ liệu không hỗ trợ: ${typeof value}`);
  }
  // A Date (or any value with toJSON) is written as JSON.stringify writes it, so that text read back hashes alike.
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return write(toJson.call(value));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : write(value[i]);
    }
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  // Objects here have a handful of keys: an insertion sort beats Array.prototype.sort's generic comparator.
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  let out = '{';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += quoteKey(k) + ':' + write(v);
  }
  return out + '}';
}

export function canonicalJson(value: unknown): string {
  return write(value);
}
