import { InmateStatus, IntervalKind, IssuerLevel, ProtestKind } from '../../src/dossiers/dossier-format.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import type { DossierPlan } from '../common/dossier-builder.js';
import { addDays, addMonths, fromDay, nextQuarter, quarterStart, toDay } from '../common/dates.js';
import { COMMUNE_NAMES } from '../common/data/places.js';
import type { OffencePick } from '../common/timeline.js';
import { build, DemoDefect, picks, priorConviction, Scenario, ScenarioContext } from './scenario-kit.js';

// The general conditions of Art 11(1) one at a time (time served, conduct, fine and civil obligations, scope),
// suspended persons, and the form defects that do not belong to a special category.
function condition(
  key: string,
  offences: OffencePick[],
  extra: Partial<DossierPlan> = {},
  finish: (doc: DossierDocument, ctx: ScenarioContext) => void = () => undefined,
  flags: Partial<Scenario> = {},
): Scenario {
  return {
    key,
    ...flags,
    build(ctx) {
      const doc = build(ctx, { ...picks(ctx, offences), servedFraction: 0.4 + ctx.rng.next() * 0.15, ...extra });
      finish(doc, ctx);
      return doc;
    },
  };
}

function suspend(doc: DossierDocument, ctx: ScenarioContext, certified: boolean): void {
  const camp = doc.intervals.find((v) => v.kind === IntervalKind.CAMP)!;
  // Suspended somewhere between three months after arriving at the camp and a month before the decision was posted.
  const latest = toDay(addDays(ctx.round.postingDate, -30));
  const earliest = Math.min(toDay(addMonths(camp.from, 3)), latest);
  const from = fromDay(ctx.rng.int(earliest, latest));
  camp.to = addDays(from, -1);
  doc.intervals.push({ kind: IntervalKind.SUSPENSION, from });
  doc.status = InmateStatus.SUSPENDED;
  // Only quarters completed before the suspension count (Law 30/2018 Art 11(2)(a)).
  doc.conductRatings = doc.conductRatings.filter((r) => quarterStart(nextQuarter(r.period)) <= from);
  delete doc.postQuarterEvaluation;
  if (certified) {
    doc.suspensionCertification = {
      kind: 'SUSPENSION_CONDUCT_COMMENT',
      date: addDays(ctx.round.postingDate, ctx.rng.int(1, 4)),
      issuer: `UBND xã ${ctx.rng.pick(COMMUNE_NAMES)}`,
      issuerLevel: IssuerLevel.COMMUNE,
      readable: true,
      note: 'Nhận xét của UBND cấp xã về việc chấp hành pháp luật trong thời gian tạm đình chỉ',
    };
  }
}

