import type { MeetingRecord } from '../../workflow/common/meeting-record.dto.js';
import { formatDate } from '../format/print-format.js';
import type { MeetingInfo } from '../view-models/common.js';

// What was not recorded is printed as a dotted line to be filled in by hand, never guessed.
export const HANDWRITTEN = '……………………';

const person = (p: { name: string; title: string } | undefined): string | null => (p ? `${p.name}, ${p.title}` : null);

// The opening of minutes from the meeting's record: "08 giờ 00 phút, ngày 10/07/2025", the place, the chair and the
// secretary. `defaults` are facts of record outside the meeting (the place of the unit, the team's own officer).
export function meetingInfo(
  record: MeetingRecord,
  date: string,
  defaults: { place: string; chair: { name: string; title: string } | null },
): MeetingInfo {
  const [hours, minutes] = record.startedAt?.split(':') ?? [];
  return {
    startedAt: `${hours ?? '……'} giờ ${minutes ?? '……'} phút, ngày ${formatDate(date)}`,
    place: record.place ?? defaults.place,
    chair: person(record.chair) ?? person(defaults.chair ?? undefined) ?? HANDWRITTEN,
    secretary: person(record.secretary) ?? HANDWRITTEN,
  };
}
