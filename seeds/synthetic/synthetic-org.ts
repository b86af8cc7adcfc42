import type { EntityManager } from 'typeorm';
import { DepartmentKind, FacilityKind, Ministry, OrgUnitKind } from '../../src/org/org-unit.entity.js';
import { PROVINCES, provinceLabel } from '../common/data/places.js';
import type { Rng } from '../common/prng.js';
import { insertOrgUnits, OrgUnitRow } from '../common/seed-writer.js';

// A nationwide camp network for scale work: MPS prisons under C10, detention centres under C01 and A09 and the
// provincial police, army prisons and military-region camps. Ministries and departments that already exist (for
// instance from the demo data) are reused by code; facilities carry the SYN- prefix.
export interface SyntheticFacility {
  id: string;
  code: string;
  name: string;
  province: string;
  militaryRegion?: string;
  teams: { id: string; code: string }[];
  weight: number;
}

interface UnitSpec {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  ministry?: Ministry;
  departmentKind?: DepartmentKind;
  facilityKind?: FacilityKind;
  place: string;
  // A local procuracy: the code of the provincial police or military-region command whose camps it supervises.
  supervises?: string;
}

const MILITARY_REGIONS: readonly (readonly [string, string])[] = [
  ['Quân khu 1', 'Thái Nguyên'],
  ['Quân khu 2', 'Phú Thọ'],
  ['Quân khu 3', 'Hải Phòng'],
  ['Quân khu 4', 'Nghệ An'],
  ['Quân khu 5', 'Đà Nẵng'],
  ['Quân khu 7', 'Thành phố Hồ Chí Minh'],
  ['Quân khu 9', 'Cần Thơ'],
];

// 'Hà Nội' → 'HANOI', 'Quân khu 7' → 'QK7': the same codes the demo data uses, so a synthetic load on top of the demo
// reuses its provincial police and military-region commands.
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/^QUAN KHU /, 'QK')
    .replace(/[^A-Z0-9]+/g, '');
}

// Roughly the real proportions: most inmates are in MPS prisons; provincial centres and the army hold the rest.
function specs(facilityCount: number): {
  units: UnitSpec[];
  facilities: (UnitSpec & { militaryRegion?: string; teams: number; weight: number })[];
} {
  const units: UnitSpec[] = [
    {
      code: 'BCA',
      name: 'Bộ Công an',
      kind: OrgUnitKind.MINISTRY,
      parentCode: null,
      ministry: Ministry.CONG_AN,
      place: 'Hà Nội',
    },
    {
      code: 'BQP',
      name: 'Bộ Quốc phòng',
      kind: OrgUnitKind.MINISTRY,
      parentCode: null,
      ministry: Ministry.QUOC_PHONG,
      place: 'Hà Nội',
    },
    {
      code: 'BCA-C10',
      name: 'Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng',
      kind: OrgUnitKind.DEPARTMENT,
      parentCode: 'BCA',
      ministry: Ministry.CONG_AN,
      departmentKind: DepartmentKind.C10,
      place: 'Hà Nội',
    },
    {
      code: 'BCA-C01',
      name: 'Cơ quan Cảnh sát điều tra Bộ Công an',
      kind: OrgUnitKind.DEPARTMENT,
      parentCode: 'BCA',
      ministry: Ministry.CONG_AN,
      departmentKind: DepartmentKind.C01,
      place: 'Hà Nội',
    },
    {
      code: 'BQP-CDTHS',
      name: 'Cục Điều tra hình sự Bộ Quốc phòng',
      kind: OrgUnitKind.DEPARTMENT,
      parentCode: 'BQP',
      ministry: Ministry.QUOC_PHONG,
      departmentKind: DepartmentKind.MOD_CID,
      place: 'Hà Nội',
    },
  ];
  const facilities: (UnitSpec & { militaryRegion?: string; teams: number; weight: number })[] = [];
  const prisons = Math.round(facilityCount * 0.5);
  const provincial = Math.round(facilityCount * 0.3);
  const army = facilityCount - prisons - provincial - 2;
  for (let i = 1; i <= prisons; i++) {
    const province = PROVINCES[(i * 7) % PROVINCES.length];
    facilities.push({
      code: `SYN-TG-${String(i).padStart(3, '0')}`,
      name: `Trại giam số ${i}, Bộ Công an`,
      kind: OrgUnitKind.FACILITY,
      parentCode: 'BCA-C10',
      ministry: Ministry.CONG_AN,
      facilityKind: FacilityKind.MPS_PRISON,
      place: province,
      teams: 12,
      weight: 30,
    });
  }
  facilities.push({
    code: 'SYN-TTG-C01',
    name: 'Trại tạm giam số 2, Cơ quan Cảnh sát điều tra Bộ Công an',
    kind: OrgUnitKind.FACILITY,
    parentCode: 'BCA-C01',
    ministry: Ministry.CONG_AN,
    facilityKind: FacilityKind.MPS_DETENTION_C01,
    place: 'Hà Nội',
    teams: 3,
    weight: 4,
  });
  facilities.push({
    code: 'SYN-TG-BQP',
    name: 'Trại giam số 2, Bộ Quốc phòng',
    kind: OrgUnitKind.FACILITY,
    parentCode: 'BQP-CDTHS',
    ministry: Ministry.QUOC_PHONG,
    facilityKind: FacilityKind.MOD_PRISON,
    place: 'Ninh Bình',
    militaryRegion: 'Quân khu 3',
    teams: 4,
    weight: 6,
  });
  for (let i = 0; i < provincial; i++) {
    const province = PROVINCES[i % PROVINCES.length];
    const police = `CA-${slug(province)}`;
    if (!units.some((u) => u.code === police)) {
      units.push({
        code: police,
        name: `Công an ${provinceLabel(province)}`,
        kind: OrgUnitKind.DEPARTMENT,
        parentCode: 'BCA',
        ministry: Ministry.CONG_AN,
        departmentKind: DepartmentKind.PROVINCIAL_POLICE,
        place: province,
      });
      // Its detention centres are supervised by the provincial procuracy (Luật Đặc xá 2018, Điều 30).
      units.push({
        code: `VKS-${slug(province)}`,
        name: `Viện kiểm sát nhân dân ${provinceLabel(province)}`,
        kind: OrgUnitKind.PROCURACY,
        parentCode: null,
        place: province,
        supervises: police,
      });
    }
    const n = Math.floor(i / PROVINCES.length) + 1;
    facilities.push({
      code: `SYN-TTG-${slug(province)}-${n}`,
      name: `Trại tạm giam số ${n}, Công an ${provinceLabel(province)}`,
      kind: OrgUnitKind.FACILITY,
      parentCode: police,
      ministry: Ministry.CONG_AN,
      facilityKind: FacilityKind.PROVINCIAL_DETENTION,
      place: province,
      teams: 3,
      weight: 5,
    });
  }
  for (let i = 0; i < army; i++) {
    const [region, province] = MILITARY_REGIONS[i % MILITARY_REGIONS.length];
    const command = `BQP-${slug(region)}`;
    if (!units.some((u) => u.code === command)) {
      units.push({
        code: command,
        name: `Bộ Tư lệnh ${region}`,
        kind: OrgUnitKind.DEPARTMENT,
        parentCode: 'BQP',
        ministry: Ministry.QUOC_PHONG,
        departmentKind: DepartmentKind.MILITARY_REGION,
        place: province,
      });
      units.push({
        code: `VKSQS-${slug(region)}`,
        name: `Viện kiểm sát quân sự ${region}`,
        kind: OrgUnitKind.PROCURACY,
        parentCode: null,
        place: province,
        supervises: command,
      });
    }
    const n = Math.floor(i / MILITARY_REGIONS.length) + 1;
    facilities.push({
      code: `SYN-TG-${slug(region)}-${n}`,
      name: `Trại giam số ${n}, ${region}`,
      kind: OrgUnitKind.FACILITY,
      parentCode: command,
      ministry: Ministry.QUOC_PHONG,
      facilityKind: FacilityKind.MILITARY_REGION_CAMP,
      place: province,
      militaryRegion: region,
      teams: 3,
      weight: 3,
    });
  }
  return { units, facilities };
}

