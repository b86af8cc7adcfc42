import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/app.exception.js';
import {
  actionableDossierFilter,
  documentSourceRecord,
  dossierFacilityFilter,
  recordFilter,
  RECORD_TABLES,
  ScopedRecord,
  type ScopeSubject,
  type SqlFilter,
  unitFilter,
} from './scope-filters.js';
import { ScopeRepository } from './scope.repository.js';
import { Role } from './user.entity.js';

export { NATIONAL_VISIBLE_STAGES, ScopedRecord, type ScopeSubject, type SqlFilter } from './scope-filters.js';

// How each record is named when it does not exist for the caller.
const NOT_FOUND_NAMES: Record<ScopedRecord, string> = {
  [ScopedRecord.DOSSIER]: 'hồ sơ',
  [ScopedRecord.LIST]: 'danh sách',
  [ScopedRecord.CAMP_COUNCIL]: 'biên bản Hội đồng xét đề nghị đặc xá của trại',
  [ScopedRecord.TEAM_MEETING]: 'biên bản họp đội',
  [ScopedRecord.CERTIFICATE]: 'giấy chứng nhận đặc xá',
  [ScopedRecord.EXPLANATORY_REPORT]: 'báo cáo giải trình',
  [ScopedRecord.SCREENING]: 'lượt rà soát',
  [ScopedRecord.DOCUMENT]: 'văn bản',
  [ScopedRecord.DOCUMENT_JOB]: 'công việc lập văn bản',
  [ScopedRecord.COMPLAINT]: 'đơn khiếu nại',
  [ScopedRecord.PROCURACY_NOTICE]: 'thông báo gửi Viện kiểm sát',
  [ScopedRecord.COURT_PROPOSAL]: 'văn bản đề nghị của Tòa án',
  [ScopedRecord.APPRAISAL_RECORD]: 'biên bản thẩm định',
  [ScopedRecord.APPRAISED_DOSSIER]: 'hồ sơ',
  [ScopedRecord.APPRAISAL_FLAG]: 'ý kiến thẩm định',
  [ScopedRecord.DECISION_POSTING]: 'việc niêm yết Quyết định đặc xá',
  [ScopedRecord.FOREIGN_MINISTRY_NOTICE]: 'thông báo gửi Bộ Ngoại giao',
  [ScopedRecord.CERTIFICATE_BATCH]: 'đợt cấp giấy chứng nhận đặc xá của trại',
};

// The one place every feature asks what a caller may read: dossiers, lists, meetings, certificates, reports,
// screenings and the documents made from them (the rules themselves are in scope-filters.ts). Anything outside the
// caller's scope does not exist for them: 404, never 403, so its existence is not given away.
@Injectable()
export class ScopeService {
  constructor(private readonly repository: ScopeRepository) {}

  filter(record: ScopedRecord, subject: ScopeSubject, alias: string, firstParam: number): SqlFilter {
    return recordFilter(record, subject, alias, firstParam);
  }

  unitFilter(subject: ScopeSubject, alias: string, firstParam: number): SqlFilter {
    return unitFilter(subject, alias, firstParam);
  }

  dossierFilter(subject: ScopeSubject, alias: string, firstParam: number): SqlFilter {
    return recordFilter(ScopedRecord.DOSSIER, subject, alias, firstParam);
  }

  // The facilities that can hold a dossier `subject` may read (scope-filters.ts, dossierFacilityFilter).
  dossierFacilityFilter(subject: ScopeSubject, alias: string, firstParam: number): SqlFilter {
    return dossierFacilityFilter(subject, alias, firstParam);
  }

  // The dossiers `subject` may move through the transition table: those it may read, and the ones whose certificate
  // names its commune or military unit (scope-filters.ts, actionableDossierFilter).
  transitionFilter(subject: ScopeSubject, alias: string, firstParam: number): SqlFilter {
    return actionableDossierFilter(subject, alias, firstParam);
  }

  // The dossiers a screening started by `subject` evaluates: the administrator's covers the whole round, anyone
  // else's only the dossiers they may read (a ministry its own facilities).
  screeningDossierFilter(subject: ScopeSubject, alias: string, firstParam: number): SqlFilter {
    if (subject.role === Role.ADMIN) return { sql: 'true', params: [] };
    return this.dossierFilter(subject, alias, firstParam);
  }

  async visibleIds(
    manager: EntityManager,
    subject: ScopeSubject,
    record: ScopedRecord,
    ids: readonly string[],
  ): Promise<string[]> {
    return this.repository.visibleIds(manager, RECORD_TABLES[record], ids, this.filter(record, subject, 'x', 2));
  }

  async assertVisible(manager: EntityManager, subject: ScopeSubject, record: ScopedRecord, id: string): Promise<void> {
    if (!(await this.visibleIds(manager, subject, record, [id])).length)
      throw new NotFoundException(NOT_FOUND_NAMES[record]);
  }

  // A unit of the organisation the caller works in (unitFilter), else 404 naming `name`.
  async assertUnitVisible(manager: EntityManager, subject: ScopeSubject, unitId: string, name: string): Promise<void> {
    if (!(await this.repository.visibleIds(manager, 'org_units', [unitId], unitFilter(subject, 'x', 2))).length)
      throw new NotFoundException(name);
  }

  assertDossierVisible(manager: EntityManager, subject: ScopeSubject, dossierId: string): Promise<void> {
    return this.assertVisible(manager, subject, ScopedRecord.DOSSIER, dossierId);
  }

  // A document may be made only from a source the caller may read.
  async assertDocumentSourceVisible(
    manager: EntityManager,
    subject: ScopeSubject,
    source: { sourceType: string; kind: string; sourceId: string },
  ): Promise<void> {
    const record = documentSourceRecord(source.sourceType, source.kind);
    if (!record) throw new NotFoundException('nguồn dữ liệu của văn bản');
    await this.assertVisible(manager, subject, record, source.sourceId);
  }
}
