import { formatDate, formatDuration } from '../src/documents/format/print-format.js';
import {
  ListLevel,
  ListVariant,
  type ListFacilityGroup,
  type ProposalListViewModel,
} from '../src/documents/view-models/proposal-list.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Quốc', 'Xuân', 'Mạnh', 'Hữu'];
const GIVEN = ['Ánh', 'Hường', 'Thắng', 'Ửng', 'Ỷ', 'Việt', 'Ngữ', 'Hưởng', 'Cường', 'Ẩn', 'Ơn', 'Ẵm', 'Dũng', 'Lộc'];

// A list of `people` names over `facilities` facilities, as the national list prints them. A `village` of its own
// puts a different residence on every row, so that two lists share no printed chunk.
export function syntheticList(people: number, facilities: number, village = 'Xã Đông Anh'): ProposalListViewModel {
  const groups: ListFacilityGroup[] = [];
  let order = 0;
  for (let facility = 0; facility < facilities; facility += 1) {
    const size = Math.floor(people / facilities) + (facility < people % facilities ? 1 : 0);
    const rows = Array.from({ length: size }, () => {
      const i = order++;
      return {
        order: i + 1,
        fullName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 2) % MIDDLE.length]} ${GIVEN[(i >> 1) % GIVEN.length]}`,
        alias: '',
        birthDate: formatDate(`19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`),
        sex: i % 6 === 0 ? 'Nữ' : 'Nam',
        residence: `${village}, thành phố Hà Nội`,
        offence: i % 3 === 0 ? 'Trộm cắp tài sản (Điều 173)' : 'Lừa đảo chiếm đoạt tài sản (Điều 174)',
        sentence: `${String(3 + (i % 12)).padStart(2, '0')} năm tù`,
        custodyStart: formatDate('2019-03-15'),
        served: formatDuration({ years: 6, months: i % 12, days: i % 28 }),
        category: 'Điều 11 khoản 1',
        reason: '',
        citation: '',
      };
    });
    groups.push({
      numeral: String(facility + 1),
      facilityName: `Trại giam số ${facility + 1}`,
      count: rows.length,
      rows,
    });
  }
  return {
    heading: {
      issuer: { parent: null, name: 'HỘI ĐỒNG TƯ VẤN ĐẶC XÁ' },
      number: '09/DS-HĐTVĐX',
      placeDate: 'Hà Nội, ngày 25 tháng 8 năm 2025',
      documentType: 'DANH SÁCH',
      summary: 'Người đủ điều kiện đề nghị đặc xá năm 2025 (đợt 2)',
    },
    level: facilities > 1 ? ListLevel.NATIONAL : ListLevel.FACILITY,
    variant: ListVariant.ELIGIBLE,
    basis: '',
    groups,
    totals: { people, facilities },
    signatures: [{ authority: 'TM. HỘI ĐỒNG', title: 'CHỦ TỊCH', name: 'Nguyễn Hòa Bình', note: null }],
    recipients: { entries: ['Văn phòng Chủ tịch nước'], archive: 'Lưu: VT, ĐXA.' },
  };
}
