import { AgencyOpinion } from './appraisal.js';
import {
  appraisalConclusionOf,
  AppraisalSide,
  buildAppraisalRecord,
  concludesEligible,
  DEFAULT_APPRAISAL_CONCLUSION,
  membershipOf,
  missingAgencies,
} from './appraisal-team.js';

const person = (id: string, side = AppraisalSide.PROPOSED) => ({
  dossierId: id,
  fullName: `Người ${id}`,
  facilityName: 'Trại giam Thanh Xuân',
  side,
  campReason: side === AppraisalSide.CAMP_INELIGIBLE ? 'Chưa nộp án phí' : null,
});
const op = (dossierId: string, agency: string, opinion: AgencyOpinion) => ({ dossierId, agency, opinion });
const TEAM = ['TAND_TOI_CAO', 'VKSND_TOI_CAO', 'CONG_AN'];

describe('appraisal team membership', () => {
  it('names the required agencies that have not spoken, in the round’s order', () => {
    expect(missingAgencies(TEAM, ['CONG_AN', 'MTTQ'])).toEqual(['TAND_TOI_CAO', 'VKSND_TOI_CAO']);
    expect(membershipOf(null, ['CONG_AN'])).toEqual({ required: null, missing: [] });
  });
});

describe('buildAppraisalRecord', () => {
  it('refuses to conclude while a required agency has not given its opinion, naming the person and the agency', () => {
    const record = buildAppraisalRecord({
      requiredAgencies: TEAM,
      persons: [person('a'), person('b')],
      opinions: TEAM.map((a) => op('a', a, AgencyOpinion.AGREE)).concat([op('b', 'CONG_AN', AgencyOpinion.AGREE)]),
    });
    expect(record.ok).toBe(false);
    if (record.ok) return;
    expect(record.missing).toEqual([
      { dossierId: 'b', fullName: 'Người b', agencies: ['TAND_TOI_CAO', 'VKSND_TOI_CAO'] },
    ]);
    expect(record.message).toContain('Người b (Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao)');
  });

  it('says which parameter is missing when the round names no team', () => {
    const record = buildAppraisalRecord({ requiredAgencies: null, persons: [person('a')], opinions: [] });
    expect(record).toMatchObject({ ok: false });
    if (!record.ok) expect(record.message).toContain('appraisal.requiredAgencies');
  });

  it('puts each name on the eligible or ineligible list with every agency’s position and the shares', () => {
    const record = buildAppraisalRecord({
      requiredAgencies: TEAM,
      persons: [person('a'), person('b'), person('c', AppraisalSide.CAMP_INELIGIBLE)],
      opinions: [
        ...TEAM.map((a) => op('a', a, AgencyOpinion.AGREE)),
        op('b', 'TAND_TOI_CAO', AgencyOpinion.AGREE),
        op('b', 'VKSND_TOI_CAO', AgencyOpinion.DISAGREE),
        op('b', 'CONG_AN', AgencyOpinion.NEEDS_SUPPLEMENT),
        ...TEAM.map((a) => op('c', a, AgencyOpinion.DISAGREE)),
        // An agency outside the round's team is not counted.
        op('c', 'MTTQ', AgencyOpinion.AGREE),
      ],
    });
    expect(record.ok).toBe(true);
    if (!record.ok) return;
    expect(record.eligible.map((r) => [r.dossierId, r.ratio, r.unanimous])).toEqual([['a', '3/3 đồng ý', true]]);
    expect(record.ineligible.map((r) => [r.dossierId, r.ratio, r.side])).toEqual([
      ['b', '1/3 đồng ý', AppraisalSide.PROPOSED],
      ['c', '0/3 đồng ý', AppraisalSide.CAMP_INELIGIBLE],
    ]);
    expect(record.ineligible[0].positions.map((p) => p.agencyName)).toEqual([
      'Tòa án nhân dân tối cao',
      'Viện kiểm sát nhân dân tối cao',
      'Bộ Công an',
    ]);
    expect(record.ineligible[1].campReason).toBe('Chưa nộp án phí');
  });
});

