import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { client } from '../browser/support/pipeline.js';
import { releasedPersons, type ReleasedPerson } from '../browser/support/release.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The commune's People's Committee or the military unit records the presentation of the certificate made to it (Luật
// Đặc xá 2018, Điều 20, khoản 2, điểm a), for the certificates that name it when issued; it reads nothing else.
describe('the commune or military unit records the presentation', () => {
  let t: TestApp;
  let org: TestOrg;
  let round: { id: string; code: string };
  let named: ReleasedPerson;
  let unnamed: ReleasedPerson;
  let local: HttpClient;
  let otherLocal: HttpClient;
  let warden: HttpClient;

  const stage = async (dossierId: string): Promise<string> =>
    (await t.dataSource.query('SELECT stage FROM dossiers WHERE id = $1', [dossierId]))[0].stage;
  const mine = async () =>
    (await local.get('/api/presentations')).body as {
      certificateId: string;
      version: number;
      dossierVersion: number;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    const walked = await releasedPersons(t, org, [
      { fullName: 'Trần Văn Hòa', presentationUnitId: org.localUnit.id },
      { fullName: 'Lý Thị Hạnh', presentationUnitId: null },
    ]);
    round = walked.round;
    [named, unnamed] = walked.released;
    local = await client(t, org.users[Role.LOCAL_UNIT_OFFICER]);
    otherLocal = await client(t, org.users.otherLocalOfficer);
    warden = await client(t, org.users[Role.WARDEN]);
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  it('names the commune on the certificate when released, and refuses a unit that is no commune, naming the field', async () => {
    const [row] = await t.dataSource.query('SELECT presentation_unit_id FROM amnesty_certificates WHERE id = $1', [
      named.certificateId,
    ]);
    expect(row.presentation_unit_id).toBe(org.localUnit.id);
    // The copy of Điều 18, khoản 4 for the commune goes to the one the certificate names.
    expect((await warden.get(`/api/certificates/${named.certificateId}`)).body.copiesDue).toContainEqual({
      recipient: 'COMMUNE_OR_UNIT',
      label: expect.any(String),
      addressee: 'Ủy ban nhân dân xã Tân Lập',
    });
    const c = (await warden.get(`/api/certificates/${unnamed.certificateId}`)).body;
    const refused = await warden.post(`/api/certificates/${unnamed.certificateId}/release`, {
      releasedOn: '2025-09-01',
      version: c.version,
      dossierVersion: c.dossierVersion,
      presentationUnitId: org.facility.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'presentationUnitId' })]);
  });

  it('lists to the commune only the persons its certificates name, with what the certificate shows', async () => {
    const rows = await mine();
    expect(rows).toEqual([
      expect.objectContaining({
        certificateId: named.certificateId,
        fullName: 'Trần Văn Hòa',
        releasedOn: '2025-09-01',
      }),
    ]);
    expect(Object.keys(rows[0]).sort()).toEqual(
      [
        'birthDate',
        'certificateId',
        'daysOverdue',
        'decisionDate',
        'decisionNumber',
        'dossierVersion',
        'dueDate',
        'fullName',
        'issuerName',
        'number',
        'overdue',
        'presentationRequired',
        'presentedOn',
        'releasedOn',
        'version',
      ].sort(),
    );
    expect((await otherLocal.get('/api/presentations')).body).toEqual([]);
    // Nothing of the dossier: not the dossier, not the certificate's full record, not the dossier list.
    expect((await local.get(`/api/dossiers/${named.dossierId}`)).status).toBe(404);
    expect((await local.get(`/api/certificates/${named.certificateId}`)).status).toBe(403);
    const list = await local.get(`/api/dossiers?roundId=${round.id}`);
    expect(JSON.stringify(list.body)).not.toContain('Trần Văn Hòa');
  });

  it("puts the person past the round's period on the commune's work queue, and on no other commune's", async () => {
    const admin = await client(t, org.users[Role.ADMIN]);
    const current = (await admin.get(`/api/rounds/${round.code}`)).body;
    const period = { value: 10, source: 'Hướng dẫn của đợt thử nghiệm', confidence: 'V' };
    const changed = await admin.put(`/api/rounds/${round.code}`, {
      expectedVersion: current.version,
      parameters: {
        ...current.parameters,
        deadlines: { ...current.parameters.deadlines, certificatePresentationDays: period },
      },
    });
    expect(changed.status).toBe(200);
    expect(await mine()).toEqual([expect.objectContaining({ dueDate: '2025-09-11', overdue: true })]);
    const queue = (await local.get('/api/work-queue')).body;
    expect(queue.overduePresentations).toEqual([
      expect.objectContaining({ certificateId: named.certificateId, dueDate: '2025-09-11' }),
    ]);
    expect((await otherLocal.get('/api/work-queue')).body.overduePresentations).toEqual([]);
  });

  it("refuses another commune's officer, a person it is not named for and a date that is no date", async () => {
    const [row] = await mine();
    const body = { presentedOn: '2025-09-05', version: row.version, dossierVersion: row.dossierVersion };
    expect((await otherLocal.post(`/api/certificates/${named.certificateId}/presentation`, body)).status).toBe(404);
    expect((await local.post(`/api/certificates/${unnamed.certificateId}/presentation`, body)).status).toBe(404);
    const bad = await local.post(`/api/certificates/${named.certificateId}/presentation`, {
      ...body,
      presentedOn: '2025-02-31',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'presentedOn' })]);
    expect(await stage(named.dossierId)).toBe('released');
  });

  it('records the presentation once, in its own name; a stale or repeated record is 409', async () => {
    const [row] = await mine();
    const body = { presentedOn: '2025-09-05', version: row.version, dossierVersion: row.dossierVersion };
    const recorded = await local.post(`/api/certificates/${named.certificateId}/presentation`, {
      ...body,
      presentedTo: 'Một nơi khác',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ presentedOn: '2025-09-05', presentedTo: 'Ủy ban nhân dân xã Tân Lập' });
    expect(await stage(named.dossierId)).toBe('presented');
    expect((await local.post(`/api/certificates/${named.certificateId}/presentation`, body)).status).toBe(409);
    const again = await local.post(`/api/certificates/${named.certificateId}/presentation`, {
      ...body,
      version: recorded.body.version,
      dossierVersion: recorded.body.dossierVersion,
    });
    expect(again.status).toBe(409);
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'certificate.presentation' AND entity_id = $1`,
      [named.certificateId],
    );
    expect(audit.n).toBe(1);
    expect((await mine())[0]).toMatchObject({ presentedOn: '2025-09-05' });
    const summary = await (
      await client(t, org.users[Role.MINISTRY_OFFICER])
    ).get(`/api/rounds/${round.id}/certificate-presentations`);
    expect(summary.body).toMatchObject({ released: 2, presented: 1, notPresented: 1 });
    expect(summary.body.people).toEqual([
      expect.objectContaining({ fullName: 'Lý Thị Hạnh', presentedOn: null, presentationUnitName: null }),
      expect.objectContaining({ fullName: 'Trần Văn Hòa', presentationUnitName: 'Ủy ban nhân dân xã Tân Lập' }),
    ]);
  });

  it('leaves the camp to record where the certificate names no commune with an account', async () => {
    const c = (await warden.get(`/api/certificates/${unnamed.certificateId}`)).body;
    const body = { presentedOn: '2025-09-06', version: c.version, dossierVersion: c.dossierVersion };
    const nameless = await warden.post(`/api/certificates/${unnamed.certificateId}/presentation`, body);
    expect(nameless.status).toBe(400);
    expect(nameless.body.errors).toEqual([expect.objectContaining({ path: 'presentedTo' })]);
    const recorded = await warden.post(`/api/certificates/${unnamed.certificateId}/presentation`, {
      ...body,
      presentedTo: 'Ủy ban nhân dân phường Kim Liên',
    });
    expect(recorded.status).toBe(200);
    expect(await stage(unnamed.dossierId)).toBe('presented');
  });
});
