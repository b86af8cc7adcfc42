import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../src/auth/session-user.js';
import { DocumentSourceType } from '../src/documents/builders/snapshot-builder.js';
import { DocumentsService } from '../src/documents/documents.service.js';
import { DocumentKind } from '../src/documents/view-models/common.js';
import { inLanes } from './lanes.js';
import type { PhaseOutcome } from './round-dry-run.js';

// The dry run's paperwork: every official document a round produces at every level, requested through the documents
// service as the unit that issues it (the same command as the web form and the API), then rendered by the job queue
// of the application under test until the last one is stored. The documents are the lists of every level (camp,
// department, ministry, appraisal team, standing body, Advisory Council), the camp council's minutes of each camp list,
// the minutes of every team meeting, each camp's procuracy notice, the complaint decisions and the submission to the
// President.

interface Source {
  kind: DocumentKind;
  sourceType: DocumentSourceType;
  sourceId: string;
  unitId: string;
}

const SIGNER = { title: 'Thủ trưởng đơn vị', name: 'Nguyễn Văn Thành' };
const POLL_MS = 200;

export async function paperwork(
  app: INestApplicationContext,
  roundId: string,
  as: (username: string) => Promise<SessionUser>,
): Promise<PhaseOutcome> {
  const dataSource = app.get(DataSource);
  const rows = <T>(sql: string, values: unknown[] = [roundId]) => dataSource.query(sql, values) as Promise<T[]>;
  const sources: Source[] = [];
  const source = (kind: DocumentKind, sourceType: DocumentSourceType, sourceId: string, unitId: string) =>
    sources.push({ kind, sourceType, sourceId, unitId });
  for (const list of await rows<{ id: string; kind: string; owner_unit_id: string }>(
    `SELECT id, kind, owner_unit_id FROM list_snapshots WHERE round_id = $1 AND kind <> 'PRESIDENT_DECISION'
      ORDER BY created_at, code`,
  )) {
    const listKind = list.kind.endsWith('_INELIGIBLE') ? DocumentKind.INELIGIBLE_LIST : DocumentKind.ELIGIBLE_LIST;
    source(listKind, DocumentSourceType.LIST_SNAPSHOT, list.id, list.owner_unit_id);
    if (list.kind === 'CAMP_ELIGIBLE')
      source(DocumentKind.COUNCIL_MINUTES, DocumentSourceType.LIST_SNAPSHOT, list.id, list.owner_unit_id);
    if (list.kind === 'COUNCIL_ELIGIBLE')
      source(DocumentKind.SUBMISSION, DocumentSourceType.LIST_SNAPSHOT, list.id, list.owner_unit_id);
  }
  for (const meeting of await rows<{ id: string; team_id: string }>(
    'SELECT id, team_id FROM team_meetings WHERE round_id = $1 ORDER BY created_at',
  ))
    source(DocumentKind.TEAM_MINUTES, DocumentSourceType.TEAM_MEETING, meeting.id, meeting.team_id);
  for (const notice of await rows<{ id: string; facility_id: string }>(
    'SELECT id, facility_id FROM procuracy_notices WHERE round_id = $1 ORDER BY recorded_at',
  ))
    source(DocumentKind.PROCURACY_NOTICE, DocumentSourceType.PROCURACY_NOTICE, notice.id, notice.facility_id);
  for (const complaint of await rows<{ id: string; facility_id: string }>(
    `SELECT c.id, d.facility_id FROM complaints c JOIN dossiers d ON d.id = c.dossier_id
      WHERE d.round_id = $1 AND c.decided_on IS NOT NULL ORDER BY c.recorded_at`,
  ))
    source(DocumentKind.COMPLAINT_DECISION, DocumentSourceType.COMPLAINT, complaint.id, complaint.facility_id);

  // Each document is requested by a person of its issuing unit.
  const staff = new Map<string, SessionUser>();
  for (const unit of await rows<{ org_unit_id: string; username: string }>(
    `SELECT DISTINCT ON (org_unit_id) org_unit_id, username FROM users
      WHERE org_unit_id = ANY($1) AND role <> 'ADMIN' AND active ORDER BY org_unit_id, username`,
    [[...new Set(sources.map((s) => s.unitId))]],
  ))
    staff.set(unit.org_unit_id, await as(unit.username));
  // The units ask for their documents at the same time, as their offices would, `PAPERWORK_LANES` at once; the
  // queue renders them as they come.
  const documents = app.get(DocumentsService);
  const ids: string[] = new Array(sources.length);
  await inLanes(sources, Number(process.env.PAPERWORK_LANES ?? 4), async (s, index) => {
    const requester = staff.get(s.unitId);
    if (!requester) throw new Error(`Dry run, paperwork: nobody of unit ${s.unitId} to issue the ${s.kind}`);
    const { documentId } = await documents.request(requester, {
      kind: s.kind,
      sourceType: s.sourceType,
      sourceId: s.sourceId,
      number: `${String(index + 1).padStart(2, '0')}/VB-DT`,
      signer: SIGNER,
    });
    ids[index] = documentId;
  });

  const done = await waitForDocuments(dataSource, ids, 'paperwork');
  const kinds = new Map<string, number>();
  for (const s of sources) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
  return {
    count: ids.length,
    unit: 'documents',
    note: `${done.pages} pages; ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
  };
}

// Until the queue has stored the last of the documents; a failed document fails the phase.
export async function waitForDocuments(
  dataSource: DataSource,
  ids: readonly string[],
  phase: string,
): Promise<{ pages: number }> {
  for (;;) {
    const states: { state: string; n: number; pages: number; error: string | null }[] = await dataSource.query(
      `SELECT j.state, count(*)::int AS n, coalesce(sum(d.pages), 0)::int AS pages, min(j.error) AS error
         FROM document_jobs j JOIN documents d ON d.id = j.document_id WHERE j.document_id = ANY($1)
        GROUP BY j.state`,
      [ids],
    );
    const failed = states.find((s) => s.state === 'failed');
    if (failed) throw new Error(`Dry run, ${phase}: ${failed.n} documents failed, e.g. ${failed.error}`);
    const completed = states.find((s) => s.state === 'completed');
    if ((completed?.n ?? 0) === ids.length) return { pages: completed?.pages ?? 0 };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
