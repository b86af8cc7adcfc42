// The documents feature's migrations; TypeORM orders all migrations by the timestamp in their names.
export const DOCUMENTS_MIGRATIONS: Function[] = [];
