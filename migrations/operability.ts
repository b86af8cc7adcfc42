import { Operability1764001700000 } from './1764001700000-operability.js';

// Operations: failure codes on jobs and screenings, request ids on audit rows.
export const OPERABILITY_MIGRATIONS: Function[] = [Operability1764001700000];
