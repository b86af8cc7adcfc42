import { createRequire } from 'node:module';
import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

// class-transformer keeps @Type() targets in a storage its index does not export.
const classTransformerStorage = createRequire(import.meta.url)('class-transformer/cjs/storage.js')
  .defaultMetadataStorage as { findTypeMetadata(target: Function, property: string): { typeFunction(): Function } };

type Components = Record<string, SchemaObject>;

// A request body's schema read from the same class-validator decorators that validate it, for the DTOs that carry no
// @ApiProperty: the description cannot drift from the validation because it is the validation.
export function schemaFromValidators(target: Function, components: Components): SchemaObject {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metadatas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const [property, list] of byProperty) {
    const optional = list.some((m) => m.name === 'isOptional' || m.type === 'conditionalValidation');
    if (!optional) required.push(property);
    properties[property] = propertySchema(target, property, list, components);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

function propertySchema(target: Function, property: string, list: ValidationMetadata[], components: Components) {
  const isArray = list.some((m) => m.name === 'isArray' || m.each);
  // A nested DTO's entry becomes a $ref, which SchemaObject does not model.
  const value: SchemaObject & { $ref?: string } = {};
  const outer: SchemaObject = isArray ? { type: 'array', items: value } : value;
  for (const m of list) {
    const into = m.each || m.type === 'nestedValidation' ? value : outer;
    const c = m.constraints ?? [];
    switch (m.name ?? m.type) {
      case 'isString':
        into.type = 'string';
        break;
      case 'isInt':
        into.type = 'integer';
        break;
      case 'isNumber':
        into.type = 'number';
        break;
      case 'isBoolean':
        into.type = 'boolean';
        break;
      case 'isObject':
        into.type = 'object';
        break;
      case 'isUuid':
        Object.assign(into, { type: 'string', format: 'uuid' });
        break;
      case 'isDateString':
      case 'isIsoCalendarDate':
        Object.assign(into, { type: 'string', format: 'date' });
        break;
      case 'isEnum':
        Object.assign(into, { type: 'string', enum: enumValues(c[0]) });
        break;
      case 'isIn':
        into.enum = c[0] as unknown[];
        break;
      case 'equals':
        into.enum = [c[0]];
        break;
      case 'min':
        into.minimum = c[0] as number;
        break;
      case 'max':
        into.maximum = c[0] as number;
        break;
      case 'isLength':
        Object.assign(into, { minLength: c[0], ...(c[1] !== undefined ? { maxLength: c[1] } : {}) });
        break;
      case 'minLength':
        into.minLength = c[0] as number;
        break;
      case 'maxLength':
        into.maxLength = c[0] as number;
        break;
      case 'matches':
        // @Matches only ever accepts text.
        Object.assign(into, { type: 'string', pattern: (c[0] as RegExp).source });
        break;
      case 'arrayMinSize':
        outer.minItems = c[0] as number;
        break;
      case 'arrayMaxSize':
        outer.maxItems = c[0] as number;
        break;
      case 'arrayNotEmpty':
        outer.minItems = 1;
        break;
      case 'arrayUnique':
        outer.uniqueItems = true;
        break;
      case 'nestedValidation': {
        const nested = classTransformerStorage.findTypeMetadata(target, property)?.typeFunction();
        if (nested) value.$ref = componentRef(nested, components);
        break;
      }
    }
  }
  if (value.$ref)
    for (const key of Object.keys(value)) if (key !== '$ref') delete (value as Record<string, unknown>)[key];
  return outer;
}

function enumValues(entity: unknown): unknown[] {
  return [...new Set(Object.values(entity as object).filter((v) => typeof v === 'string'))];
}

function componentRef(type: Function, components: Components): string {
  const existing = components[type.name];
  if (!existing || !Object.keys(existing.properties ?? {}).length)
    components[type.name] = schemaFromValidators(type, components);
  return `#/components/schemas/${type.name}`;
}
