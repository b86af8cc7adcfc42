import type { EntityManager } from 'typeorm';
import { ROUND_PRESETS } from '../../src/eligibility/core/index.js';
import type { RoundParameters } from '../../src/eligibility/core/index.js';
import { RoundStatus } from '../../src/rounds/round.entity.js';
import type { RoundCalendar } from '../common/dossier-builder.js';
import { addDays, nextQuarter, quarterOf, quarterStart } from '../common/dates.js';
import type { Rng } from '../common/prng.js';
import { insertRounds } from '../common/seed-writer.js';

export interface SyntheticRound {
  id: string;
  code: string;
  calendar: RoundCalendar;
}

// The dates a synthetic round's dossiers are drawn around: the preset's cut-off, posting four days after the decision,
// the council eight days later.
export function syntheticRoundCalendar(presetCode: string): RoundCalendar {
  const preset: RoundParameters | undefined = ROUND_PRESETS[presetCode];
  if (!preset) throw new Error(`Không có bộ tham số mẫu "${presetCode}". Có: ${Object.keys(ROUND_PRESETS).join(', ')}`);
  const cutoffDate = preset.cutoffDate.value;
  const decisionDate = preset.decision.date.value;
  if (!cutoffDate || !decisionDate)
    throw new Error(
      `Bộ tham số "${presetCode}" chưa có thời điểm tính hoặc ngày quyết định, không dùng để sinh dữ liệu được.`,
    );
  const postingDate = addDays(decisionDate, 4);
  const lastQuarter = preset.conduct.lastQuarter.value ?? quarterOf(addDays(postingDate, -92));
  return {
    code: `TH-${presetCode}`,
    cutoffDate,
    postingDate,
    councilMeetingDate: addDays(postingDate, 8),
    lastQuarter,
    sinceLastQuarterFrom: preset.conduct.requireSinceLastQuarter.value ? quarterStart(nextQuarter(lastQuarter)) : null,
  };
}

// The synthetic round copies a preset's parameters under its own code, so scale data never mixes with real rounds.
export async function ensureSyntheticRound(
  manager: EntityManager,
  rng: Rng,
  presetCode: string,
): Promise<SyntheticRound> {
  const calendar = syntheticRoundCalendar(presetCode);
  const preset = ROUND_PRESETS[presetCode];
  const { code, cutoffDate, postingDate } = calendar;
  const decisionDate = preset.decision.date.value as string;
  const found: { id: string }[] = await manager.query('SELECT id FROM rounds WHERE code = $1', [code]);
  if (found.length) return { id: found[0].id, code, calendar };
  const id = rng.uuid();
  await insertRounds(manager, [
    {
      id,
      code,
      name: `${preset.title} (dữ liệu tổng hợp)`,
      rulePack: preset.rulePack,
      decisionNumber: preset.decision.number.value ?? presetCode,
      decisionDate,
      guidanceRef: preset.decision.guidance.value,
      cutoffDate,
      parameters: preset,
      deadlines: { postingDate, applicationDays: preset.deadlines.applicationDays.value ?? 5, stageDueDates: {} },
      status: RoundStatus.OPEN,
      postedAt: postingDate,
    },
  ]);
  return { id, code, calendar };
}
