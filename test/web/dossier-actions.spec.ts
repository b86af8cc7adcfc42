import { Role } from '../../src/auth/user.entity.js';
import { eventsFor } from '../../src/workflow/core/decide-transition.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { firesAlone } from '../../src/workflow/history/dossier-event.service.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { Visitor } from '../support/web-visitor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { campOf, client, presetRound, walkCamp } from '../browser/support/pipeline.js';

// The actions of the dossier pages and the bulk tables: what the transition table gives the role, nothing else; many
// dossiers in one transaction through the one transition path; a refusal keeps what was typed.
describe('web pages: dossier actions from the transition table, one or many at a time', () => {
  let app: TestApp;
  let org: TestOrg;
  let round: { id: string; code: string };

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app.dataSource);
    round = await presetRound(app, org);
  });
  afterAll(() => app.close());

  async function nominate(names: string[]): Promise<{ id: string; version: number }[]> {
    const officer = await client(app, org.users[Role.TEAM_OFFICER]);
    const out = [];
    for (const fullName of names) {
      const created = await officer.post(
        '/api/dossiers',
        buildDossier({
          roundCode: round.code,
          facilityCode: org.facility.code,
          teamCode: org.team.code,
          person: { fullName },
        }),
      );
      if (created.status !== 201) throw new Error(`nominate: ${created.status} ${JSON.stringify(created.body)}`);
      out.push({ id: created.body.id, version: created.body.version });
    }
    return out;
  }

  async function visitor(role: Role | 'otherWarden'): Promise<{ v: Visitor; csrf: string }> {
    const v = new Visitor(app.baseUrl);
    await v.login(org.users[role]);
    return { v, csrf: await v.token() };
  }

  const stagesOf = async (ids: string[]) =>
    (
      (await app.dataSource.query('SELECT stage FROM dossiers WHERE id = ANY($1::uuid[])', [ids])) as {
        stage: string;
      }[]
    ).map((r) => r.stage);

  it('offers on a dossier page exactly the actions the table gives the role at its stage', async () => {
    const [dossier] = await nominate(['Trần Văn Bảng']);
    for (const role of [Role.TEAM_OFFICER, Role.WARDEN, Role.CAMP_COUNCIL_MEMBER, Role.DEPARTMENT_OFFICER]) {
      const { v } = await visitor(role);
      const html = await (await v.send('GET', `/dossiers/${dossier.id}`)).text();
      const offered = [...html.matchAll(/id="action-([a-z_]+)"/g)].map((m) => m[1]).sort();
      const allowed = eventsFor(Stage.APPLICATION, role).filter(firesAlone).sort();
      expect({ role, offered }).toEqual({ role, offered: allowed });
      expect(html).toContain(`phiên bản hồ sơ 1`);
    }
    const { v } = await visitor(Role.TEAM_OFFICER);
    const html = await (await v.send('GET', `/dossiers/${dossier.id}`)).text();
    expect(html).toContain('Đưa ra họp đội bình xét');
    expect(html).not.toContain('Gửi lại sau khi sửa chữa');
  });

  it('puts several candidates to the team meeting in one transaction, one history and audit row each', async () => {
    const dossiers = await nominate(['Lê Văn Một', 'Lê Văn Hai', 'Lê Văn Ba']);
    const { v, csrf } = await visitor(Role.TEAM_OFFICER);
    const form: Record<string, string> = {
      _csrf: csrf,
      event: 'submit_for_ballot',
      back: `/ballots?roundId=${round.id}&teamId=${org.team.id}`,
    };
    dossiers.forEach((d, i) => (form[`pick[${i}]`] = `${d.id}:${d.version}`));
    const res = await v.send('POST', '/dossiers/events', form);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/ballots?roundId=${round.id}&teamId=${org.team.id}&msg=submitted`);
    const ids = dossiers.map((d) => d.id);
    expect(await stagesOf(ids)).toEqual(['team_ballot', 'team_ballot', 'team_ballot']);
    const history = await app.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT xmin::text)::int AS transactions FROM workflow_history
       WHERE dossier_id = ANY($1::uuid[]) AND event = 'submit_for_ballot'`,
      [ids],
    );
    expect(history[0]).toEqual({ n: 3, transactions: 1 });
    const audit = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'workflow.submit_for_ballot' AND entity_id = ANY($1::text[])`,
      [ids],
    );
    expect(audit[0].n).toBe(3);
  });

  it('changes none of the chosen dossiers when one of them was changed meanwhile', async () => {
    const [fresh, stale] = await nominate(['Phan Văn Tư', 'Phan Văn Năm']);
    const { v, csrf } = await visitor(Role.TEAM_OFFICER);
    const res = await v.send('POST', '/dossiers/events', {
      _csrf: csrf,
      event: 'submit_for_ballot',
      back: '/ballots',
      'pick[0]': `${fresh.id}:${fresh.version}`,
      'pick[1]': `${stale.id}:${stale.version + 5}`,
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Quay lại trang trước');
    expect(await stagesOf([fresh.id, stale.id])).toEqual(['application', 'application']);

    const none = await v.send('POST', '/dossiers/events', { _csrf: csrf, event: 'submit_for_ballot' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Chưa chọn hồ sơ nào');
  });

  it('reopens a refused withdrawal with what was typed and the reason beside it, then records it', async () => {
    const [dossier] = await nominate(['Đỗ Văn Sáu']);
    const { v, csrf } = await visitor(Role.WARDEN);
    const refused = await v.send('POST', `/dossiers/${dossier.id}/events`, {
      _csrf: csrf,
      event: 'withdraw',
      version: String(dossier.version),
      reason: 'Rút',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/<details class="panel action" id="action-withdraw"\s+open/);
    expect(html).toContain('Phải ghi rõ lý do (ít nhất 5 ký tự).');
    expect(html).toMatch(/<textarea[^>]*name="reason"[^>]*>Rút<\/textarea>/);

    const done = await v.send('POST', `/dossiers/${dossier.id}/events`, {
      _csrf: csrf,
      event: 'withdraw',
      version: String(dossier.version),
      reason: 'Phạm nhân có đơn xin rút đề nghị ngày 20/07/2025.',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/dossiers/${dossier.id}?msg=withdrawn`);
    expect(await stagesOf([dossier.id])).toEqual(['withdrawn']);
  });

  it('lets the department return one dossier and take another off with a coded reason, then forward the rest', async () => {
    const camp = await walkCamp(app, campOf(org), round, ['Vũ Văn Bảy', 'Vũ Văn Tám', 'Vũ Văn Chín']);
    const [back, off, up] = camp.dossierIds;
    const { v, csrf } = await visitor(Role.DEPARTMENT_OFFICER);
    const page = await (await v.send('GET', `/lists?roundId=${round.id}`)).text();
    // The pending table offers a box per name and the table's own actions for the department.
    for (const id of camp.dossierIds) expect(page).toContain(`value="${id}:`);
    expect(page).toContain('<option value="send_back">');
    expect(page).toContain('<option value="remove">');
    expect(page).not.toContain('<option value="withdraw">');

    const version = async (id: string) =>
      (await app.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [id]))[0].version as number;
    const sent = await v.send('POST', '/dossiers/events', {
      _csrf: csrf,
      event: 'send_back',
      reason: 'Thiếu bản sao bản án phúc thẩm.',
      back: `/lists?roundId=${round.id}`,
      'pick[0]': `${back}:${await version(back)}`,
    });
    expect(sent.status).toBe(303);
    const dossierPage = await (await v.send('GET', `/dossiers/${off}`)).text();
    expect(dossierPage).toContain('id="action-remove"');
    expect(dossierPage).toContain(
      'Người được đề nghị rút đơn (Lựa chọn của hệ thống: Luật Đặc xá 2018 không quy định việc rút đơn',
    );
    const removed = await v.send('POST', `/dossiers/${off}/events`, {
      _csrf: csrf,
      event: 'remove',
      version: String(await version(off)),
      reasonCode: 'new_violation',
    });
    expect(removed.status).toBe(303);
    expect(await stagesOf([back])).toEqual(['correction']);
    expect(await stagesOf([off])).toEqual(['removed']);

    const pending = await (await v.send('GET', `/lists?roundId=${round.id}`)).text();
    const token = /name="token" value="([^"]+)"/.exec(pending)![1];
    const forwarded = await v.send('POST', '/lists/forward', { _csrf: csrf, token, roundId: round.id });
    expect(forwarded.status).toBe(303);
    expect(await stagesOf([up])).toEqual(['ministry']);
  });

  it('records a withdrawal above the camp as a removal coded "rút đơn", on one dossier and on many', async () => {
    const camp = await walkCamp(app, campOf(org), round, ['Kiều Văn Một', 'Kiều Văn Hai', 'Kiều Văn Ba']);
    const [one, ...many] = camp.dossierIds;
    const version = async (id: string) =>
      (await app.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [id]))[0].version as number;
    const department = await visitor(Role.DEPARTMENT_OFFICER);
    // The department cannot fire the withdrawal itself; its pages offer it as the coded removal.
    const page = await (await department.v.send('GET', `/dossiers/${one}`)).text();
    expect(page).toContain('id="action-remove-withdrawn"');
    expect(page).not.toContain('id="action-withdraw"');
    expect(await (await department.v.send('GET', `/lists?roundId=${round.id}`)).text()).toContain(
      '<option value="remove:withdrawn">Ghi nhận người được đề nghị rút đơn</option>',
    );
    const recorded = await department.v.send('POST', `/dossiers/${one}/events`, {
      _csrf: department.csrf,
      event: 'remove:withdrawn',
      version: String(await version(one)),
      reason: 'Trại giam báo phạm nhân có đơn rút đề nghị ngày 20/07/2025.',
    });
    expect(recorded.status).toBe(303);
    expect(recorded.headers.get('location')).toBe(`/dossiers/${one}?msg=withdrawn`);

    // The rest go up; the ministry records both withdrawals at once from its list of dossiers at its stage.
    const pending = await (await department.v.send('GET', `/lists?roundId=${round.id}`)).text();
    const token = /name="token" value="([^"]+)"/.exec(pending)![1];
    const forwarded = await department.v.send('POST', '/lists/forward', {
      _csrf: department.csrf,
      token,
      roundId: round.id,
    });
    expect(forwarded.status).toBe(303);
    const ministry = await visitor(Role.MINISTRY_OFFICER);
    const list = await (await ministry.v.send('GET', `/dossiers?stage=ministry&roundId=${round.id}`)).text();
    expect(list).toContain('<option value="remove:withdrawn">');
    const form: Record<string, string> = {
      _csrf: ministry.csrf,
      event: 'remove:withdrawn',
      // A code chosen in the table's select does not change what the withdrawal records.
      reasonCode: 'new_violation',
      back: '/dossiers?stage=ministry',
    };
    for (const [i, id] of many.entries()) form[`pick[${i}]`] = `${id}:${await version(id)}`;
    const bulk = await ministry.v.send('POST', '/dossiers/events', form);
    expect(bulk.status).toBe(303);
    expect(bulk.headers.get('location')).toBe('/dossiers?stage=ministry&msg=withdrawn');

    const history = await app.dataSource.query(
      `SELECT from_stage, to_stage, reason_code, count(DISTINCT xmin::text)::int AS transactions FROM workflow_history
        WHERE dossier_id = ANY($1::uuid[]) AND event = 'remove' GROUP BY from_stage, to_stage, reason_code ORDER BY from_stage`,
      [camp.dossierIds],
    );
    expect(history).toEqual([
      { from_stage: 'department', to_stage: 'removed', reason_code: 'withdrawn', transactions: 1 },
      { from_stage: 'ministry', to_stage: 'removed', reason_code: 'withdrawn', transactions: 1 },
    ]);
    const dispositions = await app.dataSource.query(
      `SELECT disposition, reason_code FROM list_dispositions
        WHERE dossier_id = ANY($1::uuid[]) AND disposition <> 'forwarded'`,
      [camp.dossierIds],
    );
    // Each list keeps the name accounted for, as taken off for withdrawal.
    expect(dispositions).toEqual(Array(3).fill({ disposition: 'removed', reason_code: 'withdrawn' }));
    const audit = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'workflow.remove' AND entity_id = ANY($1::text[])`,
      [camp.dossierIds],
    );
    expect(audit[0].n).toBe(3);
  });

  it('offers each document where its source is shown, to the unit that issues it', async () => {
    const camp = await walkCamp(app, campOf(org), round, ['Hồ Văn Mười']);
    const { v, csrf } = await visitor(Role.WARDEN);
    const list = await (await v.send('GET', `/lists/${camp.eligibleListId}`)).text();
    expect(list).toContain('value="eligible-list"');
    expect(list).toContain('value="council-minutes"');
    const dossier = await (await v.send('GET', `/dossiers/${camp.dossierIds[0]}`)).text();
    expect(dossier).toContain('value="proposal-sheet"');
    const requested = await v.send('POST', '/documents', {
      _csrf: csrf,
      kind: 'council-minutes',
      sourceType: 'list-snapshot',
      sourceId: camp.eligibleListId,
      back: `/lists/${camp.eligibleListId}`,
      number: '09/BB-HĐ',
      signerTitle: 'Giám thị',
      signerName: 'Nguyễn Văn Ký',
    });
    expect(requested.status).toBe(303);
    expect(requested.headers.get('location')).toMatch(/^\/documents\/jobs\/[0-9a-f-]{36}/);
    // The department reads the list but issues neither: no form is offered to it.
    const department = await visitor(Role.DEPARTMENT_OFFICER);
    const seen = await (await department.v.send('GET', `/lists/${camp.eligibleListId}`)).text();
    expect(seen).not.toContain('value="council-minutes"');
  });

  it('answers an unknown address with a Vietnamese page, not JSON', async () => {
    const { v } = await visitor(Role.WARDEN);
    const res = await v.send('GET', '/khong-co-trang-nay');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Không tìm thấy');
    expect(html).not.toContain('"statusCode"');
    const api = await fetch(`${app.baseUrl}/api/khong-co`, { headers: { accept: 'application/json' } });
    expect((await api.json()).code).toBe('NOT_FOUND');
  });
});
