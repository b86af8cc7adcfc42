// A round parameter may be stored bare or wrapped with its source and confidence ({ value, source, confidence }).
export function unwrapParam(raw: unknown): unknown {
  return raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
}
