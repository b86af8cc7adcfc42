import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/user.entity.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { releasedPersons, type ReleasedPerson } from '../browser/support/release.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Visitor } from '../support/web-visitor.js';
import { downloadPdf, signIn, uploadPdf, waitForJob } from './support/api-session.js';
import { extractPages, flatText } from './support/pdf-text.js';

const SIGNER = { title: 'Giám thị trại giam', name: 'Nguyễn Văn Thành' };

// A camp issues the certificates of all its released persons in one command (Luật Đặc xá 2018, Điều 18, khoản 3):
// one page each, numbered in the camp's register, never twice for the same person.
describe('certificates issued per facility in one batch', () => {
  const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-batches-'));
  const signingDir = mkdtempSync(join(tmpdir(), 'amnesty-batches-signing-'));
  let t: TestApp;
  let org: TestOrg;
  let round: { id: string; code: string };
  let people: ReleasedPerson[];
  let warden: { http: HttpClient; token: string };

  const batch = (http: HttpClient, overrides: Record<string, unknown> = {}) =>
    http.post('/api/certificate-batches', {
      roundId: round.id,
      facilityId: org.facility.id,
      symbol: 'GCNĐX-TG',
      signer: SIGNER,
      ...overrides,
    });
  const register = async (): Promise<{ certificate_id: string; seq: number; number: string }[]> =>
    t.dataSource.query('SELECT certificate_id, seq, number FROM certificate_register ORDER BY seq');

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_DIR: storageDir, SIGNING_SELF_SIGNED: 'true', SIGNING_DIR: signingDir });
    org = await createTestOrg(t.dataSource);
    const walked = await releasedPersons(t, org, [
      { fullName: 'Trần Văn Hòa', presentationUnitId: null },
      { fullName: 'Lý Thị Hạnh', presentationUnitId: null },
      { fullName: 'Đỗ Minh Quân', presentationUnitId: null, released: false },
      { fullName: 'Vũ Thị Lan', presentationUnitId: null },
    ]);
    round = walked.round;
    people = walked.released;
    warden = await signIn(t.baseUrl, org.users[Role.WARDEN]);
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  it("refuses another camp's warden (404), a unit that does not issue the camp's certificates (403) and a bad symbol", async () => {
    const other = await signIn(t.baseUrl, org.users.otherWarden);
    expect((await batch(other.http)).status).toBe(404);
    const department = await signIn(t.baseUrl, org.users[Role.DEPARTMENT_OFFICER]);
    const refused = await batch(department.http);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('DOCUMENT_NOT_ISSUER');
    // Nor is the camp's batch offered to the department: it would be refused.
    expect((await department.http.get('/api/certificate-batches/pending')).body).toEqual([]);
    const bad = await batch(warden.http, { symbol: '05/GCN' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'symbol' })]);
    expect(await register()).toEqual([]);
  });

  it('issues exactly the released persons without a certificate, one page each with its own number', async () => {
    // A certificate already printed on its own counts as issued: the batch leaves that person out.
    const single = await warden.http.post('/api/documents', {
      kind: 'certificate',
      sourceType: 'certificate',
      sourceId: people[3].certificateId,
      number: '01/GCN-TG',
      signer: SIGNER,
    });
    expect(single.status).toBe(202);
    expect((await warden.http.get('/api/certificate-batches/pending')).body).toEqual([
      expect.objectContaining({ roundId: round.id, facilityId: org.facility.id, pending: 2 }),
    ]);
    const issued = await batch(warden.http);
    expect(issued.status).toBe(202);
    expect(issued.body).toMatchObject({ certificates: 2, firstNumber: '01/GCNĐX-TG', lastNumber: '02/GCNĐX-TG' });
    const rows = await register();
    expect(rows.map((r) => r.number)).toEqual(['01/GCNĐX-TG', '02/GCNĐX-TG']);
    expect(new Set(rows.map((r) => r.certificate_id))).toEqual(
      new Set([people[0].certificateId, people[1].certificateId]),
    );
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'certificate.batch' AND entity_id = $1`,
      [issued.body.batchId],
    );
    expect(audit.n).toBe(1);

    expect((await waitForJob(warden.http, issued.body.jobId, 90_000)).state).toBe('completed');
    const file = await downloadPdf(t.baseUrl, warden.token, issued.body.documentId);
    expect(file.status).toBe(200);
    const pages = await extractPages(file.bytes);
    expect(pages).toHaveLength(2);
    // Each page is a certificate of its own: no page number of the batch in its top margin.
    expect(pages[1].lines.some((line) => line.text.trim() === '2')).toBe(false);
    const byNumber = new Map(rows.map((r) => [r.certificate_id, r.number]));
    for (const person of people.slice(0, 2)) {
      const page = pages.find((p) => flatText([p]).includes(person.fullName));
      expect(page).toBeDefined();
      const text = flatText([page!]);
      expect(text).toContain(`Số: ${byNumber.get(person.certificateId)}`);
      expect(text).toContain('GIẤY CHỨNG NHẬN ĐẶC XÁ');
      expect(text).toContain('01/09/2025');
    }
    // A page of the batch is verified like any document: the file matches the stored batch, signed.
    const verified = await uploadPdf(t.baseUrl, warden.token, file.bytes);
    expect(verified.status).toBe(200);
    expect(verified.body.documents.map((d: { id: string }) => d.id)).toContain(issued.body.documentId);
    // The batch is read where the certificates are, not beside.
    const other = await signIn(t.baseUrl, org.users.otherWarden);
    expect((await other.http.get(`/api/documents/${issued.body.documentId}`)).status).toBe(404);
  }, 120_000);

  it('issues nobody a second certificate: a re-run finds nobody (409), a later release gets the next number', async () => {
    const again = await batch(warden.http);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DOCUMENT_NOTHING_TO_ISSUE');
    expect(await register()).toHaveLength(2);

    const late = people[2];
    const c = (await warden.http.get(`/api/certificates/${late.certificateId}`)).body;
    const released = await warden.http.post(`/api/certificates/${late.certificateId}/release`, {
      releasedOn: '2025-09-02',
      version: c.version,
      dossierVersion: c.dossierVersion,
    });
    expect(released.status).toBeLessThan(300);

    // The certificates page offers the camp's batch as a button; posting it follows the document's rendering.
    const visitor = new Visitor(t.baseUrl);
    await visitor.login(org.users[Role.WARDEN]);
    const html = await (await visitor.send('GET', '/certificates')).text();
    expect(html).toContain('Cấp giấy chứng nhận cho 1 người');
    const posted = await visitor.send('POST', '/certificates/batches', {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(html)![1],
      roundId: round.id,
      facilityId: org.facility.id,
      symbol: 'GCNĐX-TG',
      signerTitle: SIGNER.title,
      signerName: SIGNER.name,
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toMatch(/^\/documents\/jobs\/[0-9a-f-]{36}\?back=%2Fcertificates$/);
    expect((await register()).map((r) => [r.certificate_id, r.number])).toContainEqual([
      late.certificateId,
      '03/GCNĐX-TG',
    ]);
    expect(await (await visitor.send('GET', '/certificates')).text()).not.toContain('Cấp giấy chứng nhận cho');
    expect((await batch(warden.http)).status).toBe(409);
  });
});
