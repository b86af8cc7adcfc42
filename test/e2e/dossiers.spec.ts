import { Role } from '../../src/auth/user.entity.js';
import { dossierToFacts } from '../../src/eligibility/dossier-to-facts.js';
import { FACTS_FORMAT } from '../../src/eligibility/stored-facts.js';
import { buildDossier, buildRichDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('dossier exchange format over HTTP', () => {
  let t: TestApp;
  let org: TestOrg;
  let officer: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    officer = new HttpClient(t.baseUrl);
    expect((await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD)).status).toBe(200);
  });
  afterAll(() => t.close());

  it('round-trips import → export → import without losing anything', async () => {
    const original = buildRichDossier({
      roundCode: org.roundCode,
      facilityCode: org.facility.code,
      teamCode: org.team.code,
    });
    const created = await officer.post('/api/dossiers', original);
    expect(created.status).toBe(201);
    const exported = await officer.get(`/api/dossiers/${created.body.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).toEqual(JSON.parse(JSON.stringify(original)));

    const again = await officer.post('/api/dossiers', { ...exported.body, inmateNumber: `${original.inmateNumber}-2` });
    expect(again.status).toBe(201);
    const reexported = await officer.get(`/api/dossiers/${again.body.id}/export`);
    expect({ ...reexported.body, inmateNumber: original.inmateNumber }).toEqual(exported.body);
  });

  it('refuses bad input with every field path and a Vietnamese message', async () => {
    const bad = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code });
    (bad.person as { birthDate: string }).birthDate = '1985-02-30';
    (bad.judgments[0].offences[0] as { article: unknown }).article = 'một trăm';
    (bad as unknown as { extra: number }).extra = 1;
    const result = await officer.post('/api/dossiers', bad);
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    const paths = result.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['person.birthDate', 'judgments[0].offences[0].article', 'extra']));
    const birth = result.body.errors.find((e: { path: string }) => e.path === 'person.birthDate');
    expect(birth.message).toContain('ngày sinh');
  });

  it('refuses a misspelt details key and an unknown code with a 400 naming each', async () => {
    const bad = buildDossier({
      roundCode: org.roundCode,
      facilityCode: org.facility.code,
      specialCircumstances: [
        {
          category: 'FAMILY_HARDSHIP_SOLE_BREADWINNER' as never,
          details: { cause: 'BUSINESS_FAILURE', soleWorkr: true },
          evidence: [],
        },
      ],
    });
    const result = await officer.post('/api/dossiers', bad);
    expect(result.status).toBe(400);
    const byPath = Object.fromEntries(
      result.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    );
    expect(Object.keys(byPath).sort()).toEqual([
      'specialCircumstances[0].details.cause',
      'specialCircumstances[0].details.soleWorkr',
    ]);
    expect(byPath['specialCircumstances[0].details.cause']).toContain('RELATIVE_SERIOUSLY_ILL');
    expect(byPath['specialCircumstances[0].details.soleWorkr']).toContain('soleWorker');
  });

  it('imports a batch all or nothing and names each bad record', async () => {
    const good = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });
    const badAmounts = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code });
    badAmounts.obligations[0].amountPaid = badAmounts.obligations[0].amountDue + 1;
    const foreign = buildDossier({ roundCode: org.roundCode, facilityCode: org.otherFacility.code });
    const rejected = await officer.post('/api/dossiers:batch', { records: [good, badAmounts, foreign] });
    expect(rejected.status).toBe(400);
    const paths = rejected.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['records[1].obligations[0].amountPaid', 'records[2].facilityCode']));
    expect(paths.some((p: string) => p.startsWith('records[0]'))).toBe(false);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM dossiers WHERE inmate_number = $1', [
      good.inmateNumber,
    ]);
    expect(n).toBe(0);

    const accepted = await officer.post('/api/dossiers:batch', {
      records: [
        good,
        buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code }),
      ],
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.created).toBe(2);
    const duplicate = await officer.post('/api/dossiers', good);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors[0].path).toBe('inmateNumber');
  });

  it('refuses a stale update with 409 and keeps every version', async () => {
    const doc = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });
    const created = await officer.post('/api/dossiers', doc);
    const first = await officer.put(`/api/dossiers/${created.body.id}`, {
      expectedVersion: 1,
      dossier: { ...doc, person: { ...doc.person, fullName: 'Nguyễn Văn Đức Anh' } },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await officer.put(`/api/dossiers/${created.body.id}`, { expectedVersion: 1, dossier: doc });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const current = await officer.get(`/api/dossiers/${created.body.id}`);
    expect(current.body.document.person.fullName).toBe('Nguyễn Văn Đức Anh');
    const versions = await t.dataSource.query(
      'SELECT version FROM dossier_versions WHERE dossier_id = $1 ORDER BY version',
      [created.body.id],
    );
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [
      created.body.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['dossier.create', 'dossier.update']);
  });

  it("stores the engine's facts of the latest version with each save, mapped from the saved document", async () => {
    const doc = buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code });
    const created = await officer.post('/api/dossiers', doc);
    expect(created.status).toBe(201);
    const storedFacts = async () => {
      const [row] = await t.dataSource.query(
        `SELECT f.version, f.format, f.facts, v.document FROM dossier_facts f
         JOIN dossier_versions v ON v.dossier_id = f.dossier_id AND v.version = f.version WHERE f.dossier_id = $1`,
        [created.body.id],
      );
      expect(JSON.parse(row.facts)).toEqual(JSON.parse(JSON.stringify(dossierToFacts(row.document))));
      return row;
    };
    const first = await storedFacts();
    expect(first).toMatchObject({ version: 1, format: FACTS_FORMAT });
    const saved = await officer.put(`/api/dossiers/${created.body.id}`, {
      expectedVersion: 1,
      dossier: { ...doc, person: { ...doc.person, birthDate: '1950-03-14' } },
    });
    expect(saved.status).toBe(200);
    const second = await storedFacts();
    expect(second.version).toBe(2);
    expect(JSON.parse(second.facts).person.birthDate).toBe('1950-03-14');
    expect(JSON.parse(first.facts).person.birthDate).not.toBe('1950-03-14');
  });

  it("hides another prison's dossiers behind 404", async () => {
    const created = await officer.post(
      '/api/dossiers',
      buildDossier({ roundCode: org.roundCode, facilityCode: org.facility.code, teamCode: org.team.code }),
    );
    const other = new HttpClient(t.baseUrl);
    await other.login(org.users.otherWarden, TEST_PASSWORD);
    expect((await other.get(`/api/dossiers/${created.body.id}`)).status).toBe(404);
    expect((await other.get(`/api/dossiers/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const listed = await other.get(`/api/dossiers?roundCode=${org.roundCode}`);
    expect(listed.body.items.find((d: { id: string }) => d.id === created.body.id)).toBeUndefined();
  });
});
