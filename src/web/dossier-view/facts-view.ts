import type { DossierDocument } from '../../dossiers/dossier-format.js';
import { documentToForm, TOP_FIELDS } from '../dossier-form/form-convert.js';
import {
  CASE_FIELDS,
  GROUPS,
  HEADER_FIELDS,
  PERSON_FIELDS,
  type FieldSpec,
  type GroupSpec,
} from '../dossier-form/form-schema.js';
import { asItems, getPath, toInputId } from '../dossier-form/paths.js';
import { label } from '../render/labels.js';
import { formatVnd } from '../render/format.js';
import { pickerLabel } from '../render/pickers.js';

export interface FactRow {
  path: string;
  id: string;
  label: string;
  value: string;
  flags: { kind: string; message: string; status: string; agency: string }[];
}

export interface FactBlock {
  title: string;
  // The item's own path ('judgments[0]'), so a finding can concern a whole judgment or a missing document.
  path: string;
  id: string;
  flags: FactRow['flags'];
  rows: FactRow[];
  blocks: FactBlock[];
}

export interface FlagLike {
  field: string;
  kind: string;
  message: string;
  status: string;
  agency: string;
}

function shown(field: FieldSpec, display: unknown): string {
  if (field.kind === 'bool') return display === true ? 'Có' : 'Không';
  const text = display === undefined || display === null ? '' : String(display);
  if (!text) return '';
  if (field.picker) return pickerLabel(field.picker, text);
  if (field.kind === 'select' && field.options && !['rounds', 'facilities', 'teams'].includes(field.options))
    return label(field.options, text);
  if (field.kind === 'money') return formatVnd(text.replace(/\./g, ''));
  return text;
}

// The dossier read-only, field by field, each row carrying the same path the form and the validators use, so an
// appraiser's finding can point at exactly one fact.
export function buildFacts(document: DossierDocument, flags: FlagLike[]): FactBlock[] {
  const display = documentToForm(document);
  const flagsAt = (path: string) =>
    flags
      .filter((f) => f.field === path)
      .map((f) => ({ kind: f.kind, message: f.message, status: f.status, agency: f.agency }));
  const rows = (fields: FieldSpec[], source: Record<string, unknown> | undefined, base: string): FactRow[] =>
    fields
      .map((f) => {
        const path = base ? `${base}.${f.key}` : f.key;
        return {
          path,
          id: toInputId(path),
          label: f.label,
          value: shown(f, source ? getPath(source, f.key) : undefined),
          flags: flagsAt(path),
        };
      })
      .filter((r) => (r.value !== '' && r.value !== 'Không') || r.flags.length > 0);
  const item = (group: GroupSpec, source: Record<string, unknown>, path: string, title: string): FactBlock => ({
    title,
    path,
    id: toInputId(path),
    flags: flagsAt(path),
    rows: rows(group.fields, source, path),
    blocks: (group.groups ?? []).flatMap((child) =>
      asItems(source[child.key]).map((s, i) =>
        item(child, s, `${path}.${child.key}[${i}]`, `${child.itemLabel} ${i + 1}`),
      ),
    ),
  });
  const top = (title: string, fields: FieldSpec[]): FactBlock => ({
    title,
    path: '',
    id: '',
    flags: [],
    rows: rows(fields, display, ''),
    blocks: [],
  });
  const blocks: FactBlock[] = [
    top(
      'Thông tin chung',
      HEADER_FIELDS.filter((f) => f.kind !== 'select' || f.key === 'status'),
    ),
    top('Lý lịch', PERSON_FIELDS),
    top('Hình phạt chung và thông tin khác', CASE_FIELDS),
  ];
  for (const group of GROUPS) {
    const value = display[group.key];
    if (group.repeat) {
      const items = asItems(value);
      if (items.length)
        blocks.push({
          title: group.label,
          path: group.key,
          id: toInputId(group.key),
          flags: flagsAt(group.key),
          rows: [],
          blocks: items.map((s, i) => item(group, s, `${group.key}[${i}]`, `${group.itemLabel} ${i + 1}`)),
        });
    } else if (value) {
      blocks.push(item(group, value as Record<string, unknown>, group.key, group.label));
    }
  }
  return blocks;
}

// Every path an appraiser may point at, for checking a posted flag against the dossier's real fields.
export function factPaths(document: DossierDocument): Set<string> {
  const out = new Set<string>(TOP_FIELDS.map((f) => f.key));
  for (const group of GROUPS) out.add(group.key);
  const walk = (blocks: FactBlock[]) =>
    blocks.forEach((b) => {
      if (b.path) out.add(b.path);
      b.rows.forEach((r) => out.add(r.path));
      walk(b.blocks);
    });
  walk(buildFacts(document, []));
  return out;
}
