import { STAY_FACILITY_CODES } from '../circumstance-details.js';
import { formatDate, parseDisplayDate } from '../../web/render/format.js';
import { label, LABELS } from '../../web/render/labels.js';
import type { ColumnKind, SheetColumn } from './spreadsheet-layout.js';
import type { UnitNames } from './spreadsheet-units.js';

// How one value of the exchange format is written into a cell, and how a cell is read back: dates dd/mm/yyyy, coded
// values by their Vietnamese label, yes/no as "Có"/"Không", lists separated by semicolons. Reading yields what the
// nomination form would have posted (its converter then builds the document), or for the form's missing fields the
// typed value itself.

export type CellValue = string | number | undefined;
export const YES = 'Có';
export const NO = 'Không';
const UNIT_LISTS = new Set(['rounds', 'facilities', 'teams']);
const SEPARATOR = /\s*[;\n]\s*/;

function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

// Label → code for every label table, compared without case or extra spaces; the code itself is accepted too.
const CODES = new Map(
  Object.entries(LABELS).map(([table, labels]) => [
    table,
    new Map([
      ...Object.keys(labels).map((code) => [fold(code), code] as const),
      ...Object.entries(labels).map(([code, text]) => [fold(text), code] as const),
    ]),
  ]),
);

export function codeOf(table: string, text: string): string {
  return CODES.get(table)?.get(fold(text)) ?? text.trim();
}

