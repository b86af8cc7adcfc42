import type { FamilyRelation, HardshipCause, SpecialCircumstance } from '../../facts.js';

// The two grounds of special family hardship, shared by both packs; each pack names its own causes and relatives.
function either(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : null;
}

function both(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : null;
}

type HardshipFacts = Extract<SpecialCircumstance, { category: 'FAMILY_HARDSHIP' }>;

export function hardshipGround(
  c: HardshipFacts,
  relations: ReadonlySet<FamilyRelation>,
  causes: ReadonlySet<HardshipCause>,
  economicResult: (c: HardshipFacts) => boolean | null = (x) =>
    either(x.noSignificantProperty, x.incomeBelowPovertyLine),
): { value: boolean | null; evidence: string } {
  if (c.cause === null)
    return { value: null, evidence: 'Đơn trình bày hoàn cảnh gia đình ghi rõ nguyên nhân khó khăn' };
  if (c.cause === 'RELATIVE_SERIOUSLY_ILL') {
    const r = c.relative ?? null;
    if (r === null || r.relation === null)
      return { value: null, evidence: 'Quan hệ với người bị ốm đau nặng kéo dài (bố, mẹ, vợ, chồng hoặc con)' };
    if (!relations.has(r.relation)) return { value: false, evidence: '' };
    return {
      value: both(r.seriousLongTermIllness, r.noOtherCarer),
      evidence: 'Xác nhận người thân bị ốm đau nặng kéo dài và không có người chăm sóc',
    };
  }
  if (!causes.has(c.cause)) return { value: false, evidence: '' };
  return { value: economicResult(c), evidence: 'Đơn trình bày hoàn cảnh gia đình ghi rõ tài sản, thu nhập' };
}
