// Which unit receives a facility's list and which Minister it reaches (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 2,
// điểm b–c; current unit names per DOMAIN §9). Stored values: never rename.
export enum FacilityKind {
  MPS_PRISON = 'mps_prison',
  MPS_DETENTION_POLICE = 'mps_detention_police',
  MPS_DETENTION_SECURITY = 'mps_detention_security',
  PROVINCIAL_DETENTION = 'provincial_detention',
  MOD_PRISON = 'mod_prison',
  MILITARY_REGION_CAMP = 'military_region_camp',
}

export enum DepartmentKind {
  PRISON_POLICE_DEPARTMENT = 'prison_police_department',
  POLICE_INVESTIGATION_AGENCY = 'police_investigation_agency',
  SECURITY_INVESTIGATION_AGENCY = 'security_investigation_agency',
  PROVINCIAL_POLICE = 'provincial_police',
  MOD_CRIMINAL_INVESTIGATION = 'mod_criminal_investigation',
  MILITARY_REGION_COMMAND = 'military_region_command',
}

export enum Ministry {
  PUBLIC_SECURITY = 'cong_an',
  NATIONAL_DEFENCE = 'quoc_phong',
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
    departmentKind: DepartmentKind.PRISON_POLICE_DEPARTMENT,
    departmentLabel: 'Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng',
    ministry: Ministry.PUBLIC_SECURITY,
    citation: D76_7_2B,
  },
  [FacilityKind.MPS_DETENTION_POLICE]: {
    departmentKind: DepartmentKind.POLICE_INVESTIGATION_AGENCY,
    departmentLabel: 'Cơ quan Cảnh sát điều tra Bộ Công an',
    ministry: Ministry.PUBLIC_SECURITY,
    citation: D76_7_2B,
  },
  [FacilityKind.MPS_DETENTION_SECURITY]: {
    departmentKind: DepartmentKind.SECURITY_INVESTIGATION_AGENCY,
    departmentLabel: 'Cơ quan An ninh điều tra Bộ Công an',
    ministry: Ministry.PUBLIC_SECURITY,
    citation: D76_7_2B,
  },
  [FacilityKind.PROVINCIAL_DETENTION]: {
    departmentKind: DepartmentKind.PROVINCIAL_POLICE,
    departmentLabel: 'Công an tỉnh, thành phố',
    ministry: Ministry.PUBLIC_SECURITY,
    citation: D76_7_2B,
  },
  [FacilityKind.MOD_PRISON]: {
    departmentKind: DepartmentKind.MOD_CRIMINAL_INVESTIGATION,
    departmentLabel: 'Cục Điều tra hình sự Bộ Quốc phòng',
    ministry: Ministry.NATIONAL_DEFENCE,
    citation: D76_7_2B,
  },
  [FacilityKind.MILITARY_REGION_CAMP]: {
    departmentKind: DepartmentKind.MILITARY_REGION_COMMAND,
    departmentLabel: 'Bộ Tư lệnh quân khu và tương đương',
    ministry: Ministry.NATIONAL_DEFENCE,
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
export function canReceive(input: { facilityKind: FacilityKind; departmentKind: string; departmentMinistry: string }): boolean {
  const route = FACILITY_ROUTES[input.facilityKind];
  return route.departmentKind === input.departmentKind && route.ministry === input.departmentMinistry;
}
