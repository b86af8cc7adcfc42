import ExcelJS from 'exceljs';
import { setPath } from '../../web/dossier-form/paths.js';
import { cellText, readCell } from './spreadsheet-cells.js';
import {
  CHILD_SPECS,
  DOSSIER_STT_HEADER,
  headersOf,
  INMATE_CHECK_HEADER,
  MAIN_SHEET,
  MAIN_SPEC,
  READ_ONLY_HEADERS,
  specOfSheet,
  STT_HEADER,
  type SheetColumn,
  type SheetSpec,
} from './spreadsheet-layout.js';
import { columnLetter } from './spreadsheet-writer.js';
import type { UnitNames } from './spreadsheet-units.js';
import { cellProblem, type CellPlace, type SpreadsheetError, type WorkbookPlaces } from './spreadsheet-errors.js';

// Reads an uploaded workbook into what the nomination form would have posted for each dossier, remembering where
// every item came from (sheet and row) so that any error found later is reported at its cell.

// As many dossiers as the batch import takes (DossierBatchDto), and rows enough for them on the other sheets.
export const IMPORT_MAX_DOSSIERS = 5000;
const MAX_ROWS = 300_000;

export interface ReadDossier {
  stt: number;
  values: Record<string, unknown>;
  // Fields the nomination form does not have, by their path in the document: set after its converter has run.
  extras: { path: string; value: unknown }[];
}

export interface ReadWorkbook {
  dossiers: ReadDossier[];
  places: WorkbookPlaces;
  problems: SpreadsheetError[];
  // Rows read per part, by sheet name (continuations counted with their first sheet).
  counts: Record<string, number>;
}

function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

interface SheetHeader {
  // 1-based column number of each key header and field.
  keys: Map<string, number>;
  fields: { column: SheetColumn; at: number }[];
}

function readHeader(sheet: ExcelJS.Worksheet, spec: SheetSpec, problems: SpreadsheetError[]): SheetHeader | null {
  const known = new Map(headersOf(spec).map((h) => [fold(h), h]));
  const skipped = new Set(spec.path.length ? [] : READ_ONLY_HEADERS.map(fold));
  const keys = new Map<string, number>();
  const fields: SheetHeader['fields'] = [];
  const seen = new Set<string>();
  const row = sheet.getRow(1);
  for (let at = 1; at <= row.cellCount; at += 1) {
    const text = cellText(row.getCell(at).value);
    if (!text || skipped.has(fold(text))) continue;
    const place: CellPlace = { sheet: sheet.name, row: 1, column: columnLetter(at), header: text };
    const header = known.get(fold(text));
    if (!header) {
      problems.push(
        cellProblem(place, 'unknownColumn', `Cột "${text}" không có trong mẫu: xóa cột này hoặc tải mẫu mới để nhập.`),
      );
      continue;
    }
    if (seen.has(header)) {
      problems.push(cellProblem(place, 'duplicateColumn', `Cột "${text}" bị lặp lại; mỗi cột chỉ được có một lần.`));
      continue;
    }
    seen.add(header);
    const column = spec.columns.find((c) => c.header === header);
    if (column) fields.push({ column, at });
    else keys.set(header, at);
  }
  const required = spec.path.length ? [DOSSIER_STT_HEADER] : [STT_HEADER];
  const missing = required.filter((h) => !keys.has(h));
  if (missing.length) {
    problems.push(
      cellProblem(
        { sheet: sheet.name, row: 1 },
        'missingColumn',
        `Thiếu cột "${missing.join('", "')}" ở dòng tiêu đề; hãy dùng mẫu tải từ hệ thống.`,
      ),
    );
    return null;
  }
  return { keys, fields };
}

function isBlankRow(row: ExcelJS.Row): boolean {
  for (let at = 1; at <= row.cellCount; at += 1) if (cellText(row.getCell(at).value) !== '') return false;
  return true;
}

