// Field paths as the validators write them ('judgments[0].offences[1].article') and as form inputs are named for
// Express's parser ('judgments[0][offences][1][article]').

export function toInputName(path: string): string {
  const [head, ...rest] = path.split('.');
  const first = head.replace(/\[(\w+)]/g, '[$1]');
  return first + rest.map((part) => part.replace(/^([^[]+)/, '[$1]')).join('');
}

export function toInputId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '')}`;
}

export function getPath(source: unknown, key: string): unknown {
  let current: unknown = source;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let current = target;
  for (const part of parts.slice(0, -1)) {
    if (current[part] === null || typeof current[part] !== 'object') current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts[parts.length - 1]] = value;
}

// The parser turns large indexes into objects with numeric keys; either way the items come back in index order.
export function asItems(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter((v) => v && typeof v === 'object') as Record<string, unknown>[];
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => /^\d+$/.test(k) && v && typeof v === 'object')
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, v]) => v as Record<string, unknown>);
  }
  return [];
}
