import { IssuerLevel } from '../../src/dossiers/dossier-format.js';
import type { DossierDocument, SpecialCategory } from '../../src/dossiers/dossier-format.js';
import { FacilityKind } from '../../src/org/org-unit.entity.js';
import { buildDossier, Placement } from '../common/dossier-builder.js';
import { ordinaryPlan } from '../common/ordinary.js';
import { Rng } from '../common/prng.js';
import { DEMO_ACCOUNTS, DemoAccount } from './accounts.js';
import { buildDemoOrgUnits, DEMO_FACILITIES, demoCourtFor, DemoFacility, DemoOrgUnit } from './org-units.js';
import { LIVE_ROUND_CODE } from './live-round.js';
import { buildDemoRounds, DemoRound, ROUND_2009_CODE, ROUND_2025_CODE } from './rounds.js';
import { DemoDefect, DemoExclusion, Era, Scenario, ScenarioContext } from './scenario-kit.js';
import { CONDITION_SCENARIOS } from './scenarios-conditions.js';
import { EXCLUSION_SCENARIOS } from './scenarios-exclusions.js';
import { SPECIAL_SCENARIOS } from './scenarios-special.js';

export interface DemoDossier {
  id: string;
  roundCode: string;
  scenario: string;
  category?: SpecialCategory;
  exclusion?: DemoExclusion;
  defect?: DemoDefect;
  document: DossierDocument;
}

export interface DemoData {
  orgUnits: DemoOrgUnit[];
  accounts: (DemoAccount & { id: string })[];
  rounds: DemoRound[];
  dossiers: DemoDossier[];
}

export const DEMO_SEED = 20250703;
export const ALL_SCENARIOS: readonly Scenario[] = [
  ...SPECIAL_SCENARIOS,
  ...EXCLUSION_SCENARIOS,
  ...CONDITION_SCENARIOS,
];

// In the live round every scenario appears at three facilities; the historical rounds keep one of each.
const PER_ROUND: Readonly<Record<string, { copies: number; ordinary: number }>> = {
  [ROUND_2009_CODE]: { copies: 1, ordinary: 45 },
  [ROUND_2025_CODE]: { copies: 1, ordinary: 80 },
  [LIVE_ROUND_CODE]: { copies: 3, ordinary: 250 },
};

const LEVEL_BY_KIND: Record<FacilityKind, IssuerLevel> = {
  [FacilityKind.MPS_PRISON]: IssuerLevel.CENTRAL,
  [FacilityKind.MPS_DETENTION_C01]: IssuerLevel.CENTRAL,
  [FacilityKind.MPS_DETENTION_A09]: IssuerLevel.CENTRAL,
  [FacilityKind.MOD_PRISON]: IssuerLevel.CENTRAL,
  [FacilityKind.PROVINCIAL_DETENTION]: IssuerLevel.PROVINCE,
  [FacilityKind.MILITARY_REGION_CAMP]: IssuerLevel.MILITARY_REGION,
};

// `today` is Vietnam's calendar day on which the database is created: the live round is dated from it, and the same
// day always gives the same data.
export function generateDemoData(today: string): DemoData {
  const root = new Rng(DEMO_SEED);
  const orgUnits = buildDemoOrgUnits(root.fork('org'));
  const rounds = buildDemoRounds(root.fork('rounds'), today);
  const accountIds = root.fork('accounts');
  const accounts = DEMO_ACCOUNTS.map((a) => ({ ...a, id: accountIds.uuid() }));
  const units = new Map(orgUnits.map((u) => [u.code, u]));
  const dossiers: DemoDossier[] = [];
  for (const round of rounds) {
    const rng = root.fork(`dossiers:${round.code}`);
    const era: Era = round.rulePack === 'decree-76-2008' ? 'BLHS_1999' : 'BLHS_2015';
    const counters = new Map<string, number>();
    const place = (facility: DemoFacility): Placement => {
      const n = (counters.get(facility.code) ?? 0) + 1;
      counters.set(facility.code, n);
      return {
        facilityCode: facility.code,
        teamCode: rng.pick(facility.teams),
        province: facility.province,
        militaryRegion: facility.militaryRegion,
        inmateNumber: `${facility.code.split('-').slice(0, 2).join('')}-${round.calendar.cutoffDate.slice(2, 4)}${String(n).padStart(4, '0')}`,
      };
    };
    const context = (facility: DemoFacility): ScenarioContext => {
      const unit = units.get(facility.code)!;
      return {
        rng,
        era,
        round: round.calendar,
        place: place(facility),
        facilityName: unit.name,
        facilityLevel: LEVEL_BY_KIND[unit.facilityKind!],
      };
    };
    const { copies, ordinary } = PER_ROUND[round.code];
    for (const scenario of ALL_SCENARIOS) {
      if (scenario.law2018Only && era === 'BLHS_1999') continue;
      const candidates = scenario.femaleOnly ? DEMO_FACILITIES.filter((f) => !f.militaryRegion) : DEMO_FACILITIES;
      for (let c = 0; c < copies; c++) {
        const facility = rng.weighted(candidates.map((f) => [f, f.weight] as const));
        const document = scenario.build(context(facility));
        // Under the 2018 law a person on suspension is listed by the court that suspended the sentence, not by a
        // camp team (Luật Đặc xá 2018, Điều 15, khoản 3): the dossier is the court's.
        if (era === 'BLHS_2015' && document.status === 'SUSPENDED') {
          document.facilityCode = demoCourtFor(facility);
          delete document.teamCode;
        }
        dossiers.push({
          id: rng.uuid(),
          roundCode: round.code,
          scenario: scenario.key,
          category: scenario.category,
          exclusion: scenario.exclusion,
          defect: scenario.defect,
          document,
        });
      }
    }
    for (let i = 0; i < ordinary; i++) {
      const facility = rng.weighted(DEMO_FACILITIES.map((f) => [f, f.weight] as const));
      const document = buildDossier(
        rng,
        round.calendar,
        place(facility),
        ordinaryPlan(rng, { era1999: era === 'BLHS_1999', military: !!facility.militaryRegion }),
      );
      dossiers.push({ id: rng.uuid(), roundCode: round.code, scenario: 'ORDINARY', document });
    }
  }
  return { orgUnits, accounts, rounds, dossiers };
}
