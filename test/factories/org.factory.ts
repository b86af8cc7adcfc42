import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password.js';
import { Agency, Role } from '../../src/auth/user.entity.js';

export const TEST_PASSWORD = 'mat-khau-kiem-thu';

export interface UnitRef {
  id: string;
  code: string;
  path: string;
}

export interface TestOrg {
  suffix: string;
  ministry: UnitRef;
  department: UnitRef;
  facility: UnitRef;
  team: UnitRef;
  otherFacility: UnitRef;
  otherTeam: UnitRef;
  appraisalTeam: UnitRef;
  standingBody: UnitRef;
  council: UnitRef;
  administration: UnitRef;
  // A provincial court (Luật Đặc xá 2018, Điều 15, khoản 3) with its officer and president.
  court: UnitRef;
  // Communes an amnestied person presents the certificate to (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a), each with
  // its officer (the own one as the role's user, the other as `otherLocalOfficer`).
  localUnit: UnitRef;
  otherLocalUnit: UnitRef;
  roundCode: string;
  roundId: string;
  // username per role for the own facility; `other.*` for the second facility
  users: Record<Role, string> & { otherWarden: string; otherTeamOfficer: string; otherLocalOfficer: string };
}

let hashed: Promise<string> | undefined;

export async function insertUnit(
  ds: DataSource,
  parent: UnitRef | null,
  unit: Record<string, unknown>,
): Promise<UnitRef> {
  const id = randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  await ds.query(
    `INSERT INTO org_units (id, code, name, kind, parent_id, path, ministry, department_kind, facility_kind, body_kind,
       supervised_unit_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      id,
      unit.code,
      unit.name,
      unit.kind,
      parent?.id ?? null,
      path,
      unit.ministry ?? null,
      unit.departmentKind ?? null,
      unit.facilityKind ?? null,
      unit.bodyKind ?? null,
      unit.supervisedUnitId ?? null,
    ],
  );
  return { id, code: String(unit.code), path };
}

// A user with the test password; answers the username (`key` and `suffix`, lower case).
export async function insertUser(
  ds: DataSource,
  user: { key: string; suffix: string; role: Role; unit: UnitRef; agency?: Agency | null },
): Promise<string> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const username = `${user.key.toLowerCase()}-${user.suffix}`;
  await ds.query(
    'INSERT INTO users (username, password_hash, full_name, role, org_unit_id, agency) VALUES ($1,$2,$3,$4,$5,$6)',
    [
      username,
      await hashed,
      TEST_USER_NAMES[user.key] ?? `${TEST_USER_NAMES[user.role] ?? 'Nguyễn Văn An'} (2)`,
      user.role,
      user.unit.id,
      user.agency ?? null,
    ],
  );
  return username;
}

// A small, isolated organisation (unique codes per call) with one user per role, for end-to-end tests.
// Real-looking Vietnamese names: documents print them, and no internal code may reach paper.
export const TEST_USER_NAMES: Record<string, string> = {
  [Role.TEAM_OFFICER]: 'Trần Văn Quản',
  [Role.CAMP_COUNCIL_MEMBER]: 'Lê Thị Hội',
  [Role.WARDEN]: 'Nguyễn Đức Giám',
  [Role.DEPARTMENT_OFFICER]: 'Phạm Văn Cục',
  [Role.MINISTRY_OFFICER]: 'Hoàng Văn Bộ',
  [Role.APPRAISER]: 'Vũ Thị Thẩm',
  [Role.COUNCIL_STANDING_OFFICER]: 'Đặng Văn Thường',
  [Role.COUNCIL_MEMBER]: 'Bùi Thị Viên',
  [Role.COURT_OFFICER]: 'Lý Văn Tòa',
  [Role.COURT_PRESIDENT]: 'Mai Thị Chánh',
  [Role.SUPREME_COURT_OFFICER]: 'Phan Văn Tối',
  [Role.LOCAL_UNIT_OFFICER]: 'Ngô Thị Xã',
  otherLocalOfficer: 'Trương Văn Phường',
  [Role.ADMIN]: 'Đỗ Văn Trị',
};

// The test organisation's appraisal team has one agency's member, so its round requires that agency's opinion only.
export const TEST_APPRAISAL_TEAM = {
  requiredAgencies: { value: [Agency.VKSND_TOI_CAO], source: 'Tổ thẩm định của đợt thử nghiệm', confidence: 'V' },
};

export async function createTestOrg(ds: DataSource, roundParameters: Record<string, unknown> = {}): Promise<TestOrg> {
  const s = randomUUID().slice(0, 8);
  const ministry = await insertUnit(ds, null, {
    code: `BCA-${s}`,
    name: 'Bộ Công an',
    kind: 'MINISTRY',
    ministry: 'CONG_AN',
  });
  const department = await insertUnit(ds, ministry, {
    code: `C10-${s}`,
    name: 'Cục C10',
    kind: 'DEPARTMENT',
    ministry: 'CONG_AN',
    departmentKind: 'C10',
  });
  const facility = await insertUnit(ds, department, {
    code: `TG-A-${s}`,
    name: 'Trại giam Thanh Xuân',
    kind: 'FACILITY',
    ministry: 'CONG_AN',
    facilityKind: 'MPS_PRISON',
  });
  const team = await insertUnit(ds, facility, { code: `DOI-A1-${s}`, name: 'Đội 1', kind: 'TEAM' });
  const otherFacility = await insertUnit(ds, department, {
    code: `TG-B-${s}`,
    name: 'Trại giam Nam Hà',
    kind: 'FACILITY',
    ministry: 'CONG_AN',
    facilityKind: 'MPS_PRISON',
  });
  const otherTeam = await insertUnit(ds, otherFacility, { code: `DOI-B1-${s}`, name: 'Đội 1', kind: 'TEAM' });
  const appraisalTeam = await insertUnit(ds, null, {
    code: `TTD-${s}`,
    name: 'Tổ thẩm định liên ngành',
    kind: 'NATIONAL_BODY',
    bodyKind: 'APPRAISAL_TEAM',
  });
  const standingBody = await insertUnit(ds, null, {
    code: `TT-${s}`,
    name: 'Thường trực HĐTVĐX',
    kind: 'NATIONAL_BODY',
    bodyKind: 'COUNCIL_STANDING',
  });
  const council = await insertUnit(ds, null, {
    code: `HD-${s}`,
    name: 'Hội đồng tư vấn đặc xá',
    kind: 'NATIONAL_BODY',
    bodyKind: 'COUNCIL',
  });
  // The camps' notices of their list results go to it (Luật Đặc xá 2018, Điều 15, khoản 5; Điều 30).
  await insertUnit(ds, null, {
    code: `VKSTC-${s}`,
    name: 'Viện kiểm sát nhân dân tối cao',
    kind: 'NATIONAL_BODY',
    bodyKind: 'SUPREME_PROCURACY',
  });
  // A provincial court lists the persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3); it and the provincial
  // procuracy that supervises it name the provincial police standing for their province.
  const provincialPolice = await insertUnit(ds, ministry, {
    code: `CAT-${s}`,
    name: 'Công an tỉnh Đồng Nai',
    kind: 'DEPARTMENT',
    ministry: 'CONG_AN',
    departmentKind: 'PROVINCIAL_POLICE',
  });
  const court = await insertUnit(ds, null, {
    code: `TAT-${s}`,
    name: 'Tòa án nhân dân tỉnh Đồng Nai',
    kind: 'COURT',
    supervisedUnitId: provincialPolice.id,
  });
  await insertUnit(ds, null, {
    code: `VKST-${s}`,
    name: 'Viện kiểm sát nhân dân tỉnh Đồng Nai',
    kind: 'PROCURACY',
    supervisedUnitId: provincialPolice.id,
  });
  // Its Chief Justice decides the second complaints about a court's list (Luật Đặc xá 2018, Điều 37, khoản 2).
  const supremeCourt = await insertUnit(ds, null, {
    code: `TANDTC-${s}`,
    name: 'Tòa án nhân dân tối cao',
    kind: 'NATIONAL_BODY',
    bodyKind: 'SUPREME_COURT',
  });
  const localUnit = await insertUnit(ds, null, {
    code: `UBND-TL-${s}`,
    name: 'Ủy ban nhân dân xã Tân Lập',
    kind: 'LOCAL_UNIT',
  });
  const otherLocalUnit = await insertUnit(ds, null, {
    code: `UBND-BN-${s}`,
    name: 'Ủy ban nhân dân phường Bến Nghé',
    kind: 'LOCAL_UNIT',
  });
  const administration = await insertUnit(ds, null, {
    code: `QT-${s}`,
    name: 'Quản trị hệ thống',
    kind: 'NATIONAL_BODY',
    bodyKind: 'ADMINISTRATION',
  });

  const users = {} as TestOrg['users'];
  const addUser = async (key: string, role: Role, unit: UnitRef, agency: Agency | null = null) => {
    (users as Record<string, string>)[key] = await insertUser(ds, { key, suffix: s, role, unit, agency });
  };
  await addUser(Role.TEAM_OFFICER, Role.TEAM_OFFICER, team);
  await addUser(Role.CAMP_COUNCIL_MEMBER, Role.CAMP_COUNCIL_MEMBER, facility);
  await addUser(Role.WARDEN, Role.WARDEN, facility);
  await addUser(Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_OFFICER, department);
  await addUser(Role.MINISTRY_OFFICER, Role.MINISTRY_OFFICER, ministry);
  await addUser(Role.APPRAISER, Role.APPRAISER, appraisalTeam, Agency.VKSND_TOI_CAO);
  await addUser(Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_STANDING_OFFICER, standingBody);
  await addUser(Role.COUNCIL_MEMBER, Role.COUNCIL_MEMBER, council);
  await addUser(Role.ADMIN, Role.ADMIN, administration);
  await addUser(Role.COURT_OFFICER, Role.COURT_OFFICER, court);
  await addUser(Role.COURT_PRESIDENT, Role.COURT_PRESIDENT, court);
  await addUser(Role.SUPREME_COURT_OFFICER, Role.SUPREME_COURT_OFFICER, supremeCourt);
  await addUser(Role.LOCAL_UNIT_OFFICER, Role.LOCAL_UNIT_OFFICER, localUnit);
  await addUser('otherLocalOfficer', Role.LOCAL_UNIT_OFFICER, otherLocalUnit);
  await addUser('otherWarden', Role.WARDEN, otherFacility);
  await addUser('otherTeamOfficer', Role.TEAM_OFFICER, otherTeam);

  const roundCode = `QD-TEST-${s}`;
  const [{ id: roundId }] = await ds.query(
    `INSERT INTO rounds (code, name, rule_pack, decision_number, decision_date, guidance_ref, cutoff_date, parameters)
     VALUES ($1, 'Đợt đặc xá thử nghiệm', 'law-30-2018', '1244/2025/QĐ-CTN', '2025-07-03', '94/HD-HĐTVĐX', '2025-08-31', $2) RETURNING id`,
    [roundCode, JSON.stringify({ appraisal: TEST_APPRAISAL_TEAM, ...roundParameters })],
  );
  return {
    suffix: s,
    ministry,
    department,
    facility,
    team,
    otherFacility,
    otherTeam,
    appraisalTeam,
    standingBody,
    council,
    administration,
    court,
    localUnit,
    otherLocalUnit,
    roundCode,
    roundId,
    users,
  };
}

// A Ministry of Defence military-region camp beside an organisation made by createTestOrg: the camp, the military-region
// command that receives its lists (Tư lệnh quân khu, Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm b), the
// military-region procuracy that supervises it (Luật Đặc xá 2018, Điều 30) and the Ministry of Defence above, each with
// its officers. The national bodies above the ministries stay the organisation's.
export interface ModCamp {
  ministry: UnitRef;
  department: UnitRef;
  facility: UnitRef;
  team: UnitRef;
  users: Record<
    Role.TEAM_OFFICER | Role.CAMP_COUNCIL_MEMBER | Role.WARDEN | Role.DEPARTMENT_OFFICER | Role.MINISTRY_OFFICER,
    string
  >;
}

export async function addModCamp(ds: DataSource, org: TestOrg): Promise<ModCamp> {
  const s = org.suffix;
  const ministry = await insertUnit(ds, null, {
    code: `BQP-${s}`,
    name: 'Bộ Quốc phòng',
    kind: 'MINISTRY',
    ministry: 'QUOC_PHONG',
  });
  const department = await insertUnit(ds, ministry, {
    code: `QK7-${s}`,
    name: 'Bộ Tư lệnh Quân khu 7',
    kind: 'DEPARTMENT',
    ministry: 'QUOC_PHONG',
    departmentKind: 'MILITARY_REGION',
  });
  const facility = await insertUnit(ds, department, {
    code: `TG-QK7-${s}`,
    name: 'Trại giam Quân khu 7',
    kind: 'FACILITY',
    ministry: 'QUOC_PHONG',
    facilityKind: 'MILITARY_REGION_CAMP',
  });
  const team = await insertUnit(ds, facility, { code: `DOI-QK1-${s}`, name: 'Đội 1', kind: 'TEAM' });
  await insertUnit(ds, null, {
    code: `VKSQK7-${s}`,
    name: 'Viện kiểm sát quân sự Quân khu 7',
    kind: 'PROCURACY',
    supervisedUnitId: department.id,
  });
  const user = (role: ModCampRole, unit: UnitRef) => insertUser(ds, { key: `qk-${role}`, suffix: s, role, unit });
  const users = {
    [Role.TEAM_OFFICER]: await user(Role.TEAM_OFFICER, team),
    [Role.CAMP_COUNCIL_MEMBER]: await user(Role.CAMP_COUNCIL_MEMBER, facility),
    [Role.WARDEN]: await user(Role.WARDEN, facility),
    [Role.DEPARTMENT_OFFICER]: await user(Role.DEPARTMENT_OFFICER, department),
    [Role.MINISTRY_OFFICER]: await user(Role.MINISTRY_OFFICER, ministry),
  };
  return { ministry, department, facility, team, users };
}

type ModCampRole = keyof ModCamp['users'];
