import { JobLeases1764000620000 } from './1764000620000-job-leases.js';

// The job queue's migrations (leases for resuming after a crash).
export const JOBS_MIGRATIONS: Function[] = [JobLeases1764000620000];
