import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';

export interface AppConfig {
  port: number;
  // The address HTTP listens on (every interface when unset).
  host?: string;
  databaseUrl?: string;
  // The owner role that runs migrations, when DATABASE_URL is the application's least-privilege role.
  migrationDatabaseUrl?: string;
  dataDir: string;
  // Port of the embedded PostgreSQL (only when DATABASE_URL is not set).
  databasePort: number;
  // Connections each process keeps to PostgreSQL, and how long a request waits for a free one before it is answered
  // 503 (busy) instead of queueing without end.
  databasePoolSize: number;
  databasePoolWaitMs: number;
  storageDir: string;
  // Pid files of the child processes (browsers) each process started, reaped at the next start after a crash.
  runDir: string;
  sessionTtlMinutes: number;
  // A session unused this long ends, whatever its absolute lifetime.
  sessionIdleMinutes: number;
  // Consecutive wrong passwords that lock an account for loginLockMinutes (an address: five times as many).
  loginMaxFailures: number;
  loginLockMinutes: number;
  // Cookies marked Secure (only sent over HTTPS): set when the service is reached through HTTPS.
  cookieSecure: boolean;
  // Express `trust proxy`: behind a reverse proxy, the client address comes from X-Forwarded-For.
  trustProxy: boolean | number | string;
  loadDemoData: boolean;
  chromePath?: string;
  documentJobTimeoutMs: number;
  // Rows of a long table rendered per chunk (a finished chunk is kept on disk until its document is stored).
  documentChunkRows: number;
  // Document jobs one process works at the same time (they share its browser's pages); chunk jobs likewise.
  documentJobsPerWorker: number;
  // A document of more chunks than this is printed by chunk jobs that any worker may take.
  documentFanoutChunks: number;
  // Chunks one chunk job prints.
  documentChunksPerJob: number;
  // Days a cached chunk PDF unused by any document is kept (DocumentStorage.chunkCache).
  documentChunkCacheDays: number;
  // Whether this process also works the job queue (the API does by default; `npm run worker` only works it).
  runWorkers: boolean;
  // HTTP processes `npm start` runs behind its one port (node's cluster): one per core in production, else one.
  apiProcesses: number;
  // Evaluation threads a screening uses beside its database work (default: one per core).
  screeningThreads: number;
  // Dossiers whose parsed facts the simulation threads keep between simulations, all threads together (a re-run
  // reads and parses only the others).
  simulationFactsKept: number;
  // A dossier list matching more dossiers than this shows its counts by verdict as last grouped (no older than
  // `listCountMaxAgeSeconds`, refreshed behind the page), saying when; a smaller one is counted exactly.
  listExactCountLimit: number;
  listCountMaxAgeSeconds: number;
  // The address the public reaches this service at: printed in each document's QR code for verification.
  publicBaseUrl: string;
  // pino level of the JSON logs on stdout.
  logLevel: string;
  // When set, GET /metrics requires it as a bearer token.
  metricsToken?: string;
  // How long a SIGTERM keeps serving (with /health/ready at 503) before closing, so a load balancer can drain;
  // Ctrl-C (SIGINT) does not wait.
  shutdownGraceMs: number;
  // Dossiers per committed batch of a screening (a retry after a crash continues after the last one).
  screeningBatchSize: number;
  // A screening of more dossiers than this is split into part jobs that any worker may take (ScreeningPartJobs).
  screeningFanoutDossiers: number;
  // Dossiers one screening part job covers (a keyset range of dossier ids, committed in one transaction).
  screeningPartDossiers: number;
  audit: AuditConfig;
  signing: SigningConfig;
}

// Where each issuing unit's signing key and X.509 certificate (PKCS#12) are found: `<unit code>.p12` in `dir`, else
// the default file; a unit with neither gets a self-signed certificate in `dir` when `selfSigned` (the demo), and
// without any its documents are stored unsigned.
export interface SigningConfig {
  dir: string;
  defaultP12File?: string;
  passphrase: string;
  selfSigned: boolean;
}

// Where the audit chain's signing key and signed checkpoints live: outside PostgreSQL, never in it.
export interface AuditConfig {
  // Ed25519 private key (PKCS#8 PEM) given by the environment; without it, keyFile is read or created on first start.
  signingKeyPem?: string;
  keyFile: string;
  checkpointDir: string;
  // A second party that also receives every checkpoint (HTTP POST, JSON body).
  checkpointUrl?: string;
  checkpointIntervalSeconds: number;
}

