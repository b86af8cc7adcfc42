// The 34 provinces and centrally-run cities in force from 01/07/2025, with commune-level names for addresses
// (communes and wards after the abolition of districts).
export const PROVINCES: readonly string[] = [
  'Hà Nội',
  'Hải Phòng',
  'Huế',
  'Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'Cần Thơ',
  'Tuyên Quang',
  'Cao Bằng',
  'Lai Châu',
  'Lào Cai',
  'Thái Nguyên',
  'Điện Biên',
  'Lạng Sơn',
  'Sơn La',
  'Phú Thọ',
  'Bắc Ninh',
  'Quảng Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Trị',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Đồng Nai',
  'Tây Ninh',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];

export const CITIES: ReadonlySet<string> = new Set([
  'Hà Nội',
  'Hải Phòng',
  'Huế',
  'Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'Cần Thơ',
]);

export const COMMUNE_NAMES: readonly string[] = [
  'Tân Phú',
  'Hòa Bình',
  'Đông Hưng',
  'An Lạc',
  'Phú Mỹ',
  'Quang Trung',
  'Yên Thế',
  'Thạch Hà',
  'Tân Hiệp',
  'Bình Minh',
  'Long Hải',
  'Kim Sơn',
  'Hưng Đạo',
  'Thống Nhất',
  'Đồng Tâm',
  'Tiền Phong',
  'Nghĩa Hưng',
  'Xuân Trường',
  'Cẩm Giàng',
  'Thuận Thành',
  'Vĩnh Bảo',
  'Tam Nông',
  'Phước Long',
  'Cái Bè',
  'Châu Thành',
  'Mỹ Xuyên',
  'Lộc Ninh',
  'Đức Trọng',
  'Krông Pắc',
  'Ea Kar',
  'Mường Lay',
  'Sa Pa',
  'Bảo Lạc',
  'Văn Lãng',
  'Hải Hậu',
  'Quỳnh Lưu',
  'Diễn Châu',
  'Kỳ Anh',
  'Gio Linh',
  'Tư Nghĩa',
  'Ninh Hòa',
  'Di Linh',
  'Trảng Bom',
  'Gò Dầu',
  'Trà Ôn',
  'Cao Lãnh',
  'Năm Căn',
  'Tịnh Biên',
  'Hoàn Kiếm',
  'Thanh Xuân',
  'Lê Chân',
  'Thuận Hóa',
  'Hải Châu',
  'Bến Thành',
  'Ninh Kiều',
  'Hạ Long',
  'Vinh Phú',
];

export const STREETS: readonly string[] = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Quang Trung',
  'Phan Đình Phùng',
  'Điện Biên Phủ',
  'Lê Duẩn',
  'Hùng Vương',
  'Nguyễn Huệ',
  'Bà Triệu',
  'Ngô Quyền',
  'Võ Thị Sáu',
];

// "tỉnh Nghệ An", "thành phố Hà Nội", "Thành phố Hồ Chí Minh": how a province is named after a unit's title.
export function provinceLabel(province: string): string {
  if (province.startsWith('Thành phố')) return province;
  return CITIES.has(province) ? `thành phố ${province}` : `tỉnh ${province}`;
}

// Districts (as they stood before 2025) around the demo facilities, for first-instance courts and enforcement offices.
const DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  'Hà Nội': ['Thanh Oai', 'Đông Anh', 'Gia Lâm', 'Sóc Sơn', 'Ba Vì'],
  'Đồng Nai': ['Xuân Lộc', 'Long Thành', 'Trảng Bom', 'Định Quán'],
  'Nghệ An': ['Quỳnh Lưu', 'Diễn Châu', 'Nghi Lộc', 'Yên Thành'],
  'Ninh Bình': ['Hoa Lư', 'Gia Viễn', 'Kim Sơn', 'Yên Mô'],
  'Thành phố Hồ Chí Minh': ['Bình Chánh', 'Củ Chi', 'Hóc Môn'],
};

// "huyện Xuân Lộc, tỉnh Đồng Nai" where the district is known, otherwise null (the caller names a provincial body).
export function districtLabel(pick: (list: readonly string[]) => string, province: string): string | null {
  const list = DISTRICTS[province];
  return list ? `huyện ${pick(list)}, ${provinceLabel(province)}` : null;
}
