// Every migration in order. Never edit a committed migration: add a new one.
export const MIGRATIONS: Function[] = [];