// ~2.5 KB of heap a dossier kept (synthetic facts of ~2,000 characters): ~370 MB for a round of 150,000.
export const SIMULATION_FACTS_KEPT = 200_000;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`Environment variable ${name} must be a positive integer, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false')
    throw new Error(`Environment variable ${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

// 'true' trusts every proxy, a number that many hops, anything else is Express's list of addresses or subnets.
function trustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

// `auto` is one per core; unset, one per core when NODE_ENV is production and one otherwise (development, tests).
function apiProcesses(env: NodeJS.ProcessEnv): number {
  const raw = env.API_PROCESSES;
  if (raw === 'auto' || ((raw === undefined || raw === '') && env.NODE_ENV === 'production'))
    return availableParallelism();
  return integer(env, 'API_PROCESSES', 1);
}

// Parsed once at boot; a bad environment stops the process with a clear message.
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL || undefined;
  for (const [name, value] of [
    ['DATABASE_URL', databaseUrl],
    ['MIGRATION_DATABASE_URL', migrationDatabaseUrl],
  ]) {
    if (value && !/^postgres(ql)?:\/\//.test(value))
      throw new Error(`${name} must start with postgres:// or postgresql://`);
  }
  const port = integer(env, 'PORT', 3000);
  const publicBaseUrl = (env.PUBLIC_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicBaseUrl)) {
    throw new Error('PUBLIC_BASE_URL must be an http:// or https:// address, e.g. https://dacxa.example.gov.vn');
  }
  if (migrationDatabaseUrl && !databaseUrl) throw new Error('MIGRATION_DATABASE_URL needs DATABASE_URL beside it');
  return {
    port,
    host: env.HOST || undefined,
    databaseUrl,
    migrationDatabaseUrl,
    dataDir: env.DATA_DIR || '.data/postgres',
    databasePort: integer(env, 'EMBEDDED_PG_PORT', 54329),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10),
    databasePoolWaitMs: integer(env, 'DATABASE_POOL_WAIT_MS', 15000),
    storageDir: env.STORAGE_DIR || '.data/documents',
    runDir: env.RUN_DIR || '.data/run',
    sessionTtlMinutes: integer(env, 'SESSION_TTL_MINUTES', 480),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 10),
    loginLockMinutes: integer(env, 'LOGIN_LOCK_MINUTES', 15),
    cookieSecure: flag(env, 'COOKIE_SECURE', false),
    trustProxy: trustProxy(env.TRUST_PROXY),
    loadDemoData: env.DEMO_DATA !== 'false',
    chromePath: env.CHROME_PATH || undefined,
    documentJobTimeoutMs: integer(env, 'DOCUMENT_JOB_TIMEOUT_MS', 300000),
    documentChunkRows: integer(env, 'DOCUMENT_CHUNK_ROWS', 250),
    documentChunkCacheDays: integer(env, 'DOCUMENT_CHUNK_CACHE_DAYS', 30),
    documentJobsPerWorker: integer(env, 'DOCUMENT_JOBS_PER_WORKER', 2),
    documentFanoutChunks: integer(env, 'DOCUMENT_FANOUT_CHUNKS', 16),
    documentChunksPerJob: Math.max(1, integer(env, 'DOCUMENT_CHUNKS_PER_JOB', 15)),
    runWorkers: env.RUN_WORKERS !== 'false',
    apiProcesses: apiProcesses(env),
    screeningThreads: integer(env, 'SCREENING_THREADS', availableParallelism()),
    simulationFactsKept: integer(env, 'SIMULATION_FACTS_KEPT', SIMULATION_FACTS_KEPT),
    listExactCountLimit: integer(env, 'LIST_EXACT_COUNT_LIMIT', 20_000),
    listCountMaxAgeSeconds: integer(env, 'LIST_COUNT_MAX_AGE_SECONDS', 60),
    publicBaseUrl,
    logLevel: env.LOG_LEVEL || 'info',
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS === '0' ? 0 : integer(env, 'SHUTDOWN_GRACE_MS', 5000),
    screeningBatchSize: integer(env, 'SCREENING_BATCH_SIZE', 2000),
    screeningFanoutDossiers: integer(env, 'SCREENING_FANOUT_DOSSIERS', 20_000),
    screeningPartDossiers: Math.max(1, integer(env, 'SCREENING_PART_DOSSIERS', 10_000)),
    audit: auditConfig(env, env.DATA_DIR || '.data/postgres'),
    signing: {
      dir: env.SIGNING_DIR || join(dirname(env.DATA_DIR || '.data/postgres'), 'signing'),
      defaultP12File: env.SIGNING_P12_FILE || undefined,
      passphrase: env.SIGNING_P12_PASSWORD ?? '',
      selfSigned: flag(env, 'SIGNING_SELF_SIGNED', env.DEMO_DATA !== 'false'),
    },
  };
}

function auditConfig(env: NodeJS.ProcessEnv, dataDir: string): AuditConfig {
  const auditDir = env.AUDIT_DIR || join(dirname(dataDir), 'audit');
  const checkpointUrl = env.AUDIT_CHECKPOINT_URL || undefined;
  if (checkpointUrl && !/^https?:\/\//.test(checkpointUrl)) {
    throw new Error('AUDIT_CHECKPOINT_URL must start with http:// or https://');
  }
  return {
    signingKeyPem: env.AUDIT_SIGNING_KEY || undefined,
    keyFile: join(auditDir, 'signing-key.pem'),
    checkpointDir: env.AUDIT_CHECKPOINT_DIR || join(auditDir, 'checkpoints'),
    checkpointUrl,
    checkpointIntervalSeconds: integer(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60),
  };
}
