import type { FieldError } from '../../common/app.exception.js';
import { CHAPTER_CHOICES, quarterChoices } from '../render/pickers.js';
import { optionsOf } from '../render/labels.js';
import { isChecked } from './form-convert.js';
import { errorsByPath } from './form-errors.js';
import { CASE_FIELDS, GROUPS, HEADER_FIELDS, PERSON_FIELDS, type FieldSpec, type GroupSpec } from './form-schema.js';
import { asItems, getPath, toInputId, toInputName } from './paths.js';

export interface Choice {
  value: string;
  label: string;
}

export interface FormChoices {
  rounds: Choice[];
  facilities: Choice[];
  teams: Choice[];
}

interface FieldView {
  path: string;
  id: string;
  name: string;
  label: string;
  kind: string;
  value: unknown;
  checked: boolean;
  options: (Choice & { selected: boolean })[];
  error?: string;
  required: boolean;
  hint?: string;
  wide: boolean;
}

interface ItemView {
  path: string;
  number: string;
  label: string;
  removable: boolean;
  fields: FieldView[];
  groups: GroupView[];
}

interface GroupView {
  key: string;
  path: string;
  label: string;
  repeat: boolean;
  addLabel?: string;
  error?: string;
  items: ItemView[];
  blank?: ItemView;
  placeholder: string;
}

// Quarters offered: from twelve years back (a long sentence's conduct record) to next year.
function pickerChoices(picker: 'chapter' | 'quarter' | 'aggravation'): Choice[] {
  if (picker === 'chapter') return CHAPTER_CHOICES;
  if (picker === 'aggravation') return optionsOf('aggravation').filter((o) => o.value !== 'ACID');
  const year = new Date().getFullYear();
  return quarterChoices(year - 12, year + 1);
}

// Placeholders for the index of a new row, one per nesting level, replaced by the client script when it adds a row.
const PLACEHOLDERS = ['__a__', '__b__'];

class Builder {
  constructor(
    private readonly errors: Map<string, string>,
    private readonly choices: FormChoices,
  ) {}

  field(spec: FieldSpec, base: string, source: Record<string, unknown> | undefined): FieldView {
    const path = base ? `${base}.${spec.key}` : spec.key;
    const raw = source ? getPath(source, spec.key) : undefined;
    const value = raw === undefined || raw === null ? '' : raw;
    const listed = spec.picker
      ? pickerChoices(spec.picker)
      : spec.options
        ? ((this.choices as unknown as Record<string, Choice[]>)[spec.options] ?? optionsOf(spec.options))
        : [];
    // A stored value outside the offered choices stays selectable, so saving the form never drops it.
    const chosen =
      spec.kind === 'list'
        ? (Array.isArray(value) ? value.map(String) : String(value).split(/[;\n]/)).map((v) => v.trim()).filter(Boolean)
        : value === ''
          ? []
          : [String(value)];
    const table = [
      ...chosen
        .filter((v) => (spec.picker || spec.options) && !listed.some((o) => o.value === v))
        .map((v) => ({ value: v, label: v })),
      ...listed,
    ];
    return {
      path,
      id: toInputId(path),
      name: toInputName(path),
      label: spec.label,
      kind: spec.picker === 'aggravation' ? 'multiselect' : spec.picker ? 'select' : spec.kind,
      value,
      checked: isChecked(raw),
      options: table.map((o) => ({ ...o, selected: chosen.includes(o.value) })),
      error: this.errors.get(path),
      required: !!spec.required,
      hint: spec.hint,
      wide: !!spec.wide,
    };
  }

  item(
    group: GroupSpec,
    path: string,
    number: string,
    source: Record<string, unknown> | undefined,
    depth: number,
    removable: boolean,
  ): ItemView {
    return {
      path,
      number,
      label: `${group.itemLabel} ${number}`,
      removable,
      fields: group.fields.map((f) => this.field(f, path, source)),
      groups: (group.groups ?? []).map((g) => this.group(g, `${path}.${g.key}`, source?.[g.key], depth + 1)),
    };
  }

