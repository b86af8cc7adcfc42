import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { CouncilDecisionsDto } from '../../workflow/camp/camp.dto.js';
import { asItems } from '../dossier-form/paths.js';
import { parseDisplayDate } from '../render/format.js';
import {
  isMeetingRecordError,
  meetingRecordPlain,
  readMeetingRecord,
  type MeetingRecordValues,
} from '../render/meeting-record-form.js';

// The council's page posts one row per candidate; only rows with a decision ticked are sent.
export class CampDecisionsForm {
  readonly roundId: string;
  // The meeting: its day (dd/mm/yyyy as typed) and what its minutes print.
  readonly meetingDate: string;
  readonly record: MeetingRecordValues;
  private readonly rows: Record<string, string>[];

  constructor(body: Record<string, unknown>) {
    this.roundId = String(body.roundId ?? '');
    this.meetingDate = typeof body.meetingDate === 'string' ? body.meetingDate.trim() : '';
    this.record = readMeetingRecord(body);
    this.rows = asItems(body.decisions).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '').trim()])),
    );
  }

  private decided() {
    return this.rows.filter((r) => r.eligible === 'true' || r.eligible === 'false');
  }

  async toDto(): Promise<{ dto: CouncilDecisionsDto; errors: FieldError[] }> {
    const dto = plainToInstance(CouncilDecisionsDto, {
      ...(this.meetingDate ? { meetingDate: parseDisplayDate(this.meetingDate) } : {}),
      record: meetingRecordPlain(this.record),
      decisions: this.decided().map((r) => ({
        dossierId: r.dossierId,
        version: Number(r.version),
        eligible: r.eligible === 'true',
        ...(r.reasonCode ? { reasonCode: r.reasonCode } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
      })),
    });
    return { dto, errors: toFieldErrors(await validate(dto)) };
  }

  // Messages name the person, not the row index.
  describe(errors: FieldError[]): string {
    const decided = this.decided();
    return errors
      .map((e) => {
        const m = /^decisions\[(\d+)]/.exec(e.path);
        const who = m ? decided[Number(m[1])]?.fullName : undefined;
        if (e.path === 'meetingDate') return 'Ngày họp phải là ngày hợp lệ dạng dd/mm/yyyy, không sau hôm nay.';
        if (isMeetingRecordError(e)) return '';
        if (e.path === 'decisions')
          return 'Chưa có quyết định nào: hãy chọn đủ hoặc không đủ điều kiện cho từng người.';
        return `${who ? `${who}: ` : ''}${e.message.replace(/^Trường "[^"]*"\s*/, '')}`;
      })
      .filter(Boolean)
      .join(' ');
  }

  // Each error about one decision (`decisions[i]…`), on the row of the person it concerns.
  rowErrors(errors: readonly FieldError[]): Map<string, string> {
    const decided = this.decided();
    const rows = new Map<string, string>();
    for (const e of errors) {
      const index = /^decisions\[(\d+)]/.exec(e.path)?.[1];
      const row = index === undefined ? undefined : decided[Number(index)];
      if (!row) continue;
      const message = e.message.replace(/^Trường "[^"]*"\s*/, '');
      rows.set(row.dossierId, [rows.get(row.dossierId), message].filter(Boolean).join(' '));
    }
    return rows;
  }

  values(): Map<string, Record<string, string>> {
    return new Map(this.rows.map((r) => [r.dossierId, r]));
  }
}
