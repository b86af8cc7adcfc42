// Which unit receives a facility's list and which Minister it reaches (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2,
// điểm b–c; current unit names per DOMAIN §9). The values are those stored in org_units.
export enum FacilityKind {
  MPS_PRISON = 'MPS_PRISON',
  MPS_DETENTION_C01 = 'MPS_DETENTION_C01',
  MPS_DETENTION_A09 = 'MPS_DETENTION_A09',
  PROVINCIAL_DETENTION = 'PROVINCIAL_DETENTION',
  MOD_PRISON = 'MOD_PRISON',
  MILITARY_REGION_CAMP = 'MILITARY_REGION_CAMP',
}

export enum DepartmentKind {
  C10 = 'C10',
  C01 = 'C01',
  A09 = 'A09',
  PROVINCIAL_POLICE = 'PROVINCIAL_POLICE',
  MOD_CID = 'MOD_CID',
  MILITARY_REGION = 'MILITARY_REGION',
}

export enum Ministry {
  CONG_AN = 'CONG_AN',
  QUOC_PHONG = 'QUOC_PHONG',
}

export interface Route {
  departmentKind: DepartmentKind;
  departmentLabel: string;
  ministry: Ministry;
  citation: string;
}

const D76_7_2B = 'Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2, điểm b';

export const FACILITY_ROUTES: Record<FacilityKind, Route> = {
  [FacilityKind.MPS_PRISON]: {
    departmentKind: DepartmentKind.C10,
    departmentLabel: 'Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng',
    ministry: Ministry.CONG_AN,
    citation: D76_7_2B,
  },
  [FacilityKind.MPS_DETENTION_C01]: {
    departmentKind: DepartmentKind.C01,
    departmentLabel: 'Cơ quan Cảnh sát điều tra Bộ Công an',
    ministry: Ministry.CONG_AN,
    citation: D76_7_2B,
  },
  [FacilityKind.MPS_DETENTION_A09]: {
    departmentKind: DepartmentKind.A09,
    departmentLabel: 'Cơ quan An ninh điều tra Bộ Công an',
    ministry: Ministry.CONG_AN,
    citation: D76_7_2B,
  },
  [FacilityKind.PROVINCIAL_DETENTION]: {
    departmentKind: DepartmentKind.PROVINCIAL_POLICE,
    departmentLabel: 'Công an tỉnh, thành phố',
    ministry: Ministry.CONG_AN,
    citation: D76_7_2B,
  },
  [FacilityKind.MOD_PRISON]: {
    departmentKind: DepartmentKind.MOD_CID,
    departmentLabel: 'Cục Điều tra hình sự Bộ Quốc phòng',
    ministry: Ministry.QUOC_PHONG,
    citation: D76_7_2B,
  },
  [FacilityKind.MILITARY_REGION_CAMP]: {
    departmentKind: DepartmentKind.MILITARY_REGION,
    departmentLabel: 'Bộ Tư lệnh quân khu và tương đương',
    ministry: Ministry.QUOC_PHONG,
    citation: D76_7_2B,
  },
};

export function routeFor(kind: FacilityKind): Route {
  return FACILITY_ROUTES[kind];
}

export function isFacilityKind(value: string): value is FacilityKind {
  return (Object.values(FacilityKind) as string[]).includes(value);
}

// A department may consolidate a facility's list only when the facility's kind routes to it and both sit under the
// same ministry: a police department never receives an army camp's list.
export function canReceive(input: {
  facilityKind: FacilityKind;
  departmentKind: string;
  departmentMinistry: string;
}): boolean {
  const route = FACILITY_ROUTES[input.facilityKind];
  return route.departmentKind === input.departmentKind && route.ministry === input.departmentMinistry;
}
