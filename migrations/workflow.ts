import { Workflow1764000200000 } from './1764000200000-workflow.js';
import { WorkflowSetBasedReferences1764000200100 } from './1764000200100-workflow-set-based-references.js';
import { MeetingRecords1764000630000 } from './1764000630000-meeting-records.js';
import { Complaints1764000714000 } from './1764000714000-complaints.js';
import { ProcuracyNotices1764000714100 } from './1764000714100-procuracy-notices.js';
import { Courts1764000720100 } from './1764000720100-courts.js';
import { AfterDecision1764000730000 } from './1764000730000-after-decision.js';
import { CourtComplaints1764001900000 } from './1764001900000-court-complaints.js';
import { CourtIneligibleLists1764002000000 } from './1764002000000-court-ineligible-lists.js';
import { ForeignMinistryNotices1764003000000 } from './1764003000000-foreign-ministry-notices.js';
import { PresentationUnits1764003300000 } from './1764003300000-presentation-units.js';

// The workflow feature's migrations; TypeORM orders all migrations by the timestamp in their names.
export const WORKFLOW_MIGRATIONS: Function[] = [
  Workflow1764000200000,
  WorkflowSetBasedReferences1764000200100,
  MeetingRecords1764000630000,
  Complaints1764000714000,
  ProcuracyNotices1764000714100,
  Courts1764000720100,
  AfterDecision1764000730000,
  CourtComplaints1764001900000,
  CourtIneligibleLists1764002000000,
  ForeignMinistryNotices1764003000000,
  PresentationUnits1764003300000,
];
