import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { FieldError, NotFoundException, ValidationFailedException } from '../common/app.exception.js';
import { roundShapeErrors } from './round-shape.js';
import { ScopeService } from '../auth/scope.service.js';
import type { SessionUser } from '../auth/session-user.js';
import type { DossierDocument } from '../dossiers/dossier-format.js';
import { evaluateDossier, ROUND_PRESETS, validateRoundParameters, type RoundParameters } from './core/index.js';
import { dossierToFacts } from './dossier-to-facts.js';
import { CurrentDocument, EligibilityRepository, RoundRow } from './eligibility.repository.js';
import { heldDate } from './council-date.js';
import { explainEvaluation } from './evaluation-answer.js';
import { evaluateDocument, toStoredRow, type StoredResultRow } from './stored-result.js';
import { readStoredResult } from './stored-result-reader.js';
import { RelianceSet } from './stored-reliances.js';
import { EligibilityErrorCode, EligibilityException } from './eligibility.exception.js';

@Injectable()
export class EligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EligibilityRepository,
    private readonly scope: ScopeService,
  ) {}

  // Evaluates without storing: for "what if" questions and for integrators checking a dossier before sending it.
  // The answer carries each rule's citation, the council date the medical papers were dated against, and the round
  // values below 'V' confidence the verdict rests on.
  async evaluateInline(input: {
    roundCode?: string;
    roundId?: string;
    presetCode?: string;
    round?: RoundParameters;
    councilMeetingDate?: string;
    dossier: DossierDocument;
  }) {
    const round = await this.roundOf(input);
    if (!isEvaluable(round))
      throw new ValidationFailedException([
        {
          path: 'round',
          code: 'roundNotEvaluable',
          message: `Đợt ${round.code} chưa đủ tham số để xét (thiếu thời điểm tính thời gian chấp hành án hoặc tham số sai).`,
        },
      ]);
    const { evaluation, council } = evaluateDocument(input.dossier, round, {
      decision: input.councilMeetingDate ?? null,
      facility: null,
    });
    return explainEvaluation(evaluation, round, council);
  }

  private async roundOf(input: {
    roundCode?: string;
    roundId?: string;
    presetCode?: string;
    round?: RoundParameters;
  }): Promise<RoundParameters> {
    const named = (['roundCode', 'roundId', 'presetCode', 'round'] as const).filter((k) => input[k] !== undefined);
    if (named.length !== 1)
      throw new ValidationFailedException([
        {
          path: named[1] ?? 'roundCode',
          code: named.length ? 'oneRound' : 'required',
          message: named.length
            ? 'Chỉ được cho biết đợt đặc xá một cách: "roundCode", "roundId", "presetCode" hoặc tham số "round".'
            : 'Cần cho biết đợt đặc xá: "roundCode", "roundId", "presetCode" hoặc tham số "round".',
        },
      ]);
    if (input.round) {
      const errors = roundParameterErrors(input.round, 'round.');
      if (errors.length) throw new ValidationFailedException(errors);
      return input.round;
    }
    if (input.presetCode !== undefined) {
      const preset = ROUND_PRESETS[input.presetCode];
      if (!preset) throw unknownRound('presetCode', `không có mẫu tham số "${input.presetCode}"`);
      return preset;
    }
    const row = input.roundId
      ? await this.repository.roundById(this.dataSource.manager, input.roundId)
      : await this.repository.roundByCode(this.dataSource.manager, input.roundCode!);
    if (!row)
      throw input.roundId
        ? unknownRound('roundId', `không có đợt đặc xá mã số "${input.roundId}"`)
        : unknownRound('roundCode', `không có đợt đặc xá mã "${input.roundCode}"`);
    return row.parameters;
  }

  // Evaluates the given dossiers' current versions against their round and stores one result each.
  async evaluateAndStore(
    manager: EntityManager,
    round: RoundRow,
    documents: CurrentDocument[],
    screeningId: string | null = null,
  ): Promise<StoredResultRow[]> {
    const reliances = new RelianceSet();
    const rows = documents.map((d) =>
      toStoredRow(
        evaluateDocument(d.document, round.parameters, {
          decision: d.decisionCouncilDate,
          facility: d.facilityCouncilDate,
        }),
        d,
        round.id,
        screeningId,
        reliances,
      ),
    );
    await this.repository.insertResults(manager, rows, reliances.rows());
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
  // Per value the round leaves unknown: how many of its latest verdicts it holds back (NEEDS_REVIEW naming it).
  async heldBackByUnknownValues(roundCode: string): Promise<Array<{ label: string; count: number }>> {
    const round = await this.repository.roundByCode(this.dataSource.manager, roundCode);
    return round ? this.repository.heldBackByUnknownValues(this.dataSource.manager, round.id) : [];
  }

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
      // The same council date as the stored result used, so the working reproduces it.
      const council = readStoredResult(stored.result).council;
      const explanation =
        version && round && isEvaluable(round.parameters)
          ? evaluateDossier(
              dossierToFacts(version.document, { councilMeetingDate: heldDate(council) }),
              round.parameters,
            )
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
    roundShapeErrors(round).length === 0 &&
    validateRoundParameters(round).every((e) => e.severity !== 'error')
  );
}

// Warnings (e.g. a value of uncertain source) are shown to the administrator; only errors block.
export function roundParameterErrors(round: RoundParameters, prefix = ''): FieldError[] {
  const shape = roundShapeErrors(round, prefix);
  if (shape.length) return shape;
  return validateRoundParameters(round)
    .filter((e) => e.severity === 'error')
    .map((e) => ({
      path: `${prefix}${e.path}`,
      code: 'invalidParameter',
      message: `Tham số "${prefix}${e.path}": ${e.message}`,
    }));
}

function unknownRound(path: string, problem: string): ValidationFailedException {
  return new ValidationFailedException([{ path, code: 'unknownRound', message: `Trường "${path}": ${problem}.` }]);
}
