import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthRepository } from '../../src/auth/auth.repository.js';
import type { SessionUser } from '../../src/auth/session-user.js';
import { AgencyOpinion } from '../../src/workflow/core/appraisal.js';
import { checkApplicationDate, type RoundDeadlines } from '../../src/workflow/core/deadlines.js';
import { ReasonCode } from '../../src/workflow/core/reason-codes.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { OPINIONS_PER_REQUEST } from '../../src/workflow/appraisal/appraisal.dto.js';
import { AppraisalService } from '../../src/workflow/appraisal/appraisal.service.js';
import { BallotSubmissionService } from '../../src/workflow/ballots/ballot-submission.service.js';
import { BallotService } from '../../src/workflow/ballots/ballot.service.js';
import type { TeamMeetingDto } from '../../src/workflow/ballots/ballot.dto.js';
import { CampCouncilService } from '../../src/workflow/camp/camp-council.service.js';
import { CampListService } from '../../src/workflow/camp/camp-list.service.js';
import { BULK_ROWS_PER_REQUEST } from '../../src/workflow/common/bulk-rows.js';
import { ForwardService } from '../../src/workflow/lists/forward.service.js';
import { ProcuracyNoticeService } from '../../src/workflow/procuracy/procuracy-notice.service.js';

// The steps of a round's staff, each through the same service the pages and the API call, so that every change of
// stage goes through the transition table with its history and audit rows. Shared by the living demo (its staff walk
// the live round forward on the day the database is created) and the national dry run (`npm run bench:round`).

export interface WalkHead {
  id: string;
  version: number;
  stage: Stage;
  applicationDate: string | null;
  outcome: string | null;
}

// How a team meets: the turnout and count of its secret ballot, the votes and officer's opinion of a person put
// forward and of one not (the living demo's are `LIVE_TEAM_MEETING`).
export interface TeamMeetingFigures {
  turnout: Omit<TeamMeetingDto, 'roundId' | 'teamId' | 'meetingDate' | 'candidates' | 'record'>;
  putForward: { votesFor: number; votesAgainst: number; votesBlank: number; officerOpinion: string };
  notPutForward: { votesFor: number; votesAgainst: number; votesBlank: number; officerOpinion: string };
  // Hour, place and secretary of the meeting as its minutes record them.
  record?: TeamMeetingDto['record'];
}

export class RoundWalk {
  private readonly dataSource: DataSource;
  private readonly users = new Map<string, SessionUser>();

  constructor(
    private readonly app: INestApplicationContext,
    readonly round: { id: string; deadlines: RoundDeadlines },
    // Names the walk in the message of a step that failed ("Demo round", "Dry run").
    private readonly label: string,
  ) {
    this.dataSource = app.get(DataSource);
  }

  fail(step: string, detail: unknown): never {
    throw new Error(`${this.label}, ${step}: ${detail instanceof Error ? detail.message : String(detail)}`);
  }

  async as(username: string): Promise<SessionUser> {
    let user = this.users.get(username);
    if (!user) {
      const found = await this.app.get(AuthRepository).findByUsername(username);
      if (!found) this.fail('accounts', `no account ${username}`);
      const { passwordHash: _hash, active: _active, ...session } = found;
      user = session;
      this.users.set(username, user);
    }
    return user;
  }

  // The round's dossiers at a stage, under a camp's unit (a team, a facility) or anywhere for the national bodies,
  // with the engine's latest verdict. Deterministic: in inmate-number order. A unit's dossiers are found through the
  // units under it (a team's by its id, a camp's by its facility), so a walk of every team reads each team's dossiers
  // and not the whole stage each time.
  async heads(stage: Stage, under: SessionUser | null): Promise<WalkHead[]> {
    const units: string[] | null = under
      ? (
          (await this.dataSource.query(`SELECT id FROM org_units WHERE path LIKE $1 || '%'`, [under.orgUnitPath])) as {
            id: string;
          }[]
        ).map((u) => u.id)
      : null;
    return this.dataSource.query(
      `SELECT d.id, d.version, d.stage, d.application->>'date' AS "applicationDate",
              (SELECT e.outcome FROM eligibility_results e WHERE e.dossier_id = d.id
               ORDER BY e.evaluated_at DESC, e.id DESC LIMIT 1) AS outcome
       FROM dossiers d
       WHERE d.round_id = $1 AND d.stage = $2
         ${units ? 'AND (d.team_id = ANY($3::uuid[]) OR (d.team_id IS NULL AND d.facility_id = ANY($3::uuid[])))' : ''}
       ORDER BY d.inmate_number, d.id`,
      units ? [this.round.id, stage, units] : [this.round.id, stage],
    );
  }

