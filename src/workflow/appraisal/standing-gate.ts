import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agenciesDisagree, FlagStatus } from '../core/appraisal.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import { AppraisalRepository } from './appraisal.repository.js';

// Nghị định 76/2008/NĐ-CP, Điều 8, khoản 2: nothing reaches the Council with a finding unresolved, and any dossier on
// which agencies still disagree travels with the explanatory report. Returns the report to attach.
@Injectable()
export class StandingGate {
  constructor(private readonly appraisal: AppraisalRepository) {}

  async check(
    manager: EntityManager,
    dossierIds: readonly string[],
    names: Map<string, string>,
  ): Promise<string | null> {
    const flags = await this.appraisal.flagsFor(manager, dossierIds);
    const open = flags.filter((f) => f.status === FlagStatus.OPEN);
    if (open.length > 0) {
      const who = [...new Set(open.map((f) => names.get(f.dossierId) ?? f.dossierId))].join(', ');
      throw new WorkflowException(
        `Còn ${open.length} ý kiến thẩm định chưa được giải quyết (${who}).`,
        WorkflowExceptionCode.GUARD_FAILED,
        [
          {
            path: 'flags',
            code: 'open',
            message: 'Thường trực phải chấp nhận hoặc không chấp nhận từng ý kiến trước khi trình Hội đồng.',
          },
        ],
      );
    }
    const opinions = await this.appraisal.opinionsFor(manager, dossierIds);
    const disputed = dossierIds.filter((id) =>
      agenciesDisagree(
        opinions.filter((o) => o.dossierId === id),
        flags.filter((f) => f.dossierId === id),
      ),
    );
    if (disputed.length === 0) return null;
    const report = await this.appraisal.latestReportCovering(manager, disputed);
    const missing = disputed.filter((id) => !report?.covered.has(id));
    if (missing.length > 0) {
      throw new WorkflowException(
        `Các cơ quan chưa thống nhất về ${missing.length} hồ sơ (${missing.map((id) => names.get(id) ?? id).join(', ')}) mà chưa có báo cáo giải trình.`,
        WorkflowExceptionCode.GUARD_FAILED,
        [
          {
            path: 'explanatoryReport',
            code: 'missing',
            message: 'Lập báo cáo giải trình trước khi trình Hội đồng tư vấn đặc xá.',
          },
        ],
      );
    }
    return report!.id;
  }
}
