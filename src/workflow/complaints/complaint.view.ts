import { daysBetween } from '../../kernel/calendar-date.js';
import {
  COMPLAINANT_LABELS,
  COMPLAINT_LEVEL_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  type Complainant,
  type ComplaintLevel,
  type ComplaintOutcome,
} from '../core/complaints.js';
import { isStage, STAGE_LABELS } from '../core/stages.js';
import type { ComplaintRow } from './complaint.repository.js';

export interface ComplaintView extends Omit<ComplaintRow, 'recordedAt'> {
  recordedAt: string;
  levelLabel: string;
  complainantLabel: string;
  outcomeLabel: string | null;
  targetStageLabel: string | null;
  dossierStageLabel: string;
  // Undecided past its due date (the round's decision period from receipt).
  overdue: boolean;
  daysOverdue: number;
}

export function complaintView(row: ComplaintRow, today: string): ComplaintView {
  const overdue = !row.outcome && !!row.dueOn && today > row.dueOn;
  return {
    ...row,
    recordedAt: new Date(row.recordedAt).toISOString(),
    levelLabel: COMPLAINT_LEVEL_LABELS[row.level as ComplaintLevel],
    complainantLabel: COMPLAINANT_LABELS[row.complainant as Complainant],
    outcomeLabel: row.outcome ? COMPLAINT_OUTCOME_LABELS[row.outcome as ComplaintOutcome] : null,
    targetStageLabel: row.targetStage && isStage(row.targetStage) ? STAGE_LABELS[row.targetStage] : null,
    dossierStageLabel: isStage(row.dossierStage) ? STAGE_LABELS[row.dossierStage] : row.dossierStage,
    overdue,
    daysOverdue: overdue ? daysBetween(row.dueOn!, today) : 0,
  };
}
