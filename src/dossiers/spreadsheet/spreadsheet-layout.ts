import {
  CASE_FIELDS,
  GROUPS,
  HEADER_FIELDS,
  PERSON_FIELDS,
  type FieldKind,
  type FieldSpec,
  type GroupSpec,
} from '../../web/dossier-form/form-schema.js';

// The dossier workbook (template, export and import) as data, derived from the nomination form's own schema so a
// column is headed by the label the form shows beside the same field. One sheet holds one row per dossier with every
// field that occurs once in a dossier; each repeating part of the exchange format (judgments, offences, intervals …)
// has a sheet of its own whose rows name their dossier by its STT on the first sheet. Quarterly ratings, up to a few
// dozen per person, sit in one cell of the first sheet: as rows they would pass Excel's 1,048,576-row limit at
// national scale.

export type ColumnKind = FieldKind | 'quarters' | 'stays' | 'optionalBool' | 'codeList';

export interface SheetColumn {
  // Path inside the sheet's item as the form names it ('person.fullName', 'sentence.years', 'details.diagnosisCode').
  key: string;
  header: string;
  kind: ColumnKind;
  // A label table of render/labels.ts, or one of the unit lists: 'rounds', 'facilities', 'teams'.
  options?: string;
  // A field of the exchange format the nomination form does not show; read into the document after the form's
  // converter has run (formToDocument reads only the form's fields).
  extra?: boolean;
  required?: boolean;
  hint?: string;
}

export interface SheetSpec {
  name: string;
  // [] for the dossier sheet; ['judgments'] or ['judgments', 'offences'] for the sheets of repeating parts.
  path: string[];
  group?: GroupSpec;
  // For a part inside a part (an offence of a judgment): the column naming the parent item, e.g. 'Bản án thứ'.
  parentHeader?: string;
  columns: SheetColumn[];
}

export const MAIN_SHEET = 'Hồ sơ';
export const LISTS_SHEET = 'Danh mục';
export const GUIDE_SHEET = 'Hướng dẫn';
export const STT_HEADER = 'STT';
export const DOSSIER_STT_HEADER = 'STT hồ sơ';
export const INMATE_CHECK_HEADER = 'Số danh bản (để đối chiếu)';
// Read-only columns an export adds after the dossier's own fields; an import recognises and skips them.
export const READ_ONLY_HEADERS = ['Bước xử lý', 'Kết quả đánh giá', 'Diện xét'] as const;
// The largest number of rows one sheet may hold (Excel's limit less the header); a longer part continues on a sheet
// named "<name> (2)", "<name> (3)" …
export const MAX_SHEET_ROWS = 1_048_575;

// Excel allows 31 characters in a sheet name; the form's group labels are longer for some parts.
const SHEET_NAMES: Record<string, string> = {
  judgments: 'Bản án',
  offences: 'Tội danh',
  intervals: 'Khoảng thời gian',
  reductions: 'Giảm án',
  discipline: 'Kỷ luật',
  priorConvictions: 'Tiền án',
  obligations: 'Nghĩa vụ',
  decisions: 'Chứng từ thi hành',
  specialCircumstances: 'Trường hợp đặc biệt',
  evidence: 'Giấy tờ chứng minh',
};

const ALSO_SERVES_AS: SheetColumn = {
  key: 'alsoServesAs',
  header: 'Đồng thời là giấy tờ',
  kind: 'codeList',
  options: 'evidenceCode',
  extra: true,
  hint: 'Các loại giấy tờ khác mà văn bản này cũng là; cách nhau bởi dấu chấm phẩy',
};

const term = (prefix: string, label: string): SheetColumn[] =>
  (['years', 'months', 'days'] as const).map((unit, i) => ({
    key: `${prefix}.${unit}`,
    header: `${label}: ${['năm', 'tháng', 'ngày'][i]}`,
    kind: 'int' as const,
    extra: true,
  }));

// Fields of the exchange format that the nomination form leaves out, per sheet path (docs/dossier-format.md).
const EXTRA_COLUMNS: Record<string, SheetColumn[]> = {
  '': [
    {
      key: 'councilMeetingDate',
      header: 'Ngày Hội đồng xét đề nghị đặc xá của trại họp',
      kind: 'date',
      extra: true,
      hint: 'dd/mm/yyyy; giấy tờ y tế phải có trong 6 tháng trước ngày này (Nghị định 52/2019, Điều 5 khoản 3 điểm c)',
    },
  ],
  'judgments.offences': [
    { key: 'criminalCode', header: 'Bộ luật Hình sự áp dụng', kind: 'select', options: 'criminalCode', extra: true },
    {
      key: 'sentence.commutation.decisionNumber',
      header: 'Hình phạt cho tội này được giảm xuống tù có thời hạn: số quyết định',
      kind: 'text',
      extra: true,
    },
    {
      key: 'sentence.commutation.date',
      header: 'Hình phạt cho tội này được giảm xuống tù có thời hạn: ngày',
      kind: 'date',
      extra: true,
    },
    ...term('sentence.commutation.term', 'Thời hạn sau khi giảm'),
  ],
  'obligations.decisions': [
    {
      key: 'certified',
      header: 'Có xác nhận của UBND cấp xã hoặc cơ quan thi hành án',
      kind: 'optionalBool',
      extra: true,
      hint: 'Để trống nếu văn bản không cần xác nhận',
    },
  ],
  'specialCircumstances.evidence': [ALSO_SERVES_AS],
  'priorConvictions.proof': [
    { ...ALSO_SERVES_AS, key: 'proof.alsoServesAs', header: 'Giấy chứng nhận xóa án tích: đồng thời là giấy tờ' },
  ],
  suspensionCertification: [ALSO_SERVES_AS],
  identityPaper: [ALSO_SERVES_AS],
};

