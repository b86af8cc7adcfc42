import { registerDecorator, ValidationOptions } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days && y >= 1900 && y <= 2100;
}

// A real calendar date written 'YYYY-MM-DD' (29 February only in leap years).
export function IsIsoCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsoCalendarDate',
      target: target.constructor,
      propertyName,
      options,
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

// Judgments sometimes give only the year of birth.
export function IsBirthDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBirthDate',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          isCalendarDate(value) || (typeof value === 'string' && /^\d{4}$/.test(value) && Number(value) >= 1900),
      },
    });
}

// A check whose problems lie below the field (keys of a free-form object): the message carries them as JSON, and the
// field-error mapper (validation-messages.ts) turns each into an error at its own path.
export const NESTED_PROBLEMS = 'nestedProblems';

export function HasNoNestedProblems(
  problemsOf: (value: unknown, owner: object) => Array<{ key: string; message: string }>,
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: NESTED_PROBLEMS,
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args) => problemsOf(value, args!.object).length === 0,
        defaultMessage: (args) => JSON.stringify(problemsOf(args!.value, args!.object)),
      },
    });
}
