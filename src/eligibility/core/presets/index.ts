import type { RoundParameters } from '../round/round-parameters.js';
import { DECISION_1244_2025 } from './decision-1244-2025.js';
import { DECISION_266_2025 } from './decision-266-2025.js';
import { DECISION_758_2024 } from './decision-758-2024.js';
import { ROUND_2009_DECREE_76 } from './round-2009-decree-76.js';

export const ROUND_PRESETS: Readonly<Record<string, RoundParameters>> = {
  [DECISION_758_2024.code]: DECISION_758_2024,
  [DECISION_266_2025.code]: DECISION_266_2025,
  [DECISION_1244_2025.code]: DECISION_1244_2025,
  [ROUND_2009_DECREE_76.code]: ROUND_2009_DECREE_76,
};