// A positive whole number in a key cell, or a problem naming the cell.
function ordinal(row: ExcelJS.Row, at: number | undefined, place: CellPlace, what: string): number | SpreadsheetError {
  const text = at ? cellText(row.getCell(at).value) : '';
  if (!/^\d+$/.test(text) || Number(text) < 1)
    return cellProblem(
      place,
      'invalidKey',
      text ? `${what} phải là số thứ tự (1, 2, 3 …), đang ghi "${text}".` : `Chưa ghi ${what.toLowerCase()}.`,
    );
  return Number(text);
}

interface Target {
  dossier: ReadDossier;
  // Path of the item in the document ('' for the dossier itself), and the object its form fields are written into.
  path: string;
  item: Record<string, unknown>;
}

function readFields(
  row: ExcelJS.Row,
  header: SheetHeader,
  target: Target,
  place: (column: SheetColumn, at: number) => CellPlace,
  units: UnitNames,
  problems: SpreadsheetError[],
): void {
  const facilityField = header.fields.find((f) => f.column.key === 'facilityCode');
  const ordered = facilityField ? [facilityField, ...header.fields.filter((f) => f !== facilityField)] : header.fields;
  for (const { column, at } of ordered) {
    const facility = target.dossier.values.facilityCode;
    const read = readCell(column, row.getCell(at).value, units, typeof facility === 'string' ? facility : undefined);
    if (read.problem) problems.push(cellProblem(place(column, at), 'unreadable', read.problem));
    if (read.value === undefined) continue;
    if (column.kind === 'stays') {
      target.item.detailsExtra = JSON.stringify({ hospitalStays: read.value });
    } else if (column.extra) {
      target.dossier.extras.push({
        path: target.path ? `${target.path}.${column.key}` : column.key,
        value: read.value,
      });
    } else {
      setPath(target.item, column.key, read.value);
    }
  }
}

