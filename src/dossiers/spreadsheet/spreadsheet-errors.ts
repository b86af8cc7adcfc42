import type { FieldError } from '../../common/app.exception.js';
import { dossierFieldLabel } from '../../web/dossier-form/field-label.js';
import { clerkMessage } from '../../web/dossier-form/form-errors.js';
import { getPath } from '../../web/dossier-form/paths.js';
import { MAIN_SPEC, SHEET_SPECS } from './spreadsheet-layout.js';
import { SpreadsheetException, SpreadsheetExceptionCode } from './spreadsheet.exception.js';

// Every problem of an uploaded workbook is reported at its cell: sheet, row, column letter and the column's header,
// in a sentence a clerk can act on. `path` is the cell's reference ("Tội danh!D7") so the answer keeps the shape of
// every other validation error of the API.

export interface CellPlace {
  sheet: string;
  row?: number;
  column?: string;
  header?: string;
}

export interface SpreadsheetError extends FieldError, CellPlace {
  // The sentence without its place, for a table that shows the place in columns of its own.
  detail: string;
}

export interface DossierPlace {
  stt: number;
  sheet: string;
  row: number;
  // Where each item of a repeating part was read, by its path in the document ('judgments[0].offences[1]').
  items: Record<string, { sheet: string; row: number }>;
}

export interface WorkbookPlaces {
  // Column letter of each field, by sheet name and the field's key.
  columns: Record<string, Record<string, string>>;
  dossiers: DossierPlace[];
}

export function cellProblem(place: CellPlace, code: string, text: string): SpreadsheetError {
  const where = [
    `Trang "${place.sheet}"`,
    place.row ? `dòng ${place.row}` : '',
    place.column
      ? `cột ${place.column}${place.header ? ` (${place.header})` : ''}`
      : place.header
        ? `cột "${place.header}"`
        : '',
  ]
    .filter(Boolean)
    .join(', ');
  const reference = `${place.sheet}${place.column || place.row ? '!' : ''}${place.column ?? ''}${place.row ?? ''}`;
  return { ...place, path: reference, code, message: `${where}: ${text}`, detail: text };
}

const INDEX = /\[(\d+)\]/;

// An error of the validators or of the dossier service, whose path is a path into dossier number `index` of the
// upload, put back at the cell it came from.
export function locateError(
  places: WorkbookPlaces,
  index: number,
  error: FieldError,
  document: Record<string, unknown>,
): SpreadsheetError {
  const path = error.path.replace(/^(records\[\d+\]\.|dossier\.)/, '');
  const dossier = places.dossiers[index];
  const itemPath = Object.keys(dossier.items)
    .filter((p) => path === p || path.startsWith(`${p}.`))
    .sort((a, b) => b.length - a.length)[0];
  const at = itemPath ? dossier.items[itemPath] : { sheet: dossier.sheet, row: dossier.row };
  const rest = itemPath ? path.slice(itemPath.length + 1) : path;
  const spec = SHEET_SPECS.find((s) => s.name === at.sheet.replace(/ \(\d+\)$/, '')) ?? MAIN_SPEC;
  const key = rest.replace(/\[\d+\]/g, '');
  const column = spec.columns
    .filter((c) => key === c.key || key.startsWith(`${c.key}.`))
    .sort((a, b) => b.key.length - a.key.length)[0];
  const blank = getPath(document, path.replace(/\[(\d+)\]/g, '.$1')) === undefined;
  let text = clerkMessage(error, blank);
  // A problem inside a list cell (a quarter, a hospital stay) names the entry.
  const inner = column && INDEX.exec(rest.slice(column.key.length));
  if (inner) text = `Mục thứ ${Number(inner[1]) + 1}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  // No column holds it (a missing part, a whole-dossier rule): the sentence names the field in the form's words, and
  // a missing part says where its rows go.
  if (!column) {
    text = `${dossierFieldLabel(path)}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    const part = SHEET_SPECS.find((s) => s.path.join('.') === path.replace(/\[\d+\]/g, ''));
    if (part) text += ` Thêm dòng ở trang "${part.name}" với STT hồ sơ ${dossier.stt}.`;
  }
  return cellProblem(
    {
      sheet: at.sheet,
      row: at.row,
      ...(column ? { column: places.columns[at.sheet]?.[column.key], header: column.header } : {}),
    },
    error.code,
    text,
  );
}

// The validators' codes that say what kind of value a cell needs: shown before a bound the same cell also breaks.
const KIND_CODES = new Set(['isInt', 'isEnum', 'isIn', 'isIsoCalendarDate', 'isBirthDate', 'isNotEmpty', 'matches']);

export function invalidRows(all: SpreadsheetError[]): SpreadsheetException {
  const order = new Map(SHEET_SPECS.map((s, i) => [s.name, i]));
  // One problem per cell, as the form shows one thing to fix per field.
  const byCell = new Map<string, SpreadsheetError>();
  for (const error of [...all].sort((a, b) => Number(KIND_CODES.has(b.code)) - Number(KIND_CODES.has(a.code)))) {
    const key = error.column ? error.path : `${error.path}|${error.message}`;
    if (!byCell.has(key)) byCell.set(key, error);
  }
  const errors = [...byCell.values()];
  const sorted = [...errors].sort(
    (a, b) =>
      (order.get(a.sheet.replace(/ \(\d+\)$/, '')) ?? 99) - (order.get(b.sheet.replace(/ \(\d+\)$/, '')) ?? 99) ||
      a.sheet.localeCompare(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').length - (b.column ?? '').length ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
  return new SpreadsheetException(
    `Tệp có ${sorted.length} lỗi; chưa hồ sơ nào được nhập. Sửa các ô được nêu rồi tải lên lại.`,
    SpreadsheetExceptionCode.INVALID_ROWS,
    sorted,
  );
}
