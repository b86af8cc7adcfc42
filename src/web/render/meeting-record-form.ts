import type { FieldError } from '../../common/app.exception.js';

// The facts of a meeting its minutes print (hour, place, chair, secretary; for a council also who attended), as a
// form: flat fields on the page, the nested `record` the services take, and each error beside its own field.
export const MEETING_RECORD_FIELDS = [
  'startedAt',
  'place',
  'chairName',
  'chairTitle',
  'secretaryName',
  'secretaryTitle',
  'attendees',
  'observers',
] as const;
type Field = (typeof MEETING_RECORD_FIELDS)[number];
export type MeetingRecordValues = Record<Field, string>;

const LABELS: Record<Field, { label: string; hint?: string; kind?: 'textarea' }> = {
  startedAt: { label: 'Giờ bắt đầu', hint: 'Ví dụ 08:00' },
  place: { label: 'Địa điểm' },
  chairName: { label: 'Chủ trì: họ và tên' },
  chairTitle: { label: 'Chủ trì: chức vụ' },
  secretaryName: { label: 'Thư ký: họ và tên' },
  secretaryTitle: { label: 'Thư ký: chức vụ' },
  attendees: { label: 'Thành viên có mặt', hint: 'Mỗi dòng một người: Họ và tên, chức vụ', kind: 'textarea' },
  observers: { label: 'Đại biểu tham dự', hint: 'Mỗi dòng một người', kind: 'textarea' },
};

// Where each field's value sits in the record the services validate.
const PATHS: Record<Field, RegExp> = {
  startedAt: /^record\.startedAt$/,
  place: /^record\.place$/,
  chairName: /^record\.chair(\.name)?$/,
  chairTitle: /^record\.chair\.title$/,
  secretaryName: /^record\.secretary(\.name)?$/,
  secretaryTitle: /^record\.secretary\.title$/,
  attendees: /^record\.attendees/,
  observers: /^record\.observers/,
};

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export function readMeetingRecord(body: Record<string, unknown>): MeetingRecordValues {
  return Object.fromEntries(MEETING_RECORD_FIELDS.map((f) => [f, str(body[f])])) as MeetingRecordValues;
}

// The record as the services take it; undefined when nothing was typed. A person needs both name and title: half of
// one is passed on so that validation names the missing half.
export function meetingRecordPlain(values: MeetingRecordValues): Record<string, unknown> | undefined {
  const person = (name: string, title: string) => (name || title ? { name, title } : undefined);
  const attendee = (line: string) => {
    const comma = line.indexOf(',');
    return comma < 0
      ? { name: line, title: '' }
      : { name: line.slice(0, comma).trim(), title: line.slice(comma + 1).trim() };
  };
  const record = {
    startedAt: values.startedAt || undefined,
    place: values.place || undefined,
    chair: person(values.chairName, values.chairTitle),
    secretary: person(values.secretaryName, values.secretaryTitle),
    attendees: values.attendees ? lines(values.attendees).map(attendee) : undefined,
    observers: values.observers ? lines(values.observers) : undefined,
  };
  const given = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  return Object.keys(given).length ? given : undefined;
}

// The fields for the page's partial, each with its value and the first error about it.
export function meetingRecordFields(
  values: MeetingRecordValues,
  errors: readonly FieldError[],
  message: (error: FieldError) => string,
  include: readonly Field[] = MEETING_RECORD_FIELDS,
) {
  return include.map((name) => {
    const error = errors.find((e) => PATHS[name].test(e.path));
    return {
      id: name,
      name,
      path: name,
      label: LABELS[name].label,
      hint: LABELS[name].hint,
      kind: LABELS[name].kind ?? 'text',
      wide: LABELS[name].kind === 'textarea',
      value: values[name],
      error: error ? message(error) : undefined,
    };
  });
}

// Whether an error belongs to one of the meeting fields (the page shows it there, not in its general summary).
export function isMeetingRecordError(error: FieldError): boolean {
  return error.path.startsWith('record.');
}

// The team's minutes name no members or guests (the ballot counts stand for them).
export const TEAM_MEETING_FIELDS: readonly Field[] = MEETING_RECORD_FIELDS.filter(
  (f) => f !== 'attendees' && f !== 'observers',
);
