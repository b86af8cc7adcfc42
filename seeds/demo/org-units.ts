import {
  DepartmentKind,
  FacilityKind,
  Ministry,
  NationalBodyKind,
  OrgUnitKind,
} from '../../src/org/org-unit.entity.js';
import type { Rng } from '../common/prng.js';
import type { OrgUnitRow } from '../common/seed-writer.js';

export interface DemoOrgUnit extends OrgUnitRow {
  kind: OrgUnitKind;
  parentCode: string | null;
  ministry: Ministry | null;
  departmentKind: DepartmentKind | null;
  facilityKind: FacilityKind | null;
  bodyKind: NationalBodyKind | null;
}

type Spec = Pick<DemoOrgUnit, 'code' | 'name' | 'kind' | 'parentCode'> &
  Partial<Pick<DemoOrgUnit, 'ministry' | 'departmentKind' | 'facilityKind' | 'bodyKind' | 'place'>> & {
    // A local procuracy: the code of the provincial police or military-region command it supervises; a court: the
    // command standing for its province.
    supervises?: string;
  };

// Facilities the demo dossiers are spread over, with where each sits and who receives its lists (DOMAIN §9).
export interface DemoFacility {
  code: string;
  province: string;
  militaryRegion?: string;
  teams: string[];
  weight: number;
}

const { MINISTRY, DEPARTMENT, FACILITY, SUB_CAMP, TEAM, NATIONAL_BODY, PROCURACY, COURT, LOCAL_UNIT } = OrgUnitKind;

function campWithSubCamps(
  code: string,
  name: string,
  parentCode: string,
  facilityKind: FacilityKind,
  place: string,
  subCamps: number,
  teamsEach: number,
): Spec[] {
  const out: Spec[] = [{ code, name, kind: FACILITY, parentCode, facilityKind, place }];
  for (let s = 1; s <= subCamps; s++) {
    const sub = `${code}-PT${s}`;
    out.push({ code: sub, name: `Phân trại số ${s}, ${name}`, kind: SUB_CAMP, parentCode: code, place });
    for (let t = 1; t <= teamsEach; t++) {
      const n = (s - 1) * teamsEach + t;
      out.push({
        code: `${sub}-D${n}`,
        name: `Đội phạm nhân số ${n}, Phân trại số ${s}`,
        kind: TEAM,
        parentCode: sub,
        place,
      });
    }
  }
  return out;
}

function centreWithTeams(
  code: string,
  name: string,
  parentCode: string,
  facilityKind: FacilityKind,
  place: string,
  teams: number,
): Spec[] {
  const out: Spec[] = [{ code, name, kind: FACILITY, parentCode, facilityKind, place }];
  for (let t = 1; t <= teams; t++)
    out.push({ code: `${code}-D${t}`, name: `Đội phạm nhân số ${t}`, kind: TEAM, parentCode: code, place });
  return out;
}