describe('the appraisal team’s conclusion rule (Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3)', () => {
  const FIVE = ['TAND_TOI_CAO', 'VKSND_TOI_CAO', 'CONG_AN', 'QUOC_PHONG', 'BO_TU_PHAP'];
  // Five names with 5, 4, 3, 2 and 0 of five agencies agreeing.
  const agreeing = { a: 5, b: 4, c: 3, d: 2, e: 0 };
  const opinions = Object.entries(agreeing).flatMap(([id, n]) =>
    FIVE.map((agency, i) => op(id, agency, i < n ? AgencyOpinion.AGREE : AgencyOpinion.DISAGREE)),
  );
  const split = (raw: unknown) => {
    const parsed = appraisalConclusionOf(raw);
    if ('problem' in parsed) throw new Error(parsed.problem);
    const record = buildAppraisalRecord({
      requiredAgencies: FIVE,
      conclusion: parsed.conclusion,
      persons: Object.keys(agreeing).map((id) => person(id)),
      opinions,
    });
    if (!record.ok) throw new Error(record.message);
    return { eligible: record.eligible.map((r) => r.dossierId), conclusion: record.conclusion };
  };

  it('reads "more agree than not" when the round is silent, and says it is the service’s reading', () => {
    for (const silent of [undefined, null, { value: null, source: 'Chưa có hướng dẫn', confidence: '?' }]) {
      const { eligible, conclusion } = split(silent);
      expect(eligible).toEqual(['a', 'b', 'c']);
      expect(conclusion).toContain('số cơ quan đồng ý nhiều hơn số cơ quan không đồng ý');
      expect(conclusion).toContain('cách đọc của hệ thống');
    }
    expect(appraisalConclusionOf(undefined)).toEqual({ conclusion: DEFAULT_APPRAISAL_CONCLUSION });
  });

  it('applies the round’s own rule and quotes its source and confidence', () => {
    const source = 'Hướng dẫn của Thường trực Hội đồng tư vấn đặc xá đợt 2025';
    const unanimous = split({ value: { rule: 'UNANIMOUS' }, source, confidence: 'K' });
    expect(unanimous.eligible).toEqual(['a']);
    expect(unanimous.conclusion).toBe(
      `Người được kết luận đủ điều kiện khi tất cả các cơ quan trong Tổ đồng ý (căn cứ: ${source}; chưa đối chiếu văn bản).`,
    );
    const twoThirds = split({
      value: { rule: 'AT_LEAST_SHARE', numerator: 2, denominator: 3 },
      source,
      confidence: 'V',
    });
    expect(twoThirds.eligible).toEqual(['a', 'b']);
    expect(twoThirds.conclusion).toContain('ít nhất 2/3 số cơ quan trong Tổ đồng ý (căn cứ: ' + source);
  });

  it('counts a tie and "needs supplement" as not agreed under every rule', () => {
    for (const rule of [
      { rule: 'MORE_AGREE_THAN_NOT' as const },
      { rule: 'UNANIMOUS' as const },
      { rule: 'AT_LEAST_SHARE' as const, numerator: 1, denominator: 1 },
    ]) {
      expect(concludesEligible(rule, 2, 4)).toBe(false);
      expect(concludesEligible(rule, 0, 0)).toBe(false);
    }
    expect(concludesEligible({ rule: 'AT_LEAST_SHARE', numerator: 3, denominator: 4 }, 3, 4)).toBe(true);
    expect(concludesEligible({ rule: 'AT_LEAST_SHARE', numerator: 3, denominator: 4 }, 5, 7)).toBe(false);
  });

  it('refuses a rule it cannot apply, in words an administrator can act on', () => {
    const problem = (value: unknown) => {
      const parsed = appraisalConclusionOf({ value, source: 'Hướng dẫn', confidence: 'K' });
      return 'problem' in parsed ? parsed.problem : null;
    };
    expect(problem({ rule: 'MAJORITY' })).toContain('phải là một trong');
    expect(problem({ rule: 'AT_LEAST_SHARE', numerator: 1, denominator: 2 })).toContain('lớn hơn một nửa');
    expect(problem({ rule: 'AT_LEAST_SHARE', numerator: 2, denominator: 0 })).toContain('mẫu số lớn hơn 0');
    expect(problem({ rule: 'AT_LEAST_SHARE', numerator: 4, denominator: 3 })).toContain('không quá toàn bộ');
  });
});
