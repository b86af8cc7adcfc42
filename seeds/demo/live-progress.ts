import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthRepository } from '../../src/auth/auth.repository.js';
import type { SessionUser } from '../../src/auth/session-user.js';
import { addDays } from '../../src/kernel/calendar-date.js';
import { AgencyOpinion } from '../../src/workflow/core/appraisal.js';
import { checkApplicationDate, type RoundDeadlines } from '../../src/workflow/core/deadlines.js';
import { WorkflowEvent } from '../../src/workflow/core/events.js';
import { ReasonCode } from '../../src/workflow/core/reason-codes.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { AppraisalService } from '../../src/workflow/appraisal/appraisal.service.js';
import { BallotService } from '../../src/workflow/ballots/ballot.service.js';
import { CampCouncilService } from '../../src/workflow/camp/camp-council.service.js';
import { CampListService } from '../../src/workflow/camp/camp-list.service.js';
import { DossierEventService } from '../../src/workflow/history/dossier-event.service.js';
import { ForwardService } from '../../src/workflow/lists/forward.service.js';
import { ProcuracyNoticeService } from '../../src/workflow/procuracy/procuracy-notice.service.js';
import { LIVE_TEAM_MEETING } from './live-round.js';

// The camps whose staff work the live round on the first day: a team of each (the team officer's own), its council
// and warden, then each unit up the chain. Thanh Xuân's list goes as far as the Advisory Council; the Military Region
// 7 camp's list reaches the appraisal team after the team has sent the first one on.
interface CampStaff {
  teamOfficer: string;
  councilMember: string;
  warden: string;
  chain: string[];
}

const FIRST_WAVE: CampStaff = {
  teamOfficer: 'quangiao.tx',
  councilMember: 'hoidong.tx',
  warden: 'giamthi.tx',
  chain: ['c10.canbo', 'bocongan.canbo'],
};
const SECOND_WAVE: CampStaff = {
  teamOfficer: 'quangiao.qk7',
  councilMember: 'hoidong.qk7',
  warden: 'giamthi.qk7',
  chain: ['qk7.canbo', 'boquocphong.canbo'],
};
const APPRAISERS = ['thamdinh.ca', 'thamdinh.qp', 'thamdinh.tand', 'thamdinh.vks', 'thamdinh.mttq'];
const STANDING_OFFICER = 'thuongtruc.hdtvdx';

interface Head {
  id: string;
  version: number;
  stage: Stage;
  applicationDate: string | null;
  outcome: string | null;
}

export interface LiveProgress {
  byStage: Partial<Record<Stage, number>>;
  councilListId: string;
}

function fail(step: string, detail: unknown): never {
  throw new Error(`Demo round, ${step}: ${detail instanceof Error ? detail.message : String(detail)}`);
}

