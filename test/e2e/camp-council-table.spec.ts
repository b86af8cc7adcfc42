import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { campOf, client, presetRound, toCampCouncil } from '../browser/support/pipeline.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { formFields, rowIndex } from '../support/web-form.js';
import { Visitor } from '../support/web-visitor.js';

// The camp council's decisions as one editable table: one row per candidate (decision, coded and written reason),
// saved in one command; a refusal or a row changed since the page was shown sits on its row, and nothing is saved.
describe("the camp council's decisions table", () => {
  let t: TestApp;
  let org: TestOrg;
  let round: { id: string; code: string };
  let ids: string[];
  const names = ['Đặng Văn Hòa', 'Ngô Thị Lan', 'Vũ Văn Minh'];
  const REASON = 'Hội đồng đã đối chiếu đủ giấy tờ trong hồ sơ.';

  const stages = async (): Promise<string[]> =>
    (await t.dataSource.query('SELECT id, stage FROM dossiers WHERE id = ANY($1::uuid[])', [ids]))
      .sort((a: { id: string }, b: { id: string }) => ids.indexOf(a.id) - ids.indexOf(b.id))
      .map((r: { stage: string }) => r.stage);
  const rowOf = (html: string, id: string) =>
    new RegExp(`<tr id="decision-${id}"[^>]*>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    round = await presetRound(t, org);
    ({ dossierIds: ids } = await toCampCouncil(t, campOf(org), round, names));
  }, 180_000);
  afterAll(() => t.close());

  it('keeps what was chosen and puts each refusal and each stale row on its row, saving nothing', async () => {
    const web = new Visitor(t.baseUrl);
    expect((await web.login(org.users[Role.CAMP_COUNCIL_MEMBER])).status).toBe(303);
    const page = await (await web.send('GET', `/camp/council?roundId=${round.id}`)).text();
    const fields = formFields(page, 'council-decisions');
    const [hoa, lan, minh] = ids.map((id) => rowIndex(fields, id, 'decisions'));
    const table = {
      ...fields,
      meetingDate: '15/07/2025',
      [`decisions[${hoa}][eligible]`]: 'true',
      [`decisions[${hoa}][reason]`]: REASON,
      // Ineligible with neither a coded nor a written reason.
      [`decisions[${lan}][eligible]`]: 'false',
      [`decisions[${minh}][eligible]`]: 'true',
      [`decisions[${minh}][reason]`]: REASON,
    };
    const refused = await web.send('POST', '/camp/council', table);
    // The transition table's own refusal: an ineligible decision needs its coded reason.
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(rowOf(html, ids[1])).toContain('class="invalid"');
    expect(rowOf(html, ids[1])).toContain('class="error"');
    expect(rowOf(html, ids[0])).not.toContain('class="invalid"');
    expect(formFields(html, 'council-decisions')[`decisions[${lan}][eligible]`]).toBe('false');
    expect(await stages()).toEqual(['camp_council', 'camp_council', 'camp_council']);

    // Meanwhile Minh is decided by another member: the table read his earlier version.
    const other = await client(t, org.users[Role.CAMP_COUNCIL_MEMBER]);
    const [{ version }] = await t.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [ids[2]]);
    const alone = await other.post('/api/camp-council/decisions', {
      decisions: [{ dossierId: ids[2], version, eligible: true, reason: REASON }],
    });
    expect(alone.status).toBe(200);
    const stale = await web.send('POST', '/camp/council', {
      ...table,
      [`decisions[${lan}][reasonCode]`]: 'conditions_not_met',
      [`decisions[${lan}][reason]`]: 'Chưa chấp hành đủ thời gian theo quy định.',
    });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    // Minh has left the table (the other member decided him); the refusal names him above it.
    expect(rowOf(staleHtml, ids[2])).toBe('');
    expect(/<p class="alert" role="alert">([^<]*)<\/p>/.exec(staleHtml)?.[1]).toContain(`Hồ sơ của ${names[2]}`);
    expect(await stages()).toEqual(['camp_council', 'camp_council', 'warden']);
  });

  it('saves the whole table in one command with one history and audit row per dossier', async () => {
    const web = new Visitor(t.baseUrl);
    await web.login(org.users[Role.CAMP_COUNCIL_MEMBER]);
    const fields = formFields(
      await (await web.send('GET', `/camp/council?roundId=${round.id}`)).text(),
      'council-decisions',
    );
    const [hoa, lan] = ids.slice(0, 2).map((id) => rowIndex(fields, id, 'decisions'));
    const saved = await web.send('POST', '/camp/council', {
      ...fields,
      meetingDate: '15/07/2025',
      [`decisions[${hoa}][eligible]`]: 'true',
      [`decisions[${hoa}][reason]`]: REASON,
      [`decisions[${lan}][eligible]`]: 'false',
      [`decisions[${lan}][reasonCode]`]: 'conditions_not_met',
      [`decisions[${lan}][reason]`]: 'Chưa chấp hành đủ thời gian theo quy định.',
    });
    expect(saved.status).toBe(303);
    expect(await stages()).toEqual(['warden', 'camp_ineligible', 'warden']);
    const audits = await t.dataSource.query(
      `SELECT entity_id FROM audit_log WHERE action IN ('workflow.council_eligible', 'workflow.council_ineligible')
        AND entity_id = ANY($1::text[])`,
      [ids],
    );
    expect(audits.map((a: { entity_id: string }) => a.entity_id).sort()).toEqual([...ids].sort());
  });

  it('answers 409 over the API naming each dossier changed since it was read, on its path', async () => {
    const member = await client(t, org.users[Role.CAMP_COUNCIL_MEMBER]);
    const res = await member.post('/api/camp-council/decisions', {
      decisions: [
        { dossierId: ids[0], version: 1, eligible: true, reason: REASON },
        { dossierId: ids[1], version: 1, eligible: true, reason: REASON },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(names[0]);
    expect(res.body.message).toContain(names[1]);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'decisions[0].version',
      'decisions[1].version',
    ]);
  });
});
