import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../src/auth/session-user.js';
import { certificateIssuer } from '../src/documents/builders/certificate.builder.js';
import { CertificateBatchService } from '../src/documents/certificate-batch/certificate-batch.service.js';
import { DocumentRendererService } from '../src/documents/document-renderer.service.js';
import { snapshotHash } from '../src/documents/snapshot-hash.js';
import type { CertificateBatchViewModel } from '../src/documents/view-models/certificate.js';
import { DocumentKind } from '../src/documents/view-models/common.js';
import { BULK_ROWS_PER_REQUEST } from '../src/workflow/common/bulk-rows.js';
import { ReleaseBatchService } from '../src/workflow/decisions/release-batch.service.js';
import { inLanes } from './lanes.js';
import type { PhaseOutcome } from './round-dry-run.js';
import { waitForDocuments } from './round-paperwork.js';

// After the President's decision: each camp's warden records the release of every granted person of the camp in one
// command (POST /api/certificates/releases), then the unit that issues the camp's certificates (the camp, or the
// department above a detention centre) issues them in one batch per facility, rendered by the job queue.

type As = (username: string) => Promise<SessionUser>;

const SIGNER = { title: 'Thủ trưởng đơn vị', name: 'Nguyễn Văn Thành' };

interface Granted {
  dossier_id: string;
  version: number;
  facility_id: string;
  warden: string;
}

export async function releases(app: INestApplicationContext, roundId: string, as: As): Promise<PhaseOutcome> {
  const dataSource = app.get(DataSource);
  const granted: Granted[] = await dataSource.query(
    `SELECT c.dossier_id, d.version, c.facility_id,
            (SELECT u.username FROM users u WHERE u.org_unit_id = c.facility_id AND u.role = 'WARDEN' AND u.active
              ORDER BY u.username LIMIT 1) AS warden
       FROM amnesty_certificates c JOIN president_decisions p ON p.id = c.decision_id JOIN dossiers d ON d.id = c.dossier_id
      WHERE p.round_id = $1 AND c.released_on IS NULL ORDER BY c.facility_id, c.number`,
    [roundId],
  );
  const [{ day }] = await dataSource.query(
    `SELECT to_char(max(decision_date), 'YYYY-MM-DD') AS day FROM president_decisions WHERE round_id = $1`,
    [roundId],
  );
  const byFacility = new Map<string, Granted[]>();
  for (const c of granted) {
    if (!c.warden) throw new Error(`Dry run, releases: facility ${c.facility_id} has no warden`);
    byFacility.set(c.facility_id, [...(byFacility.get(c.facility_id) ?? []), c]);
  }
  const service = app.get(ReleaseBatchService);
  let commands = 0;
  for (const camp of byFacility.values()) {
    const warden = await as(camp[0].warden);
    for (let i = 0; i < camp.length; i += BULK_ROWS_PER_REQUEST) {
      await service.release(warden, {
        releasedOn: day,
        releases: camp
          .slice(i, i + BULK_ROWS_PER_REQUEST)
          .map((c) => ({ dossierId: c.dossier_id, version: c.version })),
      });
      commands += 1;
    }
  }
  return { count: granted.length, unit: 'releases', note: `${byFacility.size} facilities, ${commands} commands` };
}

export async function certificateBatches(app: INestApplicationContext, roundId: string, as: As): Promise<PhaseOutcome> {
  const dataSource = app.get(DataSource);
  const facilities: { facility_id: string; facility_kind: string | null; parent_id: string | null }[] =
    await dataSource.query(
      `SELECT DISTINCT c.facility_id, f.facility_kind, f.parent_id
         FROM amnesty_certificates c JOIN president_decisions p ON p.id = c.decision_id JOIN org_units f ON f.id = c.facility_id
        WHERE p.round_id = $1 AND c.released_on IS NOT NULL ORDER BY c.facility_id`,
      [roundId],
    );
  const batches = app.get(CertificateBatchService);
  const ids: string[] = new Array(facilities.length);
  let certificates = 0;
  // The facilities issue theirs at the same time, `PAPERWORK_LANES` at once, as for the other documents.
  await inLanes(facilities, Number(process.env.PAPERWORK_LANES ?? 4), async (facility, index) => {
    const issuer = await certificateIssuer(dataSource.manager, facility);
    const [user] = await dataSource.query(
      `SELECT username FROM users WHERE org_unit_id = $1 AND role IN ('WARDEN', 'DEPARTMENT_OFFICER') AND active
        ORDER BY username LIMIT 1`,
      [issuer.id],
    );
    if (!user) throw new Error(`Dry run, certificates: nobody of unit ${issuer.id} to issue them`);
    const issued = await batches.issue(await as(user.username), {
      roundId,
      facilityId: facility.facility_id,
      symbol: 'GCNĐX',
      signer: SIGNER,
    });
    ids[index] = issued.documentId;
    certificates += issued.certificates;
  });
  const done = await waitForDocuments(dataSource, ids, 'certificates');
  return {
    count: certificates,
    unit: 'certificates',
    note: `${done.pages} pages in ${ids.length} signed documents (one per facility)`,
  };
}

// The same pages printed one certificate per document, unsigned, straight through the renderer (no queue, no
// storage): `sample` of the run's certificates, the mean extrapolated to every certificate of the run.
export async function singleCertificateBaseline(
  app: INestApplicationContext,
  roundId: string,
  sample = 12,
): Promise<{ certificates: number; perDocument: number; extrapolated: number } | null> {
  const dataSource = app.get(DataSource);
  const rows: { snapshot: CertificateBatchViewModel }[] = await dataSource.query(
    `SELECT d.snapshot FROM documents d JOIN certificate_batches b ON b.id = d.source_id
      WHERE d.kind = 'certificate-batch' AND b.round_id = $1`,
    [roundId],
  );
  const all = rows.flatMap((r) => r.snapshot.certificates);
  if (!all.length) return null;
  const renderer = app.get(DocumentRendererService);
  const picked = all.slice(0, sample);
  const t0 = performance.now();
  for (const data of picked) {
    const snapshot = { kind: DocumentKind.CERTIFICATE, data } as const;
    await renderer.render(
      snapshot,
      { id: randomUUID(), createdAt: new Date(), snapshotHash: snapshotHash(snapshot.kind, data) },
      { onProgress: async () => undefined, sign: null },
    );
  }
  const perDocument = (performance.now() - t0) / 1000 / picked.length;
  return { certificates: all.length, perDocument, extrapolated: perDocument * all.length };
}
