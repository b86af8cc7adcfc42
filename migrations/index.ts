import { CORE_MIGRATIONS } from './core.js';
import { WORKFLOW_MIGRATIONS } from './workflow.js';
import { DOCUMENTS_MIGRATIONS } from './documents.js';
import { Simulations1764000618000 } from './1764000618000-simulations.js';
import { SimulationChangesSetBasedReferences1764005900000 } from './1764005900000-simulation-changes-set-based-references.js';
import { DossierChildrenSetBasedReferences1764006700000 } from './1764006700000-dossier-children-set-based-references.js';
import { DossierRedundantIndexes1764006950000 } from './1764006950000-dossier-redundant-indexes.js';
import { DossierVersionsFactsStoredPlain1764006960000 } from './1764006960000-dossier-versions-facts-stored-plain.js';
import { DossierMovesHot1764007100000 } from './1764007100000-dossier-moves-hot.js';
import { AppraisalReached1764007110000 } from './1764007110000-appraisal-reached.js';
import { JOBS_MIGRATIONS } from './jobs.js';
import { OPERABILITY_MIGRATIONS } from './operability.js';

// Every migration. Never edit a committed migration: add a new one.
export const MIGRATIONS: Function[] = [
  ...CORE_MIGRATIONS,
  ...WORKFLOW_MIGRATIONS,
  ...DOCUMENTS_MIGRATIONS,
  Simulations1764000618000,
  ...JOBS_MIGRATIONS,
  ...OPERABILITY_MIGRATIONS,
  SimulationChangesSetBasedReferences1764005900000,
  DossierChildrenSetBasedReferences1764006700000,
  DossierRedundantIndexes1764006950000,
  DossierVersionsFactsStoredPlain1764006960000,
  DossierMovesHot1764007100000,
  AppraisalReached1764007110000,
];
