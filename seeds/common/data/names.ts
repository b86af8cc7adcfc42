// Vietnamese family names weighted roughly by their share of the population; middle and given names by sex.
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 30], ['Huỳnh', 21], ['Phan', 45], ['Vũ', 22],
  ['Võ', 17], ['Đặng', 21], ['Bùi', 20], ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 5], ['Đinh', 6],
  ['Trịnh', 5], ['Lương', 4], ['Mai', 4], ['Lâm', 4], ['Hà', 4], ['Tạ', 3], ['Cao', 3], ['Đoàn', 4], ['Chu', 2],
  ['Kiều', 1], ['Triệu', 2], ['Quách', 1], ['Thái', 2], ['Tô', 2], ['Lưu', 2], ['Vương', 1], ['Châu', 2], ['Lò', 1],
];

export const MALE_MIDDLE_NAMES: readonly (readonly [string, number])[] = [
  ['Văn', 60], ['Đức', 8], ['Minh', 9], ['Quang', 6], ['Hữu', 6], ['Công', 5], ['Thanh', 5], ['Ngọc', 4], ['Xuân', 4],
  ['Trọng', 3], ['Duy', 4], ['Tuấn', 2], ['Thế', 3], ['Đình', 5], ['Bá', 2], ['Tiến', 2], ['Mạnh', 2], ['Quốc', 4],
  ['Hoàng', 3], ['Anh', 2], ['Chí', 2], ['Viết', 1], ['Khắc', 1],
];

export const FEMALE_MIDDLE_NAMES: readonly (readonly [string, number])[] = [
  ['Thị', 70], ['Ngọc', 6], ['Thu', 4], ['Thanh', 5], ['Minh', 3], ['Kim', 4], ['Hồng', 3], ['Thùy', 2], ['Phương', 2],
  ['Mai', 2], ['Bích', 2], ['Diệu', 1], ['Hải', 1],
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  'An', 'Anh', 'Bình', 'Bảo', 'Cường', 'Chiến', 'Dũng', 'Dương', 'Đạt', 'Định', 'Đông', 'Giang', 'Hải', 'Hiếu', 'Hòa',
  'Hoàng', 'Hùng', 'Hưng', 'Huy', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Linh', 'Lộc', 'Long', 'Lợi', 'Lực', 'Mạnh', 'Minh',
  'Nam', 'Nghĩa', 'Nhân', 'Phong', 'Phú', 'Phúc', 'Phương', 'Quân', 'Quang', 'Quý', 'Sang', 'Sơn', 'Tài', 'Tâm',
  'Tân', 'Thắng', 'Thành', 'Thịnh', 'Thuận', 'Tiến', 'Tín', 'Toàn', 'Trí', 'Trung', 'Trường', 'Tú', 'Tuấn', 'Tùng',
  'Việt', 'Vinh', 'Vũ', 'Hậu', 'Hiệp', 'Khải', 'Luân', 'Nguyên', 'Phát', 'Thái', 'Thông', 'Vượng',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Anh', 'Châu', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hồng', 'Huệ', 'Hương', 'Huyền',
  'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhàn', 'Nhung', 'Oanh', 'Phương',
  'Quyên', 'Quỳnh', 'Thảo', 'Thắm', 'Thu', 'Thúy', 'Thủy', 'Trang', 'Trinh', 'Tuyết', 'Vân', 'Xuân', 'Yến',
];

// Nicknames that judgments record as "tên gọi khác".
export const ALIASES: readonly string[] = ['Tèo', 'Tí', 'Bờm', 'Cu', 'Tũn', 'Bin', 'Su', 'Cò', 'Mập', 'Đen', 'Hói', 'Còi', 'Tồ', 'Xoăn'];

export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Kinh', 860], ['Tày', 18], ['Thái', 18], ['Mường', 13], ['Khmer', 13], ['Hoa', 8], ['Nùng', 10], ['H\'Mông', 12],
  ['Dao', 8], ['Gia Rai', 5], ['Ê Đê', 4], ['Ba Na', 2], ['Sán Chay', 2], ['Chăm', 2],
];