  // Applications filed in the window go to the team's meeting together, as the team's page sends them (one command
  // per `BULK_ROWS_PER_REQUEST` names); one filed late or not at all stays at the team.
  async submitFiled(officer: SessionUser): Promise<number> {
    const filed = (await this.heads(Stage.APPLICATION, officer)).filter(
      (h) => h.applicationDate && !checkApplicationDate(this.round.deadlines, h.applicationDate),
    );
    const submissions = this.app.get(BallotSubmissionService);
    for (const part of chunks(filed, BULK_ROWS_PER_REQUEST))
      await submissions
        .submit(officer, { dossiers: part.map((h) => ({ dossierId: h.id, version: h.version })) })
        .catch((e) => this.fail('submit for ballot', e));
    return filed.length;
  }

  // The team's meeting on those who had applied by `meetingDate`, with the turnout and votes of `meeting`: one person
  // the engine finds ineligible is not put forward by the vote. Returns how many were voted on.
  async teamMeeting(officer: SessionUser, meetingDate: string, meeting: TeamMeetingFigures): Promise<number> {
    const candidates = (await this.heads(Stage.TEAM_BALLOT, officer)).filter((h) => h.applicationDate! <= meetingDate);
    if (candidates.length === 0) return 0;
    const refused = candidates.find((h) => h.outcome === 'INELIGIBLE')?.id;
    await this.app
      .get(BallotService)
      .record(officer, {
        roundId: this.round.id,
        teamId: officer.orgUnitId,
        meetingDate,
        ...meeting.turnout,
        record: meeting.record,
        candidates: candidates.map((h) => ({
          dossierId: h.id,
          version: h.version,
          ...(h.id === refused ? meeting.notPutForward : meeting.putForward),
        })),
      })
      .catch((e) => this.fail('team ballot', e));
    return candidates.length;
  }

  // The camp council decides on the engine's clear verdicts; the ones that need review wait for papers at the council.
  async councilDecides(council: SessionUser, meetingDate: string): Promise<number> {
    const decided = (await this.heads(Stage.CAMP_COUNCIL, council)).filter((h) => h.outcome !== 'NEEDS_REVIEW');
    if (decided.length > 0)
      await this.app
        .get(CampCouncilService)
        .decide(council, {
          meetingDate,
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
        .catch((e) => this.fail('camp council', e));
    return decided.length;
  }

  // The warden approves the council's lists, posts them at the camp and sends the eligible one up.
  async postAndSend(warden: SessionUser, postedOn: string): Promise<{ listId: string; code: string; names: number }> {
    const approved = await this.heads(Stage.WARDEN, warden);
    if (approved.length === 0) this.fail('camp list', `${warden.username} has nothing to post`);
    const camp = this.app.get(CampListService);
    const posted = await camp
      .approveAndPost(warden, {
        roundId: this.round.id,
        postedOn,
        dossiers: approved.map((h) => ({ dossierId: h.id, version: h.version })),
      })
      .catch((e) => this.fail('camp list', e));
    await camp.submit(warden, posted.eligible.id).catch((e) => this.fail('camp list sent', e));
    return { listId: posted.eligible.id, code: posted.eligible.code, names: approved.length };
  }

  // The camp notifies the competent procuracy of its posted list (Luật Đặc xá 2018, Điều 15, khoản 5), without which
  // the list does not go on to the appraisal team.
  async notifyProcuracy(warden: SessionUser, listId: string, notifiedOn: string, number: string): Promise<void> {
    await this.app
      .get(ProcuracyNoticeService)
      .record(warden, { listId, number, notifiedOn })
      .catch((e) => this.fail('procuracy notice', e));
  }

  // A unit above the camp consolidates what it holds and sends it one hop up.
  async forward(user: SessionUser): Promise<{ listId: string; names: number }> {
    const service = this.app.get(ForwardService);
    const pending = await service.pending(user, this.round.id);
    const sent = await service
      .forward(user, { token: pending.token, roundId: this.round.id })
      .catch((e) => this.fail(`${user.username} forwards`, e));
    return { listId: sent.listId, names: sent.entryCount };
  }

  // Each agency of the appraisal team gives its opinion on each of `dossiers`, the whole list at once as the
  // appraisers' page sends it (one command per `OPINIONS_PER_REQUEST` names).
  async opinions(
    appraisers: readonly SessionUser[],
    dossiers: readonly string[],
    opinion: AgencyOpinion = AgencyOpinion.AGREE,
  ): Promise<number> {
    const appraisal = this.app.get(AppraisalService);
    for (const appraiser of appraisers)
      for (const part of chunks(dossiers, OPINIONS_PER_REQUEST))
        await appraisal
          .opinions(appraiser, {
            opinions: part.map((dossierId) => ({ dossierId, opinion, note: 'Đủ điều kiện, hồ sơ đầy đủ.' })),
          })
          .catch((e) => this.fail('appraisal opinion', e));
    return appraisers.length * dossiers.length;
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
