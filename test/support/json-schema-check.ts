// A small JSON Schema checker for the subset docs/dossier.schema.json uses (type, const, enum, pattern, bounds,
// required, properties, additionalProperties, items, $ref, oneOf), so the published schema is tested against real
// documents without another dependency.
type Schema = Record<string, any>;

export function checkJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(root.$defs[s.$ref.replace('#/$defs/', '')]) : s);
  const visit = (schemaIn: Schema, v: unknown, path: string) => {
    const s = resolve(schemaIn);
    if (s.oneOf) {
      const matches = s.oneOf.filter((alt: Schema) => {
        const before = errors.length;
        visit(alt, v, path);
        const ok = errors.length === before;
        errors.length = before;
        return ok;
      });
      if (matches.length !== 1) errors.push(`${path}: matches ${matches.length} of oneOf`);
      return;
    }
    if ('const' in s && v !== s.const) errors.push(`${path}: must be ${s.const}`);
    if (s.enum && !s.enum.includes(v)) errors.push(`${path}: not in enum`);
    const types: string[] = s.type ? [].concat(s.type) : [];
    const actual = Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v;
    if (types.length && !types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) {
      errors.push(`${path}: expected ${types.join('|')}, got ${actual}`);
      return;
    }
    if (typeof v === 'string') {
      if (s.pattern && !new RegExp(s.pattern).test(v)) errors.push(`${path}: pattern`);
      if (s.minLength !== undefined && v.length < s.minLength) errors.push(`${path}: minLength`);
      if (s.maxLength !== undefined && v.length > s.maxLength) errors.push(`${path}: maxLength`);
    }
    if (typeof v === 'number') {
      if (s.minimum !== undefined && v < s.minimum) errors.push(`${path}: minimum`);
      if (s.maximum !== undefined && v > s.maximum) errors.push(`${path}: maximum`);
    }
    if (Array.isArray(v)) {
      if (s.minItems !== undefined && v.length < s.minItems) errors.push(`${path}: minItems`);
      if (s.maxItems !== undefined && v.length > s.maxItems) errors.push(`${path}: maxItems`);
      if (s.items) v.forEach((item, i) => visit(s.items, item, `${path}[${i}]`));
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of s.required ?? []) if (!(key in o)) errors.push(`${path}.${key}: required`);
      for (const [key, child] of Object.entries(o)) {
        if (s.properties?.[key]) visit(s.properties[key], child, `${path}.${key}`);
        else if (s.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
        else if (s.additionalProperties && typeof s.additionalProperties === 'object')
          visit(s.additionalProperties, child, `${path}.${key}`);
      }
    }
  };
  visit(root, value, '$');
  return errors;
}