export const CONDITION_SCENARIOS: readonly Scenario[] = [
  condition('TIME_NOT_SERVED', [{ article: 173, clause: 2 }], { servedFraction: 0.2 }),
  condition('HEAVY_GROUP_SHORT_TIME', [{ article: 168, clause: 2, months: 96 }], { servedFraction: 0.4 }),
  condition('HEAVY_GROUP_ENOUGH_TIME', [{ article: 168, clause: 1, months: 84 }], { servedFraction: 0.56 }),
  condition('LIFE_COMMUTED', [{ article: 123, clause: 1, life: true, victims: 1 }], { servedMonths: 12 * 15 + 4 }),
  condition(
    'LIFE_NOT_COMMUTED',
    [{ article: 251, clause: 2, life: true }],
    { servedMonths: 12 * 9, reductions: false },
    (doc) => {
      doc.aggregateSentence = { kind: 'LIFE' };
      doc.judgments[0].sentence = { kind: 'LIFE' };
    },
  ),
  condition('CONDUCT_ONE_AVERAGE_QUARTER', [{ article: 173, clause: 2 }], { conduct: 'ONE_AVERAGE' }),
  condition('CONDUCT_RECENT_POOR', [{ article: 174, clause: 2 }], { conduct: 'RECENT_POOR' }),
  condition('FINE_UNPAID', [{ article: 174, clause: 2 }], { civil: 'FINE_UNPAID' }),
  condition('FINE_EXEMPTED', [{ article: 321, clause: 2 }], { civil: 'FINE_EXEMPTED' }),
  condition('CORRUPTION_PAID', [{ article: 353, clause: 1 }], { ageAtCutoff: 52 }),
  condition('CORRUPTION_PARTIAL', [{ article: 353, clause: 2 }], { civil: 'CORRUPTION_PARTIAL', ageAtCutoff: 56 }),
  condition('PARTIAL_WITH_HARDSHIP_DECISION', [{ article: 173, clause: 2 }], { civil: 'PARTIAL_HARDSHIP' }),
  condition('CREDITOR_WAIVER', [{ article: 134, clause: 2 }], { civil: 'CREDITOR_WAIVER' }),
  condition('ENFORCEMENT_TERMINATED', [{ article: 175, clause: 2 }], { civil: 'TERMINATED' }),
  condition('BAIL_BEFORE_TRIAL', [{ article: 260, clause: 1 }], { bail: true }),
  condition('EXPUNGED_WITH_PROOF', [{ article: 173, clause: 2 }], {}, (doc, ctx) => {
    doc.priorConvictions.push(priorConviction(ctx, doc, { expunged: true, proof: true, yearsBefore: 8 }));
  }),
  condition('PROTEST_NOT_AGGRAVATING', [{ article: 134, clause: 2 }], {}, (doc, ctx) => {
    doc.pendingProtest = {
      kind: ProtestKind.REOPENING,
      aggravating: false,
      date: addDays(ctx.round.postingDate, -ctx.rng.int(20, 90)),
    };
  }),
  condition('SECURITY_CONCERN', [{ article: 318, clause: 2 }], {}, (doc) => {
    doc.securityConcern =
      'Công an xã nơi cư trú có văn bản đề nghị xem xét thận trọng: đối tượng cầm đầu nhóm thanh niên gây rối trước khi bị bắt.';
  }),
  condition('FOREIGNER', [{ article: 251, clause: 1 }], { foreigner: true }),
  condition(
    'SUSPENDED_CERTIFIED',
    [{ article: 174, clause: 1, months: 30 }],
    {},
    (doc, ctx) => suspend(doc, ctx, true),
    { law2018Only: true },
  ),
  condition(
    'SUSPENDED_UNCERTIFIED',
    [{ article: 173, clause: 1, months: 24 }],
    {},
    (doc, ctx) => suspend(doc, ctx, false),
    { law2018Only: true },
  ),
  condition(
    'UNDER_18_NOW',
    // Law 30/2018 Art 11(4): still under 18 at the cut-off; on bail before the trial, then long enough in the camp
    // for two rated quarters, and less than a third served, so the special groups are what qualify them.
    [{ article: 173, clause: 2, months: 51 }],
    { ageAtCutoff: 17, servedMonths: 15, bail: true },
    () => undefined,
    { law2018Only: true },
  ),
  condition(
    DemoDefect.EXPUNGED_WITHOUT_PROOF,
    [{ article: 173, clause: 2 }],
    {},
    (doc, ctx) => {
      doc.priorConvictions.push(priorConviction(ctx, doc, { expunged: true, proof: false, yearsBefore: 9 }));
    },
    { defect: DemoDefect.EXPUNGED_WITHOUT_PROOF },
  ),
  condition(DemoDefect.MISSING_APPLICATION, [{ article: 249, clause: 1 }], { application: false }, () => undefined, {
    defect: DemoDefect.MISSING_APPLICATION,
  }),
  condition(
    DemoDefect.PARTIAL_PAYMENT_WITHOUT_DECISION,
    [{ article: 173, clause: 2 }],
    { civil: 'PARTIAL_WITHOUT_DECISION' },
    () => undefined,
    { defect: DemoDefect.PARTIAL_PAYMENT_WITHOUT_DECISION },
  ),
  condition('LATE_APPLICATION', [{ article: 174, clause: 1 }], {}, (doc, ctx) => {
    const late = addDays(ctx.round.postingDate, ctx.rng.int(8, 12));
    doc.application = { date: late, signed: true, fingerprinted: true };
    doc.commitment = { date: late, signed: true };
  }),
];
