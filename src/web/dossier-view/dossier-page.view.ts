import { Injectable } from '@nestjs/common';
import type { SessionUser } from '../../auth/session-user.js';
import { DossierService, EDITABLE_STAGES } from '../../dossiers/dossier.service.js';
import { AppException } from '../../common/app.exception.js';
import { EligibilityErrorCode } from '../../eligibility/eligibility.exception.js';
import { EligibilityService } from '../../eligibility/eligibility.service.js';
import type { RuleResult } from '../../eligibility/core/rule.js';
import { Role } from '../../auth/user.entity.js';
import { eventsFor } from '../../workflow/core/decide-transition.js';
import { WorkflowEvent } from '../../workflow/core/events.js';
import { Stage } from '../../workflow/core/stages.js';
import { DossierEventService } from '../../workflow/history/dossier-event.service.js';
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
    private readonly eligibility: EligibilityService,
    private readonly events: DossierEventService,
  ) {}

  private async working(user: SessionUser, id: string): Promise<{ results: RuleResult[]; matches: boolean } | null> {
    try {
      const latest = await this.eligibility.latest(user, id);
      return latest.explanation ? { results: latest.explanation.results, matches: latest.explanationMatches } : null;
    } catch (error) {
      if (error instanceof AppException && error.code === EligibilityErrorCode.NOT_EVALUATED) return null;
      throw error;
    }
  }

  async render(request: WebRequest, user: SessionUser, id: string, problem?: FlagProblem): Promise<string> {
    const dossier = await this.dossiers.get(user, id);
    const evaluation = await this.lookups.latestEvaluation(id);
    const working = evaluation ? await this.working(user, id) : null;
    const flagging = await this.flags.forDossier(user, id, dossier.stage);
    return this.pages.render(request, 'dossiers/view', dossier.document.person.fullName, {
      dossier,
      person: dossier.document.person,
      facts: buildFacts(dossier.document, flagging.flags),
      explanation: buildExplanation(evaluation, working),
      canEdit: CAMP_ROLES.includes(user.role) && EDITABLE_STAGES.includes(dossier.stage),
      // The actions offered are the transition table's for this user's role at this stage.
      canResubmit: eventsFor(dossier.stage, user.role).includes(WorkflowEvent.RESUBMIT),
      sentBack: dossier.stage === Stage.CORRECTION ? await this.lookups.sendBackReason(id) : null,
      flagging,
      problem,
      history: user.role === Role.ADMIN ? [] : await this.events.history(user, id),
    });
  }
}
