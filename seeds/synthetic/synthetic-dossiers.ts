import { IssuerLevel, Sex, SpecialCategory } from '../../src/dossiers/dossier-format.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { buildCircumstance, childBirthDateWithin36Months } from '../common/circumstances.js';
import { buildDossier, RoundCalendar } from '../common/dossier-builder.js';
import { addDays } from '../common/dates.js';
import { ordinaryPlan } from '../common/ordinary.js';
import { OFFENCES } from '../common/data/offences.js';
import { provinceLabel } from '../common/data/places.js';
import type { Rng } from '../common/prng.js';
import type { SyntheticFacility } from './synthetic-org.js';

export interface SyntheticDossier {
  document: DossierDocument;
  facilityId: string;
  teamId: string;
}

const CATEGORIES = Object.values(SpecialCategory);

// A full dossier at scale: an ordinary candidate with 8–16 quarterly ratings, obligations with their decisions, and
// for some a special circumstance with its evidence or an earlier conviction.
export function syntheticDossier(
  rng: Rng,
  round: RoundCalendar,
  facility: SyntheticFacility,
  inmateNumber: string,
): SyntheticDossier {
  const team = rng.pick(facility.teams);
  const plan = ordinaryPlan(rng, { era1999: false, military: !!facility.militaryRegion });
  // Camps hold the longer sentences: synthetic inmates have served two and a half to five and a half years, so their
  // last 8–16 quarters are on file; the term follows from the share served, within the article's penalty frames.
  const template = OFFENCES[plan.offences[0].article];
  const fraction = 0.25 + rng.next() * 0.4;
  const top = template.clauses.reduce((a, c) => (c.maxMonths > a.maxMonths ? c : a));
  const wanted = Math.round(rng.int(30, 66) / fraction / 3) * 3;
  const frame = template.clauses.find((c) => c.minMonths <= wanted && wanted <= c.maxMonths) ?? top;
  const months = Math.min(Math.max(wanted, frame.minMonths), frame.maxMonths);
  plan.offences = [{ article: template.article, clause: frame.clause, months }];
  plan.servedMonths = Math.round(months * fraction);
  plan.maxQuarters = rng.int(8, 16);
  const category = rng.chance(0.06) ? rng.pick(CATEGORIES) : null;
  if (category === SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS && !facility.militaryRegion) plan.sex = Sex.FEMALE;
  if (category === SpecialCategory.AGE_70_PLUS) plan.ageAtCutoff = rng.int(70, 76);
  if (category === SpecialCategory.UNDER_18_AT_OFFENCE) plan.ageAtOffence = 17;
  const document = buildDossier(
    rng,
    round,
    {
      facilityCode: facility.code,
      teamCode: team.code,
      inmateNumber,
      province: facility.province,
      militaryRegion: facility.militaryRegion,
    },
    plan,
  );
  if (
    category &&
    !(category === SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS && document.person.sex !== Sex.FEMALE)
  ) {
    document.specialCircumstances.push(
      buildCircumstance(
        rng,
        category,
        {
          province: facility.province,
          councilMeetingDate: round.councilMeetingDate,
          cutoffDate: round.cutoffDate,
          facilityName: facility.name,
          facilityLevel: facility.militaryRegion ? IssuerLevel.MILITARY_REGION : IssuerLevel.CENTRAL,
          courtName: document.judgments[0].court,
          militaryRegion: facility.militaryRegion,
        },
        category === SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS
          ? { childBirthDate: childBirthDateWithin36Months(rng, round.cutoffDate) }
          : {},
      ),
    );
  }
  if (rng.chance(0.08)) {
    const date = addDays(document.judgments[0].date, -rng.int(900, 3000));
    const expunged = rng.chance(0.6);
    document.priorConvictions.push({
      judgmentNumber: `${rng.int(10, 450)}/${date.slice(0, 4)}/HS-ST`,
      date,
      court: document.judgments[0].court,
      offence: 'Trộm cắp tài sản (Điều 138 Bộ luật Hình sự 1999)',
      expunged,
      ...(expunged
        ? {
            proof: {
              kind: 'CRIMINAL_RECORD_EXTRACT',
              date: addDays(round.councilMeetingDate, -rng.int(20, 120)),
              issuer: `Sở Tư pháp ${provinceLabel(document.person.registeredResidence.province)}`,
              issuerLevel: IssuerLevel.PROVINCE,
              readable: true,
            },
          }
        : {}),
    });
  }
  return { document, facilityId: facility.id, teamId: team.id };
}
