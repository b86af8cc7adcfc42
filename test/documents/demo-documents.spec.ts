import { ScopedRecord, ScopeService } from '../../src/auth/scope.service.js';
import type { SessionUser } from '../../src/auth/session-user.js';
import { DocumentSourceType } from '../../src/documents/builders/snapshot-builder.js';
import type { CreateDocumentDto } from '../../src/documents/documents.dto.js';
import { DocumentsService } from '../../src/documents/documents.service.js';
import { CertificateBatchService } from '../../src/documents/certificate-batch/certificate-batch.service.js';
import { DOCUMENT_KINDS, DocumentKind } from '../../src/documents/view-models/common.js';
import type { DocumentSnapshot } from '../../src/documents/view-models/view-model-map.js';
import { AppraisalRecordRepository } from '../../src/workflow/appraisal/appraisal-record.repository.js';
import { AppraisalRecordService } from '../../src/workflow/appraisal/appraisal-record.service.js';
import { AppraisalService } from '../../src/workflow/appraisal/appraisal.service.js';
import { AgencyOpinion } from '../../src/workflow/core/appraisal.js';
import { PresidentDecisionService } from '../../src/workflow/decisions/president-decision.service.js';
import { ComplaintService } from '../../src/workflow/complaints/complaint.service.js';
import { CouncilService } from '../../src/workflow/decisions/council.service.js';
import { Complainant } from '../../src/workflow/core/complaints.js';
import { RoundWalk } from '../../seeds/common/round-walk.js';
import { LIVE_ROUND_CODE } from '../../seeds/demo/live-round.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config.js';
import { APP_CONFIG } from '../../src/config/config.tokens.js';
import { DocumentRendererService } from '../../src/documents/document-renderer.service.js';
import { MARGINS_MM, PT_PER_MM, QR_SIZE_MM } from '../../src/documents/pdf/page-geometry.js';
import {
  DocumentVerificationService,
  VerificationMatch,
} from '../../src/documents/verify/document-verification.service.js';
import { verificationUrl } from '../../src/documents/verify/verification-url.js';
import { findProjectRoot } from '../../src/documents/render/project-paths.js';
import { DEMO_PASSWORD } from '../../seeds/demo/accounts.js';
import { useDemoApp } from '../seeds/support/demo-app.js';
import { Visitor } from '../support/web-visitor.js';
import { extractPages, flatText, type ExtractedPage } from './support/pdf-text.js';
import { expectLooksAsApproved, LOOK_SCALE, lookPages } from './support/golden.js';
import { expectNothingInternal } from './support/printed-text.js';
import { rasterize, type RasterRequest } from './support/rasterize.js';
import { sharedEngine } from './support/shared-engine.js';

// jsqr is CommonJS with its function on `default`.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

interface Made {
  name: string;
  documentId: string;
  requester: SessionUser;
  kind: DocumentKind;
  snapshot: DocumentSnapshot;
  pages: ExtractedPage[];
  bytes: Uint8Array;
  // Names the source holds with their diacritics, which the paper must print exactly.
  names: string[];
}

const DEMO_DAY = '2025-07-08';
const GOLDEN_DIR = join(findProjectRoot(), 'test', 'documents', 'golden', 'demo');
const APPRAISERS = ['thamdinh.ca', 'thamdinh.qp', 'thamdinh.tand', 'thamdinh.vks', 'thamdinh.mttq', 'thamdinh.btp'];
const SIGNER = { title: 'Thủ trưởng đơn vị', name: 'Nguyễn Văn Thành' };
// Labels whose value the document fills in; one standing alone at the end of a line is an empty field.
const FILLED_LABELS = /(?:^|\s)(Số|Họ và tên|Ngày sinh|Chủ tọa|Thư ký|Địa điểm|Thời gian)\s*:\s*$/;

