import { addDays, daysBetween, formatIsoVi, isValidIsoDate } from '../../kernel/calendar-date.js';
import type { FieldError } from './ballot.js';
import { Stage, STAGE_LABELS } from './stages.js';

// Periods the law itself fixes; a round may only shorten or restate them through its parameters.
export const STATUTORY_PERIODS = {
  applicationDays: { days: 5, citation: 'Luật Đặc xá 2018, Điều 15, khoản 1' },
  campListsDays: { days: 10, citation: 'Luật Đặc xá 2018, Điều 15, khoản 2' },
  appraisalDays: { days: 15, citation: 'Luật Đặc xá 2018, Điều 16, khoản 1' },
  complaintDays: { days: 5, citation: 'Luật Đặc xá 2018, Điều 36, khoản 3' },
  courtListDays: { days: 15, citation: 'Luật Đặc xá 2018, Điều 15, khoản 3' },
} as const;

export interface RoundDeadlines {
  // Day the President's decision was posted at the camp; the 5-day application window and the 10-day list period run from it.
  postingDate: string | null;
  // The application window in days from posting, or null where the round's law sets none (the Law on Special Amnesty
  // 2007 and Decree 76/2008 fix no period): then no application is refused as late.
  applicationDays: number | null;
  // Where the window comes from: the round's parameter or the statute (Luật Đặc xá 2018, Điều 15, khoản 1).
  applicationSource: string;
  // The courts' period for the list of persons on suspension (round parameter deadlines.courtListDays; the law's 15
  // days when the round does not hold it). It runs from the decision's announcement, on which the camps post it too.
  courtListDays?: number;
  // Last day on which a dossier may still wait at a stage (round configuration: QĐ / HD of the round).
  stageDueDates: Partial<Record<Stage, string>>;
}

// `statutoryWindow`: whether the round's law fixes the application window (Law 30/2018 does; the 2007 law did not), so
// that a round silent on it takes the statute's 5 days; a round that states the window as unknown (null) has none.
export function parseRoundDeadlines(
  raw: unknown,
  statutoryWindow = true,
): { deadlines: RoundDeadlines; errors: FieldError[] } {
  const r = (raw ?? {}) as {
    postingDate?: unknown;
    applicationDays?: unknown;
    applicationSource?: unknown;
    courtListDays?: unknown;
    stageDueDates?: Record<string, unknown>;
  };
  const errors: FieldError[] = [];
  let postingDate: string | null = null;
  if (r.postingDate !== undefined && r.postingDate !== null) {
    if (isValidIsoDate(r.postingDate)) postingDate = r.postingDate;
    else errors.push({ path: 'deadlines.postingDate', message: 'Ngày niêm yết phải có dạng YYYY-MM-DD.' });
  }
  let applicationDays: number | null = statutoryWindow ? STATUTORY_PERIODS.applicationDays.days : null;
  let applicationSource: string = statutoryWindow
    ? STATUTORY_PERIODS.applicationDays.citation
    : 'Văn bản của đợt không quy định thời hạn làm đơn';
  const stated = typeof r.applicationSource === 'string' && r.applicationSource.trim() ? r.applicationSource : null;
  if (r.applicationDays === null) {
    applicationDays = null;
    applicationSource = stated ?? 'Đợt đặc xá chưa quy định thời hạn làm đơn';
  } else if (r.applicationDays !== undefined) {
    if (Number.isInteger(r.applicationDays) && (r.applicationDays as number) > 0) {
      applicationDays = r.applicationDays as number;
      applicationSource = stated ?? 'Tham số của đợt đặc xá';
    } else
      errors.push({ path: 'deadlines.applicationDays', message: 'Thời hạn làm đơn phải là số ngày nguyên dương.' });
  }
  let courtListDays: number = STATUTORY_PERIODS.courtListDays.days;
  if (r.courtListDays !== undefined && r.courtListDays !== null) {
    if (Number.isInteger(r.courtListDays) && (r.courtListDays as number) > 0) courtListDays = r.courtListDays as number;
    else
      errors.push({
        path: 'deadlines.courtListDays',
        message: 'Thời hạn Tòa án lập danh sách phải là số ngày nguyên dương.',
      });
  }
  const stageDueDates: Partial<Record<Stage, string>> = {};
  for (const [stage, date] of Object.entries(r.stageDueDates ?? {})) {
    if (!(Object.values(Stage) as string[]).includes(stage))
      errors.push({ path: `deadlines.stageDueDates.${stage}`, message: 'Bước không tồn tại.' });
    else if (!isValidIsoDate(date))
      errors.push({ path: `deadlines.stageDueDates.${stage}`, message: 'Hạn phải có dạng YYYY-MM-DD.' });
    else stageDueDates[stage as Stage] = date;
  }
  return { deadlines: { postingDate, applicationDays, applicationSource, courtListDays, stageDueDates }, errors };
}

