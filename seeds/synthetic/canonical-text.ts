// The same text as canonicalJson (src/common/canonical-json.ts): keys sorted at every depth, undefined members left
// out, no whitespace; written for throughput, since the synthetic load serialises every document once for its hash
// and reuses the text for the stored version. A test holds the two to the same output.
const KEY_TEXT = new Map<string, string>();
const SORTED_KEYS = new Map<string, string[]>();

function keyText(key: string): string {
  let text = KEY_TEXT.get(key);
  if (text === undefined) {
    text = `${JSON.stringify(key)}:`;
    KEY_TEXT.set(key, text);
  }
  return text;
}

function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  const shape = keys.join('\u0000');
  let sorted = SORTED_KEYS.get(shape);
  if (sorted === undefined) {
    sorted = [...keys].sort();
    SORTED_KEYS.set(shape, sorted);
  }
  return sorted;
}

export function canonicalText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalText(value[i]);
    return `${out}]`;
  }
  let out = '{';
  let first = true;
  const record = value as Record<string, unknown>;
  for (const key of sortedKeys(record)) {
    const member = record[key];
    if (member === undefined) continue;
    out += (first ? '' : ',') + keyText(key) + canonicalText(member);
    first = false;
  }
  return `${out}}`;
}