// Every document kind, each from a source of the live demo round (DOT-MINH-HOA) walked on through the services its
// staff use (the team's record and a disagreement the standing body explains, the Council's lists, the President's
// decision and a release, a complaint), made through the documents service as the staff would make it (no "Nơi
// nhận" typed: the law's recipients), then rendered and read back as text; the application's own stored files are
// verified by their hash, QR code and signature.
describe('documents of the live demo round, read as the office that signs them', () => {
  // The units sign what they issue with the self-signed certificates the demo makes for them on first use. The demo
  // is loaded on a fixed day, so that what the documents print (dates, and who the day makes eligible) is the same on
  // every run and their pages can be compared with the approved pictures.
  const { state, rows } = useDemoApp('demo_documents', DEMO_DAY, {
    SIGNING_SELF_SIGNED: 'true',
    SIGNING_DIR: mkdtempSync(join(tmpdir(), 'demo-documents-signing-')),
  });
  const engine = sharedEngine();
  const made: Made[] = [];
  let roundId: string;
  let recordId: string;
  const unitName = async (code: string): Promise<string> =>
    (await rows<{ name: string }>('SELECT name FROM org_units WHERE code = $1', [code]))[0].name;

  beforeAll(async () => {
    const app = state.app;
    roundId = (await rows<{ id: string }>('SELECT id FROM rounds WHERE code = $1', [LIVE_ROUND_CODE]))[0].id;
    const walk = new RoundWalk(app, { id: roundId, deadlines: {} as never }, 'Demo documents');
    // The appraisal team hears every agency on every name before it and draws its record (Luật Đặc xá 2018, Điều 16).
    // The procuracy's member disagrees on one name, with its reason: the standing body must explain it to the Council
    // (Nghị định 76/2008/NĐ-CP, Điều 8, khoản 2).
    const dataSource = app.get(DataSource);
    const persons = await app
      .get(AppraisalRecordRepository)
      .persons(
        dataSource.manager,
        roundId,
        app.get(ScopeService).filter(ScopedRecord.APPRAISED_DOSSIER, await walk.as(APPRAISERS[0]), 'd', 2),
      );
    const [disputed, ...agreed] = persons.filter((p) => p.side === 'PROPOSED').map((p) => p.dossierId);
    const [procuracy, ...others] = await Promise.all(
      ['thamdinh.vks', ...APPRAISERS.filter((u) => u !== 'thamdinh.vks')].map((u) => walk.as(u)),
    );
    await walk.opinions(
      others,
      persons.map((p) => p.dossierId),
    );
    await walk.opinions(
      [procuracy],
      persons.map((p) => p.dossierId).filter((id) => id !== disputed),
    );
    await app.get(AppraisalService).opinion(procuracy, disputed, {
      opinion: AgencyOpinion.DISAGREE,
      note: 'Chưa có xác nhận đã nộp đủ án phí của cơ quan thi hành án dân sự.',
    });
    const record = await app.get(AppraisalRecordService).draw(await walk.as(APPRAISERS[0]), { roundId });
    recordId = record.id;
    // The dossier the camp's proposal sheet and the team's appraisal note are made from, while it is at the team.
    const [atTeam] = await rows<{ id: string; facility_id: string; full_name: string }>(
      `SELECT id, facility_id, full_name FROM dossiers WHERE id = $1`,
      [agreed[0] ?? disputed],
    );
    // The team sends its results on; the standing body explains the disagreement (Luật Đặc xá 2018, Điều 16–17).
    await walk.forward(await walk.as(APPRAISERS[0]));
    const standing = await walk.as('thuongtruc.hdtvdx');
    const report = await app.get(AppraisalService).explanatoryReport(standing, { roundId });
    // The Council settles the lists the standing body sent it, nobody removed: its eligible list goes to the President.
    const member = await walk.as('thanhvien.hdtvdx');
    const council = app.get(CouncilService);
    const { token } = await council.pending(member, roundId);
    const councilLists = await council.decide(member, { roundId, token, ineligible: [] });
    // The President grants the Council's eligible list (his decision is recorded as a list, never printed here); the
    // camp releases one person and issues the certificate (Luật Đặc xá 2018, Điều 18, khoản 3), which exists on paper
    // only once that release is recorded.
    await app.get(PresidentDecisionService).record(standing, {
      councilListId: councilLists.eligible!.id,
      number: '1244/2025/QĐ-CTN',
      decisionDate: state.today,
    });
    const warden = await walk.as('giamthi.tx');
    const [certificate] = (await app.get(PresidentDecisionService).certificates(warden)) as {
      id: string;
      version: number;
      dossierVersion: number;
      fullName: string;
    }[];
    await app.get(PresidentDecisionService).release(warden, certificate.id, {
      releasedOn: state.today,
      version: certificate.version,
      dossierVersion: certificate.dossierVersion,
    });
    // A relative complains for a name the camp left off its list, and the warden decides it (Điều 36–37).
    const [left] = await rows<{ id: string; version: number }>(
      `SELECT d.id, d.version FROM dossiers d JOIN org_units f ON f.id = d.facility_id
        WHERE d.round_id = $1 AND d.stage = 'camp_ineligible' AND f.code = 'TG-THANH-XUAN'
        ORDER BY d.full_name, d.id LIMIT 1`,
      [roundId],
    );
    const complaints = app.get(ComplaintService);
    const filed = await complaints.file(await walk.as('quangiao.tx'), {
      dossierId: left.id,
      version: left.version,
      receivedOn: state.today,
      complainant: Complainant.RELATIVE,
      complainantName: 'Trần Thị Ngọc Ánh',
      content: 'Chồng tôi đủ điều kiện theo Điều 11 nhưng không có tên trong danh sách đề nghị đặc xá.',
    });
    const [complaint] = await rows<{ version: number; dossier_version: number }>(
      `SELECT c.version, d.version AS dossier_version FROM complaints c JOIN dossiers d ON d.id = c.dossier_id
        WHERE c.id = $1`,
      [filed.id],
    );
    await complaints.decide(await walk.as('giamthi.tx'), filed.id, {
      accept: false,
      reason: 'Chưa chấp hành đủ thời gian tối thiểu theo điểm b khoản 1 Điều 11 Luật Đặc xá.',
      decidedOn: state.today,
      version: complaint.version,
      dossierVersion: complaint.dossier_version,
    });

    const userOf = async (unitId: string): Promise<SessionUser> => {
      const [user] = await rows<{ username: string }>(
        `SELECT username FROM users WHERE org_unit_id = $1 AND role <> 'ADMIN' ORDER BY username LIMIT 1`,
        [unitId],
      );
      return walk.as(user.username);
    };
    const sources: {
      name: string;
      kind: DocumentKind;
      sourceType: DocumentSourceType;
      sourceId: string;
      unitId: string;
      names: string[];
    }[] = [];
    const lists = await rows<{ id: string; kind: string; code: string; owner_unit_id: string; names: string[] }>(
      `SELECT l.id, l.kind, l.code, l.owner_unit_id,
              (SELECT array_agg(e.full_name ORDER BY e.position) FROM list_entries e WHERE e.list_id = l.id) AS names
         FROM list_snapshots l WHERE l.round_id = $1 AND l.kind <> 'PRESIDENT_DECISION' ORDER BY l.created_at, l.code`,
      [roundId],
    );
    for (const list of lists) {
      const ineligible = list.kind.endsWith('_INELIGIBLE');
      sources.push({
        name: `${list.kind} ${list.code}`,
        kind: ineligible ? DocumentKind.INELIGIBLE_LIST : DocumentKind.ELIGIBLE_LIST,
        sourceType: DocumentSourceType.LIST_SNAPSHOT,
        sourceId: list.id,
        unitId: list.owner_unit_id,
        names: list.names,
      });
      if (list.kind === 'CAMP_ELIGIBLE')
        sources.push({
          name: `council minutes of ${list.code}`,
          kind: DocumentKind.COUNCIL_MINUTES,
          sourceType: DocumentSourceType.LIST_SNAPSHOT,
          sourceId: list.id,
          unitId: list.owner_unit_id,
          names: [],
        });
    }
    for (const meeting of await rows<{ id: string; team_id: string }>(
      'SELECT id, team_id FROM team_meetings WHERE round_id = $1 ORDER BY created_at',
      [roundId],
    ))
      sources.push({
        name: `team minutes ${meeting.id}`,
        kind: DocumentKind.TEAM_MINUTES,
        sourceType: DocumentSourceType.TEAM_MEETING,
        sourceId: meeting.id,
        unitId: meeting.team_id,
        names: [],
      });
    for (const notice of await rows<{ id: string; facility_id: string }>(
      'SELECT id, facility_id FROM procuracy_notices WHERE round_id = $1',
      [roundId],
    ))
      sources.push({
        name: `procuracy notice ${notice.id}`,
        kind: DocumentKind.PROCURACY_NOTICE,
        sourceType: DocumentSourceType.PROCURACY_NOTICE,
        sourceId: notice.id,
        unitId: notice.facility_id,
        names: [],
      });
    // The camp's proposal sheet and the team's appraisal note of a dossier the team appraised.
    const team = (await walk.as(APPRAISERS[0])).orgUnitId;
    sources.push(
      {
        name: 'proposal sheet',
        kind: DocumentKind.PROPOSAL_SHEET,
        sourceType: DocumentSourceType.DOSSIER,
        sourceId: atTeam.id,
        unitId: atTeam.facility_id,
        names: [atTeam.full_name],
      },
      {
        name: 'appraisal note',
        kind: DocumentKind.APPRAISAL_NOTE,
        sourceType: DocumentSourceType.DOSSIER,
        sourceId: atTeam.id,
        unitId: team,
        names: [atTeam.full_name],
      },
      {
        name: 'appraisal record',
        kind: DocumentKind.APPRAISAL_RECORD,
        sourceType: DocumentSourceType.APPRAISAL_RECORD,
        sourceId: record.id,
        unitId: team,
        names: persons.map((p) => p.fullName),
      },
    );

    const [councilList] = await rows<{ id: string; owner_unit_id: string }>(
      `SELECT id, owner_unit_id FROM list_snapshots WHERE round_id = $1 AND kind = 'COUNCIL_ELIGIBLE'`,
      [roundId],
    );
    sources.push({
      name: 'submission to the President',
      kind: DocumentKind.SUBMISSION,
      sourceType: DocumentSourceType.LIST_SNAPSHOT,
      sourceId: councilList.id,
      unitId: councilList.owner_unit_id,
      names: [],
    });
    const [decided] = await rows<{ full_name: string; facility_id: string }>(
      'SELECT d.full_name, d.facility_id FROM complaints c JOIN dossiers d ON d.id = c.dossier_id WHERE c.id = $1',
      [filed.id],
    );
    sources.push({
      name: 'complaint decision',
      kind: DocumentKind.COMPLAINT_DECISION,
      sourceType: DocumentSourceType.COMPLAINT,
      sourceId: filed.id,
      unitId: decided.facility_id,
      names: [decided.full_name, 'Trần Thị Ngọc Ánh'],
    });

    const [reported] = await rows<{ full_name: string }>('SELECT full_name FROM dossiers WHERE id = $1', [disputed]);
    sources.push({
      name: 'explanatory report',
      kind: DocumentKind.EXPLANATORY_REPORT,
      sourceType: DocumentSourceType.EXPLANATORY_REPORT,
      sourceId: report.id,
      unitId: standing.orgUnitId,
      names: [reported.full_name],
    });
    const [released] = await rows<{ facility_id: string }>(
      'SELECT facility_id FROM amnesty_certificates WHERE id = $1',
      [certificate.id],
    );
    sources.push({
      name: 'amnesty certificate',
      kind: DocumentKind.CERTIFICATE,
      sourceType: DocumentSourceType.CERTIFICATE,
      sourceId: certificate.id,
      unitId: released.facility_id,
      names: [certificate.fullName],
    });

    // Each stored snapshot is rendered here at a fixed time, so that the pictures and the bytes do not depend on the day.
    const print = async (source: Omit<Made, 'snapshot' | 'bytes' | 'pages'>) => {
      const [stored] = await rows<{ kind: DocumentKind; snapshot: DocumentSnapshot['data'] }>(
        'SELECT kind, snapshot FROM documents WHERE id = $1',
        [source.documentId],
      );
      const snapshot = { kind: stored.kind, data: stored.snapshot } as DocumentSnapshot;
      const rendered = await engine.render(snapshot, { createdAt: new Date('2025-07-10T02:00:00Z') });
      made.push({ ...source, snapshot, bytes: rendered.bytes, pages: await extractPages(rendered.bytes) });
    };
    const documents = app.get(DocumentsService);
    for (const [index, source] of sources.entries()) {
      const dto: CreateDocumentDto = {
        kind: source.kind,
        sourceType: source.sourceType,
        sourceId: source.sourceId,
        number: `${String(index + 1).padStart(2, '0')}/VB-MH`,
        signer: SIGNER,
      };
      const requester = await userOf(source.unitId);
      const { documentId } = await documents.request(requester, dto);
      await print({ name: source.name, documentId, requester, kind: source.kind, names: source.names });
    }
    // The camp releases a second person, and issues the certificates of everyone released without one in one batch, a
    // page each (Luật Đặc xá 2018, Điều 18, khoản 3): the person whose certificate was printed alone is left out.
    const decisions = app.get(PresidentDecisionService);
    const [next] = (
      (await decisions.certificates(warden)) as {
        id: string;
        version: number;
        dossierVersion: number;
        fullName: string;
        releasedOn: string | null;
      }[]
    ).filter((c) => !c.releasedOn);
    await decisions.release(warden, next.id, {
      releasedOn: state.today,
      version: next.version,
      dossierVersion: next.dossierVersion,
    });
    const issuer = await userOf(released.facility_id);
    const batch = await app.get(CertificateBatchService).issue(issuer, {
      roundId,
      facilityId: released.facility_id,
      symbol: 'GCNĐX-TX',
      signer: SIGNER,
    });
    expect(batch.certificates).toBe(1);
    await print({
      name: 'certificate batch',
      documentId: batch.documentId,
      requester: issuer,
      kind: DocumentKind.CERTIFICATE_BATCH,
      names: [next.fullName],
    });
    // The application renders and stores what was requested, as it would for the staff: its queue is left empty.
    for (let waited = 0; waited < 300_000; waited += 500) {
      const [{ open }] = await rows<{ open: number }>(
        `SELECT count(*)::int AS open FROM document_jobs WHERE state IN ('queued', 'rendering')`,
      );
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 900_000);
  afterAll(() => engine.close());

  it('covers every document kind, each made from a source the round reached through its services', () => {
    const kinds = new Set(made.map((m) => m.kind));
    expect([...kinds].sort()).toEqual([...DOCUMENT_KINDS].sort());
    // Lists at every level the round reached: both camps, their departments and ministries, the appraisal team and
    // the standing body.
    expect(made.filter((m) => m.kind === DocumentKind.ELIGIBLE_LIST).length).toBeGreaterThanOrEqual(7);
  });

  // Golden images of the demo round's documents: the first document made of each kind, page 1 and the last page.
  it('looks, page 1 and the last page of each kind, as approved', async () => {
    const firsts = DOCUMENT_KINDS.map((kind) => made.find((m) => m.kind === kind)!);
    const rasters = await rasterize(
      engine.pool,
      firsts.map((m) => ({
        pdf: m.bytes,
        requests: lookPages(m.pages.length).map((page) => ({ page, scale: LOOK_SCALE })),
      })),
    );
    expectLooksAsApproved(
      firsts.flatMap((m, index) =>
        lookPages(m.pages.length).map((page, at) => ({
          file: join(GOLDEN_DIR, `${m.kind.toLowerCase().replaceAll('_', '-')}-p${page === 1 ? 'first' : 'last'}.png`),
          raster: rasters[index][at],
        })),
      ),
    );
  });

  it('prints no internal code, field path, version tag, NaN, undefined or null', async () => {
    const failures: string[] = [];
    for (const m of made)
      await expectNothingInternal(m.bytes).catch((e: Error) => failures.push(`${m.name}: ${e.message}`));
    expect(failures).toEqual([]);
  });

  it('leaves no field empty: title block, signature and recipients filled, no label without its value', () => {
    const empty: string[] = [];
    for (const m of made) {
      const data = m.snapshot.data as unknown as {
        heading: Record<string, unknown> & { issuer: { name: string } };
        signatures?: { title: string; name: string }[];
        recipients?: { entries: string[]; archive: string } | null;
      };
      // A certificate's title names what it certifies (GIẤY CHỨNG NHẬN ĐẶC XÁ): it has no summary line of its own.
      const keys = ['number', 'placeDate', 'documentType', ...(m.kind === DocumentKind.CERTIFICATE ? [] : ['summary'])];
      for (const key of keys) if (!String(data.heading[key] ?? '').trim()) empty.push(`${m.name}: heading.${key}`);
      if (!data.heading.issuer.name.trim()) empty.push(`${m.name}: issuer`);
      for (const signature of data.signatures ?? [])
        if (!signature.title.trim() || !signature.name.trim()) empty.push(`${m.name}: signature`);
      for (const entry of data.recipients?.entries ?? []) if (!entry.trim()) empty.push(`${m.name}: recipient`);
      for (const page of m.pages)
        for (const line of page.lines)
          if (FILLED_LABELS.test(line.text) || /\(\s*\)|,\s*,|ngày\s+tháng|:\s*;/.test(line.text))
            empty.push(`${m.name}: "${line.text}"`);
    }
    expect(empty).toEqual([]);
  });

  it('prints Vietnamese with its diacritics: composed letters, the national motto, every name as recorded', () => {
    const wrong: string[] = [];
    for (const m of made) {
      const text = flatText(m.pages);
      if (text !== text.normalize('NFC')) wrong.push(`${m.name}: decomposed diacritics`);
      if (/[\uFFFD\u0300-\u036f]/.test(text)) wrong.push(`${m.name}: a mark without its letter`);
      for (const phrase of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'])
        if (!text.includes(phrase)) wrong.push(`${m.name}: "${phrase}" missing`);
      // Word by word: a table cell may wrap a name, and the text of a row's other cells then stands between its lines
      // (glued to them: the extracted line joins the cells it crosses).
      for (const name of m.names)
        for (const word of name.split(' '))
          if (!text.includes(word)) wrong.push(`${m.name}: "${word}" of "${name}" not printed as recorded`);
    }
    expect(wrong).toEqual([]);
    expect(made.flatMap((m) => m.names).length).toBeGreaterThan(10);
  });

  it('sends each list where the law sends it: the next level and the competent procuracy (Điều 15, khoản 5; 30)', async () => {
    const supreme = await unitName('VKSNDTC');
    const byList = new Map(
      made
        .filter((m) => m.kind === DocumentKind.ELIGIBLE_LIST || m.kind === DocumentKind.INELIGIBLE_LIST)
        .map((m) => {
          const entries = (m.snapshot.data as { recipients: { entries: string[] } }).recipients.entries;
          // Printed as well as frozen.
          for (const entry of entries) expect(flatText(m.pages)).toContain(entry);
          return [m.name, entries];
        }),
    );
    const lists = await rows<{ kind: string; code: string; owner: string }>(
      `SELECT l.kind, l.code, o.code AS owner FROM list_snapshots l JOIN org_units o ON o.id = l.owner_unit_id
        WHERE l.round_id = $1 AND l.kind <> 'PRESIDENT_DECISION'`,
      [roundId],
    );
    const want: Record<string, Record<string, string[]>> = {
      'TG-THANH-XUAN': {
        CAMP_ELIGIBLE: [await unitName('BCA-C10'), supreme],
        CAMP_INELIGIBLE: [await unitName('BCA-C10'), supreme],
      },
      'TG-QK7': {
        CAMP_ELIGIBLE: [await unitName('BQP-QK7'), await unitName('VKSQS-QK7')],
        CAMP_INELIGIBLE: [await unitName('BQP-QK7'), await unitName('VKSQS-QK7')],
      },
      'BCA-C10': { DEPARTMENT: [await unitName('BCA'), supreme] },
      'BQP-QK7': { DEPARTMENT: [await unitName('BQP'), await unitName('VKSQS-QK7')] },
    };
    let checked = 0;
    for (const list of lists) {
      const entries = byList.get(`${list.kind} ${list.code}`);
      expect(entries).toBeDefined();
      const wanted = want[list.owner]?.[list.kind];
      if (wanted) {
        expect({ list: list.code, entries }).toEqual({ list: list.code, entries: wanted });
        checked++;
      } else if (list.kind === 'MINISTRY') {
        expect(entries![1]).toBe(supreme);
        checked++;
      } else {
        // The national bodies' lists go to the next body only: the Supreme Procuracy sits on the team and the Council.
        expect(entries).toHaveLength(1);
        expect(entries![0]).not.toMatch(/Viện kiểm sát/);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('offers those recipients pre-filled and editable in the form where the warden makes the list PDF', async () => {
    const [list] = await rows<{ id: string }>(
      `SELECT l.id FROM list_snapshots l JOIN org_units o ON o.id = l.owner_unit_id
        WHERE l.round_id = $1 AND l.kind = 'CAMP_ELIGIBLE' AND o.code = 'TG-THANH-XUAN'`,
      [roundId],
    );
    const visitor = new Visitor(state.baseUrl);
    expect([302, 303]).toContain((await visitor.login('giamthi.tx', DEMO_PASSWORD)).status);
    const html = await (await visitor.send('GET', `/lists/${list.id}`)).text();
    const field = /<textarea id="doc-recipients" name="recipients"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];
    expect(field?.split('\n')).toEqual([await unitName('BCA-C10'), await unitName('VKSNDTC'), 'Lưu: VT.']);
  });

  // Re-renders and rasterises every demo document: allowed the time a machine busy with other work takes.
  it('stores each document signed by its issuer, found again by its file, its QR code and its re-rendered bytes', async () => {
    const app = state.app;
    const config = app.get<AppConfig>(APP_CONFIG);
    const failures: string[] = [];
    const stored: { pdf: Uint8Array; requests: RasterRequest[] }[] = [];
    const addresses: string[] = [];
    for (const m of made) {
      const [row] = await rows<{ created_at: Date; snapshot_hash: string; render_sha256: string | null }>(
        'SELECT created_at, snapshot_hash, render_sha256 FROM documents WHERE id = $1',
        [m.documentId],
      );
      const { bytes } = await app.get(DocumentsService).file(m.requester, m.documentId);
      const verdict = await app.get(DocumentVerificationService).verify(m.requester, bytes);
      if (verdict.match !== VerificationMatch.FILE_SHA256) failures.push(`${m.name}: ${verdict.match}`);
      const { valid, coversWholeFile, certificateMatchesIssuer } = verdict.signature;
      if (!valid || !coversWholeFile || certificateMatchesIssuer !== true)
        failures.push(`${m.name}: signature ${JSON.stringify({ valid, coversWholeFile, certificateMatchesIssuer })}`);
      // The same snapshot rendered again, unsigned, is the stored render byte for byte.
      const again = await app
        .get(DocumentRendererService)
        .render(
          m.snapshot,
          { id: m.documentId, createdAt: row.created_at, snapshotHash: row.snapshot_hash },
          { onProgress: async () => undefined, sign: null },
        );
      if (again.renderSha256 !== row.render_sha256) failures.push(`${m.name}: re-rendered to other bytes`);
      const [first] = await extractPages(bytes);
      const size = QR_SIZE_MM * PT_PER_MM + 8;
      stored.push({
        pdf: bytes,
        requests: [
          {
            page: 1,
            scale: 6,
            clip: {
              x: first.width - MARGINS_MM.right * PT_PER_MM - size + 4,
              y: MARGINS_MM.bottom * PT_PER_MM - 4,
              width: size,
              height: size,
            },
          },
        ],
      });
      addresses.push(verificationUrl(config.publicBaseUrl, m.documentId, row.snapshot_hash));
    }
    const rasters = await rasterize(engine.pool, stored);
    for (const [index, [raster]] of rasters.entries()) {
      const code = jsQR(new Uint8ClampedArray(raster.data.buffer), raster.width, raster.height);
      if (code?.data !== addresses[index]) failures.push(`${made[index].name}: QR code ${code?.data ?? 'unreadable'}`);
    }
    expect(failures).toEqual([]);
    expect(made).toHaveLength(stored.length);
  }, 300_000);

  it('sends the appraisal record to the standing body and the bodies whose lists it appraised (Điều 16, khoản 2)', async () => {
    const [standing] = await rows<{ name: string }>(
      `SELECT name FROM org_units WHERE kind = 'NATIONAL_BODY' AND body_kind = 'COUNCIL_STANDING'`,
    );
    const record = made.find((m) => m.kind === DocumentKind.APPRAISAL_RECORD)!;
    const recipients = (record.snapshot.data as { recipients: { entries: string[]; archive: string } }).recipients;
    // Both camps' lists reached the team through their ministries.
    expect(recipients).toEqual({
      entries: [standing.name, ...[await unitName('BCA'), await unitName('BQP')].sort()],
      archive: 'Lưu: VT.',
    });
    for (const entry of recipients.entries) expect(flatText(record.pages)).toContain(`- ${entry};`);
  });

  it('sends the explanatory report to the Council it is addressed to, the submission to the President’s Office', async () => {
    const body = async (kind: string) =>
      (
        await rows<{ name: string }>(`SELECT name FROM org_units WHERE kind = 'NATIONAL_BODY' AND body_kind = $1`, [
          kind,
        ])
      )[0].name;
    const printed = (kind: DocumentKind) => {
      const m = made.find((x) => x.kind === kind)!;
      const recipients = (m.snapshot.data as { recipients: { entries: string[] } }).recipients.entries;
      for (const entry of recipients) expect(flatText(m.pages)).toContain(`- ${entry};`);
      return recipients;
    };
    expect(printed(DocumentKind.EXPLANATORY_REPORT)).toEqual([await body('COUNCIL')]);
    expect(printed(DocumentKind.SUBMISSION)).toEqual([await body('PRESIDENT_OFFICE')]);
  });

  it('offers the appraisal record recipients pre-filled on its page, and prints them as the team edits them', async () => {
    const visitor = new Visitor(state.baseUrl);
    expect([302, 303]).toContain((await visitor.login(APPRAISERS[0], DEMO_PASSWORD)).status);
    const html = await (await visitor.send('GET', `/appraisal-records?id=${recordId}`)).text();
    const form = /<form method="post" action="\/documents"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    const field = /<textarea id="doc-recipients" name="recipients"[^>]*>([^<]*)<\/textarea>/.exec(form)?.[1];
    const [standing] = await rows<{ name: string }>(
      `SELECT name FROM org_units WHERE kind = 'NATIONAL_BODY' AND body_kind = 'COUNCIL_STANDING'`,
    );
    const ministries = [await unitName('BCA'), await unitName('BQP')].sort();
    expect(field?.split('\n')).toEqual([standing.name, ...ministries, 'Lưu: VT.']);

    // The team leaves one ministry off, adds the Council and its own archive line.
    const posted: Record<string, string> = {};
    for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (name) posted[name] = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
    }
    expect(posted.signerTitle).toBe('Tổ trưởng Tổ thẩm định liên ngành');
    const sent = await visitor.send('POST', '/documents', {
      ...posted,
      number: '07/BB-TTĐLN',
      signerName: 'Nguyễn Văn Thành',
      recipients: [standing.name, ministries[0], 'Hội đồng tư vấn đặc xá', 'Lưu: VT, TTĐLN.'].join('\n'),
    });
    expect(sent.status).toBe(303);
    const [stored] = await rows<{ snapshot: { recipients: { entries: string[]; archive: string } } }>(
      `SELECT snapshot FROM documents WHERE source_id = $1 AND number = '07/BB-TTĐLN'`,
      [recordId],
    );
    expect(stored.snapshot.recipients).toEqual({
      entries: [standing.name, ministries[0], 'Hội đồng tư vấn đặc xá'],
      archive: 'Lưu: VT, TTĐLN.',
    });
  });
});
