import { ProtestKind } from '../../src/dossiers/dossier-format.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import type { DossierPlan } from '../common/dossier-builder.js';
import { addDays, addMonths } from '../common/dates.js';
import type { OffencePick } from '../common/timeline.js';
import { build, DemoExclusion, picks, priorConviction, Scenario, ScenarioContext } from './scenario-kit.js';

// Each case meets every other condition comfortably (half the term served, good conduct, obligations paid), so the
// exclusion is the one reason it fails.
function exclusion(
  exclusionKey: DemoExclusion,
  offences: OffencePick[],
  extra: Partial<DossierPlan> = {},
  finish: (doc: DossierDocument, ctx: ScenarioContext) => void = () => undefined,
): Scenario {
  return {
    key: exclusionKey,
    exclusion: exclusionKey,
    build(ctx) {
      const doc = build(ctx, { ...picks(ctx, offences), servedFraction: 0.5 + ctx.rng.next() * 0.1, ...extra });
      finish(doc, ctx);
      return doc;
    },
  };
}

export const EXCLUSION_SCENARIOS: readonly Scenario[] = [
  exclusion(DemoExclusion.NATIONAL_SECURITY_ART12, [{ article: 117, clause: 1, months: 96 }]),
  exclusion(DemoExclusion.NATIONAL_SECURITY_VERY_SERIOUS, [{ article: 121, clause: 1, months: 84 }]),
  exclusion(DemoExclusion.AGGRAVATING_PROTEST, [{ article: 173, clause: 2 }], {}, (doc, ctx) => {
    doc.pendingProtest = {
      kind: ProtestKind.CASSATION,
      aggravating: true,
      date: addDays(ctx.round.postingDate, -ctx.rng.int(20, 90)),
    };
  }),
  exclusion(DemoExclusion.PENDING_PROSECUTION, [{ article: 174, clause: 2 }], {}, (doc) => {
    doc.pendingProsecution = true;
  }),
  exclusion(DemoExclusion.PREVIOUSLY_AMNESTIED, [{ article: 173, clause: 2 }], {}, (doc, ctx) => {
    const judged = doc.judgments[0].date;
    if (ctx.era === 'BLHS_2015' && judged > '2021-10-01') {
      doc.earlierAmnesty = { decisionNumber: '1161/2021/QĐ-CTN', date: '2021-06-30' };
    } else {
      const date = addMonths(judged, -ctx.rng.int(30, 40));
      doc.earlierAmnesty = { decisionNumber: `Quyết định về đặc xá năm ${date.slice(0, 4)}`, date };
    }
    doc.priorConvictions.push(priorConviction(ctx, doc, { expunged: true, proof: true, yearsBefore: 6 }));
  }),
  exclusion(DemoExclusion.TWO_PRIOR_CONVICTIONS, [{ article: 173, clause: 1 }], {}, (doc, ctx) => {
    doc.priorConvictions.push(priorConviction(ctx, doc, { expunged: false, proof: false, yearsBefore: 5 }));
    doc.priorConvictions.push(priorConviction(ctx, doc, { expunged: false, proof: false, yearsBefore: 2 }));
  }),
  exclusion(DemoExclusion.PRIOR_AND_INTENTIONAL, [{ article: 171, clause: 1 }], {}, (doc, ctx) => {
    doc.priorConvictions.push(priorConviction(ctx, doc, { expunged: false, proof: false, yearsBefore: 3 }));
  }),
  exclusion(DemoExclusion.REMAINING_TERM_OVER_CAP, [{ article: 174, clause: 4, months: 240 }], {
    servedFraction: 0.36,
    reductions: false,
  }),
  exclusion(DemoExclusion.DRUG_REMAINING_CAP, [{ article: 249, clause: 1, months: 36 }], {
    servedFraction: 0.45,
    reductions: false,
  }),
  exclusion(DemoExclusion.DRUG_REMAINING_CAP, [{ article: 251, clause: 1, months: 72 }], {
    servedFraction: 0.5,
    reductions: false,
  }),
  exclusion(DemoExclusion.DRUG_USE_EVIDENCE, [{ article: 249, clause: 1 }], {}, (doc, ctx) => {
    doc.drugUseEvidence = true;
    doc.discipline.push({
      date: addDays(ctx.round.postingDate, -ctx.rng.int(60, 300)),
      kind: 'Cảnh cáo',
      description:
        'Sử dụng trái phép chất ma túy trong trại (kết quả xét nghiệm nước tiểu dương tính với ma túy tổng hợp).',
    });
  }),
  exclusion(DemoExclusion.THREE_OR_MORE_OFFENCES, [
    { article: 173, clause: 1 },
    { article: 321, clause: 1 },
    { article: 260, clause: 1 },
  ]),
  exclusion(DemoExclusion.TWO_INTENTIONAL_OFFENCES, [
    { article: 173, clause: 1 },
    { article: 174, clause: 1 },
  ]),
  exclusion(DemoExclusion.MURDER_TWO_OR_MORE_VICTIMS, [{ article: 123, clause: 1, months: 240, victims: 2 }], {
    servedFraction: 0.55,
  }),
  exclusion(
    DemoExclusion.MURDER_THUGGISH,
    [{ article: 123, clause: 1, months: 216, victims: 1, aggravations: ['THUGGISH'] }],
    { servedFraction: 0.55 },
  ),
  exclusion(DemoExclusion.INJURY_WITH_ACID, [{ article: 134, clause: 3, victims: 1, aggravations: ['ACID'] }]),
  exclusion(DemoExclusion.RAPE_INCEST, [{ article: 141, clause: 2, victims: 1, aggravations: ['INCEST'] }]),
  exclusion(DemoExclusion.CHILD_RAPE, [{ article: 142, clause: 1, victims: 1, aggravations: ['VICTIM_UNDER_16'] }]),
  exclusion(DemoExclusion.TRAFFICKING_TWO_OR_MORE, [
    { article: 150, clause: 2, victims: 2, aggravations: ['MULTIPLE_VICTIMS'] },
  ]),
];
