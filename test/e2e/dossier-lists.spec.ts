import { DEMO_PASSWORD } from '../../seeds/demo/accounts.js';
import { LIVE_ROUND_CODE } from '../../seeds/demo/live-round.js';
import { HttpClient } from '../support/http-client.js';
import { useDemoApp } from '../seeds/support/demo-app.js';

interface Item {
  id: string;
  fullName: string;
  inmateNumber: string;
  birthDate: string;
  facilityId: string;
  facilityName: string;
  teamName: string | null;
  stage: string;
  outcome: string | null;
  category: string | null;
  reliesOnUnverified: boolean;
  roundCode: string;
}

// The dossier lists at scale, on the demo (six Ministry of Public Security facilities whose teams share names, three
// rounds, verdicts from a real screening), through the HTTP application as the demo's own accounts.
describe('dossier lists: filters, sort, counts, URL state and scope', () => {
  const { state, rows } = useDemoApp('dossier_lists');
  const clients = new Map<string, HttpClient>();
  const as = async (username: string) => {
    let http = clients.get(username);
    if (!http) {
      http = new HttpClient(state.baseUrl);
      const res = await http.login(username, DEMO_PASSWORD);
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      clients.set(username, http);
    }
    return http;
  };
  const api = async (username: string, query: Record<string, string>) => {
    const res = await (await as(username)).get(`/api/dossiers?${new URLSearchParams(query)}`);
    expect(res.status).toBe(200);
    return res.body as {
      total: number;
      counts: Record<string, number>;
      items: Item[];
      next: string | null;
      prev: string | null;
    };
  };
  const page = async (username: string, path: string) => {
    const res = await (await as(username)).get(path);
    expect(res.status).toBe(200);
    return String(res.body);
  };
  const options = (html: string, select: string) => {
    const block = new RegExp(`<select id="${select}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
    return [...block.matchAll(/<option value="([^"]+)"( selected)?>([^<]*)</g)].map((m) => ({
      value: m[1],
      selected: !!m[2],
      label: m[3],
    }));
  };
  // Handlebars writes '=' in attributes as &#x3D;.
  const decode = (html: string | undefined) => html?.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
  const unit = async (code: string) => (await rows(`SELECT id, path FROM org_units WHERE code = $1`, [code]))[0];
  let liveRoundId: string;
  beforeAll(async () => {
    liveRoundId = (await rows(`SELECT id FROM rounds WHERE code = $1`, [LIVE_ROUND_CODE]))[0].id;
  });

  // What the ministry officer may read, counted independently of the list's own SQL.
  const ministryCount = async (extra = '', params: unknown[] = []) =>
    Number(
      (
        await rows(
          `SELECT count(*) AS n FROM dossiers d JOIN org_units f ON f.id = d.facility_id
           LEFT JOIN dossier_verdicts v ON v.dossier_id = d.id
           WHERE f.path LIKE (SELECT path FROM org_units WHERE code = 'BCA') || '%' ${extra}`,
          params,
        )
      )[0].n,
    );

  it('counts every dossier in scope, by verdict, and filters by round, stage, verdict and category', async () => {
    const all = await api('bocongan.canbo', {});
    expect(all.total).toBe(await ministryCount());
    expect(Object.values(all.counts).reduce((s, n) => s + n, 0)).toBe(all.total);
    expect(all.counts.ELIGIBLE).toBe(await ministryCount(`AND v.outcome = 'ELIGIBLE'`));

    const eligible = await api('bocongan.canbo', { roundId: liveRoundId, verdict: 'ELIGIBLE', pageSize: '500' });
    expect(eligible.total).toBe(await ministryCount(`AND d.round_id = $1 AND v.outcome = 'ELIGIBLE'`, [liveRoundId]));
    expect(eligible.items.length).toBe(eligible.total);
    expect(new Set(eligible.items.map((i) => i.outcome))).toEqual(new Set(['ELIGIBLE']));
    expect(new Set(eligible.items.map((i) => i.roundCode))).toEqual(new Set([LIVE_ROUND_CODE]));

    const ill = await api('bocongan.canbo', { roundId: liveRoundId, category: 'SERIOUS_ILLNESS' });
    expect(ill.total).toBeGreaterThan(0);
    expect(ill.items.every((i) => i.category === 'SERIOUS_ILLNESS')).toBe(true);

    const atCouncil = await api('bocongan.canbo', { roundId: liveRoundId, stage: 'camp_council' });
    expect(atCouncil.total).toBe(
      await ministryCount(`AND d.round_id = $1 AND d.stage = 'camp_council'`, [liveRoundId]),
    );
    expect(atCouncil.total).toBeGreaterThan(0);
  });

  it('filters on whether the verdict rests on values not checked against the source', async () => {
    const unverified = await api('bocongan.canbo', { roundId: liveRoundId, unverified: 'yes', pageSize: '500' });
    const verified = await api('bocongan.canbo', { roundId: liveRoundId, unverified: 'no', pageSize: '500' });
    expect(unverified.total).toBeGreaterThan(0);
    expect(unverified.items.every((i) => i.reliesOnUnverified)).toBe(true);
    expect(verified.items.every((i) => !i.reliesOnUnverified)).toBe(true);
    expect(unverified.total + verified.total).toBe((await api('bocongan.canbo', { roundId: liveRoundId })).total);
    // The flag is what the stored result says: the values it rests on are not none.
    const [{ n }] = await rows(
      `SELECT count(*)::int AS n FROM dossier_verdicts v JOIN eligibility_results e ON e.id = v.result_id
       WHERE v.relies_on_unverified <> (json_array_length(eligibility_relies_on(e.result)) > 0)`,
    );
    expect(n).toBe(0);
  });

  it('sorts by any column both ways and walks the pages by cursor without gaps or repeats', async () => {
    for (const sort of ['name', 'inmate', 'birth', 'facility', 'team', 'stage', 'verdict', 'category', 'round']) {
      const asc = await api('bocongan.canbo', { sort, dir: 'asc', pageSize: '500', roundId: liveRoundId });
      const desc = await api('bocongan.canbo', { sort, dir: 'desc', pageSize: '500', roundId: liveRoundId });
      expect(desc.items.map((i) => i.id)).toEqual(asc.items.map((i) => i.id).reverse());
    }
    const byBirth = await api('bocongan.canbo', { sort: 'birth', pageSize: '500', roundId: liveRoundId });
    const births = byBirth.items.map((i) => i.birthDate);
    expect(births).toEqual([...births].sort());

    const whole = (await api('bocongan.canbo', { sort: 'facility', pageSize: '500' })).items.map((i) => i.id);
    const walked: string[] = [];
    let query: Record<string, string> = { sort: 'facility', pageSize: '40' };
    for (let guard = 0; guard < 100; guard++) {
      const p = await api('bocongan.canbo', query);
      walked.push(...p.items.map((i) => i.id));
      if (!p.next) break;
      query = { sort: 'facility', pageSize: '40', after: p.next };
    }
    // The first 500 as one page, then every dossier in scope exactly once.
    expect(walked.slice(0, whole.length)).toEqual(whole);
    expect(walked.length).toBe((await api('bocongan.canbo', {})).total);
    expect(new Set(walked).size).toBe(walked.length);
  });

  it('sorts by facility as ordering by the facility name, then the id, would; forward and back', async () => {
    const query = { sort: 'facility', pageSize: '40' };
    const pages = [await api('bocongan.canbo', query)];
    while (pages.length < 30 && pages[pages.length - 1].next)
      pages.push(await api('bocongan.canbo', { ...query, after: pages[pages.length - 1].next! }));
    const walked = pages.flatMap((p) => p.items.map((i) => i.id));
    const ordered: { id: string }[] = await rows(
      `SELECT d.id FROM dossiers d JOIN org_units f ON f.id = d.facility_id WHERE d.id = ANY($1::uuid[])
       ORDER BY f.name, d.id`,
      [walked],
    );
    expect(walked).toEqual(ordered.map((r) => r.id));
    expect(new Set(pages.flatMap((p) => p.items.map((i) => i.facilityName))).size).toBeGreaterThan(1);
    // Back from each page gives the page before it.
    for (let i = 1; i < pages.length; i++) {
      const back = await api('bocongan.canbo', { ...query, before: pages[i].prev! });
      expect(back.items.map((item) => item.id)).toEqual(pages[i - 1].items.map((item) => item.id));
    }
  });

  it('offers teams only within the chosen facility, each label naming one team', async () => {
    const first = await page('bocongan.canbo', '/dossiers');
    const facilities = options(first, 'facilityId');
    expect(facilities.length).toBe(6);
    expect(new Set(facilities.map((f) => f.label)).size).toBe(facilities.length);
    expect(options(first, 'teamId')).toEqual([]);
    expect(first).toContain('Chọn trại để lọc theo phân trại, đội.');

    const tx = await unit('TG-THANH-XUAN');
    const chosen = await page('bocongan.canbo', `/dossiers?facilityId=${tx.id}`);
    const teams = options(chosen, 'teamId');
    const inTx: { id: string }[] = await rows(
      `SELECT id FROM org_units WHERE kind = 'TEAM' AND path LIKE $1 || '%' ORDER BY path`,
      [tx.path],
    );
    expect(teams.map((t) => t.value).sort()).toEqual(inTx.map((t) => t.id).sort());
    expect(new Set(teams.map((t) => t.label)).size).toBe(teams.length);
    const subCamps = options(chosen, 'subCampId');
    expect(subCamps.length).toBe(2);

    // A sub-camp narrows the teams, and a team from another facility is not taken.
    const narrowed = await page('bocongan.canbo', `/dossiers?facilityId=${tx.id}&subCampId=${subCamps[0].value}`);
    expect(options(narrowed, 'teamId').length).toBe(2);
    const other = await unit('TG-XUAN-LOC-PT1-D1');
    const foreign = await page('bocongan.canbo', `/dossiers?facilityId=${tx.id}&teamId=${other.id}`);
    expect(options(foreign, 'teamId').some((t) => t.selected)).toBe(false);
  });

  it('keeps the whole filter state in the URL: links, sort headers and pages carry it', async () => {
    const tx = await unit('TG-THANH-XUAN');
    const html = await page(
      'bocongan.canbo',
      `/dossiers?roundId=${liveRoundId}&facilityId=${tx.id}&verdict=NEEDS_REVIEW&sort=inmate&dir=desc`,
    );
    expect(options(html, 'verdict').find((o) => o.selected)?.value).toBe('NEEDS_REVIEW');
    expect(options(html, 'roundId').find((o) => o.selected)?.value).toBe(liveRoundId);
    const expected = await ministryCount(`AND d.round_id = $1 AND d.facility_id = $2 AND v.outcome = 'NEEDS_REVIEW'`, [
      liveRoundId,
      tx.id,
    ]);
    expect(html).toContain(`Tìm thấy ${expected.toLocaleString('vi-VN')} hồ sơ`);
    const next = decode(/href="([^"]*)" rel="next"/.exec(html)?.[1]);
    if (expected > 50) {
      expect(next).toBeDefined();
      const params = new URL(next!, state.baseUrl).searchParams;
      expect(params.get('verdict')).toBe('NEEDS_REVIEW');
      expect(params.get('facilityId')).toBe(tx.id);
      expect(params.get('sort')).toBe('inmate');
      expect(params.get('dir')).toBe('desc');
      const second = await page('bocongan.canbo', next!);
      expect(second).toContain('Trang 2/');
      expect(second).toContain('rel="prev"');
    }
    const header = /<th aria-sort="descending"><a href="([^"]+)">Số danh bản<\/a>/.exec(html)?.[1];
    expect(decode(header)).toContain('sort=inmate&dir=asc');
    expect(decode(header)).toContain('verdict=NEEDS_REVIEW');
  });

  it('shows each user only their scope, whatever the filters ask for', async () => {
    const warden = await api('giamthi.tx', { pageSize: '500' });
    const tx = await unit('TG-THANH-XUAN');
    expect(warden.total).toBe(
      Number((await rows(`SELECT count(*) AS n FROM dossiers WHERE facility_id = $1`, [tx.id]))[0].n),
    );
    expect(new Set(warden.items.map((i) => i.facilityId))).toEqual(new Set([tx.id]));
    const xl = await unit('TG-XUAN-LOC');
    expect((await api('giamthi.tx', { facilityId: xl.id })).total).toBe(0);
    // A warden's one facility is chosen for them: its teams are offered at once.
    const html = await page('giamthi.tx', '/dossiers');
    expect(options(html, 'facilityId')).toEqual([]);
    expect(options(html, 'teamId').length).toBe(4);

    const officer = await api('quangiao.tx', { pageSize: '500' });
    const team = await unit('TG-THANH-XUAN-PT1-D1');
    expect(officer.total).toBe(
      Number((await rows(`SELECT count(*) AS n FROM dossiers WHERE team_id = $1`, [team.id]))[0].n),
    );

    // The Ministry of Defence sees none of the Ministry of Public Security's dossiers.
    const defence = await api('boquocphong.canbo', { facilityId: tx.id });
    expect(defence.total).toBe(0);
  });

  it('refuses a forged cursor with a message a clerk can act on', async () => {
    const res = await (await as('bocongan.canbo')).get('/api/dossiers?after=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('vị trí trang không hợp lệ');
    const web = await (await as('bocongan.canbo')).get('/dossiers?after=bm90LWEtY3Vyc29y');
    expect(web.status).toBe(400);
  });
});
