import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { AppException, FieldError, NotFoundException, ValidationFailedException } from '../common/app.exception.js';
import { ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';
import type { DossierDocument } from '../dossiers/dossier-format.js';
import { evaluateDossier, validateRoundParameters, type DossierEvaluation, type RoundParameters } from './core/index.js';
import { dossierToFacts } from './dossier-to-facts.js';
import { almostEligibleOn } from './almost-eligible.js';
import { CurrentDocument, EligibilityRepository, RoundRow, StoredResultRow } from './eligibility.repository.js';

@Injectable()
export class EligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EligibilityRepository,
    private readonly scope: ScopeService,
  ) {}

  // Evaluates without storing: for "what if" questions and for integrators checking a dossier before sending it.
  async evaluateInline(input: { roundCode?: string; round?: RoundParameters; dossier: DossierDocument }): Promise<DossierEvaluation> {
    let round: RoundParameters;
    if (input.round) {
      const errors = roundParameterErrors(input.round, 'round.');
      if (errors.length) throw new ValidationFailedException(errors);
      round = input.round;
    } else if (input.roundCode) {
      const row = await this.repository.roundByCode(this.dataSource.manager, input.roundCode);
      if (!row) throw new ValidationFailedException([{ path: 'roundCode', code: 'unknownRound', message: `Trường "roundCode": không có đợt đặc xá mã "${input.roundCode}".` }]);
      round = row.parameters;
    } else {
      throw new ValidationFailedException([{ path: 'roundCode', code: 'required', message: 'Cần cho biết đợt đặc xá: "roundCode" hoặc tham số "round".' }]);
    }
    return evaluateDossier(dossierToFacts(input.dossier), round);
  }

  // Evaluates the given dossiers' current versions against their round and stores one result each.
  async evaluateAndStore(manager: EntityManager, round: RoundRow, documents: CurrentDocument[], screeningId: string | null = null): Promise<StoredResultRow[]> {
    const rows = documents.map((d) => toStoredRow(evaluateDossier(dossierToFacts(d.document), round.parameters), d, round, screeningId));
    await this.repository.insertResults(manager, rows);
    return rows;
  }

  // A round whose parameters cannot be evaluated yet (e.g. no cut-off date) leaves dossiers unevaluated rather than
  // refusing them: the camp can file while the round is being configured.
  async evaluateDossiers(manager: EntityManager, roundId: string, dossierIds: string[]): Promise<void> {
    if (!dossierIds.length) return;
    const round = await this.repository.roundById(manager, roundId);
    if (!round) throw new NotFoundException('đợt đặc xá');
    if (!isEvaluable(round.parameters)) return;
    await this.evaluateAndStore(manager, round, await this.repository.documentsByIds(manager, dossierIds));
  }

  // The stored verdict with the full working recomputed from the same dossier version; `explanationMatches` says
  // whether the recomputation used the same facts and reached the same verdict (it will not if the round's
  // parameters were changed after the evaluation — then screen the round again).
  async latest(user: SessionUser, dossierId: string) {
    return this.dataSource.transaction(async (manager) => {
      await this.scope.assertDossierVisible(manager, user, dossierId);
      const stored = await this.repository.latest(manager, dossierId);
      if (!stored) throw new AppException('NOT_EVALUATED', 'Hồ sơ này chưa được đánh giá điều kiện đặc xá.', 404);
      const [version] = await this.repository.versionDocument(manager, dossierId, stored.dossierVersion);
      const round = await this.repository.roundById(manager, stored.roundId);
      const explanation = version && round && isEvaluable(round.parameters)
        ? evaluateDossier(dossierToFacts(version.document), round.parameters)
        : null;
      const explanationMatches = !!explanation && explanation.factsHash === stored.factsHash && explanation.status === stored.outcome;
      return { ...stored, explanation, explanationMatches };
    });
  }
}

export function isEvaluable(round: RoundParameters): boolean {
  return !!round && typeof round === 'object' && !!round.rulePack && !!round.cutoffDate?.value && validateRoundParameters(round).every((e) => e.severity !== 'error');
}

// Warnings (e.g. a value of uncertain source) are shown to the administrator; only errors block.
export function roundParameterErrors(round: RoundParameters, prefix = ''): FieldError[] {
  return validateRoundParameters(round)
    .filter((e) => e.severity === 'error')
    .map((e) => ({ path: `${prefix}${e.path}`, code: 'invalidParameter', message: `Tham số "${prefix}${e.path}": ${e.message}` }));
}

// What is stored per dossier: the verdict, the figures and the findings (every rule that did not pass, with its
// reason), plus each rule's outcome. The full rule-by-rule working, with both sides of every comparison, is
// recomputed on demand from the pinned dossier version; the stored facts hash proves it is the same input.
// Storing the whole working would be ~13 KB a dossier, 2 GB for a 150,000-dossier round.
export function storedSummary(e: DossierEvaluation) {
  return {
    status: e.status,
    category: e.category,
    categoryLabel: e.categoryLabel,
    packId: e.packId,
    packVersion: e.packVersion,
    roundCode: e.roundCode,
    factsHash: e.factsHash,
    figures: e.figures,
    failingRuleIds: e.failingRuleIds,
    reviewRuleIds: e.reviewRuleIds,
    missingEvidence: e.missingEvidence,
    almostEligible: e.almostEligible,
    almostEligibleOn: almostEligibleOn(e),
    attempts: e.attempts,
    outcomes: Object.fromEntries(e.results.map((r) => [r.ruleId, r.outcome])),
    results: e.results
      .filter((r) => r.outcome !== 'PASS' && r.outcome !== 'NOT_APPLICABLE')
      .map(({ inputs: _inputs, ...finding }) => finding),
  };
}

function toStoredRow(e: DossierEvaluation, d: CurrentDocument, round: RoundRow, screeningId: string | null): StoredResultRow {
  return {
    dossier_id: d.id,
    dossier_version: d.version,
    round_id: round.id,
    screening_id: screeningId,
    pack_id: e.packId,
    pack_version: e.packVersion,
    facts_hash: e.factsHash,
    outcome: e.status,
    category: e.category,
    result: storedSummary(e),
  };
}