  group(spec: GroupSpec, path: string, raw: unknown, depth: number): GroupView {
    const placeholder = PLACEHOLDERS[depth];
    const view: GroupView = {
      key: spec.key,
      path,
      label: spec.label,
      repeat: spec.repeat,
      addLabel: spec.addLabel,
      error: this.errors.get(path),
      items: [],
      placeholder,
    };
    if (!spec.repeat) {
      view.items = [this.item(spec, path, '', raw as Record<string, unknown> | undefined, depth, false)];
      return view;
    }
    const items = asItems(raw);
    const count = Math.max(items.length, spec.min);
    for (let i = 0; i < count; i++)
      view.items.push(this.item(spec, `${path}[${i}]`, String(i + 1), items[i], depth, i >= spec.min));
    view.blank = this.item(spec, `${path}[${placeholder}]`, `${placeholder}n`, undefined, depth, true);
    return view;
  }
}

const SECTIONS: [string, FieldSpec[]][] = [
  ['Thông tin chung', HEADER_FIELDS],
  ['Lý lịch', PERSON_FIELDS],
  ['Hình phạt chung', CASE_FIELDS],
];

// Where an error or a finding is, in words: "Bản án 1 › Tội danh 2 › Điều".
export function describeFieldPath(path: string): string {
  const parts: string[] = [];
  let groups: GroupSpec[] = GROUPS;
  let rest = path;
  for (;;) {
    const m = /^(\w+)(?:\[(\d+)])?\.?/.exec(rest);
    const group = m && groups.find((g) => g.key === m[1]);
    if (!m || !group) break;
    parts.push(m[2] !== undefined ? `${group.itemLabel} ${Number(m[2]) + 1}` : group.label);
    rest = rest.slice(m[0].length);
    const field = group.fields.find((f) => f.key === rest);
    if (field) return [...parts, field.label].join(' › ');
    groups = group.groups ?? [];
    if (!rest) return parts.join(' › ');
  }
  const section = SECTIONS.find(([, fields]) => fields.some((f) => f.key === path));
  const field = section?.[1].find((f) => f.key === path);
  return section && field ? `${section[0]} › ${field.label}` : parts.join(' › ') || path;
}

export function buildDossierForm(values: Record<string, unknown>, fieldErrors: FieldError[], choices: FormChoices) {
  const isBlank = (path: string) => {
    const v = getPath(values, path.replace(/\[(\d+)]/g, '.$1'));
    return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  };
  const errors = errorsByPath(fieldErrors, isBlank);
  const builder = new Builder(errors, choices);
  const section = (legend: string, fields: FieldSpec[]) => ({
    legend,
    fields: fields.map((f) => builder.field(f, '', values)),
  });
  return {
    sections: SECTIONS.map(([legend, fields]) => section(legend, fields)),
    groups: GROUPS.map((g) => builder.group(g, g.key, values[g.key], 0)),
    summary: [...errors.entries()].map(([path, message]) => ({
      path,
      id: toInputId(path),
      where: describeFieldPath(path),
      message,
    })),
  };
}

// What a new nomination starts with: one judgment with one offence, one interval in the camp.
export function blankDossierValues(defaults: {
  roundCode?: string;
  facilityCode?: string;
  teamCode?: string;
}): Record<string, unknown> {
  return {
    roundCode: defaults.roundCode ?? '',
    facilityCode: defaults.facilityCode ?? '',
    teamCode: defaults.teamCode ?? '',
    status: 'SERVING',
    person: { nationality: 'Việt Nam', aliases: '' },
    aggregateSentence: { kind: 'FIXED' },
    judgments: [{ sentence: { kind: 'FIXED' }, offences: [{ sentence: { kind: 'FIXED' }, intentional: true }] }],
    intervals: [{ kind: 'CAMP' }],
  };
}
