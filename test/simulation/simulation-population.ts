import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg, type UnitRef } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import type { TestApp } from '../support/test-app.js';

// A population whose verdicts follow from the law by hand (Luật Đặc xá 2018, Điều 11 khoản 1 điểm b: time served of
// at least the round's fraction of the sentence). Every dossier serves 9 years from its custody start, with no
// reduction, conduct rated 'Khá' for every full quarter since the year after custody began, and nothing excluding it.
// Time served to the cut-off 31/08/2025 is therefore: from 2018-11-05 0.76; 2021-06-01 0.47; 2022-06-01 0.36;
// 2023-06-01 0.25 of the sentence (margins of over 0.02 from 1/4, 1/3 and 1/2, so day-counting details cannot matter).
export interface Person {
  group: 'LONG' | 'MID' | 'SHORT' | 'NEW' | 'NO_CONDUCT';
  served: number;
  sex: 'MALE' | 'FEMALE';
  facility: 'own' | 'other' | 'foreign';
}

export const CUSTODY_FROM: Record<Person['group'], string> = {
  LONG: '2018-11-05',
  MID: '2021-06-01',
  SHORT: '2022-06-01',
  NEW: '2023-06-01',
  NO_CONDUCT: '2018-11-05',
};
export const SERVED: Record<Person['group'], number> = {
  LONG: 0.76,
  MID: 0.47,
  SHORT: 0.36,
  NEW: 0.25,
  NO_CONDUCT: 0.76,
};

function quarters(fromYear: number): Array<{ period: string; rating: 'KHA' }> {
  const out: Array<{ period: string; rating: 'KHA' }> = [];
  for (let y = fromYear; y <= 2025; y++)
    for (let q = 1; q <= 4; q++) if (y < 2025 || q <= 2) out.push({ period: `${y}-Q${q}`, rating: 'KHA' });
  return out;
}

export function personDossier(p: Person, codes: { roundCode: string; facilityCode: string }): DossierDocument {
  const from = CUSTODY_FROM[p.group];
  const template = buildDossier().judgments[0];
  return buildDossier({
    ...codes,
    person: { sex: p.sex as never, fullName: p.sex === 'FEMALE' ? 'Lê Thị Hồng' : 'Phạm Văn Nam' },
    intervals: [{ kind: 'CAMP' as never, from }],
    reductions: [],
    judgments: [{ ...template, date: from, finalDate: from }],
    // Without the ratings since 2024 the consecutive-quarter condition cannot be checked: evidence is missing.
    conductRatings: (p.group === 'NO_CONDUCT' ? quarters(2025) : quarters(Number(from.slice(0, 4)) + 1)) as never,
  });
}

// The verdict the law gives each person for a general time-served fraction (Điều 11 khoản 1 điểm b).
export function expectedVerdict(p: Person, fraction: number): 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW' {
  if (SERVED[p.group] < fraction) return 'INELIGIBLE';
  return p.group === 'NO_CONDUCT' ? 'NEEDS_REVIEW' : 'ELIGIBLE';
}

export const POPULATION: Person[] = [
  ...Array.from({ length: 4 }, (): Person => ({ group: 'LONG', served: 0.76, sex: 'MALE', facility: 'own' })),
  { group: 'LONG', served: 0.76, sex: 'FEMALE', facility: 'other' },
  ...Array.from({ length: 3 }, (): Person => ({ group: 'MID', served: 0.47, sex: 'MALE', facility: 'own' })),
  { group: 'MID', served: 0.47, sex: 'FEMALE', facility: 'other' },
  { group: 'SHORT', served: 0.36, sex: 'MALE', facility: 'other' },
  { group: 'SHORT', served: 0.36, sex: 'FEMALE', facility: 'own' },
  { group: 'NEW', served: 0.25, sex: 'MALE', facility: 'own' },
  { group: 'NO_CONDUCT', served: 0.76, sex: 'MALE', facility: 'own' },
  // Another ministry's facility: outside the ministry officer's scope, inside the standing body's.
  { group: 'MID', served: 0.47, sex: 'MALE', facility: 'foreign' },
  { group: 'LONG', served: 0.76, sex: 'FEMALE', facility: 'foreign' },
];

