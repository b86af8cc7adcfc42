import { IssuerLevel } from '../../src/dossiers/dossier-format.js';
import type { DossierDocument, PriorConviction, SpecialCategory } from '../../src/dossiers/dossier-format.js';
import { buildDossier, DossierPlan, Placement, RoundCalendar } from '../common/dossier-builder.js';
import type { CircumstanceContext } from '../common/circumstances.js';
import { addDays } from '../common/dates.js';
import { ARTICLE_1999_FOR_2015, OFFENCES_1999 } from '../common/data/offences-1999.js';
import { districtLabel, provinceLabel } from '../common/data/places.js';
import type { Rng } from '../common/prng.js';
import type { OffencePick } from '../common/timeline.js';

// Exclusions the demo must show at least once: Law 30/2018 Art 12(1)–(5) and the round's own list (DOMAIN §4.3).
export enum DemoExclusion {
  NATIONAL_SECURITY_ART12 = 'NATIONAL_SECURITY_ART12',
  NATIONAL_SECURITY_VERY_SERIOUS = 'NATIONAL_SECURITY_VERY_SERIOUS',
  AGGRAVATING_PROTEST = 'AGGRAVATING_PROTEST',
  PENDING_PROSECUTION = 'PENDING_PROSECUTION',
  PREVIOUSLY_AMNESTIED = 'PREVIOUSLY_AMNESTIED',
  TWO_PRIOR_CONVICTIONS = 'TWO_PRIOR_CONVICTIONS',
  PRIOR_AND_INTENTIONAL = 'PRIOR_AND_INTENTIONAL',
  REMAINING_TERM_OVER_CAP = 'REMAINING_TERM_OVER_CAP',
  DRUG_REMAINING_CAP = 'DRUG_REMAINING_CAP',
  DRUG_USE_EVIDENCE = 'DRUG_USE_EVIDENCE',
  THREE_OR_MORE_OFFENCES = 'THREE_OR_MORE_OFFENCES',
  TWO_INTENTIONAL_OFFENCES = 'TWO_INTENTIONAL_OFFENCES',
  MURDER_TWO_OR_MORE_VICTIMS = 'MURDER_TWO_OR_MORE_VICTIMS',
  MURDER_THUGGISH = 'MURDER_THUGGISH',
  INJURY_WITH_ACID = 'INJURY_WITH_ACID',
  RAPE_INCEST = 'RAPE_INCEST',
  CHILD_RAPE = 'CHILD_RAPE',
  TRAFFICKING_TWO_OR_MORE = 'TRAFFICKING_TWO_OR_MORE',
}

// Evidence and form defects an appraiser should catch.
export enum DemoDefect {
  DISTRICT_HOSPITAL_CONCLUSION = 'DISTRICT_HOSPITAL_CONCLUSION',
  UNREADABLE_SCAN = 'UNREADABLE_SCAN',
  FAMILY_PETITION_UNCERTIFIED = 'FAMILY_PETITION_UNCERTIFIED',
  EXPUNGED_WITHOUT_PROOF = 'EXPUNGED_WITHOUT_PROOF',
  MISSING_APPLICATION = 'MISSING_APPLICATION',
  PARTIAL_PAYMENT_WITHOUT_DECISION = 'PARTIAL_PAYMENT_WITHOUT_DECISION',
}

export type Era = 'BLHS_1999' | 'BLHS_2015';

export interface ScenarioContext {
  rng: Rng;
  era: Era;
  round: RoundCalendar;
  place: Placement;
  facilityName: string;
  facilityLevel: IssuerLevel;
}

export interface Scenario {
  key: string;
  category?: SpecialCategory;
  exclusion?: DemoExclusion;
  defect?: DemoDefect;
  // Only under Law 30/2018 (suspended persons, minors now serving); decree-era rounds skip it.
  law2018Only?: boolean;
  femaleOnly?: boolean;
  build(ctx: ScenarioContext): DossierDocument;
}

// Scenario offences are written in the 2015 numbering and translated for decree-era judgments.
export function picks(ctx: ScenarioContext, list: OffencePick[]): Pick<DossierPlan, 'offences' | 'catalogue'> {
  if (ctx.era === 'BLHS_2015') return { offences: list };
  return {
    catalogue: OFFENCES_1999,
    offences: list.map((p) => {
      const article = ARTICLE_1999_FOR_2015[p.article];
      if (article === undefined) throw new Error(`No 1999 article for 2015 article ${p.article}`);
      const template = OFFENCES_1999[article];
      const clause = template.clauses.some((c) => c.clause === p.clause) ? p.clause : undefined;
      return { ...p, article, clause };
    }),
  };
}

export function build(ctx: ScenarioContext, plan: DossierPlan): DossierDocument {
  return buildDossier(ctx.rng, ctx.round, ctx.place, plan);
}

export function circumstanceContext(ctx: ScenarioContext, doc: DossierDocument): CircumstanceContext {
  return {
    province: ctx.place.province,
    councilMeetingDate: ctx.round.councilMeetingDate,
    cutoffDate: ctx.round.cutoffDate,
    facilityName: ctx.facilityName,
    facilityLevel: ctx.facilityLevel,
    courtName: doc.judgments[0].court,
    militaryRegion: ctx.place.militaryRegion,
  };
}

export function priorConviction(
  ctx: ScenarioContext,
  doc: DossierDocument,
  o: { expunged: boolean; proof: boolean; yearsBefore: number },
): PriorConviction {
  const { rng } = ctx;
  const date = addDays(doc.judgments[0].date, -Math.round(o.yearsBefore * 365) - rng.int(0, 200));
  const offence = rng.pick(
    ctx.era === 'BLHS_2015'
      ? [
          'Trộm cắp tài sản (Điều 138 Bộ luật Hình sự 1999)',
          'Đánh bạc (Điều 248 Bộ luật Hình sự 1999)',
          'Cố ý gây thương tích (Điều 104 Bộ luật Hình sự 1999)',
        ]
      : [
          'Trộm cắp tài sản (Điều 138 Bộ luật Hình sự 1999)',
          'Gây rối trật tự công cộng (Điều 245 Bộ luật Hình sự 1999)',
          'Cướp giật tài sản (Điều 136 Bộ luật Hình sự 1999)',
        ],
  );
  const conviction: PriorConviction = {
    judgmentNumber: `${rng.int(10, 450)}/${date.slice(0, 4)}/HS-ST`,
    date,
    court: `Tòa án nhân dân ${districtLabel((l) => rng.pick(l), ctx.place.province) ?? provinceLabel(ctx.place.province)}`,
    offence,
    expunged: o.expunged,
  };
  if (o.proof) {
    conviction.proof = rng.chance(0.6)
      ? {
          kind: 'CRIMINAL_RECORD_EXTRACT',
          number: `${rng.int(100, 9000)}/${ctx.round.councilMeetingDate.slice(0, 4)}/LLTP`,
          date: addDays(ctx.round.councilMeetingDate, -rng.int(20, 120)),
          issuer: `Sở Tư pháp ${provinceLabel(doc.person.registeredResidence.province)}`,
          issuerLevel: IssuerLevel.PROVINCE,
          readable: true,
          note: 'Phiếu lý lịch tư pháp số 1',
        }
      : {
          kind: 'EXPUNGEMENT_CERTIFICATE',
          date: addDays(date, 365 * 4),
          issuer: conviction.court,
          issuerLevel: IssuerLevel.DISTRICT,
          readable: true,
          note: 'Giấy chứng nhận xóa án tích',
        };
  }
  return conviction;
}
