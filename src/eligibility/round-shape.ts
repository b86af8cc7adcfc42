import type { FieldError } from '../common/app.exception.js';
import { ROUND_PRESETS } from './core/index.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// The engine's validator reads the parameters' groups directly (`decision.number.value`), so a body without a group
// must be refused before it runs. Every preset has the complete shape: each object-valued entry of the preset must
// be an object in the input too. Values themselves are the validator's business.
export function roundShapeErrors(input: unknown, prefix = 'parameters.'): FieldError[] {
  const template = Object.values(ROUND_PRESETS)[0] as unknown as Record<string, unknown>;
  const errors: FieldError[] = [];
  const walk = (value: unknown, shape: Record<string, unknown>, path: string) => {
    for (const [key, expected] of Object.entries(shape)) {
      if (!isRecord(expected)) continue;
      const field = `${path}${key}`;
      const actual = isRecord(value) ? value[key] : undefined;
      if (!isRecord(actual)) {
        errors.push({
          path: `${prefix}${field}`,
          code: 'isObject',
          message: `Tham số "${prefix}${field}" là thông tin bắt buộc và phải là một đối tượng (xem một mẫu tham số).`,
        });
      } else walk(actual, expected, `${field}.`);
    }
  };
  walk(input, template, '');
  return errors;
}