// Creates what is missing (by code) and returns the facilities with their team ids.
export async function ensureSyntheticOrg(
  manager: EntityManager,
  rng: Rng,
  facilityCount: number,
): Promise<SyntheticFacility[]> {
  const { units, facilities } = specs(facilityCount);
  const codes = [...units.map((u) => u.code), ...facilities.map((f) => f.code)];
  const existing: { id: string; code: string; path: string }[] = await manager.query(
    `SELECT id, code, path FROM org_units WHERE code = ANY($1::text[]) OR code LIKE 'SYN-%'`,
    [codes],
  );
  const known = new Map(existing.map((u) => [u.code, u]));
  const rows: OrgUnitRow[] = [];
  const add = (s: UnitSpec) => {
    if (known.has(s.code)) return known.get(s.code)!;
    const parent = s.parentCode ? known.get(s.parentCode)! : null;
    const id = rng.uuid();
    const unit = { id, code: s.code, path: `${parent?.path ?? '/'}${id}/` };
    rows.push({
      id,
      code: s.code,
      name: s.name,
      kind: s.kind,
      parentId: parent?.id ?? null,
      path: unit.path,
      ministry: s.ministry ?? null,
      departmentKind: s.departmentKind ?? null,
      facilityKind: s.facilityKind ?? null,
      bodyKind: null,
      place: s.place,
      supervisedUnitId: s.supervises ? known.get(s.supervises)!.id : null,
    });
    known.set(s.code, unit);
    return unit;
  };
  units.forEach(add);
  const out: SyntheticFacility[] = facilities.map((f) => {
    const facility = add(f);
    const teams: { id: string; code: string }[] = [];
    const subCamps = f.facilityKind === FacilityKind.MPS_PRISON ? 3 : 0;
    for (let t = 1; t <= f.teams; t++) {
      let parentCode = f.code;
      if (subCamps) {
        parentCode = `${f.code}-PT${((t - 1) % subCamps) + 1}`;
        add({
          code: parentCode,
          name: `Phân trại số ${((t - 1) % subCamps) + 1}, ${f.name}`,
          kind: OrgUnitKind.SUB_CAMP,
          parentCode: f.code,
          place: f.place,
        });
      }
      const code = `${f.code}-D${t}`;
      teams.push({
        id: add({ code, name: `Đội phạm nhân số ${t}`, kind: OrgUnitKind.TEAM, parentCode, place: f.place }).id,
        code,
      });
    }
    return {
      id: facility.id,
      code: f.code,
      name: f.name,
      province: f.place,
      militaryRegion: f.militaryRegion,
      teams,
      weight: f.weight,
    };
  });
  await insertOrgUnits(manager, rows);
  return out;
}
