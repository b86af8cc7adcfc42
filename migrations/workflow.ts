import { Workflow1764000200000 } from './1764000200000-workflow.js';

// The workflow feature's migrations; TypeORM orders all migrations by the timestamp in their names.
export const WORKFLOW_MIGRATIONS: Function[] = [Workflow1764000200000];
