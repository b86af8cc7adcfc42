import { Role } from '../../src/auth/user.entity.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { client, dossiersAtAppraisal, presetRound } from '../browser/support/pipeline.js';
import type { HttpClient } from '../support/http-client.js';
import { startIsolatedTestApp, type TestApp } from '../support/test-app.js';
import { formFields, rowIndex } from '../support/web-form.js';
import { Visitor } from '../support/web-visitor.js';

// An agency's opinion on a whole list at appraisal ("agree with all except …"), over the API and the page: one
// transaction, one audit row per dossier, a reason for each disagreement, a stale row refused by name.
describe("an agency's opinions on a whole list at appraisal", () => {
  let t: TestApp;
  let org: TestOrg;
  let appraiser: HttpClient;
  let ids: string[];
  let round: { id: string; code: string };
  const names = ['Lê Văn Cường', 'Phạm Thị Dung', 'Trần Văn Em'];

  const opinions = async (): Promise<{ dossier_id: string; opinion: string; note: string | null; version: number }[]> =>
    t.dataSource.query(
      'SELECT dossier_id, opinion, note, version FROM appraisal_opinions WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id',
      [ids],
    );
  const audits = async (): Promise<number> =>
    Number(
      (
        await t.dataSource.query(
          `SELECT count(*) AS n FROM audit_log WHERE action = 'appraisal.opinion' AND entity_id = ANY($1::text[])`,
          [ids],
        )
      )[0].n,
    );

  beforeAll(async () => {
    // A database of its own: the appraisers' page lists every dossier before the team, and "agree with all" sends
    // every row, so other suites' dossiers left at appraisal on the shared database would join the command.
    t = await startIsolatedTestApp();
    org = await createTestOrg(t.dataSource);
    round = await presetRound(t, org);
    ids = await dossiersAtAppraisal(t, org, round, names);
    appraiser = await client(t, org.users[Role.APPRAISER]);
  }, 180_000);
  afterAll(() => t.close());

  it('refuses a disagreement without its reason on its row and writes nothing', async () => {
    const res = await appraiser.put('/api/appraisal/opinions', {
      opinions: [
        { dossierId: ids[0], opinion: 'agree' },
        { dossierId: ids[1], opinion: 'disagree', note: 'Sai' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'opinions[1].note', code: 'reasonRequired' })]);
    expect(res.body.errors[0].message).toContain('Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3');
    expect(await opinions()).toEqual([]);
  });

  it('records every opinion in one command with one audit row per dossier', async () => {
    const res = await appraiser.put('/api/appraisal/opinions', {
      opinions: [
        { dossierId: ids[0], opinion: 'agree' },
        { dossierId: ids[1], opinion: 'disagree', note: 'Chưa bồi thường xong theo bản án.' },
        { dossierId: ids[2], opinion: 'agree' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.opinions).toHaveLength(3);
    expect(res.body.opinions.every((o: { agency: string }) => o.agency === 'VKSND_TOI_CAO')).toBe(true);
    const stored = new Map((await opinions()).map((o) => [o.dossier_id, o]));
    expect(stored.get(ids[1])).toMatchObject({ opinion: 'disagree', note: 'Chưa bồi thường xong theo bản án.' });
    expect(stored.get(ids[0])).toMatchObject({ opinion: 'agree', version: 1 });
    expect(await audits()).toBe(3);
  });

  it('refuses a list where one opinion changed since it was read, naming that person, and writes none', async () => {
    const res = await appraiser.put('/api/appraisal/opinions', {
      opinions: [
        { dossierId: ids[0], opinion: 'needs_supplement', note: 'Thiếu bản sao bản án.', version: 1 },
        // Read before the previous command: no version, as for a first opinion.
        { dossierId: ids[2], opinion: 'disagree', note: 'Đang bị truy cứu về hành vi khác.' },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_VERSION');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'opinions[1].version' })]);
    expect(res.body.errors[0].message).toContain(names[2]);
    expect((await opinions()).map((o) => o.version)).toEqual([1, 1, 1]);
    expect(await audits()).toBe(3);
  });

  it('refuses a name that is not before the appraisal team on its row', async () => {
    const res = await appraiser.put('/api/appraisal/opinions', {
      opinions: [{ dossierId: '00000000-0000-4000-8000-000000000000', opinion: 'agree' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'opinions[0].dossierId', code: 'notUnderAppraisal' });
  });

  it('refuses an opinion on a dossier whose list has not reached the appraisal team, naming its row, and writes none', async () => {
    const officer = await client(t, org.users[Role.TEAM_OFFICER]);
    const filed = await officer.post(
      '/api/dossiers',
      buildDossier({ roundCode: round.code, facilityCode: org.facility.code, teamCode: org.team.code }),
    );
    expect(filed.status).toBe(201);
    const before = await opinions();
    const res = await appraiser.put('/api/appraisal/opinions', {
      opinions: [
        { dossierId: ids[0], opinion: 'agree', version: 1 },
        { dossierId: filed.body.id, opinion: 'agree' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'opinions[1].dossierId',
        code: 'notUnderAppraisal',
        message: 'Không tìm thấy hồ sơ này ở bước thẩm định liên ngành.',
      }),
    ]);
    expect(await opinions()).toEqual(before);
    expect(await audits()).toBe(3);
  });

  it('lets the page agree with all but the ticked exceptions, with each refusal on its row and the ticks kept', async () => {
    const web = new Visitor(t.baseUrl);
    expect((await web.login(org.users[Role.APPRAISER])).status).toBe(303);
    const html = await (await web.send('GET', '/appraisal')).text();
    const fields = formFields(html, 'opinions');
    // The stored disagreement comes back ticked with its reason.
    const dung = rowIndex(fields, ids[1]);
    expect(fields[`rows[${dung}][except]`]).toBe('1');
    expect(html).toContain('Chưa bồi thường xong theo bản án.');

    // Cường becomes an exception without a reason: refused on his row, nothing written, his tick kept.
    const cuong = rowIndex(fields, ids[0]);
    const typed = {
      ...fields,
      [`rows[${dung}][note]`]: 'Chưa bồi thường xong theo bản án.',
      [`rows[${dung}][opinion]`]: 'disagree',
      [`rows[${cuong}][except]`]: '1',
      [`rows[${cuong}][opinion]`]: 'needs_supplement',
    };
    const refused = await web.send('POST', '/appraisal/opinions', typed);
    expect(refused.status).toBe(400);
    const page = await refused.text();
    const row = new RegExp(`<tr id="opinion-${ids[0]}" class="invalid">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
    expect(row).toContain('phải ghi rõ lý do');
    expect(formFields(page, 'opinions')[`rows[${cuong}][except]`]).toBe('1');
    expect(await audits()).toBe(3);

    // With the reason, only the changed row is sent: one more audit row.
    const done = await web.send('POST', '/appraisal/opinions', {
      ...typed,
      [`rows[${cuong}][note]`]: 'Thiếu bản sao bản án có chứng thực.',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/appraisal?msg=opinions');
    expect((await opinions()).find((o) => o.dossier_id === ids[0])).toMatchObject({
      opinion: 'needs_supplement',
      version: 2,
    });
    expect(await audits()).toBe(4);
  });
});
