import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseBallotThreshold, type BallotThreshold } from '../core/ballot.js';
import { parseComplaintPeriods, type ComplaintPeriods } from '../core/complaints.js';
import { parseRoundDeadlines, type RoundDeadlines } from '../core/deadlines.js';
import { NotFoundException, ValidationFailedException } from '../../common/app.exception.js';

// A parameter may be stored bare or wrapped with its source and confidence ({ value, source, confidence }).
function unwrap(raw: unknown): unknown {
  return raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
}

export interface RoundRules {
  id: string;
  code: string;
  threshold: BallotThreshold;
  deadlines: RoundDeadlines;
  // The complaint periods of the round's parameters (Luật Đặc xá 2018, Điều 36–37); null where the round has none.
  complaints: ComplaintPeriods;
}

@Injectable()
export class WorkflowRoundRepository {
  async rules(manager: EntityManager, roundId: string): Promise<RoundRules> {
    const rows: {
      id: string;
      code: string;
      parameters: Record<string, unknown>;
      deadlines: Record<string, unknown>;
      posted_at: string | null;
    }[] = await manager.query(
      `SELECT id, code, parameters, deadlines, to_char(posted_at, 'YYYY-MM-DD') AS posted_at FROM rounds WHERE id = $1`,
      [roundId],
    );
    const round = rows[0];
    if (!round) throw new NotFoundException('đợt đặc xá');
    const parameters = (round.parameters ?? {}) as {
      ballot?: { threshold?: unknown };
      ballotThreshold?: unknown;
      deadlines?: Record<string, unknown>;
    };
    const threshold = parseBallotThreshold(unwrap(parameters.ballot?.threshold ?? parameters.ballotThreshold));
    const applicationDays =
      round.deadlines?.applicationDays ?? unwrap(parameters.deadlines?.applicationDays) ?? undefined;
    const courtListDays = round.deadlines?.courtListDays ?? unwrap(parameters.deadlines?.courtListDays) ?? undefined;
    const deadlines = parseRoundDeadlines({
      ...round.deadlines,
      ...(applicationDays === null || applicationDays === undefined ? {} : { applicationDays }),
      ...(courtListDays === null || courtListDays === undefined ? {} : { courtListDays }),
      postingDate: round.posted_at ?? round.deadlines?.postingDate ?? null,
    });
    const errors = [...threshold.errors, ...deadlines.errors];
    if (errors.length > 0) {
      throw new ValidationFailedException(
        errors.map((e) => ({ ...e, code: 'roundParameter' })),
        `Tham số của đợt ${round.code} không hợp lệ.`,
      );
    }
    return {
      id: round.id,
      code: round.code,
      threshold: threshold.threshold,
      deadlines: deadlines.deadlines,
      complaints: parseComplaintPeriods(parameters.deadlines),
    };
  }
}