export async function readWorkbook(buffer: Buffer, units: UnitNames): Promise<ReadWorkbook> {
  const book = new ExcelJS.Workbook();
  // The drop-downs are not read: ExcelJS would expand each range into one entry per cell (tens of thousands per
  // column of a template), and the import checks every value itself.
  await book.xlsx.load(buffer as unknown as ArrayBuffer, {
    ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'extLst'],
  });
  const problems: SpreadsheetError[] = [];
  const places: WorkbookPlaces = { columns: {}, dossiers: [] };
  const counts: Record<string, number> = {};
  const sheets = book.worksheets.map((sheet) => ({ sheet, spec: specOfSheet(sheet.name) }));
  const mains = sheets.filter((s) => s.spec === MAIN_SPEC);
  if (!mains.length) {
    problems.push(
      cellProblem(
        { sheet: MAIN_SHEET },
        'missingSheet',
        `Tệp không có trang "${MAIN_SHEET}": hãy dùng mẫu tải từ hệ thống (trang đầu tiên liệt kê mỗi người một dòng).`,
      ),
    );
    return { dossiers: [], places, problems, counts };
  }
  const dossiers: ReadDossier[] = [];
  const byStt = new Map<number, number>();
  let rows = 0;
  // The dossier sheet first, then each part after the part it belongs to (offences after judgments).
  for (const spec of [MAIN_SPEC, ...CHILD_SPECS]) {
    for (const { sheet } of sheets.filter((s) => s.spec === spec)) {
      const header = readHeader(sheet, spec, problems);
      if (!header) continue;
      places.columns[sheet.name] = Object.fromEntries(header.fields.map((f) => [f.column.key, columnLetter(f.at)]));
      const place = (r: number) => (column: SheetColumn, at: number) => ({
        sheet: sheet.name,
        row: r,
        column: columnLetter(at),
        header: column.header,
      });
      for (let r = 2; r <= sheet.rowCount; r += 1) {
        const row = sheet.getRow(r);
        if (isBlankRow(row)) continue;
        if (++rows > MAX_ROWS) {
          problems.push(
            cellProblem({ sheet: sheet.name, row: r }, 'tooManyRows', `Tệp có quá ${MAX_ROWS} dòng; hãy chia nhỏ tệp.`),
          );
          return { dossiers: [], places, problems, counts };
        }
        counts[spec.name] = (counts[spec.name] ?? 0) + 1;
        const keyAt = (h: string) => header.keys.get(h);
        const keyPlace = (h: string): CellPlace => ({
          sheet: sheet.name,
          row: r,
          column: keyAt(h) ? columnLetter(keyAt(h)!) : undefined,
          header: h,
        });
        if (spec === MAIN_SPEC) {
          const stt = ordinal(row, keyAt(STT_HEADER), keyPlace(STT_HEADER), 'STT');
          if (typeof stt !== 'number') {
            problems.push(stt);
            continue;
          }
          if (byStt.has(stt)) {
            problems.push(cellProblem(keyPlace(STT_HEADER), 'duplicateKey', `STT ${stt} đã dùng cho một người khác.`));
            continue;
          }
          if (dossiers.length === IMPORT_MAX_DOSSIERS) {
            problems.push(
              cellProblem(
                keyPlace(STT_HEADER),
                'tooManyDossiers',
                `Mỗi lần nhập tối đa ${IMPORT_MAX_DOSSIERS} hồ sơ; hãy chia tệp thành nhiều phần.`,
              ),
            );
            return { dossiers: [], places, problems, counts };
          }
          const dossier: ReadDossier = { stt, values: {}, extras: [] };
          byStt.set(stt, dossiers.length);
          dossiers.push(dossier);
          places.dossiers.push({ stt, sheet: sheet.name, row: r, items: {} });
          readFields(row, header, { dossier, path: '', item: dossier.values }, place(r), units, problems);
          continue;
        }
        const stt = ordinal(row, keyAt(DOSSIER_STT_HEADER), keyPlace(DOSSIER_STT_HEADER), 'STT hồ sơ');
        if (typeof stt !== 'number') {
          problems.push(stt);
          continue;
        }
        const index = byStt.get(stt);
        if (index === undefined) {
          problems.push(
            cellProblem(
              keyPlace(DOSSIER_STT_HEADER),
              'unknownDossier',
              `Không có người nào mang STT ${stt} ở trang "${MAIN_SHEET}".`,
            ),
          );
          continue;
        }
        const dossier = dossiers[index];
        const check = keyAt(INMATE_CHECK_HEADER) ? cellText(row.getCell(keyAt(INMATE_CHECK_HEADER)!).value) : '';
        const inmate = String(dossier.values.inmateNumber ?? '');
        if (check && check !== inmate) {
          problems.push(
            cellProblem(
              keyPlace(INMATE_CHECK_HEADER),
              'inmateMismatch',
              `Số danh bản "${check}" không khớp với người STT ${stt} ở trang "${MAIN_SHEET}" (số danh bản "${inmate}").`,
            ),
          );
          continue;
        }
        const [top, nested] = spec.path;
        let list: unknown[];
        let parentPath = '';
        if (nested === undefined) {
          list = (dossier.values[top] ??= []) as unknown[];
        } else {
          const parents = (dossier.values[top] ?? []) as Record<string, unknown>[];
          const header2 = spec.parentHeader!;
          const n = ordinal(row, keyAt(header2), keyPlace(header2), header2);
          if (typeof n !== 'number' || n > parents.length) {
            problems.push(
              typeof n !== 'number'
                ? n
                : cellProblem(
                    keyPlace(header2),
                    'unknownParent',
                    `Người STT ${stt} không có ${header2.replace(/ thứ$/, '').toLowerCase()} thứ ${n}.`,
                  ),
            );
            continue;
          }
          parentPath = `${top}[${n - 1}].`;
          list = (parents[n - 1][nested] ??= []) as unknown[];
        }
        const item: Record<string, unknown> = {};
        const path = `${parentPath}${nested ?? top}[${list.length}]`;
        list.push(item);
        places.dossiers[index].items[path] = { sheet: sheet.name, row: r };
        readFields(row, header, { dossier, path, item }, place(r), units, problems);
      }
    }
  }
  return { dossiers, places, problems, counts };
}
