import type { SessionUser } from '../../src/auth/session-user.js';
import { DocumentSourceType } from '../../src/documents/builders/snapshot-builder.js';
import type { CreateDocumentDto } from '../../src/documents/documents.dto.js';
import { DocumentsService } from '../../src/documents/documents.service.js';
import { DocumentKind } from '../../src/documents/view-models/common.js';
import type { DocumentSnapshot } from '../../src/documents/view-models/view-model-map.js';
import { AppraisalRecordRepository } from '../../src/workflow/appraisal/appraisal-record.repository.js';
import { AppraisalRecordService } from '../../src/workflow/appraisal/appraisal-record.service.js';
import { ComplaintService } from '../../src/workflow/complaints/complaint.service.js';
import { CouncilService } from '../../src/workflow/decisions/council.service.js';
import { Complainant } from '../../src/workflow/core/complaints.js';
import { RoundWalk } from '../../seeds/common/round-walk.js';
import { LIVE_ROUND_CODE } from '../../seeds/demo/live-round.js';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../../seeds/demo/accounts.js';
import { useDemoApp } from '../seeds/support/demo-app.js';
import { Visitor } from '../support/web-visitor.js';
import { extractPages, flatText, type ExtractedPage } from './support/pdf-text.js';
import { expectNothingInternal } from './support/printed-text.js';
import { sharedEngine } from './support/shared-engine.js';

interface Made {
  name: string;
  kind: DocumentKind;
  snapshot: DocumentSnapshot;
  pages: ExtractedPage[];
  bytes: Uint8Array;
  // Names the source holds with their diacritics, which the paper must print exactly.
  names: string[];
}

const APPRAISERS = ['thamdinh.ca', 'thamdinh.qp', 'thamdinh.tand', 'thamdinh.vks', 'thamdinh.mttq', 'thamdinh.btp'];
const SIGNER = { title: 'Thủ trưởng đơn vị', name: 'Nguyễn Văn Thành' };
// Labels whose value the document fills in; one standing alone at the end of a line is an empty field.
const FILLED_LABELS = /(?:^|\s)(Số|Họ và tên|Ngày sinh|Chủ tọa|Thư ký|Địa điểm|Thời gian)\s*:\s*$/;

// Every document kind the live demo round (DOT-MINH-HOA) holds a source for, made through the documents service as
// its staff would make it (no "Nơi nhận" typed: the law's recipients), then rendered and read back as text.
describe('documents of the live demo round, read as the office that signs them', () => {
  const { state, rows } = useDemoApp('demo_documents');
  const engine = sharedEngine();
  const made: Made[] = [];
  let roundId: string;
  const unitName = async (code: string): Promise<string> =>
    (await rows<{ name: string }>('SELECT name FROM org_units WHERE code = $1', [code]))[0].name;

  beforeAll(async () => {
    const app = state.app;
    roundId = (await rows<{ id: string }>('SELECT id FROM rounds WHERE code = $1', [LIVE_ROUND_CODE]))[0].id;
    const walk = new RoundWalk(app, { id: roundId, deadlines: {} as never }, 'Demo documents');
    // The appraisal team hears every agency on every name before it and draws its record (Luật Đặc xá 2018, Điều 16).
    const dataSource = app.get(DataSource);
    const persons = await app.get(AppraisalRecordRepository).persons(dataSource.manager, roundId);
    await walk.opinions(
      await Promise.all(APPRAISERS.map((u) => walk.as(u))),
      persons.map((p) => p.dossierId),
    );
    const record = await app.get(AppraisalRecordService).draw(await walk.as(APPRAISERS[0]), { roundId });
    // The Council settles the lists the standing body sent it, nobody removed: its eligible list goes to the President.
    const member = await walk.as('thanhvien.hdtvdx');
    const council = app.get(CouncilService);
    const { token } = await council.pending(member, roundId);
    await council.decide(member, { roundId, token, ineligible: [] });
    // A relative complains for a name the camp left off its list, and the warden decides it (Điều 36–37).
    const [left] = await rows<{ id: string; version: number }>(
      `SELECT d.id, d.version FROM dossiers d JOIN org_units f ON f.id = d.facility_id
        WHERE d.round_id = $1 AND d.stage = 'camp_ineligible' AND f.code = 'TG-THANH-XUAN' ORDER BY d.id LIMIT 1`,
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
         FROM list_snapshots l WHERE l.round_id = $1 ORDER BY l.created_at, l.code`,
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
    // A dossier at the appraisal team: the camp's proposal sheet and the team's appraisal note.
    const [atTeam] = await rows<{ id: string; facility_id: string; full_name: string }>(
      `SELECT id, facility_id, full_name FROM dossiers WHERE round_id = $1 AND stage = 'appraisal' ORDER BY id LIMIT 1`,
      [roundId],
    );
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

    const documents = app.get(DocumentsService);
    for (const [index, source] of sources.entries()) {
      const dto: CreateDocumentDto = {
        kind: source.kind,
        sourceType: source.sourceType,
        sourceId: source.sourceId,
        number: `${String(index + 1).padStart(2, '0')}/VB-MH`,
        signer: SIGNER,
      };
      const { documentId } = await documents.request(await userOf(source.unitId), dto);
      const [stored] = await rows<{ kind: DocumentKind; snapshot: DocumentSnapshot['data'] }>(
        'SELECT kind, snapshot FROM documents WHERE id = $1',
        [documentId],
      );
      const snapshot = { kind: stored.kind, data: stored.snapshot } as DocumentSnapshot;
      const rendered = await engine.render(snapshot, { createdAt: new Date('2025-07-10T02:00:00Z') });
      made.push({
        name: source.name,
        kind: source.kind,
        snapshot,
        bytes: rendered.bytes,
        pages: await extractPages(rendered.bytes),
        names: source.names,
      });
    }
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

  it('covers every document kind the round holds a source for, with the appraisal record, a complaint decision and the submission', () => {
    const kinds = new Set(made.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(
      [
        DocumentKind.TEAM_MINUTES,
        DocumentKind.COUNCIL_MINUTES,
        DocumentKind.ELIGIBLE_LIST,
        DocumentKind.INELIGIBLE_LIST,
        DocumentKind.PROPOSAL_SHEET,
        DocumentKind.APPRAISAL_NOTE,
        DocumentKind.PROCURACY_NOTICE,
        DocumentKind.APPRAISAL_RECORD,
        DocumentKind.COMPLAINT_DECISION,
        DocumentKind.SUBMISSION,
      ].sort(),
    );
    // Lists at every level the round reached: both camps, their departments and ministries, the appraisal team and
    // the standing body.
    expect(made.filter((m) => m.kind === DocumentKind.ELIGIBLE_LIST).length).toBeGreaterThanOrEqual(7);
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
      for (const key of ['number', 'placeDate', 'documentType', 'summary'])
        if (!String(data.heading[key] ?? '').trim()) empty.push(`${m.name}: heading.${key}`);
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
        WHERE l.round_id = $1`,
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
});
