import { snapshotHash } from '../snapshot-hash.js';
import type { AppraisalRecordViewModel } from '../view-models/appraisal-record.js';
import { DocumentKind } from '../view-models/common.js';
import { ListLevel } from '../view-models/proposal-list.js';
import type { DocumentSnapshot } from '../view-models/view-model-map.js';
import type { DocumentPlan, DocumentSection } from './document-plan.js';
import { listLines } from './list-lines.js';

function single(
  template: string,
  context: object,
  orientation: 'portrait' | 'landscape' = 'portrait',
): DocumentSection {
  return { template, orientation, context: { ...context }, rows: null };
}

function withTable(
  template: string,
  context: object,
  key: string,
  items: unknown[],
  orientation: 'portrait' | 'landscape',
  keepWithClosing = KEEP_WITH_CLOSING,
): DocumentSection {
  return { template, orientation, context: { ...context }, rows: { key, items, keepWithClosing } };
}

// Table rows that stay on the closing's page: enough that the signatures never stand alone.
const KEEP_WITH_CLOSING = 2;

function sections(snapshot: DocumentSnapshot): DocumentSection[] {
  switch (snapshot.kind) {
    case DocumentKind.TEAM_MINUTES:
      return [withTable('team-minutes', snapshot.data, 'candidates', snapshot.data.candidates, 'portrait')];
    case DocumentKind.COUNCIL_MINUTES:
      return [withTable('council-minutes', snapshot.data, 'decisions', snapshot.data.decisions, 'portrait')];
    case DocumentKind.ELIGIBLE_LIST:
    case DocumentKind.INELIGIBLE_LIST: {
      const data = snapshot.data;
      const grouped = data.level !== ListLevel.FACILITY || data.groups.length > 1;
      const context = { ...data, grouped, ineligible: snapshot.kind === DocumentKind.INELIGIBLE_LIST };
      const lines = listLines(data.groups, grouped);
      return [withTable('proposal-list', context, 'lines', lines, 'landscape')];
    }
    case DocumentKind.PROPOSAL_SHEET:
      return [single('proposal-sheet', snapshot.data)];
    case DocumentKind.APPRAISAL_NOTE:
      return [single('appraisal-note', snapshot.data)];
    case DocumentKind.EXPLANATORY_REPORT:
      return [
        withTable('explanatory-report', snapshot.data, 'disagreements', snapshot.data.disagreements, 'landscape'),
      ];
    case DocumentKind.SUBMISSION:
      return [
        single('submission', snapshot.data),
        ...snapshot.data.annexes.map((annex) =>
          withTable(
            'submission-annex',
            { annex, ineligible: annex.variant === 'ineligible', number: snapshot.data.heading.number },
            'lines',
            listLines(annex.groups, true),
            'landscape',
            0,
          ),
        ),
      ];
    case DocumentKind.CERTIFICATE:
      return [single('certificate', snapshot.data)];
    // One certificate per page: the certificates are the rows, cut into chunks of pages like a long list's rows.
    case DocumentKind.CERTIFICATE_BATCH:
      return [withTable('certificate-batch', {}, 'certificates', snapshot.data.certificates, 'portrait', 0)];
    case DocumentKind.COMPLAINT_DECISION:
      return [single('complaint-decision', snapshot.data)];
    case DocumentKind.PROCURACY_NOTICE:
      return [single('procuracy-notice', snapshot.data)];
    case DocumentKind.APPRAISAL_RECORD:
      return [single('appraisal-record', appraisalRecordContext(snapshot.data), 'landscape')];
    default: {
      const unknownKind: never = snapshot;
      throw new Error(`No plan for document kind ${JSON.stringify(unknownKind)}`);
    }
  }
}

// The record is short enough to render in one piece, but its last table's final rows still travel with the closing:
// the rows of the last list that has any are split into a body and a tail the template keeps with the signatures.
function appraisalRecordContext(data: AppraisalRecordViewModel): object {
  const closesEligible = data.ineligible.length === 0 && data.eligible.length > 0;
  const last = closesEligible ? data.eligible : data.ineligible;
  const cut = Math.max(0, last.length - KEEP_WITH_CLOSING);
  return {
    ...data,
    closesEligible,
    eligibleRows: closesEligible ? last.slice(0, cut) : data.eligible,
    ineligibleRows: closesEligible ? [] : last.slice(0, cut),
    tail: last.slice(cut),
  };
}

export function planDocument(snapshot: DocumentSnapshot): DocumentPlan {
  const heading = snapshot.data.heading;
  return {
    kind: snapshot.kind,
    number: heading.number,
    title: `${heading.documentType} ${heading.summary}`,
    snapshotHash: snapshotHash(snapshot.kind, snapshot.data),
    // A batch's pages are certificates handed out one by one: none carries the batch's page number.
    pageNumbers: snapshot.kind !== DocumentKind.CERTIFICATE_BATCH,
    sections: sections(snapshot),
  };
}
