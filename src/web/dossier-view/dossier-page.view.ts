import { Injectable } from '@nestjs/common';
import type { SessionUser } from '../../auth/session-user.js';
import { DossierService, EDITABLE_STAGES } from '../../dossiers/dossier.service.js';
import { Stage } from '../../workflow/core/stages.js';
import { CAMP_ROLES } from '../render/navigation.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { DossierFlagsView } from './dossier-flags.view.js';
import { buildExplanation } from './explanation-view.js';
import { buildFacts } from './facts-view.js';

// A finding that could not be recorded: the form reopens at its field with what was typed and why it failed.
export interface FlagProblem {
  field: string;
  message: string;
  kind: string;
  text: string;
}

// One dossier page: the facts on the left, the engine's explanation and the agencies' findings on the right.
@Injectable()
export class DossierPageView {
  constructor(
    private readonly pages: PageService,
    private readonly dossiers: DossierService,
    private readonly lookups: WebLookupRepository,
    private readonly flags: DossierFlagsView,
  ) {}

  async render(request: WebRequest, user: SessionUser, id: string, problem?: FlagProblem): Promise<string> {
    const dossier = await this.dossiers.get(user, id);
    const evaluation = await this.lookups.latestEvaluation(id);
    const flagging = await this.flags.forDossier(user, id, dossier.stage);
    return this.pages.render(request, 'dossiers/view', dossier.document.person.fullName, {
      dossier,
      person: dossier.document.person,
      facts: buildFacts(dossier.document, flagging.flags),
      explanation: buildExplanation(evaluation),
      canEdit: CAMP_ROLES.includes(user.role) && EDITABLE_STAGES.includes(dossier.stage),
      canResubmit: CAMP_ROLES.includes(user.role) && dossier.stage === Stage.CORRECTION,
      sentBack: dossier.stage === Stage.CORRECTION ? await this.lookups.sendBackReason(id) : null,
      flagging,
      problem,
    });
  }
}
