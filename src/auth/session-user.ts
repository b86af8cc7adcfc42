import type { Agency, Role } from './user.entity.js';
import type { OrgUnitKind } from '../org/org-unit.entity.js';

// Who is asking: what every service needs to decide what the caller may see and do.
export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agency: Agency | null;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitKind: OrgUnitKind;
  orgUnitPath: string;
}

export const ROLE_LABELS: Record<Role, string> = {
  TEAM_OFFICER: 'Cán bộ quản giáo',
  CAMP_COUNCIL_MEMBER: 'Thành viên Hội đồng xét đề nghị đặc xá của trại',
  WARDEN: 'Giám thị',
  DEPARTMENT_OFFICER: 'Cán bộ cơ quan quản lý',
  MINISTRY_OFFICER: 'Cán bộ Bộ',
  APPRAISER: 'Thành viên Tổ thẩm định liên ngành',
  COUNCIL_STANDING_OFFICER: 'Cán bộ Thường trực Hội đồng tư vấn đặc xá',
  COUNCIL_MEMBER: 'Thành viên Hội đồng tư vấn đặc xá',
  COURT_OFFICER: 'Cán bộ Tòa án nhân dân cấp tỉnh, Tòa án quân sự cấp quân khu',
  COURT_PRESIDENT: 'Chánh án Tòa án nhân dân cấp tỉnh, Tòa án quân sự cấp quân khu',
  SUPREME_COURT_OFFICER: 'Cán bộ Tòa án nhân dân tối cao',
  LOCAL_UNIT_OFFICER: 'Cán bộ Ủy ban nhân dân cấp xã, đơn vị quân đội',
  ADMIN: 'Quản trị hệ thống',
};
