// The workflow feature's migrations; TypeORM orders all migrations by the timestamp in their names.
export const WORKFLOW_MIGRATIONS: Function[] = [];
