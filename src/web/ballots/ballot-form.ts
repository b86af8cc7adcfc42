import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';
import { TeamMeetingDto } from '../../workflow/ballots/ballot.dto.js';
import { asItems } from '../dossier-form/paths.js';
import { isChecked } from '../dossier-form/form-convert.js';
import { parseDisplayDate } from '../render/format.js';
import { meetingRecordPlain, readMeetingRecord, type MeetingRecordValues } from '../render/meeting-record-form.js';

export const COUNT_FIELDS = [
  'membersPresent',
  'membersAbsent',
  'ballotsIssued',
  'ballotsReturned',
  'ballotsValid',
  'ballotsInvalid',
] as const;

export interface BallotRow {
  dossierId: string;
  version: string;
  include: boolean;
  votesFor: string;
  votesAgainst: string;
  votesBlank: string;
  officerOpinion: string;
}

export interface BallotValues {
  roundId: string;
  teamId: string;
  meetingDate: string;
  record: MeetingRecordValues;
  counts: Record<(typeof COUNT_FIELDS)[number], string>;
  rows: BallotRow[];
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const int = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);

export function readBallotForm(body: Record<string, unknown>): BallotValues {
  return {
    roundId: str(body.roundId),
    teamId: str(body.teamId),
    meetingDate: str(body.meetingDate),
    record: readMeetingRecord(body),
    counts: Object.fromEntries(COUNT_FIELDS.map((f) => [f, str(body[f])])) as BallotValues['counts'],
    rows: asItems(body.candidates).map((r) => ({
      dossierId: str(r.dossierId),
      version: str(r.version),
      include: isChecked(r.include),
      votesFor: str(r.votesFor),
      votesAgainst: str(r.votesAgainst),
      votesBlank: str(r.votesBlank),
      officerOpinion: str(r.officerOpinion),
    })),
  };
}

// The minutes as the ballot service takes them; error paths come back in the form's own terms: a candidate's index
// among the ticked rows is turned into the row's index on the page.
export async function toMeetingDto(
  values: BallotValues,
): Promise<{ dto: TeamMeetingDto; errors: FieldError[]; rowOf: (path: string) => string }> {
  const included = values.rows.map((r, i) => ({ r, i })).filter((x) => x.r.include);
  const plain = {
    roundId: values.roundId,
    teamId: values.teamId,
    meetingDate: parseDisplayDate(values.meetingDate),
    record: meetingRecordPlain(values.record),
    ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, int(values.counts[f])])),
    absentees: [],
    candidates: included.map(({ r }) => ({
      dossierId: r.dossierId,
      version: int(r.version),
      votesFor: int(r.votesFor),
      votesAgainst: int(r.votesAgainst),
      votesBlank: int(r.votesBlank),
      officerOpinion: r.officerOpinion,
    })),
  };
  const dto = plainToInstance(TeamMeetingDto, plain);
  const errors = toFieldErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  const rowOf = (path: string) =>
    path.replace(/^candidates\[(\d+)]/, (_, k: string) => `candidates[${included[Number(k)]?.i ?? k}]`);
  return { dto, errors, rowOf };
}
