import type { DossierDocument } from '../../dossiers/dossier-format.js';
import { formatDate, groupThousands, parseDisplayDate, parseMoney } from '../render/format.js';
import { CASE_FIELDS, GROUPS, HEADER_FIELDS, PERSON_FIELDS, type FieldSpec, type GroupSpec } from './form-schema.js';
import { asItems, getPath, setPath } from './paths.js';
import { fromRoman, parseQuarter } from '../render/pickers.js';

export const TOP_FIELDS: FieldSpec[] = [...HEADER_FIELDS, ...PERSON_FIELDS, ...CASE_FIELDS];

function text(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw).trim();
}

export function isChecked(raw: unknown): boolean {
  return raw === true || raw === 'on' || raw === 'true' || raw === '1';
}

// Blank means absent; a value that cannot be read is passed on unchanged, so the validators name it.
function parseField(field: FieldSpec, raw: unknown): unknown {
  if (field.kind === 'bool') return isChecked(raw);
  if (field.kind === 'list')
    // Typed as "A; B", or chosen in a multiple select (a repeated field).
    return (Array.isArray(raw) ? raw.map(text) : text(raw).split(/[;\n]/)).map((s) => s.trim()).filter(Boolean);
  const value = text(raw);
  if (value === '') return undefined;
  if (field.picker === 'chapter' && !/^\d+$/.test(value)) return fromRoman(value);
  if (field.picker === 'quarter') return parseQuarter(value);
  switch (field.kind) {
    case 'date':
      return parseDisplayDate(value);
    case 'birth':
      return /^\d{4}$/.test(value) ? value : parseDisplayDate(value);
    case 'int':
      return /^-?\d+$/.test(value) ? Number(value) : value;
    case 'money':
      return parseMoney(value);
    default:
      return value;
  }
}

function readFields(source: Record<string, unknown>, fields: FieldSpec[], out: Record<string, unknown>): void {
  for (const field of fields.filter((f) => f.kind !== 'bool')) {
    const value = parseField(field, getPath(source, field.key));
    if (value !== undefined) setPath(out, field.key, value);
  }
  // A tick box inside an optional sub-object (a proof, a detail) only counts when the sub-object has content.
  for (const field of fields.filter((f) => f.kind === 'bool')) {
    const parent = field.key.includes('.') ? field.key.slice(0, field.key.lastIndexOf('.')) : null;
    const checked = isChecked(getPath(source, field.key));
    if (parent === 'details') {
      if (checked) setPath(out, field.key, true);
    } else if (!parent || getPath(out, parent) !== undefined) {
      setPath(out, field.key, checked);
    }
  }
}

function hasContent(source: Record<string, unknown> | undefined, group: GroupSpec): boolean {
  if (!source) return false;
  return group.fields.some((f) =>
    f.kind === 'bool' ? isChecked(getPath(source, f.key)) : text(getPath(source, f.key)) !== '',
  );
}

function readItem(source: Record<string, unknown>, group: GroupSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  readFields(source, group.fields, out);
  for (const child of group.groups ?? [])
    out[child.key] = asItems(source[child.key]).map((item) => readItem(item, child));
  if (group.key === 'specialCircumstances')
    out.details = { ...parseExtra(source.detailsExtra), ...((out.details as object) ?? {}) };
  return out;
}

function parseExtra(raw: unknown): Record<string, unknown> {
  try {
    const value = JSON.parse(text(raw) || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

const UNITS = ['years', 'months', 'days'] as const;

// A clerk writes "6 năm" and leaves months and days blank: in a fixed sentence or a stated term, blank parts are 0.
function completeDurations(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(completeDurations);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const isTerm = record.kind === 'FIXED' || (record.kind === undefined && UNITS.some((u) => record[u] !== undefined));
  if (isTerm) for (const unit of UNITS) if (record[unit] === undefined) record[unit] = 0;
  Object.values(record).forEach(completeDurations);
}

// The posted form, as Express parsed it, in the exchange format; the DTOs then judge it exactly as they judge the API.
export function formToDocument(body: Record<string, unknown>): Record<string, unknown> {
  const doc: Record<string, unknown> = { formatVersion: 1 };
  readFields(body, TOP_FIELDS, doc);
  for (const group of GROUPS) {
    if (group.repeat) {
      doc[group.key] = asItems(body[group.key]).map((item) => readItem(item, group));
    } else {
      const item = body[group.key] as Record<string, unknown> | undefined;
      if (hasContent(item, group)) doc[group.key] = readItem(item!, group);
    }
  }
  completeDurations(doc);
  return doc;
}

function displayField(field: FieldSpec, value: unknown): unknown {
  if (value === undefined || value === null) return field.kind === 'bool' ? false : '';
  switch (field.kind) {
    case 'bool':
      return value === true;
    case 'date':
    case 'birth':
      return formatDate(value);
    case 'money':
      return typeof value === 'number' ? groupThousands(value) : String(value);
    case 'list':
      return Array.isArray(value) ? value.join('; ') : String(value);
    default:
      return String(value);
  }
}

function displayItem(source: Record<string, unknown>, group: GroupSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of group.fields) setPath(out, field.key, displayField(field, getPath(source, field.key)));
  for (const child of group.groups ?? [])
    out[child.key] = asItems(source[child.key]).map((item) => displayItem(item, child));
  if (group.key === 'specialCircumstances') {
    const known = new Set(group.fields.filter((f) => f.key.startsWith('details.')).map((f) => f.key.slice(8)));
    const extra = Object.fromEntries(Object.entries((source.details as object) ?? {}).filter(([k]) => !known.has(k)));
    out.detailsExtra = Object.keys(extra).length ? JSON.stringify(extra) : '';
  }
  return out;
}

// A stored dossier as the form shows it: dates dd/mm/yyyy, money with separators, lists joined.
export function documentToForm(doc: DossierDocument): Record<string, unknown> {
  const source = doc as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of TOP_FIELDS) setPath(out, field.key, displayField(field, getPath(source, field.key)));
  for (const group of GROUPS) {
    if (group.repeat) out[group.key] = asItems(source[group.key]).map((item) => displayItem(item, group));
    else if (source[group.key]) out[group.key] = displayItem(source[group.key] as Record<string, unknown>, group);
  }
  return out;
}
