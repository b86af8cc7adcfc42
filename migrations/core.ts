export const CORE_MIGRATIONS: Function[] = [];