// Walks the live round forward through the same services the pages and the API call, as the demo's staff, on the
// day the database is created (`today`): every change of stage goes through the transition table, with its history
// and audit rows. Deterministic for a given day: the dossiers are taken in inmate-number order.
export async function advanceLiveRound(
  app: INestApplicationContext,
  round: { id: string; deadlines: RoundDeadlines },
  today: string,
): Promise<LiveProgress> {
  const dataSource = app.get(DataSource);
  const auth = app.get(AuthRepository);
  const users = new Map<string, SessionUser>();
  const as = async (username: string): Promise<SessionUser> => {
    let user = users.get(username);
    if (!user) {
      const found = await auth.findByUsername(username);
      if (!found) fail('accounts', `no account ${username}`);
      const { passwordHash: _hash, active: _active, ...session } = found;
      user = session;
      users.set(username, user);
    }
    return user;
  };
  // The round's dossiers at a stage, under a camp's unit (a team, a facility) or anywhere for the national bodies.
  const heads = async (stage: Stage, under: SessionUser | null): Promise<Head[]> =>
    dataSource.query(
      `SELECT d.id, d.version, d.stage, d.application->>'date' AS "applicationDate",
              (SELECT e.outcome FROM eligibility_results e WHERE e.dossier_id = d.id
               ORDER BY e.evaluated_at DESC, e.id DESC LIMIT 1) AS outcome
       FROM dossiers d JOIN org_units u ON u.id = coalesce(d.team_id, d.facility_id)
       WHERE d.round_id = $1 AND d.stage = $2 AND u.path LIKE $3 || '%' ORDER BY d.inmate_number, d.id`,
      [round.id, stage, under?.orgUnitPath ?? '/'],
    );

  const campToWarden = async (staff: CampStaff): Promise<void> => {
    const officer = await as(staff.teamOfficer);
    // Applications filed in the window go to the team's meeting; one filed late or not at all stays at the team.
    const filed = (await heads(Stage.APPLICATION, officer)).filter(
      (h) => h.applicationDate && !checkApplicationDate(round.deadlines, h.applicationDate),
    );
    const events = app.get(DossierEventService);
    for (const h of filed)
      await events
        .fire(officer, h.id, { event: WorkflowEvent.SUBMIT_FOR_BALLOT, version: h.version })
        .catch((e) => fail('submit for ballot', e));
    // The team met yesterday on those who had applied by then; today's applications wait for its next meeting.
    const meetingDate = addDays(today, -1);
    const candidates = (await heads(Stage.TEAM_BALLOT, officer)).filter((h) => h.applicationDate! <= meetingDate);
    if (candidates.length === 0) return;
    // One person the engine finds ineligible is not put forward by the team's vote.
    const refused = candidates.find((h) => h.outcome === 'INELIGIBLE')?.id;
    await app
      .get(BallotService)
      .record(officer, {
        roundId: round.id,
        teamId: officer.orgUnitId,
        meetingDate,
        ...LIVE_TEAM_MEETING.turnout,
        candidates: candidates.map((h) => ({
          dossierId: h.id,
          version: h.version,
          ...(h.id === refused ? LIVE_TEAM_MEETING.notPutForward : LIVE_TEAM_MEETING.putForward),
        })),
      })
      .catch((e) => fail('team ballot', e));
    // The council decides on the engine's clear verdicts; the ones that need review wait for papers at the council.
    const council = await as(staff.councilMember);
    const decided = (await heads(Stage.CAMP_COUNCIL, council)).filter((h) => h.outcome !== 'NEEDS_REVIEW');
    if (decided.length > 0)
      await app
        .get(CampCouncilService)
        .decide(council, {
          meetingDate: today,
          decisions: decided.map((h) =>
            h.outcome === 'ELIGIBLE'
              ? { dossierId: h.id, version: h.version, eligible: true }
              : {
                  dossierId: h.id,
                  version: h.version,
                  eligible: false,
                  reasonCode: ReasonCode.CONDITIONS_NOT_MET,
                  reason: 'Hội đồng đối chiếu hồ sơ: chưa đủ điều kiện theo Điều 11, Điều 12 Luật Đặc xá.',
                },
          ),
        })
        .catch((e) => fail('camp council', e));
  };

  const postAndSend = async (staff: CampStaff): Promise<void> => {
    const warden = await as(staff.warden);
    const approved = await heads(Stage.WARDEN, warden);
    if (approved.length === 0) fail('camp list', `${staff.warden} has nothing to post`);
    const camp = app.get(CampListService);
    const posted = await camp
      .approveAndPost(warden, {
        roundId: round.id,
        postedOn: today,
        dossiers: approved.map((h) => ({ dossierId: h.id, version: h.version })),
      })
      .catch((e) => fail('camp list', e));
    await camp.submit(warden, posted.eligible.id).catch((e) => fail('camp list sent', e));
    // The warden notifies the competent procuracy of the list the same day, before it can reach the appraisal team
    // (Luật Đặc xá 2018, Điều 15, khoản 5).
    await app
      .get(ProcuracyNoticeService)
      .record(warden, { listId: posted.eligible.id, number: `${posted.eligible.code}/TB-VKS`, notifiedOn: today })
      .catch((e) => fail('procuracy notice', e));
  };

  const forward = async (username: string): Promise<string> => {
    const user = await as(username);
    const service = app.get(ForwardService);
    const pending = await service.pending(user, round.id);
    const sent = await service
      .forward(user, { token: pending.token, roundId: round.id })
      .catch((e) => fail(`${username} forwards`, e));
    return sent.listId;
  };

  await campToWarden(FIRST_WAVE);
  await postAndSend(FIRST_WAVE);
  for (const username of FIRST_WAVE.chain) await forward(username);
  // Each agency of the appraisal team agrees with every name of the first list before it goes to the standing body.
  const appraisal = app.get(AppraisalService);
  const atAppraisal = await heads(Stage.APPRAISAL, null);
  for (const username of APPRAISERS) {
    const appraiser = await as(username);
    for (const h of atAppraisal)
      await appraisal
        .opinion(appraiser, h.id, { opinion: AgencyOpinion.AGREE, note: 'Đủ điều kiện, hồ sơ đầy đủ.' })
        .catch((e) => fail('appraisal opinion', e));
  }
  await forward(APPRAISERS[0]);
  const councilListId = await forward(STANDING_OFFICER);
  // The second camp's list is at the appraisal team; its other teams' people are still at the team.
  await campToWarden(SECOND_WAVE);
  await postAndSend(SECOND_WAVE);
  for (const username of SECOND_WAVE.chain) await forward(username);

  const counts: { stage: Stage; n: number }[] = await dataSource.query(
    'SELECT stage, count(*)::int AS n FROM dossiers WHERE round_id = $1 GROUP BY stage',
    [round.id],
  );
  return { byStage: Object.fromEntries(counts.map((c) => [c.stage, c.n])), councilListId };
}
