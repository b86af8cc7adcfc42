import type { EligibilityFacts } from '../../facts.js';
import { checkEvidence } from './evidence.js';

// An expunged conviction counts only when the expungement is proven (HD 73/2022: a certificate or decision of
// expungement, a judgment recording it, or a criminal-record extract).
export const EXPUNGEMENT_PROOF = {
  kinds: ['EXPUNGEMENT_CERTIFICATE', 'CRIMINAL_RECORD_EXTRACT', 'JUDGMENT_EXTRACT', 'COURT_DECISION'] as const,
  label: 'Giấy chứng nhận xóa án tích, bản án ghi đã xóa án tích hoặc Phiếu lý lịch tư pháp',
};

export interface PriorCount {
  unexpunged: number;
  // Recorded as expunged but without a valid proof: they count until proven.
  unproven: number;
  problems: string[];
}

export function countPriorConvictions(facts: EligibilityFacts): PriorCount {
  let unexpunged = 0;
  let unproven = 0;
  const problems: string[] = [];
  for (const p of facts.priorConvictions) {
    if (!p.expunged) {
      unexpunged++;
      continue;
    }
    const check = checkEvidence(p.proof ? [p.proof] : [], EXPUNGEMENT_PROOF);
    if (!check.ok) {
      unproven++;
      problems.push(`${check.message} (tiền án theo bản án số ${p.judgmentNumber})`);
    }
  }
  return { unexpunged, unproven, problems };
}
