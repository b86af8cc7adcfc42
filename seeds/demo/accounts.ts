import { Agency, Role } from '../../src/auth/user.entity.js';

// One password for every demo account, printed at boot and in the README; never used outside a demo database.
export const DEMO_PASSWORD = 'dacxa2025';

export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string;
  agency: Agency | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'quangiao.tx',
    fullName: 'Nguyễn Văn Hưng',
    role: Role.TEAM_OFFICER,
    unitCode: 'TG-THANH-XUAN-PT1-D1',
    agency: null,
  },
  {
    username: 'hoidong.tx',
    fullName: 'Trần Thị Thu Hà',
    role: Role.CAMP_COUNCIL_MEMBER,
    unitCode: 'TG-THANH-XUAN',
    agency: null,
  },
  { username: 'giamthi.tx', fullName: 'Lê Quang Vinh', role: Role.WARDEN, unitCode: 'TG-THANH-XUAN', agency: null },
  {
    username: 'c10.canbo',
    fullName: 'Phạm Minh Tuấn',
    role: Role.DEPARTMENT_OFFICER,
    unitCode: 'BCA-C10',
    agency: null,
  },
  {
    username: 'bocongan.canbo',
    fullName: 'Hoàng Đức Thắng',
    role: Role.MINISTRY_OFFICER,
    unitCode: 'BCA',
    agency: null,
  },
  { username: 'quangiao.qk7', fullName: 'Võ Văn Tài', role: Role.TEAM_OFFICER, unitCode: 'TG-QK7-D1', agency: null },
  {
    username: 'hoidong.qk7',
    fullName: 'Đặng Hữu Phước',
    role: Role.CAMP_COUNCIL_MEMBER,
    unitCode: 'TG-QK7',
    agency: null,
  },
  { username: 'giamthi.qk7', fullName: 'Huỳnh Công Thành', role: Role.WARDEN, unitCode: 'TG-QK7', agency: null },
  {
    username: 'qk7.canbo',
    fullName: 'Bùi Quốc Khánh',
    role: Role.DEPARTMENT_OFFICER,
    unitCode: 'BQP-QK7',
    agency: null,
  },
  {
    username: 'boquocphong.canbo',
    fullName: 'Đỗ Mạnh Cường',
    role: Role.MINISTRY_OFFICER,
    unitCode: 'BQP',
    agency: null,
  },
  {
    username: 'thamdinh.ca',
    fullName: 'Ngô Thanh Sơn',
    role: Role.APPRAISER,
    unitCode: 'HDTVDX-TTD',
    agency: Agency.CONG_AN,
  },
  {
    username: 'thamdinh.qp',
    fullName: 'Dương Văn Long',
    role: Role.APPRAISER,
    unitCode: 'HDTVDX-TTD',
    agency: Agency.QUOC_PHONG,
  },
  {
    username: 'thamdinh.tand',
    fullName: 'Phan Thị Lan',
    role: Role.APPRAISER,
    unitCode: 'HDTVDX-TTD',
    agency: Agency.TAND_TOI_CAO,
  },
  {
    username: 'thamdinh.vks',
    fullName: 'Vũ Ngọc Anh',
    role: Role.APPRAISER,
    unitCode: 'HDTVDX-TTD',
    agency: Agency.VKSND_TOI_CAO,
  },
  {
    username: 'thamdinh.mttq',
    fullName: 'Hồ Thị Mai',
    role: Role.APPRAISER,
    unitCode: 'HDTVDX-TTD',
    agency: Agency.MTTQ,
  },
  {
    username: 'thamdinh.btp',
    fullName: 'Tạ Quốc Bảo',
    role: Role.APPRAISER,
    unitCode: 'HDTVDX-TTD',
    agency: Agency.BO_TU_PHAP,
  },
  {
    username: 'thuongtruc.hdtvdx',
    fullName: 'Lý Văn Nam',
    role: Role.COUNCIL_STANDING_OFFICER,
    unitCode: 'HDTVDX-TT',
    agency: Agency.CONG_AN,
  },
  {
    username: 'thanhvien.hdtvdx',
    fullName: 'Trịnh Quang Huy',
    role: Role.COUNCIL_MEMBER,
    unitCode: 'HDTVDX',
    agency: Agency.BO_TU_PHAP,
  },
  { username: 'admin', fullName: 'Quản trị hệ thống', role: Role.ADMIN, unitCode: 'QTHT', agency: null },
  // A provincial court: its officer lists the persons on suspension, its president approves and issues certificates.
  {
    username: 'toaan.hn',
    fullName: 'Đinh Thị Lan',
    role: Role.COURT_OFFICER,
    unitCode: 'TAND-HANOI',
    agency: null,
  },
  {
    username: 'chanhan.hn',
    fullName: 'Tạ Văn Chính',
    role: Role.COURT_PRESIDENT,
    unitCode: 'TAND-HANOI',
    agency: null,
  },
  // The Supreme People's Court: second complaints about a court's list (Luật Đặc xá 2018, Điều 37, khoản 2).
  {
    username: 'tandtc.canbo',
    fullName: 'Hồ Minh Tuấn',
    role: Role.SUPREME_COURT_OFFICER,
    unitCode: 'TANDTC',
    agency: null,
  },
  // A commune: records the presentation of the certificates that name it (Luật Đặc xá 2018, Điều 20, khoản 2, điểm a).
  {
    username: 'ubnd.tanlap',
    fullName: 'Nguyễn Thị Hằng',
    role: Role.LOCAL_UNIT_OFFICER,
    unitCode: 'UBND-TANLAP',
    agency: null,
  },
];
