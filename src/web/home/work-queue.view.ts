import { Injectable } from '@nestjs/common';
import { Role } from '../../auth/user.entity.js';
import type { SessionUser } from '../../auth/session-user.js';
import { DossierListService } from '../../dossiers/dossier-list.service.js';
import { Stage } from '../../workflow/core/stages.js';
import { WorkQueueService } from '../../workflow/work-queue/work-queue.service.js';

const CAMP = new Set<Role>([Role.TEAM_OFFICER, Role.CAMP_COUNCIL_MEMBER, Role.WARDEN]);

// Where each waiting stage is worked on in the interface.
const WORK_PAGE: Partial<Record<Stage, string>> = {
  [Stage.APPLICATION]: '/ballots',
  [Stage.TEAM_BALLOT]: '/ballots',
  [Stage.CAMP_COUNCIL]: '/camp/council',
  [Stage.WARDEN]: '/camp/council',
  [Stage.POSTED]: '/lists',
  [Stage.DEPARTMENT]: '/lists',
  [Stage.MINISTRY]: '/lists',
  [Stage.APPRAISAL]: '/appraisal',
  [Stage.STANDING_BODY]: '/standing/flags',
  [Stage.ADVISORY_COUNCIL]: '/council',
  [Stage.GRANTED]: '/releases',
  [Stage.RELEASED]: '/certificates',
};

// The home page's work queue: what waits for me, what is overdue, what I sent back, and for the camp what came back
// to it for correction.
@Injectable()
export class WorkQueueView {
  constructor(
    private readonly queue: WorkQueueService,
    private readonly lists: DossierListService,
  ) {}

  async forUser(user: SessionUser) {
    if (user.role === Role.ADMIN) return null;
    const queue = await this.queue.forUser(user);
    const returned = CAMP.has(user.role)
      ? (await this.lists.list(user, { stage: Stage.CORRECTION, pageSize: 50 })).items
      : [];
    return {
      ...queue,
      // The commune or military unit reads no dossier: its people are on its presentations page.
      localUnit: user.role === Role.LOCAL_UNIT_OFFICER,
      waiting: queue.waiting.map((w) => ({ ...w, href: WORK_PAGE[w.stage as Stage] ?? `/dossiers?stage=${w.stage}` })),
      returned,
    };
  }
}
