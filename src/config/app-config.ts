import { availableParallelism } from 'node:os';

export interface AppConfig {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  // Port of the embedded PostgreSQL (only when DATABASE_URL is not set).
  databasePort: number;
  storageDir: string;
  sessionTtlMinutes: number;
  loadDemoData: boolean;
  chromePath?: string;
  documentJobTimeoutMs: number;
  // Whether this process also works the job queue (the API does by default; `npm run worker` only works it).
  runWorkers: boolean;
  // Evaluation threads a screening uses beside its database work (default: one per core).
  screeningThreads: number;
  // The address the public reaches this service at: printed in each document's QR code for verification.
  publicBaseUrl: string;
  // pino level of the JSON logs on stdout.
  logLevel: string;
  // When set, GET /metrics requires it as a bearer token.
  metricsToken?: string;
  // How long a SIGTERM keeps serving (with /health/ready at 503) before closing, so a load balancer can drain.
  shutdownGraceMs: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`Environment variable ${name} must be a positive integer, got "${raw}"`);
  return value;
}

// Parsed once at boot; a bad environment stops the process with a clear message.
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const port = integer(env, 'PORT', 3000);
  const publicBaseUrl = (env.PUBLIC_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicBaseUrl)) {
    throw new Error('PUBLIC_BASE_URL must be an http:// or https:// address, e.g. https://dacxa.example.gov.vn');
  }
  return {
    port,
    databaseUrl,
    dataDir: env.DATA_DIR || '.data/postgres',
    databasePort: integer(env, 'EMBEDDED_PG_PORT', 54329),
    storageDir: env.STORAGE_DIR || '.data/documents',
    sessionTtlMinutes: integer(env, 'SESSION_TTL_MINUTES', 480),
    loadDemoData: env.DEMO_DATA !== 'false',
    chromePath: env.CHROME_PATH || undefined,
    documentJobTimeoutMs: integer(env, 'DOCUMENT_JOB_TIMEOUT_MS', 300000),
    runWorkers: env.RUN_WORKERS !== 'false',
    screeningThreads: integer(env, 'SCREENING_THREADS', availableParallelism()),
    publicBaseUrl,
    logLevel: env.LOG_LEVEL || 'info',
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS === '0' ? 0 : integer(env, 'SHUTDOWN_GRACE_MS', 5000),
  };
}
