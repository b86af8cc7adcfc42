import { Injectable } from '@nestjs/common';
import type { SessionUser } from '../../auth/session-user.js';
import { DossierService, EDITABLE_STAGES } from '../../dossiers/dossier.service.js';
import { AppException } from '../../common/app.exception.js';
import { EligibilityErrorCode } from '../../eligibility/eligibility.exception.js';
import { EligibilityService } from '../../eligibility/eligibility.service.js';
import type { RuleResult } from '../../eligibility/core/rule.js';
import { Role } from '../../auth/user.entity.js';
import { Stage } from '../../workflow/core/stages.js';
import { DossierEventService } from '../../workflow/history/dossier-event.service.js';
import { CAMP_ROLES } from '../render/navigation.js';
import { PageService, type WebRequest } from '../render/page.service.js';
import { WebLookupRepository } from '../web-lookup.repository.js';
import { WorkflowLookupRepository } from '../workflow-lookup.repository.js';
import { DocumentSourceType } from '../../documents/builders/snapshot-builder.js';
import { DocumentKind } from '../../documents/view-models/common.js';
import { DOCUMENT_TITLES } from '../render/document-titles.js';
import { DossierFlagsView } from './dossier-flags.view.js';
import { dossierActions, REASON_CODE_CHOICES } from './dossier-actions.js';
import { buildExplanation } from './explanation-view.js';
import { buildFacts } from './facts-view.js';

// A finding that could not be recorded: the form reopens at its field with what was typed and why it failed.
export interface FlagProblem {
  field: string;
  message: string;
  kind: string;
  text: string;
}

const FACILITY_ISSUERS: readonly Role[] = [Role.WARDEN, Role.CAMP_COUNCIL_MEMBER];

// An action that could not be done: its form reopens with what was typed and the refusal beside it.
export interface ActionProblem {
  // The action's form that was refused (its posted `event` value).
  action: string;
  message: string;
  reason: string;
  reasonCode: string;
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
    private readonly workflow: WorkflowLookupRepository,
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

  // The documents made from this dossier, and the forms for those this user issues under their own letterhead: the
  // camp's proposal sheet (warden, camp council), the appraisal team's note (appraiser, while it appraises).
  private async documents(user: SessionUser, id: string, stage: string) {
    const kinds = [
      ...(FACILITY_ISSUERS.includes(user.role) ? [DocumentKind.PROPOSAL_SHEET] : []),
      ...(user.role === Role.APPRAISER && stage === Stage.APPRAISAL ? [DocumentKind.APPRAISAL_NOTE] : []),
    ];
    return {
      made: user.role === Role.ADMIN ? [] : await this.workflow.documentsOf(user, id),
      forms: kinds.map((kind) => ({
        kind,
        title: DOCUMENT_TITLES[kind],
        sourceType: DocumentSourceType.DOSSIER,
        sourceId: id,
        back: `/dossiers/${id}`,
        signerName: user.fullName,
        idPrefix: `${kind}-`,
      })),
    };
  }

  async render(
    request: WebRequest,
    user: SessionUser,
    id: string,
    problem?: FlagProblem,
    actionProblem?: ActionProblem,
  ): Promise<string> {
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
      contentVersion: (await this.lookups.contentVersion(id)) ?? dossier.version,
      // The actions offered are the transition table's for this user's role at this stage, and only those.
      actions: dossierActions(dossier.stage, user.role).map((a) => ({
        ...a,
        open: actionProblem?.action === a.key,
        problem: actionProblem?.action === a.key ? actionProblem.message : null,
        reason: actionProblem?.action === a.key ? actionProblem.reason : '',
        reasonCodes: REASON_CODE_CHOICES.map((c) => ({
          ...c,
          selected: actionProblem?.action === a.key && actionProblem.reasonCode === c.value,
        })),
      })),
      documents: await this.documents(user, id, dossier.stage),
      doc: { back: `/dossiers/${id}` },
      sentBack: dossier.stage === Stage.CORRECTION ? await this.lookups.sendBackReason(id) : null,
      flagging,
      problem,
      history: user.role === Role.ADMIN ? [] : await this.events.history(user, id),
    });
  }
}