// "Within 05 days of posting": the posting day is day 0, so the last day is posting + 5.
export function applicationDeadline(d: RoundDeadlines): string | null {
  return d.postingDate && d.applicationDays !== null ? addDays(d.postingDate, d.applicationDays) : null;
}

export function checkApplicationDate(d: RoundDeadlines, applicationDate: string): FieldError | null {
  if (!d.postingDate) return null;
  if (applicationDate < d.postingDate) {
    return {
      path: 'applicationDate',
      message: `Ngày làm đơn (${formatIsoVi(applicationDate)}) trước ngày niêm yết Quyết định (${formatIsoVi(d.postingDate)}).`,
    };
  }
  const last = applicationDeadline(d);
  if (last && applicationDate > last) {
    return {
      path: 'applicationDate',
      message: `Đơn làm ngày ${formatIsoVi(applicationDate)}, quá thời hạn ${d.applicationDays} ngày kể từ ngày niêm yết (hạn cuối ${formatIsoVi(last)}; ${d.applicationSource}).`,
    };
  }
  return null;
}

export interface DueStatus {
  dueDate: string | null;
  overdue: boolean;
  daysOverdue: number;
  message: string | null;
}

function earliest(...dates: (string | null)[]): string | null {
  const known = dates.filter((x): x is string => !!x).sort();
  return known[0] ?? null;
}

// The due date of a stage: the round's own date; for camp work the statutory period from posting; for appraisal the
// statutory period from the day the lists were received (whichever comes first).
export function dueDateFor(stage: Stage, d: RoundDeadlines, receivedOn: string | null = null): string | null {
  const own = d.stageDueDates[stage] ?? null;
  if (stage === Stage.APPRAISAL && receivedOn)
    return earliest(own, addDays(receivedOn, STATUTORY_PERIODS.appraisalDays.days));
  if (own) return own;
  if (!d.postingDate) return null;
  if (stage === Stage.APPLICATION) return applicationDeadline(d);
  if ([Stage.TEAM_BALLOT, Stage.CAMP_COUNCIL, Stage.WARDEN].includes(stage))
    return addDays(d.postingDate, STATUTORY_PERIODS.campListsDays.days);
  // The court lists and sends within its period of the announcement (Luật Đặc xá 2018, Điều 15, khoản 3).
  if ([Stage.COURT_REVIEW, Stage.COURT_POSTED].includes(stage))
    return addDays(d.postingDate, d.courtListDays ?? STATUTORY_PERIODS.courtListDays.days);
  return null;
}

export function dueStatus(input: {
  stage: Stage;
  today: string;
  deadlines: RoundDeadlines;
  receivedOn?: string | null;
}): DueStatus {
  const dueDate = dueDateFor(input.stage, input.deadlines, input.receivedOn ?? null);
  if (!dueDate || input.today <= dueDate) return { dueDate, overdue: false, daysOverdue: 0, message: null };
  const daysOverdue = daysBetween(dueDate, input.today);
  return {
    dueDate,
    overdue: true,
    daysOverdue,
    message: `Bước «${STAGE_LABELS[input.stage]}» quá hạn ${daysOverdue} ngày (hạn ${formatIsoVi(dueDate)}).`,
  };
}
