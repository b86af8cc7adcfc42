import { cellText, formatQuarters, formatStays, readCell, writeCell } from './spreadsheet-cells.js';
import type { SheetColumn } from './spreadsheet-layout.js';
import { UnitNames } from './spreadsheet-units.js';

const column = (kind: SheetColumn['kind'], options?: string): SheetColumn => ({ key: 'x', header: 'X', kind, options });
const units = new UnitNames({
  rounds: [{ code: 'QD-1244-2025', name: 'Đặc xá năm 2025' }],
  facilities: [
    { code: 'TG-A', name: 'Trại giam Thanh Xuân' },
    { code: 'TG-B', name: 'Trại giam Nam Hà' },
    { code: 'TG-C', name: 'Trại giam Nam Hà' },
  ],
  teams: [
    { code: 'A-1', name: 'Đội 1', facilityCode: 'TG-A' },
    { code: 'B-1', name: 'Đội 1', facilityCode: 'TG-B' },
    { code: 'B-2', name: 'Đội 2', facilityCode: 'TG-B' },
    { code: 'B-2B', name: 'Đội 2', facilityCode: 'TG-B' },
  ],
});

describe('spreadsheet cells', () => {
  it('reads what Excel hands over: text, numbers, typed dates, rich text, formulas and links', () => {
    expect(cellText('  Nguyễn Văn An ')).toBe('Nguyễn Văn An');
    expect(cellText(173)).toBe('173');
    expect(cellText(new Date(Date.UTC(2019, 5, 20)))).toBe('20/06/2019');
    expect(cellText({ richText: [{ text: 'Trần ' }, { text: 'Thị Bình' }] })).toBe('Trần Thị Bình');
    expect(cellText({ formula: 'A1', result: 'Kinh' })).toBe('Kinh');
    expect(cellText({ text: 'BL-0012', hyperlink: 'http://x' })).toBe('BL-0012');
    expect(cellText(null)).toBe('');
  });

  it('writes quarters and hospital stays in words and reads them back', () => {
    const quarters = [
      { period: '2024-Q4', rating: 'KHA' },
      { period: '2025-Q1', rating: 'NOT_CLASSIFIED' },
    ];
    expect(formatQuarters(quarters)).toBe('Quý 4/2024: Khá; Quý 1/2025: Không xếp loại');
    expect(readCell(column('quarters'), formatQuarters(quarters), units).value).toEqual(quarters);
    expect(readCell(column('quarters'), '2024-Q4: KHA\nquý 1 / 2025 : tốt', units).value).toEqual([
      { period: '2024-Q4', rating: 'KHA' },
      { period: '2025-Q1', rating: 'TOT' },
    ]);
    expect(readCell(column('quarters'), 'Quý 4/2024: Khá; cả năm tốt', units).problem).toBe(
      'Không đọc được quý thứ 2 ("cả năm tốt"): ghi theo dạng "Quý 2/2025: Khá", các quý cách nhau bởi dấu chấm phẩy.',
    );
    const stays = [{ facility: 'HOSPITAL', from: '2024-02-01', to: '2024-03-10' }];
    expect(formatStays(stays)).toBe('Bệnh viện 01/02/2024–10/03/2024');
    expect(readCell(column('stays'), 'bệnh viện 1/2/2024 - 10/3/2024', units).value).toEqual(stays);
    expect(readCell(column('stays'), 'Nhà 01/02/2024–10/03/2024', units).problem).toContain('đợt điều trị thứ 1');
  });

  it('reads yes and no, and names a cell that is neither', () => {
    expect(readCell(column('bool'), 'Có', units).value).toBe('on');
    expect(readCell(column('bool'), 'x', units).value).toBe('on');
    expect(readCell(column('bool'), 'KHÔNG', units).value).toBe('');
    expect(readCell(column('bool'), null, units).value).toBe('');
    expect(readCell(column('optionalBool'), 'Không', units).value).toBe(false);
    expect(readCell(column('optionalBool'), '', units).value).toBeUndefined();
    expect(readCell(column('bool'), 'có lẽ', units).problem).toBe('Chỉ ghi "Có" hoặc "Không" (đang ghi "có lẽ").');
  });

  it('maps labels back to codes, keeps a code, and passes anything else on for the validators to name', () => {
    expect(readCell(column('select', 'sex'), 'nữ', units).value).toBe('FEMALE');
    expect(readCell(column('select', 'sex'), 'MALE', units).value).toBe('MALE');
    expect(readCell(column('select', 'sex'), 'Không rõ', units).value).toBe('Không rõ');
    expect(readCell(column('codeList', 'evidenceCode'), 'Phiếu xét nghiệm HIV; OTHER', units).value).toEqual([
      'HIV_TEST',
      'OTHER',
    ]);
    expect(writeCell(column('select', 'sex'), 'FEMALE', units)).toBe('Nữ');
    expect(writeCell(column('bool'), false, units)).toBe('Không');
  });

  it('names units by name, with the code when two share it, and finds them by either', () => {
    expect(units.label('facilities', 'TG-A')).toBe('Trại giam Thanh Xuân');
    expect(units.label('facilities', 'TG-B')).toBe('Trại giam Nam Hà (TG-B)');
    expect(units.label('rounds', 'QD-1244-2025')).toBe('Đặc xá năm 2025 (QD-1244-2025)');
    expect(units.label('teams', 'B-1')).toBe('Đội 1');
    expect(units.label('teams', 'B-2')).toBe('Đội 2 (B-2)');
    const facility = column('select', 'facilities');
    expect(readCell(facility, 'trại giam thanh xuân', units).value).toBe('TG-A');
    expect(readCell(facility, 'Trại giam Nam Hà (TG-C)', units).value).toBe('TG-C');
    expect(readCell(facility, 'Trại giam Nam Hà', units).value).toBe('Trại giam Nam Hà');
    expect(readCell(column('select', 'rounds'), 'Đặc xá năm 2025 (QD-1244-2025)', units).value).toBe('QD-1244-2025');
    const team = column('select', 'teams');
    expect(readCell(team, 'Đội 1', units, 'TG-B').value).toBe('B-1');
    expect(readCell(team, 'Đội 1', units, 'TG-A').value).toBe('A-1');
    expect(readCell(team, 'Đội 2 (B-2B)', units, 'TG-B').value).toBe('B-2B');
  });
});
