import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays } from '../../src/kernel/calendar-date.js';
import type { RoundDeadlines } from '../../src/workflow/core/deadlines.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { RoundWalk } from '../common/round-walk.js';
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
const APPRAISERS = ['thamdinh.ca', 'thamdinh.qp', 'thamdinh.tand', 'thamdinh.vks', 'thamdinh.mttq', 'thamdinh.btp'];
const STANDING_OFFICER = 'thuongtruc.hdtvdx';

export interface LiveProgress {
  byStage: Partial<Record<Stage, number>>;
  councilListId: string;
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
  const walk = new RoundWalk(app, round, 'Demo round');
  const as = (username: string) => walk.as(username);

  const campToWarden = async (staff: CampStaff): Promise<void> => {
    const officer = await as(staff.teamOfficer);
    await walk.submitFiled(officer);
    // The team met yesterday on those who had applied by then; today's applications wait for its next meeting.
    if ((await walk.teamMeeting(officer, addDays(today, -1), LIVE_TEAM_MEETING)) === 0) return;
    await walk.councilDecides(await as(staff.councilMember), today);
  };

  // The warden posts the list, sends it up and notifies the procuracy the same day.
  const postAndSend = async (staff: CampStaff): Promise<void> => {
    const warden = await as(staff.warden);
    const sent = await walk.postAndSend(warden, today);
    await walk.notifyProcuracy(warden, sent.listId, today, `${sent.code}/TB-VKS`);
  };

  const forward = async (username: string): Promise<string> => (await walk.forward(await as(username))).listId;

  await campToWarden(FIRST_WAVE);
  await postAndSend(FIRST_WAVE);
  for (const username of FIRST_WAVE.chain) await forward(username);
  // Each agency of the appraisal team agrees with every name of the first list before it goes to the standing body.
  const atAppraisal = await walk.heads(Stage.APPRAISAL, null);
  await walk.opinions(
    await Promise.all(APPRAISERS.map(as)),
    atAppraisal.map((h) => h.id),
  );
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
