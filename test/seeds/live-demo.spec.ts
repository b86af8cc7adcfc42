import { AuthRepository } from '../../src/auth/auth.repository.js';
import { addDays, daysBetween } from '../../src/kernel/calendar-date.js';
import { applicationDeadline, dueStatus, parseRoundDeadlines } from '../../src/workflow/core/deadlines.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { WorkQueueService } from '../../src/workflow/work-queue/work-queue.service.js';
import { DEMO_ACCOUNTS } from '../../seeds/demo/accounts.js';
import { generateDemoData } from '../../seeds/demo/demo-data.js';
import { LIVE_ROUND_CODE } from '../../seeds/demo/live-round.js';
import { useDemoApp } from './support/demo-app.js';

function useLiveRound(pinned: string | null, prefix: string) {
  const { state, rows } = useDemoApp(prefix, pinned);
  const liveRound = async () =>
    (
      await rows(
        `SELECT id, to_char(decision_date, 'YYYY-MM-DD') AS decision, to_char(cutoff_date, 'YYYY-MM-DD') AS cutoff,
                to_char(posted_at, 'YYYY-MM-DD') AS posted, parameters, deadlines, status
         FROM rounds WHERE code = $1`,
        [LIVE_ROUND_CODE],
      )
    )[0];
  return { state, rows, liveRound };
}

