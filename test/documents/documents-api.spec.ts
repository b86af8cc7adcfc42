import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { Role } from '../../src/auth/user.entity.js';
import { DocumentRendererService } from '../../src/documents/document-renderer.service.js';
import { shortHash } from '../../src/documents/snapshot-hash.js';
import type { DocumentSnapshot } from '../../src/documents/view-models/view-model-map.js';
import { sha256Hex } from '../../src/kernel/hash.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { downloadPdf, signIn, uploadPdf, waitForJob } from './support/api-session.js';
import { extractPages, flatText } from './support/pdf-text.js';
import { insertList, userId } from './support/record-fixtures.js';
import { expectOnlyEmbeddedTinos, expectPageNumbers } from './support/state-format.js';

const NAMES = ['Nguyễn Thị Ánh', 'Lê Đức Thắng', 'Phạm Ngọc Ửng'];

describe('documents API: snapshot, queued rendering, storage and verification', () => {
  const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-documents-'));
  // Every document is signed with its unit's self-signed demo certificate, made on first use in this directory.
  const signingDir = mkdtempSync(join(tmpdir(), 'amnesty-signing-'));
  let t: TestApp;
  let org: TestOrg;
  let officer: { http: HttpClient; token: string };
  let meetingId: string;
  const dossierIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_DIR: storageDir, SIGNING_SELF_SIGNED: 'true', SIGNING_DIR: signingDir });
    org = await createTestOrg(t.dataSource);
    officer = await signIn(t.baseUrl, org.users[Role.TEAM_OFFICER]);
    const candidates = [];
    for (const fullName of NAMES) {
      const doc = buildDossier({
        roundCode: org.roundCode,
        facilityCode: org.facility.code,
        teamCode: org.team.code,
        person: { fullName },
      });
      const created = await officer.http.post('/api/dossiers', doc);
      expect(created.status).toBe(201);
      const submitted = await officer.http.post(`/api/dossiers/${created.body.id}/events`, {
        version: created.body.version,
        event: 'submit_for_ballot',
      });
      expect(submitted.status).toBe(200);
      dossierIds.push(created.body.id);
      candidates.push({
        dossierId: created.body.id,
        version: submitted.body.version,
        votesFor: 20,
        votesAgainst: 6,
        votesBlank: 2,
        officerOpinion: 'Đề nghị xét đặc xá',
      });
    }
    const meeting = await officer.http.post('/api/team-meetings', {
      roundId: org.roundId,
      teamId: org.team.id,
      meetingDate: '2025-07-12',
      membersPresent: 30,
      membersAbsent: 2,
      absentees: [],
      ballotsIssued: 30,
      ballotsReturned: 29,
      ballotsValid: 28,
      ballotsInvalid: 1,
      candidates,
    });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.meetingId;
  });
  afterAll(() => t.close());

  const requestMinutes = (http: HttpClient, number = '05/BB-Đ1') =>
    http.post('/api/documents', {
      kind: 'team-minutes',
      sourceType: 'team-meeting',
      sourceId: meetingId,
      number,
      signer: { title: 'Thư ký', name: 'Lê Văn Bình' },
    });

  it('freezes the meeting, renders it in the background and stores the PDF with its SHA-256 and an audit row', async () => {
    const requested = await requestMinutes(officer.http);
    expect(requested.status).toBe(202);
    expect(requested.body.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    const job = await waitForJob(officer.http, requested.body.jobId);
    expect(job.state).toBe('completed');
    expect(job.percent).toBe(100);
    expect(job.pagesDone).toBeGreaterThan(0);

    const meta = await officer.http.get(`/api/documents/${requested.body.documentId}`);
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({
      kind: 'team-minutes',
      number: '05/BB-Đ1',
      snapshotHash: requested.body.snapshotHash,
      pages: job.pagesDone,
    });
    const file = await downloadPdf(t.baseUrl, officer.token, requested.body.documentId);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(sha256Hex(file.bytes)).toBe(meta.body.sha256);
    // The stored file is the render with the issuing unit's signature added: two hashes, both kept.
    expect(meta.body.renderSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.body.renderSha256).not.toBe(meta.body.sha256);
    const [issuerUnit] = await t.dataSource.query(
      'SELECT u.name FROM documents d JOIN org_units u ON u.id = d.issuer_unit_id WHERE d.id = $1',
      [requested.body.documentId],
    );
    expect(meta.body.signature).toMatchObject({ signedBy: issuerUnit.name });

    const pages = await extractPages(file.bytes);
    const text = flatText(pages);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số: 05/BB-Đ1');
    expect(text).toContain('Họp bình xét đề nghị');
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain('71,43%');
    expect(text).toContain(`Mã dữ liệu: ${requested.body.snapshotHash.slice(0, 16)}`);
    expectPageNumbers(pages);
    await expectOnlyEmbeddedTinos(file.bytes);

    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'document' AND entity_id = $1 ORDER BY seq`,
      [requested.body.documentId],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['document.requested', 'document.generated']);
  });

  it('renders a stored document again to the same bytes, and its QR code opens a public page with nothing personal', async () => {
    const requested = await requestMinutes(officer.http, '07/BB-Đ1');
    await waitForJob(officer.http, requested.body.jobId);
    const { documentId } = requested.body;
    const file = await downloadPdf(t.baseUrl, officer.token, documentId);

    const [stored] = await t.dataSource.query(
      'SELECT kind, snapshot, snapshot_hash, created_at, render_sha256, file_sha256 FROM documents WHERE id = $1',
      [documentId],
    );
    // The unsigned render is re-derived from the snapshot byte for byte; the stored file is that render signed.
    const again = await t.app
      .get(DocumentRendererService)
      .render(
        { kind: stored.kind, data: stored.snapshot } as DocumentSnapshot,
        { id: documentId, createdAt: stored.created_at, snapshotHash: stored.snapshot_hash },
        { onProgress: async () => undefined, sign: null },
      );
    expect(again.sha256).toBe(stored.render_sha256);
    expect(sha256Hex(file.bytes)).toBe(stored.file_sha256);
    const rederived = await uploadPdf(t.baseUrl, officer.token, again.bytes);
    expect(rederived.body.match).toBe('render-sha256');
    expect(rederived.body.documents.map((d: { id: string }) => d.id)).toEqual([documentId]);
    expect(rederived.body.signature.present).toBe(false);

    const printed = shortHash(stored.snapshot_hash);
    const page = await fetch(`${t.baseUrl}/xac-minh/${documentId}?h=${printed}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('07/BB-Đ1');
    const [issuer] = await t.dataSource.query(
      'SELECT u.name FROM documents d JOIN org_units u ON u.id = d.issuer_unit_id WHERE d.id = $1',
      [documentId],
    );
    expect(html).toContain(issuer.name);
    expect(html).toContain('Khớp: văn bản này đúng là văn bản đã được ban hành');
    for (const name of NAMES) expect(html).not.toContain(name);

    const forged = await (await fetch(`${t.baseUrl}/xac-minh/${documentId}?h=000000000000`)).text();
    expect(forged).toContain('Không khớp');

    const upload = async (bytes: Uint8Array) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'van-ban.pdf');
      return (await fetch(`${t.baseUrl}/xac-minh/${documentId}`, { method: 'POST', body: form })).text();
    };
    expect(await upload(file.bytes)).toContain('Khớp: văn bản này');
    expect(await upload(again.bytes)).toContain('Khớp: văn bản này');
    const altered = await PDFDocument.load(file.bytes);
    altered.setTitle('Bản đã sửa');
    expect(await upload(await altered.save())).toContain('Không khớp');

    expect((await fetch(`${t.baseUrl}/xac-minh/not-a-uuid`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/xac-minh/6f1c2a9e-4c1b-4a57-9f0e-2d7c5b3a1e08`)).status).toBe(404);
  });

  it('renders the same snapshot to the same text and tells which stored document an upload is', async () => {
    const first = await requestMinutes(officer.http, '06/BB-Đ1');
    const second = await requestMinutes(officer.http, '06/BB-Đ1');
    expect(second.body.snapshotHash).toBe(first.body.snapshotHash);
    await waitForJob(officer.http, first.body.jobId);
    await waitForJob(officer.http, second.body.jobId);
    const a = await downloadPdf(t.baseUrl, officer.token, first.body.documentId);
    const b = await downloadPdf(t.baseUrl, officer.token, second.body.documentId);
    expect(flatText(await extractPages(b.bytes))).toBe(flatText(await extractPages(a.bytes)));

    const exact = await uploadPdf(t.baseUrl, officer.token, a.bytes);
    expect(exact.status).toBe(200);
    expect(exact.body.match).toBe('file-sha256');
    expect(exact.body.documents.map((d: { id: string }) => d.id)).toContain(first.body.documentId);
    expect(exact.body.signature).toMatchObject({
      present: true,
      valid: true,
      coversWholeFile: true,
      selfSigned: true,
      certificateMatchesIssuer: true,
      signedBy: exact.body.documents[0].signature.signedBy,
    });
    expect(exact.body.signature.message).toContain('tệp không thay đổi từ khi ký');

    // One byte changed inside the signed range (same length, still a PDF): the signature no longer holds.
    const tampered = Buffer.from(a.bytes);
    const producer = tampered.indexOf('amnesty-pipeline)');
    tampered[producer + 'amnesty-pipelin'.length] = 'x'.charCodeAt(0);
    const changed = await uploadPdf(t.baseUrl, officer.token, tampered);
    expect(changed.body.match).not.toBe('file-sha256');
    expect(changed.body.signature).toMatchObject({ present: true, valid: false });
    expect(changed.body.signature.message).toContain('không hợp lệ');

    // Something appended after signing: the signed part is intact, but the file is not what was signed.
    const appended = Buffer.concat([Buffer.from(a.bytes), Buffer.from('\n% thêm sau khi ký\n')]);
    const extended = await uploadPdf(t.baseUrl, officer.token, appended);
    expect(extended.body.signature).toMatchObject({ present: true, valid: true, coversWholeFile: false });

    // Re-saved with other metadata: different bytes, same printed text.
    const resaved = await PDFDocument.load(a.bytes);
    resaved.setTitle('Bản sao');
    const copy = await resaved.save();
    const byPrint = await uploadPdf(t.baseUrl, officer.token, copy);
    expect(byPrint.body.match).toBe('printed-snapshot-hash');
    expect(byPrint.body.printedNumber).toBe('06/BB-Đ1');
    expect(byPrint.body.documents.map((d: { id: string }) => d.id).sort()).toEqual(
      [first.body.documentId, second.body.documentId].sort(),
    );

    const blank = await PDFDocument.create();
    blank.addPage();
    const none = await uploadPdf(t.baseUrl, officer.token, await blank.save());
    expect(none.body.match).toBe('none');
    expect(none.body.documents).toEqual([]);

    const notPdf = await uploadPdf(t.baseUrl, officer.token, new TextEncoder().encode('không phải PDF'));
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.code).toBe('DOCUMENT_INVALID_PDF');
  });

  it('prints a list snapshot grouped by facility with the reason and citation of each ineligible person', async () => {
    const listId = await insertList(t.dataSource, {
      roundId: org.roundId,
      code: `DS-KDDK-${org.suffix}`,
      kind: 'CAMP_INELIGIBLE',
      ownerUnitId: org.facility.id,
      createdBy: await userId(t.dataSource, org.users[Role.WARDEN]),
      dossierIds,
      reasonCode: 'conditions_not_met',
      reason: 'Chưa nộp án phí',
    });
    const warden = await signIn(t.baseUrl, org.users[Role.WARDEN]);
    const wrongKind = await warden.http.post('/api/documents', {
      kind: 'eligible-list',
      sourceType: 'list-snapshot',
      sourceId: listId,
      number: '22/DS-TGTX',
      signer: { title: 'Giám thị', name: 'Nguyễn Đức Thắng' },
    });
    expect(wrongKind.status).toBe(400);
    const requested = await warden.http.post('/api/documents', {
      kind: 'ineligible-list',
      sourceType: 'list-snapshot',
      sourceId: listId,
      number: '22/DS-TGTX',
      place: 'Hà Nội',
      date: '2025-07-20',
      signer: { authority: 'TM. Hội đồng', title: 'Chủ tịch', name: 'Nguyễn Đức Thắng' },
      recipients: ['Cục C10'],
    });
    expect(requested.status).toBe(202);
    expect((await waitForJob(warden.http, requested.body.jobId)).state).toBe('completed');
    const text = flatText(
      await extractPages((await downloadPdf(t.baseUrl, warden.token, requested.body.documentId)).bytes),
    );
    expect(text).toContain('TRẠI GIAM THANH XUÂN');
    expect(text).toContain('Hà Nội, ngày 20 tháng 7 năm 2025');
    expect(text).toContain('Người không đủ điều kiện đề nghị');
    expect(text).toContain('Tổng số: 3 người.');
    for (const name of NAMES) expect(text).toContain(name);
    // Reason label and citation of the coded reason (wrapped inside their cells).
    expect(text.split('Điều 11').length - 1).toBe(3);
    expect(text.split('Không đủ điều kiện').length - 1).toBe(3);
    expect(text).toContain('TM. HỘI ĐỒNG');
    expect(text).toContain('- Cục C10;');
  });

  it('hides documents outside the caller’s unit and refuses the administrator', async () => {
    const requested = await requestMinutes(officer.http, '07/BB-Đ1');
    const other = await signIn(t.baseUrl, org.users.otherWarden);
    expect((await other.http.get(`/api/documents/${requested.body.documentId}`)).status).toBe(404);
    expect((await other.http.get(`/api/documents/jobs/${requested.body.jobId}`)).status).toBe(404);
    const admin = await signIn(t.baseUrl, org.users[Role.ADMIN]);
    expect((await admin.http.get(`/api/documents/${requested.body.documentId}`)).status).toBe(403);
    await waitForJob(officer.http, requested.body.jobId);
  });
});
