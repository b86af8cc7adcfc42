import { CASE_FIELDS, DETAIL_KEYS, GROUPS, HEADER_FIELDS, PERSON_FIELDS, type GroupSpec } from './form-schema.js';

const TOP = new Map([...HEADER_FIELDS, ...PERSON_FIELDS, ...CASE_FIELDS].map((field) => [field.key, field.label]));

// "judgments[1].offences[0].article" → "Bản án thứ 2, tội danh thứ 1: Điều": the words a flag or an error pinned to a
// field of the exchange format is printed and shown with, from the nomination form's own labels.
export function dossierFieldLabel(path: string): string {
  const top = TOP.get(path.replace(/\[\d+\]/g, ''));
  if (top) return top;
  const parts: string[] = [];
  let groups: GroupSpec[] = GROUPS;
  let rest = path;
  for (;;) {
    const match = /^([A-Za-z]+)(?:\[(\d+)\])?\.?(.*)$/.exec(rest);
    const group = match && groups.find((candidate) => candidate.key === match[1]);
    if (!match || !group) break;
    const label = match[2] === undefined ? group.label : `${group.itemLabel} thứ ${Number(match[2]) + 1}`;
    parts.push(parts.length ? lowerFirst(label) : label);
    rest = match[3];
    const field = [...group.fields, ...(group.key === 'specialCircumstances' ? DETAIL_KEYS : [])].find(
      (candidate) => candidate.key === rest.replace(/\[\d+\]/g, ''),
    );
    if (field) return `${parts.join(', ')}: ${field.label}`;
    groups = group.groups ?? [];
    if (!rest) return parts.join(', ');
  }
  return parts.length ? parts.join(', ') : 'Thông tin khác của hồ sơ';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