// ExcelJS hands a cell over as text, a number, a Date (a date the user typed), rich text, a hyperlink or a formula.
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : '';
  if (typeof raw === 'boolean') return raw ? YES : NO;
  // Excel stores a typed date as a day number; ExcelJS turns it into midnight UTC of that day.
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(raw.getUTCDate())}/${pad(raw.getUTCMonth() + 1)}/${raw.getUTCFullYear()}`;
  }
  if (typeof raw === 'object') {
    const value = raw as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(value.richText))
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result);
    if (value.text !== undefined) return cellText(value.text);
    if (value.error) return value.error;
  }
  return String(raw).trim();
}

// "Quý 2/2025: Khá; Quý 3/2025: Tốt" ⇄ [{ period: '2025-Q2', rating: 'KHA' }, …]
export function formatQuarters(items: { period: string; rating: string }[]): string {
  return items
    .map((r) => {
      const m = /^(\d{4})-Q([1-4])$/.exec(r.period);
      return `${m ? `Quý ${m[2]}/${m[1]}` : r.period}: ${label('conductRating', r.rating)}`;
    })
    .join('; ');
}

function parseQuarters(text: string): { items: { period: string; rating: string }[] } | { problem: string } {
  const items: { period: string; rating: string }[] = [];
  const parts = text.split(SEPARATOR).filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const m = /^(?:qu[ýy]\s*)?(?:(\d)\s*[/.-]\s*(\d{4})|(\d{4})\s*-\s*Q\s*(\d))\s*:\s*(.+)$/i.exec(part);
    if (!m)
      return {
        problem: `Không đọc được quý thứ ${i + 1} ("${part}"): ghi theo dạng "Quý 2/2025: Khá", các quý cách nhau bởi dấu chấm phẩy.`,
      };
    const [quarter, year] = m[1] ? [m[1], m[2]] : [m[4], m[3]];
    items.push({ period: `${year}-Q${quarter}`, rating: codeOf('conductRating', m[5]) });
  }
  return { items };
}

// "Bệnh viện 01/02/2024–10/03/2024; Bệnh xá …" ⇄ [{ facility: 'HOSPITAL', from: '2024-02-01', to: '2024-03-10' }, …]
export function formatStays(items: { facility: string; from: string; to: string }[]): string {
  return items
    .map((s) => `${STAY_FACILITY_CODES[s.facility] ?? s.facility} ${formatDate(s.from)}–${formatDate(s.to)}`)
    .join('; ');
}

function parseStays(text: string): { items: Record<string, string>[] } | { problem: string } {
  const items: Record<string, string>[] = [];
  const byLabel = new Map(Object.entries(STAY_FACILITY_CODES).map(([code, name]) => [fold(name), code]));
  for (const [i, part] of text.split(SEPARATOR).filter(Boolean).entries()) {
    const m = /^(.+?)\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*[–—-]\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/.exec(part);
    const facility = m && (byLabel.get(fold(m[1])) ?? (STAY_FACILITY_CODES[m[1]] ? m[1] : undefined));
    if (!m || !facility)
      return {
        problem: `Không đọc được đợt điều trị thứ ${i + 1} ("${part}"): ghi theo dạng "Bệnh viện 01/02/2024–10/03/2024" hoặc "Bệnh xá …".`,
      };
    items.push({ facility, from: parseDisplayDate(m[2]), to: parseDisplayDate(m[3]) });
  }
  return { items };
}

function yesNo(text: string): boolean | undefined | null {
  const t = fold(text);
  if (t === '') return undefined;
  if (['có', 'x', 'true', '1', 'đúng', 'yes'].includes(t)) return true;
  if (['không', 'false', '0', 'sai', 'no'].includes(t)) return false;
  return null;
}

export interface ReadCell {
  // What the nomination form would post for this field ('on' for a ticked box), or the typed value of an extra.
  value?: unknown;
  // A cell that cannot be read at all (a malformed list); the field's validators name everything else.
  problem?: string;
}

// `facilityCode` is the row's facility, for a team named by its name alone.
export function readCell(column: SheetColumn, raw: unknown, units: UnitNames, facilityCode?: string): ReadCell {
  const text = cellText(raw);
  if (text === '') return column.kind === 'bool' ? { value: '' } : {};
  const kind: ColumnKind = column.kind;
  switch (kind) {
    case 'bool':
    case 'optionalBool': {
      const flag = yesNo(text);
      if (flag === null) return { problem: `Chỉ ghi "${YES}" hoặc "${NO}" (đang ghi "${text}").` };
      if (kind === 'optionalBool') return { value: flag };
      return { value: flag ? 'on' : '' };
    }
    case 'select': {
      const table = column.options ?? '';
      if (UNIT_LISTS.has(table)) {
        const list = table as 'rounds' | 'facilities' | 'teams';
        return { value: units.resolve(list, text, facilityCode) ?? text };
      }
      return { value: codeOf(table, text) };
    }
    case 'codeList':
      return {
        value: text
          .split(SEPARATOR)
          .filter(Boolean)
          .map((part) => codeOf(column.options ?? '', part)),
      };
    case 'quarters': {
      const parsed = parseQuarters(text);
      return 'problem' in parsed ? parsed : { value: parsed.items };
    }
    case 'stays': {
      const parsed = parseStays(text);
      return 'problem' in parsed ? parsed : { value: parsed.items };
    }
    case 'date':
      return { value: column.extra ? parseDisplayDate(text) : text };
    case 'int':
      return { value: column.extra && /^\d+$/.test(text) ? Number(text) : text };
    default:
      return { value: text };
  }
}

// The cell for one value of a stored document; undefined leaves the cell empty.
export function writeCell(column: SheetColumn, value: unknown, units: UnitNames): CellValue {
  if (value === undefined || value === null || value === '') return undefined;
  switch (column.kind) {
    case 'bool':
    case 'optionalBool':
      return value === true ? YES : value === false ? NO : String(value);
    case 'select': {
      const table = column.options ?? '';
      if (UNIT_LISTS.has(table)) return units.label(table as 'rounds' | 'facilities' | 'teams', String(value));
      return label(table, value);
    }
    case 'codeList':
      return Array.isArray(value) ? value.map((code) => label(column.options ?? '', code)).join('; ') : String(value);
    case 'list':
      return Array.isArray(value) ? value.join('; ') || undefined : String(value);
    case 'quarters':
      return Array.isArray(value) ? formatQuarters(value) || undefined : undefined;
    case 'stays':
      return Array.isArray(value) ? formatStays(value) || undefined : undefined;
    case 'date':
    case 'birth':
      return formatDate(value);
    case 'int':
    case 'money':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}
