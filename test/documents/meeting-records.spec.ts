import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_USER_NAMES, type TestOrg } from '../factories/org.factory.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { downloadPdf, signIn, waitForJob } from './support/api-session.js';
import { extractPages, flatText } from './support/pdf-text.js';

// Minutes print what the meeting recorded — its hour, place, chair, secretary and members — never the person who
// asked for the PDF or the day it was printed; what was not recorded is left as a line to fill in by hand.
describe('minutes from the meeting as recorded', () => {
  let t: TestApp;
  let org: TestOrg;
  const as = {} as Record<
    Role.TEAM_OFFICER | Role.CAMP_COUNCIL_MEMBER | Role.WARDEN,
    { http: HttpClient; token: string }
  >;

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'amnesty-meetings-')) });
    org = await createTestOrg(t.dataSource);
    for (const role of [Role.TEAM_OFFICER, Role.CAMP_COUNCIL_MEMBER, Role.WARDEN] as const)
      as[role] = await signIn(t.baseUrl, org.users[role]);
  });
  afterAll(() => t.close());

  // Dossiers put to the team's ballot; answers their ids and current versions.
  async function candidates(names: string[]): Promise<{ dossierId: string; version: number }[]> {
    const out = [];
    for (const fullName of names) {
      const created = await as[Role.TEAM_OFFICER].http.post(
        '/api/dossiers',
        buildDossier({
          roundCode: org.roundCode,
          facilityCode: org.facility.code,
          teamCode: org.team.code,
          person: { fullName },
        }),
      );
      expect(created.status).toBe(201);
      const submitted = await as[Role.TEAM_OFFICER].http.post(`/api/dossiers/${created.body.id}/events`, {
        version: created.body.version,
        event: 'submit_for_ballot',
      });
      expect(submitted.status).toBe(200);
      out.push({ dossierId: created.body.id as string, version: submitted.body.version as number });
    }
    return out;
  }

  const meeting = (picked: { dossierId: string; version: number }[], extra: Record<string, unknown> = {}) =>
    as[Role.TEAM_OFFICER].http.post('/api/team-meetings', {
      roundId: org.roundId,
      teamId: org.team.id,
      meetingDate: '2025-07-12',
      membersPresent: 30,
      membersAbsent: 0,
      ballotsIssued: 30,
      ballotsReturned: 30,
      ballotsValid: 30,
      ballotsInvalid: 0,
      candidates: picked.map((c) => ({
        ...c,
        votesFor: 25,
        votesAgainst: 5,
        votesBlank: 0,
        officerOpinion: 'Chấp hành tốt nội quy',
      })),
      ...extra,
    });

  async function print(who: { http: HttpClient; token: string }, body: Record<string, unknown>): Promise<string> {
    const requested = await who.http.post('/api/documents', {
      signer: { title: 'Giám thị', name: 'Người Yêu Cầu In' },
      ...body,
    });
    expect(requested.status).toBe(202);
    expect(await waitForJob(who.http, requested.body.jobId)).toMatchObject({ state: 'completed', error: null });
    return flatText(await extractPages((await downloadPdf(t.baseUrl, who.token, requested.body.documentId)).bytes));
  }

  it('refuses a malformed meeting record, naming the field, and writes nothing', async () => {
    const picked = await candidates(['Đoàn Văn Lỗi']);
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM team_meetings WHERE team_id = $1', [
      org.team.id,
    ]);
    const bad = await meeting(picked, {
      record: { startedAt: '25:70', chair: { name: 'Nguyễn Văn Chủ' } },
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['record.startedAt', 'record.chair.title']));
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM team_meetings WHERE team_id = $1', [
      org.team.id,
    ]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('prints the team meeting with the chair, secretary, place and hour entered', async () => {
    const picked = await candidates(['Hà Văn Đủ', 'Kiều Thị Ngân']);
    const recorded = await meeting(picked, {
      record: {
        startedAt: '08:30',
        place: 'Hội trường phân trại số 2',
        chair: { name: 'Đại úy Phan Văn Chủ', title: 'Đội trưởng' },
        secretary: { name: 'Trung úy Lý Thị Ký', title: 'cán bộ quản giáo' },
      },
    });
    expect(recorded.status).toBe(201);
    const text = await print(as[Role.TEAM_OFFICER], {
      kind: 'team-minutes',
      sourceType: 'team-meeting',
      sourceId: recorded.body.meetingId,
      number: '07/BB-Đ1',
    });
    expect(text).toContain('Vào hồi 08 giờ 30 phút, ngày 12/07/2025, tại Hội trường phân trại số 2');
    expect(text).toContain('Chủ trì: Đại úy Phan Văn Chủ, Đội trưởng.');
    expect(text).toContain('Thư ký: Trung úy Lý Thị Ký, cán bộ quản giáo.');
    // The test round sets no threshold: the minutes say which one counted the votes, and that it is the service's.
    expect(text).toContain('Ngưỡng để được đề nghị: quá bán số phiếu hợp lệ (mặc định của hệ thống: đợt đặc xá chưa');
    // The person who asked for the PDF is neither chair nor secretary.
    expect(text).not.toContain('Người Yêu Cầu In');
    const [audit] = await t.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'ballot.record' AND entity_id = $1`,
      [recorded.body.meetingId],
    );
    expect(audit.after.record.secretary).toEqual({ name: 'Trung úy Lý Thị Ký', title: 'cán bộ quản giáo' });
  });

  it('leaves the secretary and hour to be filled in by hand when the meeting did not record them', async () => {
    const picked = await candidates(['Tạ Văn Trống']);
    const recorded = await meeting(picked);
    expect(recorded.status).toBe(201);
    const text = await print(as[Role.TEAM_OFFICER], {
      kind: 'team-minutes',
      sourceType: 'team-meeting',
      sourceId: recorded.body.meetingId,
      number: '08/BB-Đ1',
    });
    expect(text).toContain('Vào hồi …… giờ …… phút, ngày 12/07/2025');
    expect(text).toContain(`Chủ trì: ${TEST_USER_NAMES[Role.TEAM_OFFICER]}, cán bộ quản giáo.`);
    expect(text).toContain('Thư ký: ……………………');
    expect(text).not.toContain('Người Yêu Cầu In');
  });

  it('prints the camp council minutes with the meeting day, members and guests recorded with the decisions', async () => {
    const picked = await candidates(['Mạc Văn Hội', 'Ninh Thị Đồng']);
    const balloted = await meeting(picked);
    expect(balloted.status).toBe(201);
    const versions = new Map<string, number>(
      (balloted.body.outcomes as { dossierId: string; version: number }[]).map((o) => [o.dossierId, o.version]),
    );
    const record = {
      startedAt: '14:00',
      place: 'Phòng họp Ban Giám thị',
      chair: { name: 'Thượng tá Đinh Văn Tọa', title: 'Giám thị, Chủ tịch Hội đồng' },
      secretary: { name: 'Thiếu tá Âu Thị Biên', title: 'Ủy viên thư ký' },
      attendees: [
        { name: 'Thượng tá Đinh Văn Tọa', title: 'Giám thị' },
        { name: 'Trung tá Vi Văn Viên', title: 'Phó Giám thị' },
      ],
      observers: ['Kiểm sát viên Viện kiểm sát nhân dân tỉnh Ninh Bình'],
    };
    const decided = await as[Role.CAMP_COUNCIL_MEMBER].http.post('/api/camp-council/decisions', {
      meetingDate: '2025-07-14',
      record,
      decisions: picked.map((c) => ({
        dossierId: c.dossierId,
        version: versions.get(c.dossierId),
        eligible: true,
        reason: 'Đủ điều kiện theo kết quả bình xét của đội',
      })),
    });
    expect(decided.status).toBe(200);
    const stored = await t.dataSource.query(
      `SELECT to_char(meeting_date, 'YYYY-MM-DD') AS day, record FROM camp_council_meetings WHERE facility_id = $1`,
      [org.facility.id],
    );
    expect(stored).toEqual([{ day: '2025-07-14', record }]);

    const posted = await as[Role.WARDEN].http.post('/api/camp-lists', {
      roundId: org.roundId,
      postedOn: '2025-07-15',
      dossiers: (decided.body as { dossierId: string; version: number }[]).map((d) => ({
        dossierId: d.dossierId,
        version: d.version,
      })),
    });
    expect(posted.status).toBe(201);
    const text = await print(as[Role.WARDEN], {
      kind: 'council-minutes',
      sourceType: 'list-snapshot',
      sourceId: posted.body.eligible.id,
      number: '12/BB-HĐXĐX',
      date: '2025-07-20',
    });
    expect(text).toContain('Vào hồi 14 giờ 00 phút, ngày 14/07/2025, tại Phòng họp Ban Giám thị');
    expect(text).toContain('Chủ tọa: Thượng tá Đinh Văn Tọa, Giám thị, Chủ tịch Hội đồng.');
    expect(text).toContain('Thư ký: Thiếu tá Âu Thị Biên, Ủy viên thư ký.');
    expect(text).toContain('Trung tá Vi Văn Viên, Phó Giám thị');
    expect(text).toContain('Kiểm sát viên Viện kiểm sát nhân dân tỉnh Ninh Bình');
    expect(text).not.toContain('Người Yêu Cầu In, Giám thị');
  });

  it('corrects the council meeting record of the same day in the open, keeping what it replaced in the audit', async () => {
    const picked = await candidates(['Lò Văn Sửa', 'Vàng Thị Chữa']);
    const balloted = await meeting(picked);
    const outcomes = (balloted.body.outcomes as { dossierId: string; version: number }[]).map((o) => ({
      dossierId: o.dossierId,
      version: o.version,
      eligible: true,
      reason: 'Đủ điều kiện theo kết quả bình xét của đội',
    }));
    const decide = (decision: (typeof outcomes)[number], place: string) =>
      as[Role.CAMP_COUNCIL_MEMBER].http.post('/api/camp-council/decisions', {
        meetingDate: '2025-07-16',
        record: { place, secretary: { name: 'Thiếu tá Âu Thị Biên', title: 'Ủy viên thư ký' } },
        decisions: [decision],
      });
    expect((await decide(outcomes[0], 'Phòng họp nhỏ')).status).toBe(200);
    expect((await decide(outcomes[1], 'Hội trường lớn')).status).toBe(200);
    const rows = await t.dataSource.query(
      `SELECT record->>'place' AS place, version FROM camp_council_meetings WHERE facility_id = $1 AND meeting_date = '2025-07-16'`,
      [org.facility.id],
    );
    expect(rows).toEqual([{ place: 'Hội trường lớn', version: 2 }]);
    const [audit] = await t.dataSource.query(
      `SELECT before, after FROM audit_log WHERE action = 'camp_council.meeting_correct' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.before.record.place).toBe('Phòng họp nhỏ');
    expect(audit.after.record.place).toBe('Hội trường lớn');
  });
});