const SPECS: Spec[] = [
  { code: 'BCA', name: 'Bộ Công an', kind: MINISTRY, parentCode: null, ministry: Ministry.CONG_AN, place: 'Hà Nội' },
  {
    code: 'BCA-C10',
    name: 'Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng',
    kind: DEPARTMENT,
    parentCode: 'BCA',
    ministry: Ministry.CONG_AN,
    departmentKind: DepartmentKind.C10,
    place: 'Hà Nội',
  },
  ...campWithSubCamps('TG-THANH-XUAN', 'Trại giam Thanh Xuân', 'BCA-C10', FacilityKind.MPS_PRISON, 'Hà Nội', 2, 2),
  ...campWithSubCamps('TG-XUAN-LOC', 'Trại giam Xuân Lộc', 'BCA-C10', FacilityKind.MPS_PRISON, 'Đồng Nai', 2, 2),
  {
    code: 'BCA-C01',
    name: 'Cơ quan Cảnh sát điều tra Bộ Công an',
    kind: DEPARTMENT,
    parentCode: 'BCA',
    ministry: Ministry.CONG_AN,
    departmentKind: DepartmentKind.C01,
    place: 'Hà Nội',
  },
  ...centreWithTeams(
    'TTG-T16',
    'Trại tạm giam T16, Cơ quan Cảnh sát điều tra Bộ Công an',
    'BCA-C01',
    FacilityKind.MPS_DETENTION_C01,
    'Hà Nội',
    2,
  ),
  {
    code: 'BCA-A09',
    name: 'Cơ quan An ninh điều tra Bộ Công an',
    kind: DEPARTMENT,
    parentCode: 'BCA',
    ministry: Ministry.CONG_AN,
    departmentKind: DepartmentKind.A09,
    place: 'Hà Nội',
  },
  ...centreWithTeams(
    'TTG-A09',
    'Trại tạm giam, Cơ quan An ninh điều tra Bộ Công an',
    'BCA-A09',
    FacilityKind.MPS_DETENTION_A09,
    'Hà Nội',
    1,
  ),
  {
    code: 'CA-HANOI',
    name: 'Công an thành phố Hà Nội',
    kind: DEPARTMENT,
    parentCode: 'BCA',
    ministry: Ministry.CONG_AN,
    departmentKind: DepartmentKind.PROVINCIAL_POLICE,
    place: 'Hà Nội',
  },
  ...centreWithTeams(
    'TTG1-CA-HANOI',
    'Trại tạm giam số 1, Công an thành phố Hà Nội',
    'CA-HANOI',
    FacilityKind.PROVINCIAL_DETENTION,
    'Hà Nội',
    2,
  ),
  {
    code: 'CA-NGHEAN',
    name: 'Công an tỉnh Nghệ An',
    kind: DEPARTMENT,
    parentCode: 'BCA',
    ministry: Ministry.CONG_AN,
    departmentKind: DepartmentKind.PROVINCIAL_POLICE,
    place: 'Nghệ An',
  },
  ...centreWithTeams(
    'TTG-CA-NGHEAN',
    'Trại tạm giam Công an tỉnh Nghệ An',
    'CA-NGHEAN',
    FacilityKind.PROVINCIAL_DETENTION,
    'Nghệ An',
    1,
  ),
  {
    code: 'BQP',
    name: 'Bộ Quốc phòng',
    kind: MINISTRY,
    parentCode: null,
    ministry: Ministry.QUOC_PHONG,
    place: 'Hà Nội',
  },
  {
    code: 'BQP-CDTHS',
    name: 'Cục Điều tra hình sự Bộ Quốc phòng',
    kind: DEPARTMENT,
    parentCode: 'BQP',
    ministry: Ministry.QUOC_PHONG,
    departmentKind: DepartmentKind.MOD_CID,
    place: 'Hà Nội',
  },
  ...campWithSubCamps(
    'TG-BQP-1',
    'Trại giam số 1, Bộ Quốc phòng',
    'BQP-CDTHS',
    FacilityKind.MOD_PRISON,
    'Ninh Bình',
    1,
    2,
  ),
  {
    code: 'BQP-QK7',
    name: 'Bộ Tư lệnh Quân khu 7',
    kind: DEPARTMENT,
    parentCode: 'BQP',
    ministry: Ministry.QUOC_PHONG,
    departmentKind: DepartmentKind.MILITARY_REGION,
    place: 'Thành phố Hồ Chí Minh',
  },
  ...centreWithTeams('TG-QK7', 'Trại giam Quân khu 7', 'BQP-QK7', FacilityKind.MILITARY_REGION_CAMP, 'Đồng Nai', 2),
  {
    code: 'HDTVDX',
    name: 'Hội đồng tư vấn đặc xá',
    kind: NATIONAL_BODY,
    parentCode: null,
    bodyKind: NationalBodyKind.COUNCIL,
    place: 'Hà Nội',
  },
  {
    code: 'HDTVDX-TT',
    name: 'Thường trực Hội đồng tư vấn đặc xá',
    kind: NATIONAL_BODY,
    parentCode: 'HDTVDX',
    bodyKind: NationalBodyKind.COUNCIL_STANDING,
    place: 'Hà Nội',
  },
  {
    code: 'HDTVDX-TTD',
    name: 'Tổ thẩm định liên ngành',
    kind: NATIONAL_BODY,
    parentCode: 'HDTVDX',
    bodyKind: NationalBodyKind.APPRAISAL_TEAM,
    place: 'Hà Nội',
  },
  {
    code: 'VPCTN',
    name: 'Văn phòng Chủ tịch nước',
    kind: NATIONAL_BODY,
    parentCode: null,
    bodyKind: NationalBodyKind.PRESIDENT_OFFICE,
    place: 'Hà Nội',
  },
  // The procuracies that receive the camps' notices (Luật Đặc xá 2018, Điều 15, khoản 5; Điều 30).
  {
    code: 'VKSNDTC',
    name: 'Viện kiểm sát nhân dân tối cao',
    kind: NATIONAL_BODY,
    parentCode: null,
    bodyKind: NationalBodyKind.SUPREME_PROCURACY,
    place: 'Hà Nội',
  },
  {
    code: 'VKS-HANOI',
    name: 'Viện kiểm sát nhân dân thành phố Hà Nội',
    kind: PROCURACY,
    parentCode: null,
    supervises: 'CA-HANOI',
    place: 'Hà Nội',
  },
  {
    code: 'VKS-NGHEAN',
    name: 'Viện kiểm sát nhân dân tỉnh Nghệ An',
    kind: PROCURACY,
    parentCode: null,
    supervises: 'CA-NGHEAN',
    place: 'Nghệ An',
  },
  {
    code: 'VKSQS-QK7',
    name: 'Viện kiểm sát quân sự Quân khu 7',
    kind: PROCURACY,
    parentCode: null,
    supervises: 'BQP-QK7',
    place: 'Thành phố Hồ Chí Minh',
  },
  {
    code: 'QTHT',
    name: 'Bộ phận quản trị hệ thống',
    kind: NATIONAL_BODY,
    parentCode: null,
    bodyKind: NationalBodyKind.ADMINISTRATION,
    place: 'Hà Nội',
  },
  // The courts that list the persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3); last, so that the units above
  // keep their ids.
  {
    code: 'TAND-HANOI',
    name: 'Tòa án nhân dân thành phố Hà Nội',
    kind: COURT,
    parentCode: null,
    supervises: 'CA-HANOI',
    place: 'Hà Nội',
  },
  {
    code: 'TAQS-QK7',
    name: 'Tòa án quân sự Quân khu 7',
    kind: COURT,
    parentCode: null,
    supervises: 'BQP-QK7',
    place: 'Thành phố Hồ Chí Minh',
  },
  // Its Chief Justice decides the second complaints about the courts' lists (Luật Đặc xá 2018, Điều 37, khoản 2).
  {
    code: 'TANDTC',
    name: 'Tòa án nhân dân tối cao',
    kind: NATIONAL_BODY,
    parentCode: null,
    bodyKind: NationalBodyKind.SUPREME_COURT,
    place: 'Hà Nội',
  },
  // A commune an amnestied person presents the certificate to (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a); last, so
  // that the units above keep their ids.
  { code: 'UBND-TANLAP', name: 'Ủy ban nhân dân xã Tân Lập', kind: LOCAL_UNIT, parentCode: null, place: 'Hà Nội' },
];

