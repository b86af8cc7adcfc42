import type { FieldError } from '../common/app.exception.js';
import { OrgUnitKind } from './org-unit.entity.js';

// Which kind of unit may sit under which (DOMAIN §9): ministry → department → facility → sub-camp → team.
const ALLOWED_PARENTS: Record<OrgUnitKind, (OrgUnitKind | null)[]> = {
  [OrgUnitKind.MINISTRY]: [null],
  [OrgUnitKind.NATIONAL_BODY]: [null],
  [OrgUnitKind.PROCURACY]: [null],
  [OrgUnitKind.COURT]: [null],
  [OrgUnitKind.LOCAL_UNIT]: [null],
  [OrgUnitKind.DEPARTMENT]: [OrgUnitKind.MINISTRY],
  [OrgUnitKind.FACILITY]: [OrgUnitKind.DEPARTMENT],
  [OrgUnitKind.SUB_CAMP]: [OrgUnitKind.FACILITY],
  [OrgUnitKind.TEAM]: [OrgUnitKind.FACILITY, OrgUnitKind.SUB_CAMP],
};

export const KIND_LABELS: Record<OrgUnitKind, string> = {
  MINISTRY: 'Bộ',
  DEPARTMENT: 'Cơ quan quản lý',
  FACILITY: 'Trại giam / trại tạm giam',
  SUB_CAMP: 'Phân trại',
  TEAM: 'Đội',
  NATIONAL_BODY: 'Cơ quan cấp trung ương',
  PROCURACY: 'Viện kiểm sát cấp tỉnh, quân khu',
  COURT: 'Tòa án nhân dân cấp tỉnh, Tòa án quân sự cấp quân khu',
  LOCAL_UNIT: 'Ủy ban nhân dân cấp xã, đơn vị quân đội',
};

export function checkUnitPlacement(input: {
  kind: OrgUnitKind;
  parentKind: OrgUnitKind | null;
  facilityKind?: string;
  departmentKind?: string;
  bodyKind?: string;
  ministry?: string;
  supervisedUnitCode?: string;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (!ALLOWED_PARENTS[input.kind].includes(input.parentKind)) {
    const allowed = ALLOWED_PARENTS[input.kind]
      .map((k) => (k ? KIND_LABELS[k] : 'không có đơn vị cấp trên'))
      .join(' hoặc ');
    errors.push({
      path: 'parentCode',
      code: 'invalidParent',
      message: `Trường "parentCode": ${KIND_LABELS[input.kind]} phải thuộc ${allowed}.`,
    });
  }
  const need = (ok: boolean, path: string, what: string) => {
    if (!ok) errors.push({ path, code: 'required', message: `Trường "${path}" là bắt buộc với ${what}.` });
  };
  need(
    input.kind !== OrgUnitKind.FACILITY || !!input.facilityKind,
    'facilityKind',
    'trại (loại trại quyết định nơi nhận danh sách)',
  );
  need(input.kind !== OrgUnitKind.DEPARTMENT || !!input.departmentKind, 'departmentKind', 'cơ quan quản lý');
  need(input.kind !== OrgUnitKind.NATIONAL_BODY || !!input.bodyKind, 'bodyKind', 'cơ quan cấp trung ương');
  need(input.kind !== OrgUnitKind.MINISTRY || !!input.ministry, 'ministry', 'Bộ');
  need(
    input.kind !== OrgUnitKind.PROCURACY || !!input.supervisedUnitCode,
    'supervisedUnitCode',
    'Viện kiểm sát (mã Công an tỉnh hoặc Bộ Tư lệnh quân khu mà Viện kiểm sát kiểm sát)',
  );
  need(
    input.kind !== OrgUnitKind.COURT || !!input.supervisedUnitCode,
    'supervisedUnitCode',
    'Tòa án (mã Công an tỉnh hoặc Bộ Tư lệnh quân khu nơi Tòa án đặt trụ sở)',
  );
  if (input.kind !== OrgUnitKind.PROCURACY && input.kind !== OrgUnitKind.COURT && input.supervisedUnitCode) {
    errors.push({
      path: 'supervisedUnitCode',
      code: 'notAllowed',
      message: 'Trường "supervisedUnitCode" chỉ dùng cho Viện kiểm sát và Tòa án.',
    });
  }
  if (input.kind !== OrgUnitKind.FACILITY && input.facilityKind) {
    errors.push({ path: 'facilityKind', code: 'notAllowed', message: 'Trường "facilityKind" chỉ dùng cho trại.' });
  }
  return errors;
}