// A second ministry with one facility and its warden, to check that a ministry simulates over its own facilities only.
export async function createForeignFacility(
  ds: DataSource,
  org: TestOrg,
): Promise<{ facility: UnitRef; warden: string }> {
  const ministryId = randomUUID();
  const facilityId = randomUUID();
  const ministry = { id: ministryId, code: `BQP-${org.suffix}`, path: `/${ministryId}/` };
  const facility = { id: facilityId, code: `TG-QP-${org.suffix}`, path: `${ministry.path}${facilityId}/` };
  await ds.query(
    `INSERT INTO org_units (id, code, name, kind, parent_id, path, ministry) VALUES ($1,$2,'Bộ Quốc phòng','MINISTRY',NULL,$3,'QUOC_PHONG')`,
    [ministry.id, ministry.code, ministry.path],
  );
  await ds.query(
    `INSERT INTO org_units (id, code, name, kind, parent_id, path, ministry, facility_kind)
     VALUES ($1,$2,'Trại giam Quân khu','FACILITY',$3,$4,'QUOC_PHONG','MOD_PRISON')`,
    [facility.id, facility.code, ministry.id, facility.path],
  );
  const warden = `warden-qp-${org.suffix}`;
  await ds.query(
    `INSERT INTO users (username, password_hash, full_name, role, org_unit_id) VALUES ($1,$2,'Giám thị trại Quân khu','WARDEN',$3)`,
    [warden, await hashPassword(TEST_PASSWORD), facility.id],
  );
  return { facility, warden };
}

// A round from the 1244/2025 preset whose remaining-term cap is known (8 years, above everyone's), and the population
// filed by each facility's warden. Returns the round code and each person's dossier id.
export async function seedSimulationRound(
  t: TestApp,
): Promise<{ org: TestOrg; roundCode: string; ids: Map<Person, string> }> {
  const org = await createTestOrg(t.dataSource);
  const foreign = await createForeignFacility(t.dataSource, org);
  const admin = new HttpClient(t.baseUrl);
  await admin.login(org.users[Role.ADMIN], TEST_PASSWORD);
  const roundCode = `QD-SIM-${org.suffix}`.toUpperCase();
  if ((await admin.post('/api/rounds', { code: roundCode, presetCode: 'QD-1244-2025' })).status !== 201)
    throw new Error('round not created');
  const round = (await admin.get(`/api/rounds/${roundCode}`)).body;
  const cap = round.parameters.exclusions.items.find((e: { kind: string }) => e.kind === 'REMAINING_TERM_CAP');
  const eight = { value: { years: 8, months: 0, days: 0 }, source: 'Kiểm thử', confidence: 'V' };
  Object.assign(cap, { general: eight, special: eight });
  const put = await admin.put(`/api/rounds/${roundCode}`, {
    expectedVersion: round.version,
    parameters: round.parameters,
  });
  if (put.status !== 200) throw new Error(`round not updated: ${JSON.stringify(put.body)}`);
  const codeOf = { own: org.facility.code, other: org.otherFacility.code, foreign: foreign.facility.code };
  const wardens = { own: org.users[Role.WARDEN], other: org.users.otherWarden, foreign: foreign.warden };
  const ids = new Map<Person, string>();
  for (const where of ['own', 'other', 'foreign'] as const) {
    const people = POPULATION.filter((p) => p.facility === where);
    const warden = new HttpClient(t.baseUrl);
    await warden.login(wardens[where], TEST_PASSWORD);
    const created = await warden.post('/api/dossiers:batch', {
      records: people.map((p) => personDossier(p, { roundCode, facilityCode: codeOf[where] })),
    });
    if (created.status !== 201) throw new Error(`dossiers not filed: ${JSON.stringify(created.body)}`);
    people.forEach((p, i) => ids.set(p, created.body.dossiers[i].id));
  }
  return { org, roundCode, ids };
}