describe('the live demo round', () => {
  const { state, rows, liveRound } = useLiveRound(null, 'live_demo');
  let today: string;
  beforeAll(() => {
    today = state.today;
  });

  it('was decided a few weeks before the day the database was created and is still open', async () => {
    expect(state.seeded.loaded).toBe(true);
    const round = await liveRound();
    expect(round.status).toBe('OPEN');
    expect(daysBetween(round.decision, today)).toBeGreaterThanOrEqual(14);
    expect(daysBetween(round.decision, today)).toBeLessThanOrEqual(42);
    expect(round.posted <= today).toBe(true);
  });

  it('has no deadline in the past on that day, and no home page shows anything overdue', async () => {
    const round = await liveRound();
    const { deadlines, errors } = parseRoundDeadlines({ ...round.deadlines, postingDate: round.posted });
    expect(errors).toEqual([]);
    const dates = [
      applicationDeadline(deadlines)!,
      ...Object.values(deadlines.stageDueDates),
      round.cutoff,
      ...['campCouncil', 'councilReview', 'grantDecision', 'effective'].map((k) => round.parameters.dates[k].value),
    ];
    expect(dates.length).toBeGreaterThan(12);
    expect(dates.filter((d) => !(d >= today))).toEqual([]);
    // Every dossier of the round, at whatever stage it sits, is within its stage's due date.
    const held: { stage: Stage; received: string | null }[] = await rows(
      `SELECT d.stage, (SELECT to_char(max(s.submitted_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')
         FROM list_entries e JOIN list_snapshots l ON l.id = e.list_id JOIN list_submissions s ON s.list_id = l.id
         WHERE e.dossier_id = d.id AND l.to_stage = d.stage) AS received
       FROM dossiers d WHERE d.round_id = $1`,
      [round.id],
    );
    const overdue = held.filter((h) => dueStatus({ stage: h.stage, today, deadlines, receivedOn: h.received }).overdue);
    expect(overdue).toEqual([]);
    const queues = state.app.get(WorkQueueService);
    const auth = state.app.get(AuthRepository);
    for (const account of DEMO_ACCOUNTS) {
      const user = (await auth.findByUsername(account.username))!;
      const queue = await queues.forUser(user);
      expect({ account: account.username, overdue: queue.counts.overdue }).toEqual({
        account: account.username,
        overdue: 0,
      });
    }
  });

  it('has complete parameters: no value left unknown', async () => {
    const round = await liveRound();
    const unknown: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (!value || typeof value !== 'object') return;
      const v = value as Record<string, unknown>;
      if ('confidence' in v && 'source' in v && (v.confidence === '?' || ('value' in v && v.value === null)))
        unknown.push(path);
      for (const [key, child] of Object.entries(v)) walk(child, `${path}.${key}`);
    };
    walk(round.parameters, 'parameters');
    expect(unknown).toEqual([]);
  });

  it('has ELIGIBLE dossiers in every special category of the round', async () => {
    const round = await liveRound();
    const categories: string[] = round.parameters.specialCategories.value;
    expect(categories.length).toBeGreaterThanOrEqual(10);
    const results: { category: string; result: { attempts: { category: string; status: string }[] } }[] = await rows(
      `SELECT DISTINCT ON (e.dossier_id) e.category, e.result::jsonb AS result
         FROM eligibility_results e JOIN dossiers d ON d.id = e.dossier_id
         WHERE d.round_id = $1 AND e.outcome = 'ELIGIBLE' ORDER BY e.dossier_id, e.evaluated_at DESC`,
      [round.id],
    );
    const chosen = new Set(results.map((r) => r.category));
    const eligibleUnder = new Set(
      results.flatMap((r) => r.result.attempts.filter((a) => a.status === 'ELIGIBLE').map((a) => a.category)),
    );
    expect(categories.filter((c) => !eligibleUnder.has(c))).toEqual([]);
    // Someone still under 18 was also under 18 when offending: the engine proposes them under Art 11(3)(d), which
    // the law lists first, and finds them eligible under Art 11(4) too.
    expect(categories.filter((c) => c !== 'UNDER_18_NOW' && !chosen.has(c))).toEqual([]);
    expect(chosen.has('GENERAL')).toBe(true);
  });

  it('dates the medical papers of eligible sick people within six months of their camp council', async () => {
    const round = await liveRound();
    const papers: { council: string; dated: string }[] = await rows(
      `SELECT l.council, ev.date AS dated
       FROM (SELECT DISTINCT ON (e.dossier_id) e.dossier_id, e.result->'council'->>'date' AS council
             FROM eligibility_results e JOIN dossiers d ON d.id = e.dossier_id
             WHERE d.round_id = $1 AND e.outcome = 'ELIGIBLE' AND e.category IN ('SERIOUS_ILLNESS', 'FREQUENT_ILLNESS')
             ORDER BY e.dossier_id, e.evaluated_at DESC) l
       JOIN LATERAL (SELECT v.document FROM dossier_versions v WHERE v.dossier_id = l.dossier_id
                     ORDER BY v.version DESC LIMIT 1) d ON true,
       LATERAL jsonb_array_elements(d.document->'specialCircumstances') c,
       LATERAL jsonb_to_recordset(c->'evidence') AS ev(kind text, date text)
       WHERE ev.kind IN ('HOSPITAL_CONCLUSION', 'MEDICAL_ASSESSMENT_CONCLUSION')`,
      [round.id],
    );
    expect(papers.length).toBeGreaterThanOrEqual(2);
    for (const p of papers) {
      expect(p.dated <= p.council).toBe(true);
      expect(daysBetween(p.dated, p.council)).toBeLessThanOrEqual(183);
    }
  });

  it('has dossiers at the team, at the camp council, at appraisal, and one list at the Advisory Council', async () => {
    const byStage = state.seeded.progress!.byStage;
    expect((byStage[Stage.APPLICATION] ?? 0) + (byStage[Stage.TEAM_BALLOT] ?? 0)).toBeGreaterThan(0);
    expect(byStage[Stage.TEAM_BALLOT] ?? 0).toBeGreaterThan(0);
    expect(byStage[Stage.CAMP_COUNCIL] ?? 0).toBeGreaterThan(0);
    expect(byStage[Stage.APPRAISAL] ?? 0).toBeGreaterThan(0);
    expect(byStage[Stage.ADVISORY_COUNCIL] ?? 0).toBeGreaterThan(0);
    const round = await liveRound();
    const councilLists = await rows(
      `SELECT l.id, l.entry_count FROM list_snapshots l JOIN list_submissions s ON s.list_id = l.id
       WHERE l.round_id = $1 AND l.to_stage = 'advisory_council'`,
      [round.id],
    );
    expect(councilLists).toEqual([{ id: state.seeded.progress!.councilListId, entry_count: byStage.advisory_council }]);
  });

  it('moved every dossier through the transition path: a history row and an audit row for each step', async () => {
    const round = await liveRound();
    const [moved] = await rows(
      `SELECT count(*)::int AS dossiers,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM workflow_history h WHERE h.dossier_id = d.id
                AND h.to_stage = d.stage))::int AS without_history
       FROM dossiers d WHERE d.round_id = $1 AND d.stage <> 'application'`,
      [round.id],
    );
    expect(moved.dossiers).toBeGreaterThan(20);
    expect(moved.without_history).toBe(0);
    const [steps] = await rows(
      `SELECT count(*)::int AS history,
              (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'dossier' AND a.action LIKE 'workflow.%'
                 AND a.entity_id IN (SELECT id::text FROM dossiers WHERE round_id = $1)) AS audited
       FROM workflow_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.round_id = $1`,
      [round.id],
    );
    expect(steps.history).toBeGreaterThan(moved.dossiers);
    expect(steps.audited).toBe(steps.history);
    const [meetings] = await rows(`SELECT count(*)::int AS n FROM team_meetings WHERE round_id = $1`, [round.id]);
    expect(meetings.n).toBe(2);
  });

  it('keeps the historical rounds as closed references', async () => {
    const closed = await rows(`SELECT code FROM rounds WHERE status = 'CLOSED' ORDER BY code`);
    expect(closed.map((r) => r.code)).toEqual(['DOT-2009-2', 'QD-1244-2025']);
  });
});

describe('the live demo round on another day', () => {
  const today = '2032-11-02';
  const { state, liveRound } = useLiveRound(today, 'live_demo_shift');

  it('moves its dates with the day the database was created and still walks the round forward', async () => {
    const round = await liveRound();
    const first = generateDemoData('2031-03-10').rounds.find((r) => r.code === LIVE_ROUND_CODE)!;
    const shift = daysBetween('2031-03-10', today);
    expect(state.today).toBe(today);
    expect(round.decision).toBe(addDays(first.decisionDate, shift));
    expect(round.cutoff).toBe(addDays(first.cutoffDate, shift));
    expect(round.posted).toBe(addDays(first.postedAt, shift));
    expect(state.seeded.progress!.byStage[Stage.ADVISORY_COUNCIL] ?? 0).toBeGreaterThan(0);
  });

  it('is the same demo every time for the same day', () => {
    expect(JSON.stringify(generateDemoData(today))).toBe(JSON.stringify(generateDemoData(today)));
    expect(JSON.stringify(generateDemoData(today))).not.toBe(JSON.stringify(generateDemoData('2031-03-10')));
  });
});
