import { Role } from '../../../src/auth/user.entity.js';
import type { TestOrg } from '../../factories/org.factory.js';
import type { TestApp } from '../../support/test-app.js';
import { addPresidentOffice, client } from './pipeline.js';

// Carries the names before the appraisal team in a round through the team, the standing body, the Council and the
// President's decision over the API (Luật Đặc xá 2018, Điều 16–17), so that a browser test can start at the certificate.
export async function grantFromAppraisal(app: TestApp, org: TestOrg, roundId: string): Promise<void> {
  const fail = (step: string, res: { status: number; body: unknown }) => {
    throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await addPresidentOffice(app, org);
  const [appraiser, standing, council] = await Promise.all(
    [Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER].map((r) => client(app, org.users[r])),
  );
  const ids: { id: string }[] = await app.dataSource.query(
    `SELECT id FROM dossiers WHERE round_id = $1 AND stage = 'appraisal'`,
    [roundId],
  );
  for (const { id } of ids) {
    const opinion = await appraiser.put(`/api/appraisal/dossiers/${id}/opinion`, { opinion: 'agree' });
    if (opinion.status !== 200) fail('opinion', opinion);
  }
  for (const who of [appraiser, standing]) {
    const pending = await who.get(`/api/lists/pending?roundId=${roundId}`);
    const forwarded = await who.post('/api/lists/forward', { token: pending.body.token, roundId });
    if (forwarded.status !== 200) fail('forward', forwarded);
  }
  const pending = await council.get(`/api/council/pending?roundId=${roundId}`);
  const lists = await council.post('/api/council/lists', { roundId, token: pending.body.token, ineligible: [] });
  if (lists.status !== 201) fail('council lists', lists);
  const decision = await standing.post('/api/president-decisions', {
    councilListId: lists.body.eligible.id,
    number: '1244/QĐ-CTN',
    decisionDate: '2025-08-29',
  });
  if (decision.status !== 201) fail('decision', decision);
}
