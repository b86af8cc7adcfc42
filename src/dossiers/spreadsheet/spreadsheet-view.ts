import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '../../common/csv.js';
import { drained } from '../../common/stream-drain.js';
import { formatDuration } from '../../documents/format/print-format.js';
import { formatDate } from '../../web/render/format.js';
import { label } from '../../web/render/labels.js';
import type { DossierDocument, Offence, Sentence } from '../dossier-format.js';
import type { CellValue } from './spreadsheet-cells.js';
import type { ExportRecord } from './spreadsheet-export-rows.js';
import type { UnitNames } from './spreadsheet-units.js';
import { sheetDrained } from './spreadsheet-writer.js';

// A list as people read it: one row per person with the columns of the list page and the facts a list is checked
// against (offence, sentence), for reading, filtering and printing in a spreadsheet. Light enough to stream a national
// list of 150,000 people; the full dossiers for re-import are the dossier workbook (spreadsheet-writer.ts).

export const VIEW_SHEET = 'Danh sách';

// What a list row shows of a dossier (the repository's VIEW_FACTS reads exactly this out of the stored document).
export interface ViewFacts {
  inmateNumber: string;
  roundCode: string;
  facilityCode: string;
  teamCode?: string;
  person: Pick<DossierDocument['person'], 'fullName' | 'aliases' | 'birthDate' | 'sex' | 'registeredResidence'>;
  aggregateSentence: Sentence;
  offences: Pick<Offence, 'name' | 'article' | 'clause' | 'point'>[];
}

type ViewRecord = ExportRecord<ViewFacts>;

// "9 năm 6 tháng", "Tù chung thân", "Tù chung thân, giảm xuống 25 năm".
export function sentenceText(s: Sentence | undefined): string {
  if (!s) return '';
  if (s.kind === 'LIFE')
    return s.commutation
      ? `${label('sentenceKind', 'LIFE')}, giảm xuống ${formatDuration(s.commutation.term)}`
      : label('sentenceKind', 'LIFE');
  return formatDuration(s);
}

function offenceText(o: ViewFacts['offences'][number]): string {
  const where = [`Điều ${o.article}`, o.clause ? `khoản ${o.clause}` : '', o.point ? `điểm ${o.point}` : '']
    .filter(Boolean)
    .join(' ');
  return `${o.name} (${where})`;
}

const COLUMNS: { header: string; width: number; value: (r: ViewRecord, units: UnitNames) => CellValue }[] = [
  { header: 'STT', width: 8, value: (r) => r.position },
  { header: 'Họ và tên', width: 26, value: (r) => r.document.person.fullName },
  { header: 'Tên gọi khác', width: 16, value: (r) => r.document.person.aliases.join('; ') || undefined },
  { header: 'Số danh bản phạm nhân', width: 16, value: (r) => r.document.inmateNumber },
  { header: 'Ngày sinh', width: 12, value: (r) => formatDate(r.document.person.birthDate) },
  { header: 'Giới tính', width: 8, value: (r) => label('sex', r.document.person.sex) },
  {
    header: 'Nơi thường trú',
    width: 30,
    value: (r) => {
      const a = r.document.person.registeredResidence;
      return [a.detail, a.commune, a.province].filter(Boolean).join(', ');
    },
  },
  { header: 'Đợt đặc xá', width: 24, value: (r, u) => u.label('rounds', r.document.roundCode) },
  { header: 'Trại giam, trại tạm giam', width: 26, value: (r, u) => u.label('facilities', r.document.facilityCode) },
  {
    header: 'Đội',
    width: 12,
    value: (r, u) => (r.document.teamCode ? u.label('teams', r.document.teamCode) : undefined),
  },
  {
    header: 'Tội danh',
    width: 36,
    value: (r) => r.document.offences.map(offenceText).join('; '),
  },
  { header: 'Hình phạt chung phải chấp hành', width: 18, value: (r) => sentenceText(r.document.aggregateSentence) },
  { header: 'Bước xử lý', width: 22, value: (r) => label('stage', r.stage) },
  { header: 'Kết quả đánh giá', width: 18, value: (r) => label('verdict', r.outcome ?? 'NONE') },
  { header: 'Diện xét', width: 24, value: (r) => label('category', r.category) || undefined },
];

export const VIEW_HEADERS = COLUMNS.map((c) => c.header);

export function viewRow(record: ViewRecord, units: UnitNames): CellValue[] {
  return COLUMNS.map((c) => c.value(record, units));
}

// The list as .xlsx, streamed: rows are written as the batches arrive.
export async function writeViewWorkbook(
  out: Writable,
  input: { units: UnitNames; batches: AsyncIterable<ViewRecord[]> },
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet(VIEW_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow(VIEW_HEADERS).commit();
  let count = 0;
  for await (const batch of input.batches) {
    for (const record of batch) {
      sheet.addRow(viewRow(record, input.units)).commit();
      if (++count % 500 === 0) await sheetDrained(sheet);
    }
    await drained(out);
  }
  sheet.commit();
  await book.commit();
  return count;
}

// The same list as CSV, UTF-8 with a byte-order mark so spreadsheet programs show the diacritics.
export async function writeViewCsv(
  out: Writable,
  input: { units: UnitNames; batches: AsyncIterable<ViewRecord[]> },
): Promise<number> {
  let count = 0;
  out.write(CSV_BOM + csvLine(VIEW_HEADERS));
  for await (const batch of input.batches) {
    out.write(batch.map((record) => csvLine(viewRow(record, input.units))).join(''));
    count += batch.length;
    await drained(out);
  }
  return count;
}
