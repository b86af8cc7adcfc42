import { AgencyOpinion } from './appraisal.js';
import { AppraisalSide, buildAppraisalRecord, membershipOf, missingAgencies } from './appraisal-team.js';

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