function column(field: FieldSpec): SheetColumn {
  return {
    key: field.key,
    header: field.label,
    kind: field.kind,
    ...(field.options ? { options: field.options } : {}),
    ...(field.required ? { required: true } : {}),
    ...(field.hint ? { hint: field.hint } : {}),
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function childSheets(group: GroupSpec, parents: string[], parentItem?: string): SheetSpec[] {
  const path = [...parents, group.key];
  const extras = EXTRA_COLUMNS[path.join('.')] ?? [];
  const columns: SheetColumn[] = [];
  for (const field of group.fields) {
    // A circumstance's yes/no facts are three-valued in the format (yes, no, not stated); the form keeps only "yes".
    if (field.key.startsWith('details.') && field.kind === 'bool')
      columns.push({ ...column(field), kind: 'optionalBool', extra: true });
    else columns.push(column(field));
    // A prior conviction's proof: its extra column sits after the proof's own fields.
    if (field.key === 'proof.note') columns.push(...(EXTRA_COLUMNS[`${path.join('.')}.proof`] ?? []));
  }
  if (group.key === 'specialCircumstances') {
    columns.push({
      key: 'details.hospitalStays',
      header: 'Các đợt điều trị nội trú',
      kind: 'stays',
      extra: true,
      hint: 'Mỗi đợt: "Bệnh viện 01/02/2024–10/03/2024" hoặc "Bệnh xá …", cách nhau bởi dấu chấm phẩy',
    });
  }
  columns.push(...extras);
  const sheet: SheetSpec = {
    name: SHEET_NAMES[group.key] ?? group.label.slice(0, 31),
    path,
    group,
    ...(parentItem ? { parentHeader: `${parentItem} thứ` } : {}),
    columns,
  };
  return [sheet, ...(group.groups ?? []).flatMap((child) => childSheets(child, path, group.itemLabel))];
}

function mainColumns(): SheetColumn[] {
  const columns = [...HEADER_FIELDS, ...PERSON_FIELDS, ...CASE_FIELDS].map(column);
  columns.push(...EXTRA_COLUMNS['']);
  columns.push({
    key: 'conductRatings',
    header: 'Xếp loại chấp hành án theo quý',
    kind: 'quarters',
    hint: 'Mỗi quý: "Quý 2/2025: Khá", cách nhau bởi dấu chấm phẩy',
  });
  for (const group of GROUPS.filter((g) => !g.repeat)) {
    for (const field of group.fields) {
      columns.push({
        ...column(field),
        key: `${group.key}.${field.key}`,
        header: `${group.label}: ${lowerFirst(field.label)}`,
        // Inside an optional part a field is required only when the part is filled at all.
        required: false,
      });
    }
    for (const extra of EXTRA_COLUMNS[group.key] ?? [])
      columns.push({
        ...extra,
        key: `${group.key}.${extra.key}`,
        header: `${group.label}: ${lowerFirst(extra.header)}`,
      });
  }
  return columns;
}

export const MAIN_SPEC: SheetSpec = { name: MAIN_SHEET, path: [], columns: mainColumns() };
export const CHILD_SPECS: SheetSpec[] = GROUPS.filter((g) => g.repeat && g.key !== 'conductRatings').flatMap((g) =>
  childSheets(g, []),
);
export const SHEET_SPECS: SheetSpec[] = [MAIN_SPEC, ...CHILD_SPECS];

// The headers of a sheet as written: the keys first, then the fields.
export function headersOf(spec: SheetSpec): string[] {
  if (!spec.path.length) return [STT_HEADER, ...spec.columns.map((c) => c.header)];
  return [
    DOSSIER_STT_HEADER,
    INMATE_CHECK_HEADER,
    ...(spec.parentHeader ? [spec.parentHeader] : []),
    ...spec.columns.map((c) => c.header),
  ];
}

// Which spec a sheet name belongs to: its own name, or a continuation "<name> (2)".
export function specOfSheet(name: string): SheetSpec | undefined {
  const base = name.replace(/ \(\d+\)$/, '');
  return SHEET_SPECS.find((s) => s.name === base);
}
