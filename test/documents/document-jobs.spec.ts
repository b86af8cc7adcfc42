import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/user.entity.js';
import { findProjectRoot } from '../../src/documents/render/project-paths.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import type { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { downloadPdf, signIn, waitForJob } from './support/api-session.js';
import { extractPages, flatText } from './support/pdf-text.js';

// Files one dossier, records its team meeting and asks for the minutes; returns the job.
async function queueMinutes(
  app: TestApp,
  org: TestOrg,
  fullName: string,
): Promise<{ officer: { http: HttpClient; token: string }; requested: { status: number; body: any } }> {
  const officer = await signIn(app.baseUrl, org.users[Role.TEAM_OFFICER]);
  const doc = buildDossier({
    roundCode: org.roundCode,
    facilityCode: org.facility.code,
    teamCode: org.team.code,
    person: { fullName },
  });
  const created = await officer.http.post('/api/dossiers', doc);
  const submitted = await officer.http.post(`/api/dossiers/${created.body.id}/events`, {
    version: created.body.version,
    event: 'submit_for_ballot',
  });
  const meeting = await officer.http.post('/api/team-meetings', {
    roundId: org.roundId,
    teamId: org.team.id,
    meetingDate: '2025-07-12',
    membersPresent: 10,
    membersAbsent: 0,
    absentees: [],
    ballotsIssued: 10,
    ballotsReturned: 10,
    ballotsValid: 10,
    ballotsInvalid: 0,
    candidates: [
      {
        dossierId: created.body.id,
        version: submitted.body.version,
        votesFor: 9,
        votesAgainst: 1,
        votesBlank: 0,
        officerOpinion: 'Đề nghị xét đặc xá',
      },
    ],
  });
  const requested = await officer.http.post('/api/documents', {
    kind: 'team-minutes',
    sourceType: 'team-meeting',
    sourceId: meeting.body.meetingId,
    number: '09/BB-Đ1',
    signer: { title: 'Thư ký', name: 'Lê Văn Bình' },
  });
  expect(requested.status).toBe(202);
  return { officer, requested };
}

describe('documents API: jobs outlive the process that queued them', () => {
  it('is rendered by the next process that works the queue after a restart', async () => {
    const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-documents-'));
    const paused = await startTestApp({ STORAGE_DIR: storageDir, RUN_WORKERS: 'false' });
    const org = await createTestOrg(paused.dataSource);
    const { officer, requested } = await queueMinutes(paused, org, 'Hoàng Thị Ỷ');
    expect((await officer.http.get(`/api/documents/jobs/${requested.body.jobId}`)).body.state).toBe('queued');
    await paused.close();

    const restarted = await startTestApp({ STORAGE_DIR: storageDir });
    try {
      const again = await signIn(restarted.baseUrl, org.users[Role.TEAM_OFFICER]);
      const job = await waitForJob(again.http, requested.body.jobId);
      expect(job.state).toBe('completed');
      const text = flatText(
        await extractPages((await downloadPdf(restarted.baseUrl, again.token, requested.body.documentId)).bytes),
      );
      expect(text).toContain('Hoàng Thị Ỷ');
      // Its chunks were kept by content for the next document that prints the same HTML.
      expect(readdirSync(join(storageDir, 'chunk-cache')).length).toBeGreaterThan(0);
    } finally {
      await restarted.close();
    }
  });

  it('is rendered by a separate `npm run worker` process sharing the queue', async () => {
    const storageDir = mkdtempSync(join(tmpdir(), 'amnesty-documents-'));
    const api = await startTestApp({ STORAGE_DIR: storageDir, RUN_WORKERS: 'false' });
    const worker = spawn(process.execPath, [join(findProjectRoot(), 'dist', 'src', 'worker.js')], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: process.env.TEST_APP_DATABASE_URL,
        MIGRATION_DATABASE_URL: process.env.TEST_DATABASE_URL,
        STORAGE_DIR: storageDir,
        DEMO_DATA: 'false',
      },
      stdio: 'ignore',
    });
    try {
      const org = await createTestOrg(api.dataSource);
      const { officer, requested } = await queueMinutes(api, org, 'Vũ Quốc Việt');
      const job = await waitForJob(officer.http, requested.body.jobId, 60_000);
      expect(job.state).toBe('completed');
      const [row] = await api.dataSource.query('SELECT worker FROM document_jobs WHERE id = $1', [
        requested.body.jobId,
      ]);
      expect(row.worker).toMatch(new RegExp(`:${worker.pid}$`));
    } finally {
      worker.kill('SIGTERM');
      await api.close();
    }
  });
});
