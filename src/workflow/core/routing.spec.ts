import { canReceive, DepartmentKind, FACILITY_ROUTES, FacilityKind, Ministry, routeFor } from './routing.js';

describe('routing of a facility to its managing department', () => {
  it.each([
    { kind: FacilityKind.MPS_PRISON, dept: DepartmentKind.C10, ministry: Ministry.CONG_AN },
    { kind: FacilityKind.PROVINCIAL_DETENTION, dept: DepartmentKind.PROVINCIAL_POLICE, ministry: Ministry.CONG_AN },
    { kind: FacilityKind.MOD_PRISON, dept: DepartmentKind.MOD_CID, ministry: Ministry.QUOC_PHONG },
    { kind: FacilityKind.MILITARY_REGION_CAMP, dept: DepartmentKind.MILITARY_REGION, ministry: Ministry.QUOC_PHONG },
  ])('$kind → $dept ($ministry)', ({ kind, dept, ministry }) => {
    expect(routeFor(kind)).toMatchObject({ departmentKind: dept, ministry });
    expect(canReceive({ facilityKind: kind, departmentKind: dept, departmentMinistry: ministry })).toBe(true);
  });

  it('refuses a department of the wrong kind or ministry', () => {
    expect(
      canReceive({
        facilityKind: FacilityKind.MOD_PRISON,
        departmentKind: DepartmentKind.C10,
        departmentMinistry: Ministry.CONG_AN,
      }),
    ).toBe(false);
    expect(
      canReceive({
        facilityKind: FacilityKind.MPS_PRISON,
        departmentKind: DepartmentKind.C10,
        departmentMinistry: Ministry.QUOC_PHONG,
      }),
    ).toBe(false);
  });

  it('routes every facility kind', () => {
    for (const kind of Object.values(FacilityKind)) expect(FACILITY_ROUTES[kind].citation).toMatch(/Điều 7/);
  });
});
