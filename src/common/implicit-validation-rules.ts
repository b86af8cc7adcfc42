import { getMetadataStorage, IsArray, IsDefined, IsObject, Max, Min, ValidationTypes } from 'class-validator';

// int4, the type of every integer column the DTOs feed; a DTO that feeds a bigint says so with its own @Max.
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

interface Metadata {
  type: string;
  name?: string;
  propertyName: string;
  each?: boolean;
  validateIf?: unknown;
}

function group(metadatas: Metadata[]): Map<string, Metadata[]> {
  const byProperty = new Map<string, Metadata[]>();
  for (const m of metadatas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  return byProperty;
}

// Two rules every DTO follows without repeating them on each field, applied once to the class-validator metadata:
// - an integer is bounded to int4 unless the DTO gives its own bounds, so 2^31 gets a 400 and not a database error;
// - a nested object is required (and must be an object, a nested list a list) unless the DTO marks it @IsOptional,
//   because the exchange format requires them (`person`, `aggregateSentence`, `dossier`, `signer`…).
export function applyImplicitValidationRules(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Metadata[]> };
  for (const [target, metadatas] of [...storage.validationMetadatas.entries()]) {
    const prototype = target.prototype as object;
    for (const [property, rules] of group(metadatas)) {
      const has = (name: string) => rules.some((r) => r.name === name || r.type === name);
      const optional = rules.some((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION || r.validateIf);
      const integer = rules.find((r) => r.name === 'isInt');
      if (integer && !has('max')) Max(INT4_MAX, { each: integer.each })(prototype, property);
      if (integer && !has('min')) Min(INT4_MIN, { each: integer.each })(prototype, property);
      const nested = rules.find((r) => r.type === ValidationTypes.NESTED_VALIDATION);
      if (!nested) continue;
      if (!optional && !has(ValidationTypes.IS_DEFINED)) IsDefined()(prototype, property);
      if (nested.each && !has('isArray')) IsArray()(prototype, property);
      if (!nested.each && !has('isObject')) IsObject()(prototype, property);
    }
  }
}