// The court that lists a person on suspension whose file a camp of the demo holds: the military-region court for an
// army camp, the Hà Nội court otherwise.
export function demoCourtFor(facility: DemoFacility): string {
  return facility.militaryRegion ? 'TAQS-QK7' : 'TAND-HANOI';
}

export const DEMO_FACILITIES: readonly DemoFacility[] = [
  {
    code: 'TG-THANH-XUAN',
    province: 'Hà Nội',
    teams: ['TG-THANH-XUAN-PT1-D1', 'TG-THANH-XUAN-PT1-D2', 'TG-THANH-XUAN-PT2-D3', 'TG-THANH-XUAN-PT2-D4'],
    weight: 30,
  },
  {
    code: 'TG-XUAN-LOC',
    province: 'Đồng Nai',
    teams: ['TG-XUAN-LOC-PT1-D1', 'TG-XUAN-LOC-PT1-D2', 'TG-XUAN-LOC-PT2-D3', 'TG-XUAN-LOC-PT2-D4'],
    weight: 25,
  },
  { code: 'TTG-T16', province: 'Hà Nội', teams: ['TTG-T16-D1', 'TTG-T16-D2'], weight: 7 },
  { code: 'TTG-A09', province: 'Hà Nội', teams: ['TTG-A09-D1'], weight: 2 },
  { code: 'TTG1-CA-HANOI', province: 'Hà Nội', teams: ['TTG1-CA-HANOI-D1', 'TTG1-CA-HANOI-D2'], weight: 10 },
  { code: 'TTG-CA-NGHEAN', province: 'Nghệ An', teams: ['TTG-CA-NGHEAN-D1'], weight: 6 },
  {
    code: 'TG-BQP-1',
    province: 'Ninh Bình',
    militaryRegion: 'Quân khu 3',
    teams: ['TG-BQP-1-PT1-D1', 'TG-BQP-1-PT1-D2'],
    weight: 9,
  },
  { code: 'TG-QK7', province: 'Đồng Nai', militaryRegion: 'Quân khu 7', teams: ['TG-QK7-D1', 'TG-QK7-D2'], weight: 11 },
];

// Ids come from the seeded stream and paths run from the root to the unit itself, so the tree is identical each run.
export function buildDemoOrgUnits(rng: Rng): DemoOrgUnit[] {
  const byCode = new Map<string, DemoOrgUnit>();
  return SPECS.map((s) => {
    const id = rng.uuid();
    const parent = s.parentCode ? byCode.get(s.parentCode) : undefined;
    if (s.parentCode && !parent) throw new Error(`Demo org unit ${s.code} is listed before its parent ${s.parentCode}`);
    const unit: DemoOrgUnit = {
      id,
      code: s.code,
      name: s.name,
      kind: s.kind,
      parentCode: s.parentCode,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      ministry: s.ministry ?? parent?.ministry ?? null,
      departmentKind: s.departmentKind ?? null,
      facilityKind: s.facilityKind ?? null,
      bodyKind: s.bodyKind ?? null,
      place: s.place ?? null,
      supervisedUnitId: s.supervises ? byCode.get(s.supervises)!.id : null,
    };
    byCode.set(s.code, unit);
    return unit;
  });
}
