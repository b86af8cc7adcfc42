import { Injectable } from '@nestjs/common';
import { Role } from '../../auth/user.entity.js';
import type { SessionUser } from '../../auth/session-user.js';
import { AppraisalService } from '../../workflow/appraisal/appraisal.service.js';
import { Stage } from '../../workflow/core/stages.js';

// What a dossier page shows of the appraisal: the findings on it and whether this user may add one. Only called
// after DossierService.get has checked that the user may see the dossier.
@Injectable()
export class DossierFlagsView {
  constructor(private readonly appraisal: AppraisalService) {}

  async forDossier(user: SessionUser, dossierId: string, stage: string) {
    const { flags, opinions } = await this.appraisal.findingsOf(dossierId);
    const canFlag = user.role === Role.APPRAISER && stage === Stage.APPRAISAL;
    return {
      flags,
      opinions,
      canFlag,
      canResolve: user.role === Role.COUNCIL_STANDING_OFFICER,
      ownOpinion: opinions.find((o) => o.agency === user.agency) ?? null,
    };
  }
}
