import { Injectable } from '@nestjs/common';
import { Role } from '../../auth/user.entity.js';
import type { SessionUser } from '../../auth/session-user.js';
import { DossierListService } from '../../dossiers/dossier-list.service.js';
import { Stage, STAGE_LABELS } from '../../workflow/core/stages.js';

export interface QueueCard {
  kind: 'waiting' | 'overdue' | 'sentback';
  label: string;
  count: number;
  href: string;
}

// The stages at which each role has something to do (DOMAIN §10.3).
const ACTS_ON: Record<Role, Stage[]> = {
  [Role.TEAM_OFFICER]: [Stage.APPLICATION, Stage.TEAM_BALLOT],
  [Role.CAMP_COUNCIL_MEMBER]: [Stage.CAMP_COUNCIL],
  [Role.WARDEN]: [Stage.WARDEN, Stage.POSTED],
  [Role.DEPARTMENT_OFFICER]: [Stage.DEPARTMENT],
  [Role.MINISTRY_OFFICER]: [Stage.MINISTRY],
  [Role.APPRAISER]: [Stage.APPRAISAL],
  [Role.COUNCIL_STANDING_OFFICER]: [Stage.STANDING_BODY],
  [Role.COUNCIL_MEMBER]: [Stage.ADVISORY_COUNCIL],
  [Role.ADMIN]: [],
};

const CAMP = new Set<Role>([Role.TEAM_OFFICER, Role.CAMP_COUNCIL_MEMBER, Role.WARDEN]);

// Counts for the home page, through the same scoped list the candidate page uses.
@Injectable()
export class WorkQueueView {
  constructor(private readonly lists: DossierListService) {}

  async cards(user: SessionUser): Promise<QueueCard[]> {
    const count = async (stage: Stage) => (await this.lists.list(user, { stage, pageSize: 1 })).total;
    const cards: QueueCard[] = [];
    for (const stage of ACTS_ON[user.role]) {
      cards.push({ kind: 'waiting', label: `Chờ xử lý: ${STAGE_LABELS[stage]}`, count: await count(stage), href: `/dossiers?stage=${stage}` });
    }
    if (CAMP.has(user.role)) {
      cards.push({ kind: 'sentback', label: 'Hồ sơ bị trả về để bổ sung, sửa chữa', count: await count(Stage.CORRECTION), href: `/dossiers?stage=${Stage.CORRECTION}` });
    }
    return cards;
  }
}
