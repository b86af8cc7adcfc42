import { AppraisalNoteBuilder } from '../documents/builders/appraisal-note.builder.js';
import { CertificateBuilder } from '../documents/builders/certificate.builder.js';
import { CouncilMinutesBuilder } from '../documents/builders/council-minutes.builder.js';
import { ExplanatoryReportBuilder } from '../documents/builders/explanatory-report.builder.js';
import { LawRecipients } from '../documents/builders/law-recipients.js';
import { ListSnapshotBuilder } from '../documents/builders/list-snapshot.builder.js';
import { ProposalSheetBuilder } from '../documents/builders/proposal-sheet.builder.js';
import { DocumentSourceType } from '../documents/builders/snapshot-builder.js';
import { SubmissionBuilder } from '../documents/builders/submission.builder.js';
import { TeamMeetingBuilder } from '../documents/builders/team-meeting.builder.js';
import type { StoredVerdicts } from '../eligibility/stored-verdicts.js';
import { OrgRoutingRepository } from '../workflow/lists/org-routing.repository.js';
import { documentSourceRecord, recordFilter, ScopedRecord } from './scope-filters.js';
import { Role } from './user.entity.js';

// Only each builder's source type and kinds are read: the builders never build here.
const NO_VERDICTS = null as unknown as StoredVerdicts;
const LAW = new LawRecipients(new OrgRoutingRepository());
const BUILDERS = [
  new ListSnapshotBuilder(NO_VERDICTS, LAW),
  new TeamMeetingBuilder(),
  new ProposalSheetBuilder(NO_VERDICTS),
  new AppraisalNoteBuilder(NO_VERDICTS),
  new CertificateBuilder(),
  new CouncilMinutesBuilder(),
  new ExplanatoryReportBuilder(LAW),
  new SubmissionBuilder(NO_VERDICTS, LAW),
];

describe('scope rules', () => {
  it('know what every kind of document is made from, so none is readable without a rule', () => {
    const made = BUILDERS.flatMap((b) => b.kinds.map((kind) => `${b.sourceType} → ${kind}`));
    const mapped = BUILDERS.flatMap((b) =>
      b.kinds.map((kind) => `${b.sourceType} → ${kind}: ${documentSourceRecord(b.sourceType, kind)}`),
    );
    expect(mapped.filter((m) => m.endsWith(': null'))).toEqual([]);
    expect(made.length).toBeGreaterThanOrEqual(Object.values(DocumentSourceType).length);
    expect(documentSourceRecord(DocumentSourceType.LIST_SNAPSHOT, 'council-minutes')).toBe(ScopedRecord.CAMP_COUNCIL);
    expect(documentSourceRecord(DocumentSourceType.LIST_SNAPSHOT, 'eligible-list')).toBe(ScopedRecord.LIST);
  });

  it('give the administrator and the national bodies nothing of a camp’s own records', () => {
    const subject = (role: Role) => ({ role, orgUnitPath: '/a/' });
    for (const record of [ScopedRecord.TEAM_MEETING, ScopedRecord.CAMP_COUNCIL]) {
      for (const role of [Role.ADMIN, Role.APPRAISER, Role.COUNCIL_STANDING_OFFICER, Role.COUNCIL_MEMBER])
        expect({ record, role, sql: recordFilter(record, subject(role), 'x', 1).sql }).toEqual({
          record,
          role,
          sql: 'false',
        });
    }
    expect(recordFilter(ScopedRecord.EXPLANATORY_REPORT, subject(Role.MINISTRY_OFFICER), 'x', 1).sql).toBe('false');
    expect(recordFilter(ScopedRecord.DOSSIER, subject(Role.ADMIN), 'x', 1).sql).toBe('false');
  });

  it('number the parameters of a composed condition one after another', () => {
    const filter = recordFilter(ScopedRecord.DOCUMENT, { role: Role.WARDEN, orgUnitPath: '/a/b/' }, 'd', 3);
    const used = [...filter.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
    expect(new Set(used)).toEqual(new Set(filter.params.map((_, i) => i + 3)));
  });
});
