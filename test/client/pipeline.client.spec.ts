import { randomUUID } from 'node:crypto';
import { createOrg, dossierFor, startApp, type RunningApp, type TestOrgRefs } from './compiled-support.js';
import { apiClient, ResponseChecker, type ApiClient } from './validating-client.js';

// The pipeline from filing to the managing department, driven the way another agency's system would: through
// openapi-fetch with types generated from the served description. A renamed path, field or body fails the type check;
// an answer that differs from its documented schema fails the response checker.
describe('typed client: filing to the department through the published API', () => {
  let app: RunningApp;
  let org: TestOrgRefs;
  let password: string;
  let checker: ResponseChecker;
  const as: Record<string, ApiClient> = {};
  const ids: string[] = [];
  const versions = new Map<string, number>();

  const signIn = async (role: string) => {
    const anonymous = apiClient(app.baseUrl, checker);
    const { data, error } = await anonymous.POST('/api/auth/login', {
      body: { username: org.users[role], password },
    });
    if (!data) throw new Error(`login ${role}: ${JSON.stringify(error)}`);
    as[role] = apiClient(app.baseUrl, checker, data.token);
    expect(data.user.role).toBe(role);
  };

  beforeAll(async () => {
    app = await startApp();
    ({ org, password } = await createOrg(app));
    const spec = await (await fetch(`${app.baseUrl}/api/docs-json`)).json();
    checker = new ResponseChecker(spec);
    for (const role of ['TEAM_OFFICER', 'CAMP_COUNCIL_MEMBER', 'WARDEN', 'DEPARTMENT_OFFICER']) await signIn(role);
  });
  afterAll(() => app.close());
  afterEach(() => expect(checker.failures).toEqual([]));

  it('answers the errors it documents, in the one error shape', async () => {
    const anonymous = apiClient(app.baseUrl, checker);
    const unauthenticated = await anonymous.GET('/api/auth/me');
    expect(unauthenticated.response.status).toBe(401);
    expect(unauthenticated.error?.code).toBe('UNAUTHENTICATED');
    const invalid = await as.TEAM_OFFICER.POST('/api/team-meetings', {
      body: {
        roundId: org.roundId,
        teamId: org.team.id,
        meetingDate: '12/07/2025',
        membersPresent: 1,
        membersAbsent: 0,
        ballotsIssued: 1,
        ballotsReturned: 1,
        ballotsValid: 1,
        ballotsInvalid: 0,
        candidates: [],
      },
    });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.errors?.map((e) => e.path)).toEqual(['meetingDate', 'candidates']);
    expect(invalid.error?.errors?.[0].message).toBe('Trường "meetingDate" phải là ngày hợp lệ theo dạng YYYY-MM-DD.');
    const forbidden = await as.WARDEN.POST('/api/camp-council/decisions', {
      body: { decisions: [{ dossierId: randomUUID(), version: 1, eligible: true }] },
    });
    expect(forbidden.response.status).toBe(403);
    const missing = await as.WARDEN.GET('/api/dossiers/{id}', { params: { path: { id: randomUUID() } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.message).toBe('Không tìm thấy hồ sơ.');
  });

  it('files dossiers, holds the ballot and the camp council, posts and sends the camp list, and consolidates', async () => {
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình']) {
      const doc = await dossierFor({
        roundCode: org.roundCode,
        facilityCode: org.facility.code,
        teamCode: org.team.code,
        name,
      });
      const created = await as.TEAM_OFFICER.POST('/api/dossiers', { body: doc as never });
      expect(created.response.status).toBe(201);
      const { id, version } = created.data!;
      ids.push(id);
      const submitted = await as.TEAM_OFFICER.POST('/api/dossiers/{id}/events', {
        params: { path: { id } },
        body: { event: 'submit_for_ballot', version },
      });
      expect(submitted.data?.to).toBe('team_ballot');
      versions.set(id, submitted.data!.version);
    }

    const stale = await as.TEAM_OFFICER.POST('/api/dossiers/{id}/events', {
      params: { path: { id: ids[0] } },
      body: { event: 'withdraw', version: 1 },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.code).toBe('STALE_VERSION');

    const ballot = await as.TEAM_OFFICER.POST('/api/team-meetings', {
      body: {
        roundId: org.roundId,
        teamId: org.team.id,
        meetingDate: '2025-07-12',
        membersPresent: 20,
        membersAbsent: 0,
        ballotsIssued: 20,
        ballotsReturned: 20,
        ballotsValid: 20,
        ballotsInvalid: 0,
        candidates: ids.map((id) => ({
          dossierId: id,
          version: versions.get(id)!,
          votesFor: 15,
          votesAgainst: 4,
          votesBlank: 1,
          officerOpinion: 'Chấp hành tốt nội quy, đề nghị xét.',
        })),
      },
    });
    expect(ballot.response.status).toBe(201);
    expect(ballot.data?.outcomes.map((o) => o.passed)).toEqual([true, true]);
    ballot.data!.outcomes.forEach((o) => versions.set(o.dossierId, o.version));
    const meeting = await as.TEAM_OFFICER.GET('/api/team-meetings/{id}', {
      params: { path: { id: ballot.data!.meetingId } },
    });
    expect(meeting.data?.candidates).toHaveLength(2);

    const candidates = await as.CAMP_COUNCIL_MEMBER.GET('/api/camp-council/candidates', {
      params: { query: { roundId: org.roundId } },
    });
    expect(candidates.data?.map((c) => c.dossierId).sort()).toEqual([...ids].sort());
    const decided = await as.CAMP_COUNCIL_MEMBER.POST('/api/camp-council/decisions', {
      body: {
        decisions: ids.map((id) => ({
          dossierId: id,
          version: versions.get(id)!,
          eligible: true,
          reason: 'Đủ điều kiện theo hồ sơ; kết quả xét tự động chưa có vì đợt chưa đủ tham số.',
        })),
      },
    });
    expect(decided.response.status).toBe(200);
    decided.data!.forEach((d) => versions.set(d.dossierId, d.version));

    const posted = await as.WARDEN.POST('/api/camp-lists', {
      body: {
        roundId: org.roundId,
        postedOn: '2025-07-15',
        dossiers: ids.map((id) => ({ dossierId: id, version: versions.get(id)! })),
      },
    });
    expect(posted.response.status).toBe(201);
    expect(posted.data?.eligible.entryCount).toBe(2);
    const listId = posted.data!.eligible.id;
    const sent = await as.WARDEN.POST('/api/lists/{id}/submit', { params: { path: { id: listId } } });
    expect(sent.data?.recipientUnitId).toBe(org.department.id);

    const pending = await as.DEPARTMENT_OFFICER.GET('/api/lists/pending', {
      params: { query: { roundId: org.roundId } },
    });
    expect(pending.data?.count).toBe(2);
    const forwarded = await as.DEPARTMENT_OFFICER.POST('/api/lists/forward', {
      body: { token: pending.data!.token, roundId: org.roundId },
    });
    expect(forwarded.response.status).toBe(200);
    const list = await as.DEPARTMENT_OFFICER.GET('/api/lists/{id}', {
      params: { path: { id: forwarded.data!.listId } },
    });
    expect(list.data?.entries.map((e) => e.dossierId).sort()).toEqual([...ids].sort());
    const reconciliation = await as.DEPARTMENT_OFFICER.GET('/api/lists/{id}/reconciliation', {
      params: { path: { id: forwarded.data!.listId } },
    });
    expect(reconciliation.data?.namesIn).toBe(2);
    const lineage = await as.DEPARTMENT_OFFICER.GET('/api/lists/{id}/lineage', {
      params: { path: { id: forwarded.data!.listId } },
    });
    expect(lineage.data?.complete).toBe(2);
    const history = await as.TEAM_OFFICER.GET('/api/dossiers/{id}/history', { params: { path: { id: ids[0] } } });
    expect(history.data?.map((h) => h.event)).toEqual(expect.arrayContaining(['submit_for_ballot']));
    const queue = await as.DEPARTMENT_OFFICER.GET('/api/work-queue');
    expect(queue.response.status).toBe(200);
    const listed = await as.TEAM_OFFICER.GET('/api/dossiers', { params: { query: { roundCode: org.roundCode } } });
    expect(listed.data?.total).toBe(2);
  });

  it('checked every answer against its documented schema', () => {
    expect(checker.checked.length).toBeGreaterThan(20);
    expect(checker.failures).toEqual([]);
  });
});
