import { CoreSchema1764000000000 } from './1764000000000-core-schema.js';

export const CORE_MIGRATIONS: Function[] = [CoreSchema1764000000000];
