import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service.js';
import { AuditVerifier, type VerifyReport } from '../src/audit/audit-verifier.js';
import { hashPassword } from '../src/auth/password.js';
import type { SessionUser } from '../src/auth/session-user.js';
import type { AuditConfig } from '../src/config/app-config.js';
import { ScreeningService } from '../src/eligibility/screening.service.js';
import { addDays } from '../src/kernel/calendar-date.js';
import { RoundService } from '../src/rounds/round.service.js';
import { WorkflowRoundRepository } from '../src/workflow/common/round.repository.js';
import { AppraisalService } from '../src/workflow/appraisal/appraisal.service.js';
import { FlagKind } from '../src/workflow/core/appraisal.js';
import { Complainant } from '../src/workflow/core/complaints.js';
import { Stage } from '../src/workflow/core/stages.js';
import { ComplaintService } from '../src/workflow/complaints/complaint.service.js';
import { CouncilService } from '../src/workflow/decisions/council.service.js';
import { PresidentDecisionService } from '../src/workflow/decisions/president-decision.service.js';
import { DEMO_PASSWORD } from '../seeds/demo/accounts.js';
import { LIVE_TEAM_MEETING } from '../seeds/demo/live-round.js';
import { RoundWalk, type WalkHead } from '../seeds/common/round-walk.js';
import { Rng } from '../seeds/common/prng.js';
import { loadSynthetic } from '../seeds/synthetic/synthetic-loader.js';
import { syntheticRoundCalendar } from '../seeds/synthetic/synthetic-round.js';
import { certificateBatches, releases } from './round-certificates.js';
import { inLanes } from './lanes.js';
import { paperwork } from './round-paperwork.js';
import { completeParameters } from './synthetic-database.js';
import { ensureSyntheticStaff, type SyntheticCamp } from '../seeds/synthetic/synthetic-staff.js';

// The national dry run: a synthetic round walked from the load to the President's decision and the audit check,
// every step through the services the API calls, as the round's staff (the synthetic camps' own, the demo's national
// bodies). Each phase reports what it did; the caller (the benchmark, or a spec at a tiny size) times it.

export interface PhaseOutcome {
  // What the phase processed, e.g. 150000 'dossiers'.
  count: number;
  unit: string;
  note?: string;
}

// A phase that cannot run: its feature is still being built.
export const NOT_BUILT = 'not built yet';
// A phase whose feature exists but that the dry run does not walk yet.
export const NOT_WALKED = 'not in the dry run yet';

export type PhaseRunner = (
  name: string,
  work: (() => Promise<PhaseOutcome>) | typeof NOT_BUILT | typeof NOT_WALKED,
) => Promise<void>;

export interface DryRunOptions {
  app: INestApplicationContext;
  // The owner's URL, for the bulk loader.
  databaseUrl: string;
  auditConfig: AuditConfig;
  dossiers: number;
  presetCode: string;
  facilities?: number;
  // Camps whose staff work at the same time.
  lanes?: number;
  // Shares of the round that get a complaint and a finding (every agency gives its opinion on every name).
  samples?: { complaints: number; flags: number };
}

// One consolidation hop: who sent it, how many names, how long the command took.
export interface ForwardTiming {
  by: string;
  listId: string;
  names: number;
  seconds: number;
}

export interface DryRunResult {
  roundId: string;
  forwards: ForwardTiming[];
  byStage: Partial<Record<Stage, number>>;
  granted: number;
  audit: VerifyReport;
}

const ADMIN = 'admin';
// One appraiser of each agency the Law 30/2018 presets require (Luật Đặc xá 2018, Điều 10, khoản 3).
const APPRAISERS = ['thamdinh.ca', 'thamdinh.qp', 'thamdinh.tand', 'thamdinh.vks', 'thamdinh.mttq', 'thamdinh.btp'];
const STANDING_OFFICER = 'thuongtruc.hdtvdx';
const COUNCIL_MEMBER = 'thanhvien.hdtvdx';

// Every `every`-th item, at least one when there are any.
function sample<T>(items: readonly T[], share: number): T[] {
  if (items.length === 0 || share <= 0) return [];
  const every = Math.max(1, Math.round(1 / share));
  return items.filter((_, i) => i % every === 0);
}

