import { IntervalKind } from '../../src/dossiers/dossier-format.js';
import type { Duration, Interval, Judgment, Offence, Reduction, Sentence } from '../../src/dossiers/dossier-format.js';
import { addDays, addMonths, toDay } from './dates.js';
import { OFFENCES } from './data/offences.js';
import type { Catalogue } from './data/offences.js';
import type { Rng } from './prng.js';
import { districtLabel, provinceLabel } from './data/places.js';

export interface OffencePick {
  article: number;
  clause?: number;
  months?: number;
  life?: boolean;
  aggravations?: string[];
  victims?: number;
}

export interface CourtSetting {
  province: string;
  // Army courts try soldiers: 'Quân khu 7', 'Quân khu 3'…
  militaryRegion?: string;
}

export interface TimelineOptions {
  cutoffDate: string;
  offences: OffencePick[];
  // Months actually served at the cut-off; for a commuted life sentence, the years since arrest count.
  servedMonths: number;
  bail?: boolean;
  reductions?: boolean;
  court: CourtSetting;
  catalogue?: Catalogue;
  // Nothing on file is dated after the camp council meets.
  notAfter?: string;
}

export interface Timeline {
  judgments: Judgment[];
  aggregate: Sentence;
  intervals: Interval[];
  reductions: Reduction[];
  arrestDate: string;
  campEntry: string;
  termMonths: number | null;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function duration(months: number, days = 0): Duration {
  return { years: Math.floor(months / 12), months: months % 12, days };
}

export function fixed(months: number): Sentence {
  return { kind: 'FIXED', ...duration(months) };
}

function court(rng: Rng, setting: CourtSetting, serious: boolean): string {
  if (setting.militaryRegion)
    return serious
      ? `Tòa án quân sự ${setting.militaryRegion}`
      : `Tòa án quân sự khu vực ${rng.int(1, 2)} ${setting.militaryRegion}`;
  const district = serious ? null : districtLabel((l) => rng.pick(l), setting.province);
  return `Tòa án nhân dân ${district ?? provinceLabel(setting.province)}`;
}

export function offenceSentenceMonths(
  rng: Rng,
  pick: OffencePick,
  catalogue: Catalogue = OFFENCES,
): { clause: number; months: number; grade: Offence['grade'] } {
  const template = catalogue[pick.article];
  if (!template) throw new Error(`No offence template for article ${pick.article}`);
  const frame =
    (pick.clause !== undefined ? template.clauses.find((c) => c.clause === pick.clause) : undefined) ??
    rng.pick(template.clauses);
  const months =
    pick.months ?? Math.round((frame.minMonths + (frame.maxMonths - frame.minMonths) * rng.next() ** 1.6) / 3) * 3;
  return { clause: frame.clause, months: Math.max(months, 3), grade: frame.grade };
}

// Arrest, custody, trial, transfer to the camp and sentence reductions, laid out backwards from the cut-off so that
// the time actually served comes out as asked.
export function buildTimeline(rng: Rng, o: TimelineOptions): Timeline {
  const life = o.offences.some((p) => p.life);
  const catalogue = o.catalogue ?? OFFENCES;
  const picks = o.offences.map((p) => ({ pick: p, ...offenceSentenceMonths(rng, p, catalogue) }));
  const sum = picks.reduce((s, p) => s + p.months, 0);
  const termMonths = life ? null : Math.min(sum, 30 * 12);
  const serious = life || (termMonths ?? 0) > 36 || picks.some((p) => p.grade !== 'LESS_SERIOUS');

  const campEntryOffset = o.bail ? 0 : Math.min(rng.int(90, 330), Math.max(45, Math.floor(o.servedMonths * 30 * 0.45)));
  const servedDays = Math.max(60, Math.round(o.servedMonths * 30.44));
  const campEntry = addDays(o.cutoffDate, -(servedDays - campEntryOffset));
  const bailDays = o.bail ? rng.int(120, 300) : 0;
  const arrestDate = addDays(campEntry, -(campEntryOffset + bailDays + (o.bail ? 4 : 0)));
  const custodyEnd = addDays(arrestDate, o.bail ? 3 : rng.int(3, 9));
  const latestFinal = addDays(campEntry, -1);
  const judgmentDate = maxDate(addDays(campEntry, -rng.int(30, 60)), addDays(custodyEnd, 10));
  const trialEnd = minDate(addDays(judgmentDate, rng.int(16, 30)), latestFinal);
  const offenceDate = addDays(arrestDate, -rng.int(0, 60));

  const intervals: Interval[] = [{ kind: IntervalKind.POLICE_CUSTODY, from: arrestDate, to: custodyEnd }];
  if (o.bail) {
    intervals.push({ kind: IntervalKind.BAIL, from: addDays(custodyEnd, 1), to: addDays(campEntry, -1) });
  } else {
    intervals.push({
      kind: IntervalKind.PRE_TRIAL_DETENTION,
      from: addDays(custodyEnd, 1),
      to: addDays(campEntry, -1),
    });
  }
  intervals.push({ kind: IntervalKind.CAMP, from: campEntry });

  const offences: Offence[] = picks.map(({ pick, clause, months, grade }) => {
    const t = catalogue[pick.article];
    const offence: Offence = {
      article: t.article,
      clause,
      chapter: t.chapter,
      name: t.name,
      offenceDate,
      intentional: t.intentional,
      drug: t.drug === true,
      corruption: t.corruption === true,
      nationalSecurity: t.nationalSecurity === true,
      grade,
      aggravations: pick.aggravations ?? [],
      sentence: pick.life ? { kind: 'LIFE' } : fixed(months),
    };
    if (pick.victims !== undefined) offence.victims = pick.victims;
    return offence;
  });

  let aggregate: Sentence;
  if (life) {
    // Criminal Code Art 63: a life sentence may first be commuted to 30 years after 12 years actually served.
    const commutedOn = addMonths(arrestDate, 12 * 12 + rng.int(2, 10));
    aggregate = {
      kind: 'LIFE',
      commutation: {
        decisionNumber: `${rng.int(10, 480)}/${commutedOn.slice(0, 4)}/QĐ-CA`,
        date: commutedOn,
        term: duration(360),
      },
    };
  } else {
    aggregate = fixed(termMonths!);
  }
  const year = judgmentDate.slice(0, 4);
  const judgments: Judgment[] = [
    {
      number: `${rng.int(12, 689)}/${year}/HS-ST`,
      date: judgmentDate,
      court: court(rng, o.court, serious),
      finalDate: trialEnd,
      offences,
      sentence: aggregate,
    },
  ];

  // A life sentence cannot be shortened until it has been commuted to a fixed term.
  const reductionsFrom = aggregate.kind === 'LIFE' ? aggregate.commutation!.date : arrestDate;
  const reductions =
    o.reductions === false
      ? []
      : buildReductions(rng, {
          from: reductionsFrom,
          until: o.notAfter ?? o.cutoffDate,
          termMonths: termMonths ?? 360,
          servedDays,
          court: o.court,
          life: aggregate.kind === 'LIFE',
        });
  return { judgments, aggregate, intervals, reductions, arrestDate, campEntry, termMonths };
}

// Reductions are considered around 30/4 and 2/9 once a third of the term has been served; they never eat the whole
// remainder.
function buildReductions(
  rng: Rng,
  o: { from: string; until: string; termMonths: number; servedDays: number; court: CourtSetting; life: boolean },
): Reduction[] {
  const out: Reduction[] = [];
  let budget = Math.floor(o.termMonths - o.servedDays / 30.44 - 3);
  const eligibleFrom = toDay(o.from) + (o.life ? 0 : Math.max(365, (o.termMonths * 30.44) / 3));
  for (let y = Number(o.from.slice(0, 4)); y <= Number(o.until.slice(0, 4)); y++) {
    for (const md of ['04-25', '08-28']) {
      const date = `${y}-${md}`;
      if (toDay(date) < eligibleFrom || date >= o.until || budget < 1 || !rng.chance(0.45)) continue;
      const months = Math.min(budget, rng.pick([1, 2, 3, 3, 6, 6, 9, 12]));
      budget -= months;
      const issuer = o.court.militaryRegion
        ? `Tòa án quân sự ${o.court.militaryRegion}`
        : `Tòa án nhân dân tỉnh ${o.court.province}`;
      out.push({ decisionNumber: `${rng.int(100, 3200)}/${y}/QĐ-GTHA`, date, issuer, term: duration(months) });
    }
  }
  return out;
}
