import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/user.entity.js';
import { createDataSource } from '../../src/database/data-source.js';
import { freePort, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { isAlive } from '../../src/common/child-processes.js';
import { readPostmaster } from '../../src/database/postmaster.js';
import { findProjectRoot } from '../../src/documents/render/project-paths.js';
import { planDocument } from '../../src/documents/kinds/plan-document.js';
import { DocumentKind } from '../../src/documents/view-models/common.js';
import type { DocumentSnapshot } from '../../src/documents/view-models/view-model-map.js';
import { JOB_RETRY_OPTIONS } from '../../src/jobs/job-queue.service.js';
import { DOCUMENT_CHUNK_QUEUE, DOCUMENT_RENDER_QUEUE } from '../../src/jobs/queue-names.js';
import { ProposalListFactory } from '../documents/factories/list.factory.js';
import { createTestOrg, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { TEST_PASSWORD } from '../factories/org.factory.js';

const ROOT = findProjectRoot();
// `npm start` is `npm run build && node dist/src/main.js`; the suite runs on a build of its own, so only the second
// half is run here, as its own process with its own data directory and ports.
const START = [join(ROOT, 'dist', 'src', 'main.js')];

interface Server {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

function startServer(env: NodeJS.ProcessEnv): Server {
  const child = spawn(process.execPath, START, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (b: Buffer) => output.push(b.toString()));
  child.stderr!.on('data', (b: Buffer) => output.push(`[stderr] ${b.toString()}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function until<T>(
  what: string | (() => string),
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

// The pids of the browsers the server recorded in RUN_DIR.
function recordedBrowsers(runDir: string): number[] {
  if (!existsSync(runDir)) return [];
  return readdirSync(runDir).map((name) => JSON.parse(readFileSync(join(runDir, name), 'utf8')).pid as number);
}

describe('crash and restart: kill -9 during a multi-chunk PDF and a screening', () => {
  const dir = mkdtempSync(join(tmpdir(), 'amnesty-crash-'));
  // As root, PostgreSQL runs as the `postgres` user, which must reach the data directory inside.
  chmodSync(dir, 0o755);
  let env: NodeJS.ProcessEnv;
  let owner: DataSource | undefined;
  let server: Server | undefined;

  beforeAll(async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    env = {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: '',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: join(dir, 'pg'),
      STORAGE_DIR: join(dir, 'documents'),
      RUN_DIR: join(dir, 'run'),
      DEMO_DATA: 'false',
      DOCUMENT_CHUNK_ROWS: '15',
      SCREENING_BATCH_SIZE: '400',
      SCREENING_THREADS: '1',
    };
  });

  afterAll(async () => {
    await owner?.destroy();
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const left = readPostmaster(join(dir, 'pg'));
    if (left && isAlive(left.pid)) process.kill(left.pid, 'SIGINT');
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts again, finishes both jobs from where they stopped, renders the same bytes and leaves no process behind', async () => {
    const baseUrl = `http://127.0.0.1:${env.PORT}`;
    const ready = (s: Server) =>
      until(
        () => `the server to be ready; it said:\n${s.output.join('')}`,
        async () => {
          if (s.child.exitCode !== null) throw new Error(`The server exited: ${s.output.join('')}`);
          return s.output.join('').includes('is ready');
        },
        90_000,
      );
    server = startServer(env);
    await ready(server);
    const postmaster = readPostmaster(join(dir, 'pg'))!;

    // A CLI joins the running database instead of starting a second server on the same data directory.
    const seeded = await run(
      [join(ROOT, 'dist', 'seeds', 'synthetic', 'cli.js'), '--dossiers', '3000', '--facilities', '10'],
      env,
    );
    expect(seeded).toMatchObject({ code: 0 });
    expect(readPostmaster(join(dir, 'pg'))!.pid).toBe(postmaster.pid);

    const ownerUrl = `postgres://amnesty:amnesty@127.0.0.1:${env.EMBEDDED_PG_PORT}/amnesty`;
    owner = createDataSource(ownerUrl, { poolSize: 2 });
    await owner.initialize();
    const org: TestOrg = await createTestOrg(owner);
    const [creator] = await owner.query('SELECT id FROM users WHERE username = $1', [org.users[Role.ADMIN]]);
    const short = {
      kind: DocumentKind.ELIGIBLE_LIST,
      data: ProposalListFactory.build({ facilities: [160, 140] }),
    } as DocumentSnapshot;
    const createdAt = new Date('2025-07-21T02:00:00Z');
    // The document stopped with Ctrl-C is long enough that an idle machine cannot finish it between the check that it
    // is under way and the signal.
    const long = {
      kind: DocumentKind.ELIGIBLE_LIST,
      data: ProposalListFactory.build({ facilities: [1500, 1500] }),
    } as DocumentSnapshot;
    const queueDocument = async (list: DocumentSnapshot = short): Promise<{ documentId: string; jobId: string }> => {
      const plan = planDocument(list);
      const [{ id: documentId }] = await owner!.query(
        `INSERT INTO documents (kind, source_type, source_id, issuer_unit_id, number, title, snapshot, snapshot_hash, created_by, created_at)
         VALUES ($1, 'list', $2, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          list.kind,
          org.facility.id,
          plan.number,
          plan.title,
          JSON.stringify(list.data),
          plan.snapshotHash,
          creator.id,
          createdAt,
        ],
      );
      return queueRender(documentId);
    };
    // Queued as DocumentsService queues it, with the queue's retry policy.
    const queueRender = async (documentId: string): Promise<{ documentId: string; jobId: string }> => {
      const [{ id: jobId }] = await owner!.query(`INSERT INTO document_jobs (document_id) VALUES ($1) RETURNING id`, [
        documentId,
      ]);
      const sender = new PgBoss({ connectionString: ownerUrl, schema: 'pgboss', max: 1 });
      await sender.start();
      await sender.send(DOCUMENT_RENDER_QUEUE, { jobId }, { ...JOB_RETRY_OPTIONS, expireInSeconds: 900 });
      await sender.stop({ graceful: false });
      return { documentId, jobId };
    };

    const admin = new HttpClient(baseUrl);
    expect((await admin.login(org.users[Role.ADMIN], TEST_PASSWORD)).status).toBe(200);
    const [round] = await owner.query(`SELECT id FROM rounds WHERE code LIKE 'TH-%' ORDER BY code LIMIT 1`);
    const interrupted = await queueDocument();
    const screening = await admin.post(`/api/rounds/${round.id}/screenings`);
    expect(screening.status).toBe(202);

    // Killed once both jobs are under way and neither has finished. However fast the machine screens, the screening
    // is held after its first committed batch: the test takes its row lock, so the next batch's progress update waits
    // (uncommitted) until the kill.
    const hold = owner.createQueryRunner();
    await hold.connect();
    await until(
      'the screening to commit its first batch',
      async () => {
        await hold.startTransaction();
        const [row] = await hold.query('SELECT done, total, status FROM screenings WHERE id = $1 FOR UPDATE', [
          screening.body.id,
        ]);
        if (row.status === 'RUNNING' && row.done > 0) return true;
        await hold.rollbackTransaction();
        if (row.status !== 'RUNNING' && row.status !== 'QUEUED')
          throw new Error(`The screening was ${row.status} before it could be held`);
        return false;
      },
      60_000,
    );
    const progress = async () => {
      const [job] = await owner!.query('SELECT chunks_done, chunks_total, state FROM document_jobs WHERE id = $1', [
        interrupted.jobId,
      ]);
      const [scr] = await owner!.query('SELECT done, total, status FROM screenings WHERE id = $1', [screening.body.id]);
      return { job, scr };
    };
    const atKill = await until(
      'both jobs to be under way',
      async () => {
        const p = await progress();
        return p.job.chunks_done >= 3 && p.scr.done > 0 ? p : null;
      },
      60_000,
    );
    const browsers = recordedBrowsers(env.RUN_DIR!);
    server.child.kill('SIGKILL');
    await server.exited;
    await hold.rollbackTransaction();
    await hold.release();
    expect(atKill.job.state).toBe('rendering');
    expect(atKill.scr.status).toBe('RUNNING');
    expect(atKill.scr.done).toBeLessThan(atKill.scr.total);
    expect(browsers.length).toBeGreaterThan(0);

    const restartedAt = Date.now();
    server = startServer(env);
    await ready(server);
    const readySeconds = (Date.now() - restartedAt) / 1000;
    const done = await until(
      'both jobs to complete',
      async () => {
        const p = await progress();
        return p.job.state === 'completed' && p.scr.status === 'DONE' ? p : null;
      },
      60_000,
    );
    const recoverySeconds = (Date.now() - restartedAt) / 1000;
    process.stdout.write(
      `crash test: server ready ${readySeconds.toFixed(1)} s after the restart, both jobs completed ` +
        `${recoverySeconds.toFixed(1)} s after it (${(recoverySeconds - readySeconds).toFixed(1)} s after ready)\n`,
    );
    expect(recoverySeconds).toBeLessThan(60);

    // The screening continued after its last committed batch: every dossier has exactly one result from it.
    const [results] = await owner.query(
      `SELECT count(*)::int AS n, count(DISTINCT dossier_id)::int AS d FROM eligibility_results WHERE screening_id = $1`,
      [screening.body.id],
    );
    expect(results).toEqual({ n: done.scr.total, d: done.scr.total });
    const [attempts] = await owner.query('SELECT attempts FROM screenings WHERE id = $1', [screening.body.id]);
    expect(attempts.attempts).toBe(2);

    // The resumed PDF is byte for byte the PDF of an uninterrupted render of the same document (its id and creation
    // time are printed in it): the document is rendered again from scratch, its stored chunks having been removed.
    expect(existsSync(join(env.STORAGE_DIR!, 'chunks', `${interrupted.documentId}-15`))).toBe(false);
    const sha256 = async () =>
      (await owner!.query('SELECT file_sha256 FROM documents WHERE id = $1', [interrupted.documentId]))[0].file_sha256;
    const resumed = await sha256();
    expect(resumed).toMatch(/^[0-9a-f]{64}$/);
    const clean = await queueRender(interrupted.documentId);
    await until(
      'the clean render',
      async () =>
        (await owner!.query('SELECT state, attempts FROM document_jobs WHERE id = $1', [clean.jobId]))[0].state ===
        'completed',
      60_000,
    );
    const [cleanJob] = await owner.query('SELECT attempts FROM document_jobs WHERE id = $1', [clean.jobId]);
    expect(cleanJob.attempts).toBe(1);
    expect(await sha256()).toBe(resumed);

    // The browsers of the killed server are gone. An ordered stop (Ctrl-C) in the middle of a render lets it finish
    // its chunk, puts the job back in the queue with its chunks kept, leaves nothing running and logs no error.
    for (const pid of browsers) expect({ pid, alive: isAlive(pid) }).toEqual({ pid, alive: false });
    const third = await queueDocument(long);
    await until(
      'the third render to be under way',
      async () =>
        (await owner!.query('SELECT chunks_done FROM document_jobs WHERE id = $1', [third.jobId]))[0].chunks_done >= 2,
      60_000,
    );
    const nowRunning = recordedBrowsers(env.RUN_DIR!);
    expect(nowRunning.length).toBeGreaterThan(0);
    await owner.destroy();
    owner = undefined;
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(readdirSync(join(env.STORAGE_DIR!, 'chunks', `${third.documentId}-15`)).length).toBeGreaterThanOrEqual(2);
    const pgPid = postmaster.pid;
    expect(isAlive(pgPid)).toBe(false);
    expect(readPostmaster(join(dir, 'pg'))).toBeNull();
    for (const pid of nowRunning) expect({ pid, alive: isAlive(pid) }).toEqual({ pid, alive: false });
    expect(recordedBrowsers(env.RUN_DIR!)).toEqual([]);
    expect(server.output.join('')).not.toMatch(/error|terminating connection/i);
    // Back in the queue for the next start, not failed (a long list: its interrupted chunk jobs).
    const reopened = await startEmbeddedPostgres({
      dataDir: join(dir, 'pg'),
      port: Number(env.EMBEDDED_PG_PORT),
      persistent: true,
    });
    const check = createDataSource(reopened.url, { poolSize: 1 });
    await check.initialize();
    try {
      const queued = await check.query(`SELECT state FROM pgboss.job WHERE name IN ($1, $2) AND data->>'jobId' = $3`, [
        DOCUMENT_RENDER_QUEUE,
        DOCUMENT_CHUNK_QUEUE,
        third.jobId,
      ]);
      expect(queued.map((j: { state: string }) => j.state)).toContain('created');
    } finally {
      await check.destroy();
      await reopened.stop();
    }
  }, 300_000);
});