export async function dryRun(o: DryRunOptions, phase: PhaseRunner): Promise<DryRunResult> {
  const { app } = o;
  const dataSource = app.get(DataSource);
  const lanes = o.lanes ?? 2;
  const samples = o.samples ?? { complaints: 0.01, flags: 0.002 };
  const calendar = syntheticRoundCalendar(o.presetCode);
  // The round's days: applications are dated one to four days after posting; the teams meet two days after the
  // window, the camp councils on the calendar's day, the wardens post the next day.
  const posting = calendar.postingDate;
  const days = {
    teamMeeting: addDays(posting, 6),
    campCouncil: calendar.councilMeetingDate,
    posted: addDays(calendar.councilMeetingDate, 1),
    complaintReceived: addDays(calendar.councilMeetingDate, 3),
    complaintDecided: addDays(calendar.councilMeetingDate, 5),
  };
  let roundId = '';
  let walk: RoundWalk | null = null;
  let staff: { camps: SyntheticCamp[]; departments: string[]; ministries: string[] } | null = null;
  const need = <T>(x: T | null): T => {
    if (x === null) throw new Error('Dry run: an earlier phase did not finish');
    return x;
  };
  const counts = async (): Promise<Partial<Record<Stage, number>>> =>
    Object.fromEntries(
      (
        (await dataSource.query('SELECT stage, count(*)::int AS n FROM dossiers WHERE round_id = $1 GROUP BY stage', [
          roundId,
        ])) as { stage: Stage; n: number }[]
      ).map((r) => [r.stage, r.n]),
    );

  await phase('load', async () => {
    const loaded = await loadSynthetic({
      databaseUrl: o.databaseUrl,
      dossiers: o.dossiers,
      presetCode: o.presetCode,
      facilities: o.facilities,
      audit: o.auditConfig,
    });
    roundId = loaded.roundId;
    return { count: loaded.dossiers, unit: 'dossiers', note: `${loaded.rows.toLocaleString('en')} rows` };
  });

  await phase('staff and complete round parameters', async () => {
    const audit = app.get(AuditService);
    const hash = await hashPassword(DEMO_PASSWORD);
    staff = await dataSource.transaction((m) => ensureSyntheticStaff(m, new Rng(7).fork('staff'), hash, audit));
    // An administrator completes the round's parameters (every value the preset leaves unknown gets an illustrative
    // one, as for the living demo), so that every dossier can be screened to a verdict.
    const [round] = await dataSource.query('SELECT code, version, parameters FROM rounds WHERE id = $1', [roundId]);
    const params = completeParameters(round.parameters, o.presetCode);
    const rules = () => dataSource.transaction((m) => app.get(WorkflowRoundRepository).rules(m, roundId));
    const admin = await new RoundWalk(app, { id: roundId, deadlines: (await rules()).deadlines }, 'Dry run').as(ADMIN);
    await app.get(RoundService).update(admin, round.code, {
      expectedVersion: round.version,
      parameters: { ...params, code: round.parameters.code, title: round.parameters.title },
    });
    walk = new RoundWalk(app, { id: roundId, deadlines: (await rules()).deadlines }, 'Dry run');
    const camps = need(staff).camps;
    return {
      count: camps.reduce((s, c) => s + c.teamOfficers.length + 2, 0),
      unit: 'accounts',
      note: `${camps.length} camps`,
    };
  });

  await phase('screening', async () => {
    const screenings = app.get(ScreeningService);
    const screening = await screenings.create({ id: null, name: 'dry run' }, null, roundId);
    const done = await screenings.run(screening.id);
    if (done.status !== 'DONE') throw new Error(`Dry run, screening: ${done.error}`);
    const outcomes: { outcome: string; n: number }[] = await dataSource.query(
      'SELECT outcome, count(*)::int AS n FROM eligibility_results WHERE screening_id = $1 GROUP BY outcome ORDER BY 1',
      [screening.id],
    );
    return { count: done.done, unit: 'dossiers', note: outcomes.map((r) => `${r.outcome} ${r.n}`).join(', ') };
  });

  const teams = () => need(staff).camps.flatMap((c) => c.teamOfficers);
  await phase('applications put to the teams (one command per team)', async () => {
    let n = 0;
    await inLanes(teams(), lanes, async (t) => {
      n += await need(walk).submitFiled(await need(walk).as(t));
    });
    return { count: n, unit: 'dossiers' };
  });

  await phase('team meetings and ballots', async () => {
    let n = 0;
    await inLanes(teams(), lanes, async (t) => {
      n += await need(walk).teamMeeting(await need(walk).as(t), days.teamMeeting, LIVE_TEAM_MEETING);
    });
    return { count: n, unit: 'votes', note: `${teams().length} teams` };
  });

  await phase('camp council decisions', async () => {
    let n = 0;
    await inLanes(need(staff).camps, lanes, async (c) => {
      n += await need(walk).councilDecides(await need(walk).as(c.councilMember), days.campCouncil);
    });
    return { count: n, unit: 'decisions' };
  });

  const campLists = new Map<string, { listId: string; code: string }>();
  await phase('warden approval, posting, list sent up', async () => {
    let n = 0;
    await inLanes(need(staff).camps, lanes, async (c) => {
      const warden = await need(walk).as(c.warden);
      if ((await need(walk).heads(Stage.WARDEN, warden)).length === 0) return;
      const sent = await need(walk).postAndSend(warden, days.posted);
      campLists.set(c.code, sent);
      n += sent.names;
    });
    return { count: n, unit: 'names', note: `${campLists.size} camp lists` };
  });

  await phase('procuracy notices', async () => {
    await inLanes(need(staff).camps, lanes, async (c) => {
      const list = campLists.get(c.code);
      if (list)
        await need(walk).notifyProcuracy(
          await need(walk).as(c.warden),
          list.listId,
          days.posted,
          `${list.code}/TB-VKS`,
        );
    });
    return { count: campLists.size, unit: 'notices' };
  });

  await phase('complaints (sample): filed and decided', async () => {
    const complaints = app.get(ComplaintService);
    let n = 0;
    await inLanes(need(staff).camps, lanes, async (c) => {
      // A camp with nobody on its eligible list posted nothing, so nothing can be complained of yet.
      if (!campLists.has(c.code)) return;
      const w = need(walk);
      const warden = await w.as(c.warden);
      // A sample of the people of the camp left off its list complain through a relative: the team officer records
      // each complaint and the warden rejects it with a reason.
      const left: { officer: SessionUser; head: WalkHead }[] = [];
      for (const t of c.teamOfficers) {
        const officer = await w.as(t);
        for (const stage of [Stage.NOT_PUT_FORWARD, Stage.CAMP_INELIGIBLE])
          for (const head of await w.heads(stage, officer)) left.push({ officer, head });
      }
      for (const { officer, head: h } of sample(left, samples.complaints)) {
        const filed = await complaints
          .file(officer, {
            dossierId: h.id,
            version: h.version,
            receivedOn: days.complaintReceived,
            complainant: Complainant.RELATIVE,
            complainantName: 'Nguyễn Thị Hoa',
            content: 'Gia đình đề nghị xem xét lại vì phạm nhân đã chấp hành tốt nội quy trại giam.',
          })
          .catch((e) => w.fail('complaint filed', e));
        await complaints
          .decide(warden, filed.id, {
            accept: false,
            reason: 'Đã đối chiếu hồ sơ: chưa đủ điều kiện theo Điều 11 Luật Đặc xá.',
            decidedOn: days.complaintDecided,
            version: filed.version,
            dossierVersion: h.version + 1,
          })
          .catch((e) => w.fail('complaint decided', e));
        n += 1;
      }
    });
    return { count: n, unit: 'complaints' };
  });

  const forwards: ForwardTiming[] = [];
  const forward = async (user: SessionUser) => {
    const t0 = performance.now();
    const sent = await need(walk).forward(user);
    forwards.push({
      by: user.username,
      listId: sent.listId,
      names: sent.names,
      seconds: (performance.now() - t0) / 1000,
    });
    return sent;
  };
  // Each unit above the camps sends on what it received; one that received nothing (a department whose camps had
  // nobody eligible) has nothing to send.
  const forwardAll = async (usernames: string[]) => {
    let n = 0;
    let lists = 0;
    for (const u of usernames) {
      const user = await need(walk).as(u);
      const held: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM dossiers d JOIN org_units f ON f.id = d.facility_id
         WHERE d.round_id = $1 AND d.stage = $2 AND f.path LIKE $3 || '%'`,
        [roundId, user.role === 'DEPARTMENT_OFFICER' ? Stage.DEPARTMENT : Stage.MINISTRY, user.orgUnitPath],
      );
      if (held[0].n === 0) continue;
      n += (await forward(user)).names;
      lists += 1;
    }
    return { count: n, unit: 'names', note: `${lists} lists` };
  };
  await phase('department consolidation', () => forwardAll(need(staff).departments));
  await phase('ministry consolidation', () => forwardAll(need(staff).ministries));

  let findings = 0;
  await phase('appraisal: opinions (one list per agency) and findings (sample), list sent on', async () => {
    const w = need(walk);
    const at = await w.heads(Stage.APPRAISAL, null);
    const appraisers: SessionUser[] = [];
    for (const u of APPRAISERS) appraisers.push(await w.as(u));
    // A name leaves the team only with every required agency's opinion, so each agency gives one on every name, the
    // whole list at once.
    const opinions = await w.opinions(
      appraisers,
      at.map((h) => h.id),
    );
    const appraisal = app.get(AppraisalService);
    const standing = await w.as(STANDING_OFFICER);
    const flagged = sample(at.slice(1), samples.flags);
    findings = flagged.length;
    for (const h of flagged) {
      const flag = await appraisal
        .flag(appraisers[2], h.id, {
          field: 'judgments[0].sentence',
          kind: FlagKind.CONTENT,
          message: 'Đề nghị đối chiếu lại thời hạn tù ghi trong bản án.',
        })
        .catch((e) => w.fail('appraisal finding', e));
      await appraisal
        .resolve(standing, flag.id, {
          accept: false,
          reason: 'Đã đối chiếu bản án: thời hạn ghi đúng.',
          version: flag.version,
        })
        .catch((e) => w.fail('finding resolved', e));
    }
    const sent = await forward(appraisers[0]);
    return { count: sent.names, unit: 'names', note: `${opinions} opinions, ${flagged.length} findings` };
  });

  let councilListId = '';
  await phase('standing body', async () => {
    const standing = await need(walk).as(STANDING_OFFICER);
    // Where the agencies did not agree (a finding the standing body rejected), it reports why before sending on.
    const report = findings > 0 ? await app.get(AppraisalService).explanatoryReport(standing, { roundId }) : null;
    const sent = await forward(standing);
    return { count: sent.names, unit: 'names', note: `explanatory report on ${report?.items.length ?? 0} dossiers` };
  });

  await phase('Advisory Council', async () => {
    const member = await need(walk).as(COUNCIL_MEMBER);
    const council = app.get(CouncilService);
    const pending = await council.pending(member, roundId);
    const decided = await council
      .decide(member, { roundId, token: pending.token, ineligible: [] })
      .catch((e) => need(walk).fail('Advisory Council', e));
    councilListId = decided.eligible?.id ?? '';
    return {
      count: pending.count,
      unit: 'names',
      note: `${decided.eligible?.entryCount ?? 0} recommended, ${decided.ineligible?.entryCount ?? 0} not`,
    };
  });

  let granted = 0;
  await phase("President's decision", async () => {
    const standing = await need(walk).as(STANDING_OFFICER);
    const decided = await app
      .get(PresidentDecisionService)
      .record(standing, {
        councilListId,
        number: '1/QĐ-CTN',
        decisionDate: addDays(calendar.cutoffDate, -3),
      })
      .catch((e) => need(walk).fail("President's decision", e));
    granted = decided.granted;
    return { count: granted, unit: 'granted', note: `${decided.certificates} certificates recorded` };
  });

  await phase('official documents at every level', () => paperwork(app, roundId, (u) => need(walk).as(u)));
  await phase('releases recorded for everyone granted (one command per camp)', () =>
    releases(app, roundId, (u) => need(walk).as(u)),
  );
  await phase('certificates for everyone granted (documents, batched per facility)', () =>
    certificateBatches(app, roundId, (u) => need(walk).as(u)),
  );

  const verified: { report?: VerifyReport } = {};
  await phase('audit verification', async () => {
    const audit = await app.get(AuditVerifier).verify();
    verified.report = audit;
    if (!audit.ok) throw new Error(`Dry run, audit: ${audit.firstBreak?.kind} ${audit.firstBreak?.message}`);
    return { count: audit.rowsChecked, unit: 'audit rows', note: `${audit.dossiersChecked} dossiers checked` };
  });

  return { roundId, forwards, byStage: await counts(), granted, audit: need(verified.report ?? null) };
}
