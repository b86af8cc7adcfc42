import type { DataSource } from 'typeorm';
import { Role } from '../../../src/auth/user.entity.js';
import { planDocument } from '../../../src/documents/kinds/plan-document.js';
import { DocumentKind } from '../../../src/documents/view-models/common.js';
import type { DocumentSnapshot } from '../../../src/documents/view-models/view-model-map.js';
import type { TestOrg } from '../../factories/org.factory.js';
import { ProposalListFactory } from '../factories/list.factory.js';

// A stored eligible list of the facility (`rows` names per facility group) and its document job in `state`, not yet
// on the queue: for the tests of the workers that take it from there.
export async function storedListJob(
  ds: DataSource,
  org: TestOrg,
  options: { rows?: number[]; state?: string } = {},
): Promise<{ jobId: string; documentId: string; snapshot: DocumentSnapshot }> {
  const data = ProposalListFactory.build(options.rows ? { facilities: options.rows } : {});
  const snapshot = { kind: DocumentKind.ELIGIBLE_LIST, data } as DocumentSnapshot;
  const plan = planDocument(snapshot);
  const [creator] = await ds.query('SELECT id FROM users WHERE username = $1', [org.users[Role.ADMIN]]);
  const [{ id: documentId }] = await ds.query(
    `INSERT INTO documents (kind, source_type, source_id, issuer_unit_id, number, title, snapshot, snapshot_hash, created_by)
     VALUES ($1, 'list', $2, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [snapshot.kind, org.facility.id, plan.number, plan.title, JSON.stringify(data), plan.snapshotHash, creator.id],
  );
  const [{ id: jobId }] = await ds.query(
    `INSERT INTO document_jobs (document_id, state) VALUES ($1, $2) RETURNING id`,
    [documentId, options.state ?? 'queued'],
  );
  return { jobId, documentId, snapshot };
}
