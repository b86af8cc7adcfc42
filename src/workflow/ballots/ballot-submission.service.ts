import { Injectable } from '@nestjs/common';
import type { SessionUser } from '../../auth/session-user.js';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import { WorkflowEvent } from '../core/events.js';
import { workflowActorOf } from '../common/actor.js';
import { checkBulkRows } from '../common/bulk-rows.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { TransitionService } from '../history/transition.service.js';
import type { BallotSubmissionDto } from './ballot.dto.js';

// The team's officer puts the applications filed in the window to the team's meeting in one command (Nghị định
// 76/2008/NĐ-CP, Điều 7, khoản 1; Luật Đặc xá 2018, Điều 15, khoản 1): one transaction, every dossier through the
// transition table (the window is its guard), one history and one audit row each; any refusal refuses them all, each
// named on its row.
@Injectable()
export class BallotSubmissionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly transitions: TransitionService,
    private readonly scope: ScopeService,
  ) {}

  async submit(user: SessionUser, dto: BallotSubmissionDto, idempotencyKey?: string) {
    const actor = workflowActorOf(user);
    return this.uow.run(
      { userId: actor.id, key: idempotencyKey, scope: 'ballots.submit', request: dto },
      async (manager) => {
        const rows = dto.dossiers.map((d, i) => ({ ...d, path: `dossiers[${i}]` }));
        await checkBulkRows(manager, this.scope, {
          user,
          record: ScopedRecord.DOSSIER,
          rows: rows.map((r) => ({ id: r.dossierId, path: r.path, field: 'dossierId' })),
          what: 'hồ sơ',
        });
        const moved = await this.transitions.applyMany(manager, {
          user,
          actor,
          event: WorkflowEvent.SUBMIT_FOR_BALLOT,
          items: rows.map((r) => ({ dossierId: r.dossierId, version: r.version, path: r.path })),
        });
        return {
          submitted: moved.length,
          dossiers: moved.map((m) => ({
            dossierId: m.dossierId,
            fullName: m.fullName,
            stage: m.to,
            version: m.version,
          })),
        };
      },
    );
  }
}
