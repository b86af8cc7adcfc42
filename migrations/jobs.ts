import { JobLeases1764000620000 } from './1764000620000-job-leases.js';
import { ScreeningParts1764006100000 } from './1764006100000-screening-parts.js';

// The job queue's migrations (leases for resuming after a crash; the runs of a large screening's part jobs).
export const JOBS_MIGRATIONS: Function[] = [JobLeases1764000620000, ScreeningParts1764006100000];
