import type { RoundParameters } from '../../src/eligibility/core/index.js';
import type { DossierDocument } from '../../src/dossiers/dossier-format.js';
import { liveParameters } from '../../seeds/demo/live-round.js';

// A round configured in full (QĐ 1244/2025 with every value it leaves unknown filled in, as the demo's round does),
// dated like the test round: the engine reaches its own verdict on every dossier filed in it, and the filing stores
// that verdict as production does. A test overrides any part it is about.
export function evaluableRound(): RoundParameters {
  return liveParameters({
    decisionNumber: '1244/2025/QĐ-CTN',
    decisionDate: '2025-07-03',
    guidance: '94/HD-HĐTVĐX',
    cutoffDate: '2025-08-31',
    campCouncil: '2025-07-20',
    councilReview: '2025-08-10',
    grantDecision: '2025-08-20',
    effective: '2025-09-01',
  });
}

// Facts the engine finds eligible in `evaluableRound()` (eight consecutive quarters rated good for a nine-year
// sentence) and facts it finds ineligible (prosecuted for another offence: Luật Đặc xá 2018, Điều 12 khoản 3).
export const ELIGIBLE_FACTS: Partial<DossierDocument> = {
  conductRatings: ['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'].map(
    (period) => ({ period, rating: 'KHA' as never }),
  ),
};
export const INELIGIBLE_FACTS: Partial<DossierDocument> = { ...ELIGIBLE_FACTS, pendingProsecution: true };
