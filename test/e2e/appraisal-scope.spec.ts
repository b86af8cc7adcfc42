import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { campOf, client, forwardUp, presetRound, walkCamp } from '../browser/support/pipeline.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Visitor } from '../support/web-visitor.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

// The appraisal team reviews both lists the Minister sends it, the names proposed as not eligible too (Luật Đặc xá
// 2018, Điều 16, khoản 1–2): ScopeService decides which dossiers those are, for the team's desk and for every other
// read, and a dossier outside the caller's scope answers 404 like one that does not exist.
describe('what the appraisal team may read and act on', () => {
  let t: TestApp;
  let org: TestOrg;
  // A camp of another ministry whose lists have not reached the team.
  let other: TestOrg;
  let round: { id: string; code: string };
  const at: { proposed: string; ineligible: string; otherProposed: string; otherIneligible: string } = {
    proposed: '',
    ineligible: '',
    otherProposed: '',
    otherIneligible: '',
  };
  let as: Record<string, HttpClient>;

  const stage = async (id: string): Promise<string> =>
    (await t.dataSource.query('SELECT stage FROM dossiers WHERE id = $1', [id]))[0].stage;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    other = await createTestOrg(t.dataSource);
    round = await presetRound(t, org);
    // Each camp's council finds its second name not eligible; only the first camp's lists are sent on.
    [at.proposed, at.ineligible] = (
      await walkCamp(t, campOf(org), round, ['Nguyễn Văn Bảy', 'Trần Thị Tám'], { councilIneligible: ['Trần Thị Tám'] })
    ).dossierIds;
    await forwardUp(t, [org.users[Role.DEPARTMENT_OFFICER], org.users[Role.MINISTRY_OFFICER]], round.id);
    [at.otherProposed, at.otherIneligible] = (
      await walkCamp(t, campOf(other), round, ['Lê Văn Chín', 'Phạm Thị Mười'], {
        councilIneligible: ['Phạm Thị Mười'],
        keepPosted: true,
      })
    ).dossierIds;
    as = {};
    for (const role of [Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER, Role.DEPARTMENT_OFFICER])
      as[role] = await client(t, org.users[role]);
    as.otherWarden = await client(t, org.users.otherWarden);
    as.otherTeamOfficer = await client(t, org.users.otherTeamOfficer);
    as.otherDepartment = await client(t, other.users[Role.DEPARTMENT_OFFICER]);
    as.otherCampCouncil = await client(t, other.users[Role.CAMP_COUNCIL_MEMBER]);
  }, 300_000);
  afterAll(() => t?.close());

  it('starts from a proposed name before the team and an ineligible name of the same camp’s lists', async () => {
    expect([await stage(at.proposed), await stage(at.ineligible)]).toEqual(['appraisal', 'camp_ineligible']);
    expect([await stage(at.otherProposed), await stage(at.otherIneligible)]).toEqual(['posted', 'camp_ineligible']);
    // The move to the team noted that the first camp's lists reached it, and only that camp's, once.
    const reached: { facility: string }[] = await t.dataSource.query(
      'SELECT facility_id AS facility FROM appraisal_reached WHERE round_id = $1',
      [round.id],
    );
    expect(reached).toEqual([{ facility: org.facility.id }]);
  });

  it('lets every national body read the name proposed as not eligible, on the team’s desk and on its page', async () => {
    for (const role of [Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER]) {
      const desk = await as[role].get(`/api/appraisal/dossiers/${at.ineligible}`);
      expect({ role, status: desk.status, stage: desk.body.stage }).toEqual({
        role,
        status: 200,
        stage: 'camp_ineligible',
      });
      const page = await as[role].get(`/api/dossiers/${at.ineligible}`);
      expect({ role, status: page.status }).toEqual({ role, status: 200 });
    }
    // The dossier's web page opens for the team as well.
    const web = new Visitor(t.baseUrl);
    expect((await web.login(org.users[Role.APPRAISER])).status).toBe(303);
    const page = await web.send('GET', `/dossiers/${at.ineligible}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Trần Thị Tám');
  });

  it('lets an appraiser give findings and opinions on it, one by one and on a whole list', async () => {
    const appraiser = as[Role.APPRAISER];
    const flag = await appraiser.post(`/api/appraisal/dossiers/${at.ineligible}/flags`, {
      field: 'person.birthDate',
      kind: 'content',
      message: 'Ngày sinh khác với bản án.',
    });
    expect(flag.status).toBe(201);
    const opinion = await appraiser.put(`/api/appraisal/dossiers/${at.ineligible}/opinion`, {
      opinion: 'agree',
    });
    expect(opinion.status).toBe(200);
    const many = await appraiser.put('/api/appraisal/opinions', {
      opinions: [
        { dossierId: at.proposed, opinion: 'agree' },
        { dossierId: at.ineligible, opinion: 'disagree', note: 'Hồ sơ cho thấy đủ điều kiện.', version: 1 },
      ],
    });
    expect(many.status).toBe(200);
    const stored = await t.dataSource.query(
      'SELECT dossier_id, opinion, version FROM appraisal_opinions WHERE dossier_id = ANY($1::uuid[]) ORDER BY version',
      [[at.proposed, at.ineligible]],
    );
    expect(stored).toEqual([
      { dossier_id: at.proposed, opinion: 'agree', version: 1 },
      { dossier_id: at.ineligible, opinion: 'disagree', version: 2 },
    ]);
    // The standing body settles the finding on the ineligible name: it may read that dossier.
    const resolved = await as[Role.COUNCIL_STANDING_OFFICER].post(`/api/appraisal/flags/${flag.body.id}/resolve`, {
      accept: false,
      reason: 'Ngày sinh đúng theo bản án phúc thẩm.',
      version: 1,
    });
    expect(resolved.status).toBe(200);
  });

  it('hides the name from a camp officer of another camp and another ministry’s department officer: 404', async () => {
    // Its own department reads it; the other camp of that department and the other ministry's units do not.
    expect((await as[Role.DEPARTMENT_OFFICER].get(`/api/dossiers/${at.ineligible}`)).status).toBe(200);
    for (const who of ['otherWarden', 'otherTeamOfficer', 'otherDepartment', 'otherCampCouncil']) {
      for (const id of [at.ineligible, at.proposed]) {
        const res = await as[who].get(`/api/dossiers/${id}`);
        expect({ who, id, status: res.status, code: res.body.code }).toEqual({
          who,
          id,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
    }
  });

  it('answers 404 to the team for the names of lists that have not reached it, as for a dossier that does not exist', async () => {
    const appraiser = as[Role.APPRAISER];
    const none = await appraiser.get(`/api/appraisal/dossiers/${NO_SUCH}`);
    expect(none.status).toBe(404);
    const answer = (res: { status: number; body: { code: string; message: string } }) => ({
      status: res.status,
      code: res.body.code,
      message: res.body.message,
    });
    for (const id of [at.otherIneligible, at.otherProposed]) {
      for (const res of [
        await appraiser.get(`/api/appraisal/dossiers/${id}`),
        await as[Role.COUNCIL_STANDING_OFFICER].get(`/api/appraisal/dossiers/${id}`),
        await appraiser.get(`/api/dossiers/${id}`),
        await appraiser.put(`/api/appraisal/dossiers/${id}/opinion`, { opinion: 'agree' }),
        await appraiser.post(`/api/appraisal/dossiers/${id}/flags`, {
          field: 'person.birthDate',
          kind: 'content',
          message: 'Ngày sinh khác với bản án.',
        }),
      ])
        expect(answer(res)).toEqual(answer(none));
      const many = await appraiser.put('/api/appraisal/opinions', { opinions: [{ dossierId: id, opinion: 'agree' }] });
      expect(many.status).toBe(400);
      expect(many.body.errors).toEqual([expect.objectContaining({ path: 'opinions[0].dossierId' })]);
    }
    const written = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM appraisal_opinions WHERE dossier_id = ANY($1::uuid[])',
      [[at.otherIneligible, at.otherProposed]],
    );
    expect(written).toEqual([{ n: 0 }]);
  });

  it('draws the team’s record over the names before it only: the other camp’s are not on it', async () => {
    const record = await as[Role.APPRAISER].post('/api/appraisal/records', { roundId: round.id });
    expect(record.status).toBe(201);
    const names = (side: { fullName: string }[]) => side.map((p) => p.fullName).sort();
    expect({
      eligible: names(record.body.content.eligible),
      ineligible: names(record.body.content.ineligible),
    }).toEqual({ eligible: ['Nguyễn Văn Bảy'], ineligible: ['Trần Thị Tám'] });
  });
});
