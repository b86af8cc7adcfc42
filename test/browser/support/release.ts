import { Role } from '../../../src/auth/user.entity.js';
import type { TestOrg } from '../../factories/org.factory.js';
import type { TestApp } from '../../support/test-app.js';
import { addPresidentOffice, client, dossiersAtAppraisal, forwardUp, presetRound } from './pipeline.js';

function ok(step: string, res: { status: number; body: unknown }): void {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
}

// From the appraisal team's opinions to the President's decision over the API, as the national bodies would: on to the
// standing body (with its explanatory report when a name is disputed), the Council's lists, the decision of
// 29/08/2025 on every name.
export async function decideRound(
  app: TestApp,
  org: TestOrg,
  roundId: string,
  options: { report: boolean },
): Promise<void> {
  const standing = await client(app, org.users[Role.COUNCIL_STANDING_OFFICER]);
  await forwardUp(app, [org.users[Role.APPRAISER]], roundId);
  if (options.report) ok('report', await standing.post('/api/appraisal/explanatory-reports', { roundId }));
  await forwardUp(app, [org.users[Role.COUNCIL_STANDING_OFFICER]], roundId);
  const council = await client(app, org.users[Role.COUNCIL_MEMBER]);
  const pending = await council.get(`/api/council/pending?roundId=${roundId}`);
  const lists = await council.post('/api/council/lists', { roundId, token: pending.body.token, ineligible: [] });
  ok('council', lists);
  ok(
    'decision',
    await standing.post('/api/president-decisions', {
      councilListId: lists.body.eligible.id,
      number: '1244/QĐ-CTN',
      decisionDate: '2025-08-29',
    }),
  );
}

export interface ReleasedPerson {
  certificateId: string;
  dossierId: string;
  fullName: string;
}

// Takes one person per entry through the whole chain over the API, as each unit would, and has the warden release them
// on 01/09/2025, each certificate naming the given commune for the presentation (or none); `released: false` leaves a
// person granted, for a page to release.
export async function releasedPersons(
  app: TestApp,
  org: TestOrg,
  people: { fullName: string; presentationUnitId: string | null; released?: false }[],
): Promise<{ round: { id: string; code: string }; released: ReleasedPerson[] }> {
  // `released` lists every person, released or left granted, in the order given.
  const round = await presetRound(app, org);
  const ids = await dossiersAtAppraisal(
    app,
    org,
    round,
    people.map((p) => p.fullName),
  );
  await addPresidentOffice(app, org);
  const appraiser = await client(app, org.users[Role.APPRAISER]);
  // One name disputed, so the standing body has a report to write before the Council.
  for (const [i, id] of ids.entries())
    ok(
      'opinion',
      await appraiser.put(
        `/api/appraisal/dossiers/${id}/opinion`,
        i === 0 ? { opinion: 'agree' } : { opinion: 'disagree', note: 'Chưa đủ thời gian chấp hành án' },
      ),
    );
  await decideRound(app, org, round.id, { report: ids.length > 1 });
  const warden = await client(app, org.users[Role.WARDEN]);
  const certificates: { id: string; dossierId: string; fullName: string; version: number; dossierVersion: number }[] = (
    await warden.get('/api/certificates')
  ).body;
  const released: ReleasedPerson[] = [];
  for (const person of people) {
    const c = certificates.find((x) => x.fullName === person.fullName)!;
    released.push({ certificateId: c.id, dossierId: c.dossierId, fullName: c.fullName });
    if (person.released === false) continue;
    ok(
      'release',
      await warden.post(`/api/certificates/${c.id}/release`, {
        releasedOn: '2025-09-01',
        version: c.version,
        dossierVersion: c.dossierVersion,
        ...(person.presentationUnitId ? { presentationUnitId: person.presentationUnitId } : {}),
      }),
    );
  }
  return { round, released };
}
