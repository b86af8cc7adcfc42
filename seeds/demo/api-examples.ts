import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { buildDossier } from '../common/dossier-builder.js';
import { Rng } from '../common/prng.js';
import { DEMO_PASSWORD, type DemoAccount } from './accounts.js';
import { DEMO_SEED, generateDemoData, type DemoDossier } from './demo-data.js';
import { LIVE_ROUND_CODE } from './live-round.js';
import { DEMO_FACILITIES, type DemoOrgUnit } from './org-units.js';
import type { DemoRound } from './rounds.js';

// The day the API description's examples are dated from: its examples are the demo of a database created that day
// (a fixed day, so that the description is the same on every run and the client types generated from it too).
export const API_EXAMPLE_DAY = '2026-12-01';

// The facility whose staff the examples act as.
export const API_EXAMPLE_FACILITY = 'TG-THANH-XUAN';

export interface DemoApiFacts {
  day: string;
  password: string;
  liveRound: DemoRound;
  unit(code: string): DemoOrgUnit;
  account(username: string): DemoAccount & { id: string };
  // A dossier of the demo's live round held by a team, as the demo loads it.
  demoDossier(teamCode: string): DemoDossier;
  // One more dossier of the live round at the example facility, built by the demo's scenario kit but not part of the
  // demo data, so importing it into a demo database succeeds.
  newDossier: DossierDocument;
  // A stable id for a record the demo creates only when it runs (a list, a complaint, a certificate).
  runtimeId(label: string): string;
}

let cached: DemoApiFacts | undefined;

export function demoApiFacts(): DemoApiFacts {
  cached ??= buildFacts();
  return cached;
}

function buildFacts(): DemoApiFacts {
  const demo = generateDemoData(API_EXAMPLE_DAY);
  const liveRound = demo.rounds.find((r) => r.code === LIVE_ROUND_CODE)!;
  const facility = DEMO_FACILITIES.find((f) => f.code === API_EXAMPLE_FACILITY)!;
  const rng = new Rng(DEMO_SEED).fork('api-examples');
  const newDossier = buildDossier(
    rng,
    liveRound.calendar,
    {
      facilityCode: facility.code,
      teamCode: facility.teams[0],
      province: facility.province,
      // Past every number the demo gives this facility's people in the live round.
      inmateNumber: `TGTHANH-${liveRound.calendar.cutoffDate.slice(2, 4)}9001`,
    },
    { offences: [{ article: 173 }], servedFraction: 0.45, conduct: 'GOOD', civil: 'PAID' },
  );
  const found = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`The demo data has no ${what}`);
    return value;
  };
  return {
    day: API_EXAMPLE_DAY,
    password: DEMO_PASSWORD,
    liveRound,
    newDossier,
    unit: (code) =>
      found(
        `unit ${code}`,
        demo.orgUnits.find((u) => u.code === code),
      ),
    account: (username) =>
      found(
        `account ${username}`,
        demo.accounts.find((a) => a.username === username),
      ),
    demoDossier: (teamCode) =>
      found(
        `dossier of ${teamCode}`,
        demo.dossiers.find(
          (d) => d.roundCode === LIVE_ROUND_CODE && d.scenario === 'ORDINARY' && d.document.teamCode === teamCode,
        ),
      ),
    // Drawn from the label alone, so an example's ids do not depend on which examples were built before it.
    runtimeId: (label) => new Rng(DEMO_SEED).fork(`api-examples:${label}`).uuid(),
  };
}
