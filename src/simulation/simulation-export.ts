import ExcelJS from 'exceljs';
import { csvField } from '../common/csv.js';
import { DIMENSIONS, DIMENSION_LABELS, STATUSES, STATUS_LABELS, type SimulationFigures } from './simulation-figures.js';
import type { ParameterDifference } from './simulation-parameters.js';

export interface ExportedSimulation {
  name: string;
  roundCode: string;
  scopeLabel: string;
  createdByName: string;
  figures: SimulationFigures;
  changes: ParameterDifference[];
}

export interface ExportedChange {
  facilityName: string;
  inmateNumber: string | null;
  fullName: string | null;
  baseStatus: string;
  draftStatus: string;
  ruleId: string;
  reason: string;
}

const HEADER = [
  '',
  ...STATUSES.map((s) => `Gốc: ${STATUS_LABELS[s]}`),
  ...STATUSES.map((s) => `Dự thảo: ${STATUS_LABELS[s]}`),
];
const statusLabel = (s: string) => STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? s;
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

// The figures as a workbook: the headline, one sheet per breakdown, the values changed and the values relied on.
export async function figuresWorkbook(s: ExportedSimulation): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = s.createdByName;
  const f = s.figures;
  const summary = book.addWorksheet('Tổng hợp');
  summary.addRows([
    ['Bản mô phỏng', s.name],
    ['Đợt đặc xá', s.roundCode],
    ['Phạm vi', s.scopeLabel],
    ['Số hồ sơ', f.total],
    [],
    ['Kết quả', 'Tham số gốc', 'Dự thảo', 'Chênh lệch'],
    ...STATUSES.map((st) => [STATUS_LABELS[st], f.base[st], f.draft[st], f.difference[st]]),
    ['Số người thay đổi kết quả', '', f.changed.total],
  ]);
  summary.getRow(6).font = { bold: true };
  summary.getColumn(1).width = 34;
  for (const dimension of DIMENSIONS) {
    const sheet = book.addWorksheet(DIMENSION_LABELS[dimension].replace(/^Theo /, '').slice(0, 31));
    sheet.addRow(HEADER).font = { bold: true };
    for (const r of f.breakdowns[dimension])
      sheet.addRow([r.label, ...STATUSES.map((st) => r.base[st]), ...STATUSES.map((st) => r.draft[st])]);
    sheet.getColumn(1).width = 48;
  }
  const params = book.addWorksheet('Tham số thay đổi');
  params.addRow(['Tham số', 'Giá trị gốc', 'Giá trị dự thảo']).font = { bold: true };
  for (const c of s.changes) params.addRow([c.path, show(c.before), show(c.after)]);
  params.getColumn(1).width = 40;
  const relied = book.addWorksheet('Giá trị chưa kiểm chứng');
  relied.addRow(['Áp dụng cho', 'Quy tắc', 'Giá trị', 'Độ tin cậy', 'Nguồn', 'Số hồ sơ']).font = { bold: true };
  for (const side of ['base', 'draft'] as const)
    for (const v of f.unverified[side].values)
      relied.addRow([
        side === 'base' ? 'Tham số gốc' : 'Dự thảo',
        v.ruleId,
        v.label,
        v.confidence,
        v.source,
        v.dossiers,
      ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese diacritics right.
export function changesCsv(rows: ExportedChange[]): string {
  const lines = [
    [
      'Cơ sở giam giữ',
      'Số phạm nhân',
      'Họ và tên',
      'Kết quả theo tham số gốc',
      'Kết quả theo dự thảo',
      'Quy tắc',
      'Lý do',
    ],
    ...rows.map((r) => [
      r.facilityName,
      r.inmateNumber ?? '(ngoài phạm vi được xem)',
      r.fullName ?? '',
      statusLabel(r.baseStatus),
      statusLabel(r.draftStatus),
      r.ruleId,
      r.reason,
    ]),
  ];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
