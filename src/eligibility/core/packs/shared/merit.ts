import type { MeritContext, MeritKind } from '../../facts.js';
import type { Criterion } from './category-evidence.js';

// Saving a life or property is major merit only "trong thiên tai, hỏa hoạn" (Decree 52/2019 Art 4(4)(b); Decree
// 76/2008 Art 5(2)(a) in the same words): a rescue in any other setting does not count.
export function rescueCriterion(kind: MeritKind | null, context: MeritContext | null | undefined): Criterion | null {
  if (kind !== 'SAVED_LIFE' && kind !== 'SAVED_PROPERTY') return null;
  const where = context ?? null;
  return {
    label: 'Cứu người hoặc tài sản trong thiên tai, hỏa hoạn',
    value: where === null ? null : where === 'NATURAL_DISASTER' || where === 'FIRE',
    evidence: 'Văn bản xác nhận việc cứu người, cứu tài sản xảy ra trong thiên tai hoặc hỏa hoạn',
  };
}
