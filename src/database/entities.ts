import { WORKFLOW_ENTITIES } from '../workflow/workflow.registry.js';
import { DOCUMENTS_ENTITIES } from '../documents/documents.registry.js';

// Every TypeORM entity, registered once.
export const CORE_ENTITIES: Function[] = [];
export const ENTITIES: Function[] = [...CORE_ENTITIES, ...WORKFLOW_ENTITIES, ...DOCUMENTS_ENTITIES];
