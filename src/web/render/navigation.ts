import { Role } from '../../auth/user.entity.js';

export interface NavItem {
  href: string;
  label: string;
  active?: boolean;
}

const CAMP: NavItem[] = [
  { href: '/', label: 'Việc cần làm' },
  { href: '/dossiers', label: 'Danh sách phạm nhân' },
  { href: '/dossiers/new', label: 'Lập hồ sơ đề nghị' },
  { href: '/dossiers/import', label: 'Nhập từ Excel' },
  { href: '/camp/council', label: 'Hội đồng trại' },
  { href: '/lists', label: 'Danh sách, văn bản' },
  { href: '/complaints', label: 'Khiếu nại' },
];
// Only the team officer records the team's ballot; the warden (and, for persons on suspension, the court president)
// releases and issues certificates.
const TEAM: NavItem[] = [...CAMP.slice(0, 4), { href: '/ballots', label: 'Họp đội, bỏ phiếu' }, ...CAMP.slice(4)];
const RELEASES: NavItem = { href: '/releases', label: 'Tha tù, giấy chứng nhận' };
// A person on suspension is not in prison: the court president issues the certificate (Điều 18, khoản 3).
const COURT_CERTIFICATES: NavItem = { href: '/releases', label: 'Cấp giấy chứng nhận đặc xá' };
const UPPER: NavItem[] = [
  { href: '/', label: 'Việc cần làm' },
  { href: '/dossiers', label: 'Hồ sơ' },
  { href: '/lists', label: 'Danh sách, văn bản' },
  { href: '/complaints', label: 'Khiếu nại' },
];
const SIMULATION: NavItem = { href: '/simulation', label: 'Mô phỏng điều kiện' };
const SCREENING: NavItem = { href: '/screenings', label: 'Rà soát điều kiện' };
// After the President's decision: the camp and the department above it post, issue and follow the certificates; the
// ministry and the standing body follow who has presented them.
const CERTIFICATES: NavItem = { href: '/certificates', label: 'Thực hiện Quyết định đặc xá' };
const PRESENTATIONS: NavItem = { href: '/certificates/presentations', label: 'Xuất trình giấy chứng nhận' };
const RECORDS: NavItem = { href: '/appraisal-records', label: 'Biên bản thẩm định' };
const APPRAISER: NavItem[] = [
  { href: '/', label: 'Việc cần làm' },
  { href: '/appraisal', label: 'Hồ sơ cần thẩm định' },
  { href: '/appraisal/flags', label: 'Ý kiến đã nêu' },
  { href: '/lists', label: 'Danh sách, chuyển Thường trực' },
];
const STANDING: NavItem[] = [
  { href: '/', label: 'Việc cần làm' },
  { href: '/dossiers', label: 'Hồ sơ' },
  { href: '/standing/flags', label: 'Ý kiến thẩm định' },
  { href: '/standing/report', label: 'Báo cáo giải trình' },
  { href: '/lists', label: 'Danh sách, văn bản' },
  { href: '/standing/president', label: 'Quyết định của Chủ tịch nước' },
];
const COUNCIL: NavItem[] = [
  { href: '/', label: 'Việc cần làm' },
  { href: '/dossiers', label: 'Hồ sơ' },
  { href: '/council', label: 'Chốt danh sách' },
  { href: '/standing/report', label: 'Báo cáo giải trình' },
  { href: '/lists', label: 'Danh sách, văn bản' },
];
// A provincial or military-region court: its list of persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3).
const COURT: NavItem[] = [
  { href: '/', label: 'Việc cần làm' },
  { href: '/dossiers', label: 'Hồ sơ' },
  { href: '/court', label: 'Danh sách người được tạm đình chỉ' },
  { href: '/lists', label: 'Danh sách, văn bản' },
  { href: '/complaints', label: 'Khiếu nại' },
];
// The Supreme People's Court: the second complaints about the courts' lists (Luật Đặc xá 2018, Điều 37, khoản 2).
const SUPREME_COURT: NavItem[] = [
  { href: '/', label: 'Việc cần làm' },
  { href: '/dossiers', label: 'Hồ sơ' },
  { href: '/complaints', label: 'Khiếu nại' },
];
// The commune or military unit an amnestied person presents the certificate to (Luật Đặc xá 2018, Điều 20, khoản 2,
// điểm a): it reads the certificates naming it and records the presentations, nothing else.
const LOCAL_UNIT: NavItem[] = [
  { href: '/', label: 'Việc cần làm' },
  { href: '/presentations', label: 'Trình diện Giấy chứng nhận đặc xá' },
];
const ADMIN: NavItem[] = [
  { href: '/', label: 'Tổng quan' },
  { href: '/admin/rounds', label: 'Đợt đặc xá' },
  { href: '/admin/users', label: 'Người dùng' },
  { href: '/admin/units', label: 'Đơn vị' },
];

const BY_ROLE: Record<Role, NavItem[]> = {
  [Role.TEAM_OFFICER]: TEAM,
  [Role.CAMP_COUNCIL_MEMBER]: CAMP,
  [Role.WARDEN]: [...CAMP, RELEASES, CERTIFICATES],
  [Role.DEPARTMENT_OFFICER]: [...UPPER, CERTIFICATES],
  [Role.MINISTRY_OFFICER]: [...UPPER, PRESENTATIONS, SCREENING, SIMULATION],
  [Role.APPRAISER]: [...APPRAISER, RECORDS],
  [Role.COUNCIL_STANDING_OFFICER]: [...STANDING, RECORDS, PRESENTATIONS, SCREENING, SIMULATION],
  [Role.COUNCIL_MEMBER]: [...COUNCIL, RECORDS],
  [Role.COURT_OFFICER]: COURT,
  [Role.COURT_PRESIDENT]: [...COURT, COURT_CERTIFICATES, CERTIFICATES],
  [Role.SUPREME_COURT_OFFICER]: SUPREME_COURT,
  [Role.LOCAL_UNIT_OFFICER]: LOCAL_UNIT,
  [Role.ADMIN]: [...ADMIN, SCREENING, SIMULATION],
};

// The longest matching prefix is the current section, so /dossiers/new is not also "Danh sách phạm nhân".
export function navigationFor(role: Role, path: string): NavItem[] {
  const items = BY_ROLE[role];
  const match = items
    .filter((i) => (i.href === '/' ? path === '/' : path === i.href || path.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((i) => ({ ...i, active: i === match }));
}

export const CAMP_ROLES: readonly Role[] = [Role.TEAM_OFFICER, Role.CAMP_COUNCIL_MEMBER, Role.WARDEN];
export const STANDING_ROLES: readonly Role[] = [Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER];
