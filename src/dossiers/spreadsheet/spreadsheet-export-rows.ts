import type { DossierDocument } from '../dossier-format.js';
import { label } from '../../web/render/labels.js';
import { writeCell, type CellValue } from './spreadsheet-cells.js';
import { CHILD_SPECS, MAIN_SPEC, type SheetColumn, type SheetSpec } from './spreadsheet-layout.js';
import type { UnitNames } from './spreadsheet-units.js';

// One dossier as rows of the workbook: its row on the dossier sheet and one row per item of each repeating part.

export interface ExportRecord<T = DossierDocument> {
  position: number;
  document: T;
  stage?: string;
  outcome?: string | null;
  category?: string | null;
}

export interface ChildRow {
  spec: SheetSpec;
  cells: CellValue[];
}

const DURATION_PART = /^(.*)\.(years|months|days)$/;
const PATHS = new Map<string, string[]>();

// A column's key as its path, split once: a national export reads each key a hundred thousand times.
function valueAt(item: Record<string, unknown>, key: string): unknown {
  let path = PATHS.get(key);
  if (!path) PATHS.set(key, (path = key.split('.')));
  let current: unknown = item;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

// A term is written as its non-zero parts ("6 năm" leaves months and days empty, as a clerk writes it); the reader
// puts the zeros back. A term of nothing at all keeps its zero years, so it is not read as "no term".
function cell(column: SheetColumn, item: Record<string, unknown>, units: UnitNames): CellValue {
  const value = valueAt(item, column.key);
  const part = column.kind === 'int' ? DURATION_PART.exec(column.key) : null;
  if (part && value === 0) {
    const parent = valueAt(item, part[1]) as Record<string, unknown> | undefined;
    const empty = !parent || (!parent.years && !parent.months && !parent.days);
    return empty && part[2] === 'years' ? 0 : undefined;
  }
  return writeCell(column, value, units);
}

export function mainRow(record: ExportRecord, units: UnitNames, readOnly: boolean): CellValue[] {
  const doc = record.document as unknown as Record<string, unknown>;
  const cells: CellValue[] = [record.position, ...MAIN_SPEC.columns.map((c) => cell(c, doc, units))];
  if (readOnly)
    cells.push(
      label('stage', record.stage),
      record.outcome ? label('verdict', record.outcome) : label('verdict', 'NONE'),
      label('category', record.category),
    );
  return cells;
}

function items(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

export function childRows(record: ExportRecord, units: UnitNames): ChildRow[] {
  const doc = record.document as unknown as Record<string, unknown>;
  const keys = (parent?: number): CellValue[] => [
    record.position,
    record.document.inmateNumber,
    ...(parent === undefined ? [] : [parent]),
  ];
  const out: ChildRow[] = [];
  for (const spec of CHILD_SPECS) {
    const [top, nested] = spec.path;
    const parents = items(doc[top]);
    if (nested === undefined) {
      for (const item of parents)
        out.push({ spec, cells: [...keys(), ...spec.columns.map((c) => cell(c, item, units))] });
      continue;
    }
    parents.forEach((parent, i) => {
      for (const item of items(parent[nested]))
        out.push({ spec, cells: [...keys(i + 1), ...spec.columns.map((c) => cell(c, item, units))] });
    });
  }
  return out;
}
