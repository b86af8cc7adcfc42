import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseBallotThreshold, thresholdBasisOf, type BallotThreshold, type ThresholdBasis } from '../core/ballot.js';
import { appraisalConclusionOf, CONCLUSION_PARAMETER, type AppraisalConclusion } from '../core/appraisal-team.js';
import { parseComplaintPeriods, type ComplaintPeriods } from '../core/complaints.js';
import { parseRoundDeadlines, type RoundDeadlines } from '../core/deadlines.js';
import { unwrapParam } from '../core/round-param.js';
import { NotFoundException, ValidationFailedException } from '../../common/app.exception.js';
import { isAgency } from '../../kernel/agencies.js';

const isAgencyList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isAgency);

// The rule pack of rounds under the Law on Special Amnesty 2018, whose Art 15(1) fixes the application window.
const LAW_2018_PACK = 'law-30-2018';

export interface RoundRules {
  id: string;
  code: string;
  threshold: BallotThreshold;
  // Where the threshold comes from; the service's default is marked as such (never a silent default).
  thresholdBasis: ThresholdBasis;
  deadlines: RoundDeadlines;
  // The complaint periods of the round's parameters (Luật Đặc xá 2018, Điều 36–37); null where the round has none.
  complaints: ComplaintPeriods;
  // The agencies whose opinion the appraisal team needs on every name (Luật Đặc xá 2018, Điều 10, khoản 3); null where
  // the round names none.
  appraisalTeam: string[] | null;
  // Which share of those agencies makes a name eligible, with its basis (the service's reading when the round is silent).
  appraisalConclusion: AppraisalConclusion;
  // The round's choice whether the camp council may reconsider a person the team did not put forward; null: not stated.
  councilMayReconsider: boolean | null;
  // Days after release within which the certificate is presented (Điều 20, khoản 2, điểm a); null: the round holds none.
  presentationDays: number | null;
  // The round's choice to inform the Ministry of Foreign Affairs of the foreigners granted (foreigners.
  // notifyForeignMinistry); absent or unknown reads as off.
  notifyForeignMinistry: boolean;
}

// A value the round holds with a known confidence; null where it is absent, unknown ('?') or of another type.
function knownValue<T>(raw: unknown, check: (v: unknown) => v is T): T | null {
  const value = unwrapParam(raw);
  return value !== null && value !== undefined && check(value) ? value : null;
}

// A round's row as its rules are read from it.
export interface RoundRow {
  id: string;
  code: string;
  rule_pack: string;
  parameters: Record<string, unknown>;
  deadlines: Record<string, unknown>;
  posted_at: string | null;
}

// The row as one json value, for a statement that reads the round along with something else (`r` is the round).
export const ROUND_ROW_JSON = `jsonb_build_object('id', r.id, 'code', r.code, 'rule_pack', r.rule_pack,
  'parameters', r.parameters, 'deadlines', r.deadlines, 'posted_at', to_char(r.posted_at, 'YYYY-MM-DD'))`;

@Injectable()
export class WorkflowRoundRepository {
  async rules(manager: EntityManager, roundId: string): Promise<RoundRules> {
    const rows: { round: RoundRow }[] = await manager.query(
      `SELECT ${ROUND_ROW_JSON} AS round FROM rounds r WHERE r.id = $1`,
      [roundId],
    );
    if (!rows[0]) throw new NotFoundException('đợt đặc xá');
    return rulesOf(rows[0].round);
  }
}

// The rules of a round from its row (read by `rules`, or along with the dossiers a transition locks).
export function rulesOf(round: RoundRow): RoundRules {
  const parameters = (round.parameters ?? {}) as {
    ballot?: { threshold?: unknown };
    ballotThreshold?: unknown;
    deadlines?: Record<string, unknown>;
    appraisal?: { requiredAgencies?: unknown; conclusion?: unknown };
    procedure?: { campCouncilMayReconsider?: unknown };
    foreigners?: { notifyForeignMinistry?: unknown };
  };
  const rawThreshold = parameters.ballot?.threshold ?? parameters.ballotThreshold;
  const threshold = parseBallotThreshold(unwrapParam(rawThreshold));
  // The window as the round states it (its deadlines, else its parameters with their source), null where the round
  // records it as unknown; a round silent on it takes its law's window, if that law has one.
  const stated = parameters.deadlines?.applicationDays as { value?: unknown; source?: unknown } | number | undefined;
  const fromParameters =
    stated !== undefined && stated !== null && typeof stated === 'object' && 'value' in stated
      ? { applicationDays: stated.value ?? null, applicationSource: stated.source }
      : stated !== undefined
        ? { applicationDays: stated }
        : {};
  const own = round.deadlines?.applicationDays;
  const fromRound = own !== undefined && own !== null ? { applicationDays: own } : {};
  // The courts' period (Luật Đặc xá 2018, Điều 15, khoản 3): the round's own, else its parameter, else the law's.
  const courtListDays = round.deadlines?.courtListDays ?? unwrapParam(parameters.deadlines?.courtListDays) ?? undefined;
  const deadlines = parseRoundDeadlines(
    {
      ...round.deadlines,
      ...fromParameters,
      ...fromRound,
      ...(courtListDays === null || courtListDays === undefined ? {} : { courtListDays }),
      postingDate: round.posted_at ?? round.deadlines?.postingDate ?? null,
    },
    round.rule_pack === LAW_2018_PACK,
  );
  const conclusion = appraisalConclusionOf(parameters.appraisal?.conclusion);
  const errors = [
    ...threshold.errors,
    ...deadlines.errors,
    ...('problem' in conclusion ? [{ path: CONCLUSION_PARAMETER, message: conclusion.problem }] : []),
  ];
  // A bad conclusion rule is among the errors; naming it here lets the compiler see the rule is known below.
  if (errors.length > 0 || 'problem' in conclusion) {
    throw new ValidationFailedException(
      errors.map((e) => ({ ...e, code: 'roundParameter' })),
      `Tham số của đợt ${round.code} không hợp lệ.`,
    );
  }
  return {
    id: round.id,
    code: round.code,
    threshold: threshold.threshold,
    thresholdBasis: thresholdBasisOf(rawThreshold),
    deadlines: deadlines.deadlines,
    complaints: parseComplaintPeriods(parameters.deadlines),
    appraisalTeam: knownValue(parameters.appraisal?.requiredAgencies, isAgencyList),
    appraisalConclusion: conclusion.conclusion,
    councilMayReconsider: knownValue(
      parameters.procedure?.campCouncilMayReconsider,
      (v): v is boolean => typeof v === 'boolean',
    ),
    presentationDays: knownValue(
      parameters.deadlines?.certificatePresentationDays,
      (v): v is number => Number.isInteger(v) && (v as number) > 0,
    ),
    notifyForeignMinistry:
      knownValue(parameters.foreigners?.notifyForeignMinistry, (v): v is boolean => typeof v === 'boolean') ?? false,
  };
}
