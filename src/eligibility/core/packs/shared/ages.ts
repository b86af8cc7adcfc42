import { dayNumberOf } from '../../../../kernel/calendar-date.js';
import { addYmd } from '../../calendar/duration.js';
import type { DossierContext } from '../../context.js';

// Whether the person has reached `years` of age on `day`: true, false, or null when only the birth year is known
// and the answer depends on the day of birth. A 29 February birthday falls on 28 February in other years
// (the calendar convention of duration.ts).
export function reachedAge(ctx: DossierContext, years: number, day: number): boolean | null {
  const ymd = { years, months: 0, days: 0 };
  if (ctx.birthDay !== null) return addYmd(ctx.birthDay, ymd) <= day;
  const y = ctx.facts.person.birthYear;
  if (y === null) return null;
  if (addYmd(dayNumberOf(y, 12, 31), ymd) <= day) return true;
  if (addYmd(dayNumberOf(y, 1, 1), ymd) > day) return false;
  return null;
}

export function birthdayOf(ctx: DossierContext, years: number): number | null {
  return ctx.birthDay === null ? null : addYmd(ctx.birthDay, { years, months: 0, days: 0 });
}
