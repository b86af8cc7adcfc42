import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { FieldError, NotFoundException, ValidationFailedException } from '../common/app.exception.js';
import { ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';
import type { DossierDocument } from '../dossiers/dossier-format.js';
import {
  evaluateDossier,
  validateRoundParameters,
  type DossierEvaluation,
  type RoundParameters,
} from './core/index.js';
import { dossierToFacts } from './dossier-to-facts.js';
import { CurrentDocument, EligibilityRepository, RoundRow } from './eligibility.repository.js';
import { toStoredRow, type StoredResultRow } from './stored-result.js';
import { EligibilityErrorCode, EligibilityException } from './eligibility.exception.js';

@Injectable()
export class EligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EligibilityRepository,
    private readonly scope: ScopeService,
  ) {}

  // Evaluates without storing: for "what if" questions and for integrators checking a dossier before sending it.
  async evaluateInline(input: {
    roundCode?: string;
    round?: RoundParameters;
    dossier: DossierDocument;
  }): Promise<DossierEvaluation> {
    let round: RoundParameters;
    if (input.round) {
      const errors = roundParameterErrors(input.round, 'round.');
      if (errors.length) throw new ValidationFailedException(errors);
      round = input.round;
    } else if (input.roundCode) {
      const row = await this.repository.roundByCode(this.dataSource.manager, input.roundCode);
      if (!row)
        throw new ValidationFailedException([
          {
            path: 'roundCode',
            code: 'unknownRound',
            message: `Trường "roundCode": không có đợt đặc xá mã "${input.roundCode}".`,
          },
        ]);
      round = row.parameters;
    } else {
      throw new ValidationFailedException([
        { path: 'roundCode', code: 'required', message: 'Cần cho biết đợt đặc xá: "roundCode" hoặc tham số "round".' },
      ]);
    }
    return evaluateDossier(dossierToFacts(input.dossier), round);
  }

  // Evaluates the given dossiers' current versions against their round and stores one result each.
  async evaluateAndStore(
    manager: EntityManager,
    round: RoundRow,
    documents: CurrentDocument[],
    screeningId: string | null = null,
  ): Promise<StoredResultRow[]> {
    const rows = documents.map((d) =>
      toStoredRow(evaluateDossier(dossierToFacts(d.document), round.parameters), d, round.id, screeningId),
    );
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
      if (!stored)
        throw new EligibilityException(
          'Hồ sơ này chưa được đánh giá điều kiện đặc xá.',
          EligibilityErrorCode.NOT_EVALUATED,
        );
      const [version] = await this.repository.versionDocument(manager, dossierId, stored.dossierVersion);
      const round = await this.repository.roundById(manager, stored.roundId);
      const explanation =
        version && round && isEvaluable(round.parameters)
          ? evaluateDossier(dossierToFacts(version.document), round.parameters)
          : null;
      const explanationMatches =
        !!explanation && explanation.factsHash === stored.factsHash && explanation.status === stored.outcome;
      return { ...stored, explanation, explanationMatches };
    });
  }
}

export function isEvaluable(round: RoundParameters): boolean {
  return (
    !!round &&
    typeof round === 'object' &&
    !!round.rulePack &&
    !!round.cutoffDate?.value &&
    validateRoundParameters(round).every((e) => e.severity !== 'error')
  );
}

// Warnings (e.g. a value of uncertain source) are shown to the administrator; only errors block.
export function roundParameterErrors(round: RoundParameters, prefix = ''): FieldError[] {
  return validateRoundParameters(round)
    .filter((e) => e.severity === 'error')
    .map((e) => ({
      path: `${prefix}${e.path}`,
      code: 'invalidParameter',
      message: `Tham số "${prefix}${e.path}": ${e.message}`,
    }));
}
