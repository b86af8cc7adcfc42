import { Sex, SpecialCategory } from '../../src/dossiers/dossier-format.js';
import { applyDefect, buildCircumstance, childBirthDateWithin36Months } from '../common/circumstances.js';
import type { DossierPlan } from '../common/dossier-builder.js';
import { build, circumstanceContext, DemoDefect, picks, Scenario, ScenarioContext } from './scenario-kit.js';

// Special categories of Law 30/2018 Art 11(3): four and a half to five years for theft, fraud or injury, of which
// between 29 % and 32 % is served, so the category (a quarter) rather than the general case (a third) is what makes
// them eligible. They were on bail until the trial, so all of it was served in the camp and their conduct has been
// rated for the two whole quarters their band of sentence asks (QĐ 1244/2025, Điều 3).
function specialPlan(ctx: ScenarioContext, extra: Partial<DossierPlan> = {}): DossierPlan {
  return {
    ...picks(ctx, [{ article: ctx.rng.pick([173, 174, 134]), clause: 2, months: ctx.rng.int(18, 20) * 3 }]),
    servedFraction: 0.29 + ctx.rng.next() * 0.03,
    bail: true,
    ...extra,
  };
}

function categoryScenario(
  key: string,
  category: SpecialCategory,
  plan: (ctx: ScenarioContext) => Partial<DossierPlan> = () => ({}),
  defect?: DemoDefect,
): Scenario {
  return {
    key,
    category,
    defect,
    femaleOnly: category === SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS,
    build(ctx) {
      const doc = build(ctx, specialPlan(ctx, plan(ctx)));
      const extra =
        category === SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS && ctx.rng.chance(0.6)
          ? { childBirthDate: childBirthDateWithin36Months(ctx.rng, ctx.round.cutoffDate) }
          : {};
      const c = buildCircumstance(ctx.rng, category, circumstanceContext(ctx, doc), extra);
      if (defect === DemoDefect.DISTRICT_HOSPITAL_CONCLUSION)
        applyDefect(ctx.rng, c, 'DISTRICT_HOSPITAL', circumstanceContext(ctx, doc));
      if (defect === DemoDefect.FAMILY_PETITION_UNCERTIFIED)
        applyDefect(ctx.rng, c, 'UNCERTIFIED_PETITION', circumstanceContext(ctx, doc));
      if (defect === DemoDefect.UNREADABLE_SCAN)
        applyDefect(ctx.rng, c, 'UNREADABLE_SCAN', circumstanceContext(ctx, doc));
      doc.specialCircumstances.push(c);
      return doc;
    },
  };
}

export const SPECIAL_SCENARIOS: readonly Scenario[] = [
  categoryScenario('MAJOR_MERIT', SpecialCategory.MAJOR_MERIT),
  categoryScenario('WAR_INVALID_OR_DECORATED', SpecialCategory.WAR_INVALID_OR_DECORATED, (ctx) => ({
    ageAtCutoff: ctx.rng.int(58, 69),
  })),
  categoryScenario('SERIOUS_ILLNESS', SpecialCategory.SERIOUS_ILLNESS, (ctx) => ({ ageAtCutoff: ctx.rng.int(40, 65) })),
  categoryScenario('FREQUENT_ILLNESS', SpecialCategory.FREQUENT_ILLNESS, (ctx) => ({
    ageAtCutoff: ctx.rng.int(50, 68),
  })),
  categoryScenario('SEVERE_DISABILITY', SpecialCategory.SEVERE_DISABILITY),
  categoryScenario('AGE_70_PLUS', SpecialCategory.AGE_70_PLUS, (ctx) => ({ ageAtCutoff: ctx.rng.int(70, 78) })),
  categoryScenario('UNDER_18_AT_OFFENCE', SpecialCategory.UNDER_18_AT_OFFENCE, (ctx) => ({
    ageAtOffence: ctx.rng.int(15, 17),
  })),
  categoryScenario('FAMILY_HARDSHIP', SpecialCategory.FAMILY_HARDSHIP_SOLE_BREADWINNER),
  categoryScenario('PREGNANT_OR_YOUNG_CHILD', SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS, (ctx) => ({
    sex: Sex.FEMALE,
    ageAtCutoff: ctx.rng.int(22, 36),
  })),
  categoryScenario(
    'DEFECT_DISTRICT_HOSPITAL',
    SpecialCategory.SERIOUS_ILLNESS,
    (ctx) => ({ ageAtCutoff: ctx.rng.int(40, 65) }),
    DemoDefect.DISTRICT_HOSPITAL_CONCLUSION,
  ),
  categoryScenario('DEFECT_UNREADABLE_SCAN', SpecialCategory.SEVERE_DISABILITY, () => ({}), DemoDefect.UNREADABLE_SCAN),
  categoryScenario(
    'DEFECT_UNCERTIFIED_PETITION',
    SpecialCategory.FAMILY_HARDSHIP_SOLE_BREADWINNER,
    () => ({}),
    DemoDefect.FAMILY_PETITION_UNCERTIFIED,
  ),
];
