import {
  checkBallotArithmetic,
  DEFAULT_THRESHOLD_BASIS,
  describeThreshold,
  describeThresholdWithBasis,
  evaluateBallot,
  parseBallotThreshold,
  passesThreshold,
  SIMPLE_MAJORITY_OF_VALID,
  thresholdBasisOf,
  type BallotTally,
} from './ballot.js';

const tally = (over: Partial<BallotTally> = {}): BallotTally => ({
  membersPresent: 30,
  ballotsIssued: 30,
  ballotsReturned: 29,
  ballotsValid: 28,
  ballotsInvalid: 1,
  candidates: [
    { key: 'a', votesFor: 20, votesAgainst: 5, votesBlank: 3 },
    { key: 'b', votesFor: 14, votesAgainst: 14, votesBlank: 0 },
  ],
  ...over,
});

describe('checkBallotArithmetic', () => {
  it.each([
    { name: 'a consistent tally', over: {}, paths: [] },
    { name: 'more returned than issued', over: { ballotsIssued: 28, ballotsReturned: 29 }, paths: ['ballotsReturned'] },
    { name: 'more issued than present', over: { ballotsIssued: 31 }, paths: ['ballotsIssued'] },
    { name: 'valid + invalid ≠ returned', over: { ballotsInvalid: 2 }, paths: ['ballotsValid'] },
    {
      name: 'a candidate whose votes do not add up',
      over: { candidates: [{ key: 'a', votesFor: 20, votesAgainst: 5, votesBlank: 2 }] },
      paths: ['candidates[0].votesFor'],
    },
    {
      name: 'negative or fractional counts',
      over: { ballotsInvalid: -1, candidates: [{ key: 'a', votesFor: 1.5, votesAgainst: 0, votesBlank: 0 }] },
      paths: ['ballotsInvalid', 'candidates[0].votesFor'],
    },
    {
      name: 'the same person twice',
      over: {
        candidates: [
          { key: 'a', votesFor: 28, votesAgainst: 0, votesBlank: 0 },
          { key: 'a', votesFor: 28, votesAgainst: 0, votesBlank: 0 },
        ],
      },
      paths: ['candidates[1].key'],
    },
    { name: 'no candidate', over: { candidates: [] }, paths: ['candidates'] },
  ])('$name', ({ over, paths }) => {
    const errors = checkBallotArithmetic(tally(over));
    expect(errors.map((e) => e.path)).toEqual(paths);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(10);
  });
});

describe('threshold', () => {
  it.each([
    { votesFor: 15, base: 28, expected: true },
    { votesFor: 14, base: 28, expected: false },
    { votesFor: 4, base: 7, expected: true },
    { votesFor: 3, base: 7, expected: false },
    { votesFor: 0, base: 0, expected: false },
  ])('simple majority: $votesFor of $base → $expected', ({ votesFor, base, expected }) => {
    expect(passesThreshold(votesFor, base, SIMPLE_MAJORITY_OF_VALID)).toBe(expected);
  });

  it('applies a round threshold of two thirds of those present, inclusive', () => {
    const { threshold, errors } = parseBallotThreshold({
      numerator: 2,
      denominator: 3,
      base: 'present',
      strict: false,
    });
    expect(errors).toEqual([]);
    expect(passesThreshold(20, 30, threshold)).toBe(true);
    expect(passesThreshold(19, 30, threshold)).toBe(false);
    expect(describeThreshold(threshold)).toBe('từ 2/3 số người dự họp');
  });

  it.each([
    { raw: { kind: 'SIMPLE_MAJORITY_OF_VALID' }, votesFor: 15, base: 28, expected: true },
    {
      raw: { kind: 'FRACTION_OF_VALID', numerator: 2, denominator: 3, inclusive: true },
      votesFor: 20,
      base: 30,
      expected: true,
    },
    {
      raw: { kind: 'FRACTION_OF_VALID', numerator: 2, denominator: 3, inclusive: false },
      votesFor: 20,
      base: 30,
      expected: false,
    },
  ])('reads the round parameters’ form $raw', ({ raw, votesFor, base, expected }) => {
    const { threshold, errors } = parseBallotThreshold(raw);
    expect(errors).toEqual([]);
    expect(passesThreshold(votesFor, base, threshold)).toBe(expected);
  });

  it('reports a malformed round threshold', () => {
    const { errors } = parseBallotThreshold({ numerator: 3, denominator: 2, base: 'voters' });
    expect(errors.map((e) => e.path)).toEqual(['ballotThreshold.denominator', 'ballotThreshold.base']);
  });

  it('puts forward only those above half the valid ballots', () => {
    const { errors, outcomes } = evaluateBallot(tally(), SIMPLE_MAJORITY_OF_VALID);
    expect(errors).toEqual([]);
    expect(outcomes).toEqual([
      { key: 'a', votesFor: 20, base: 28, passed: true },
      { key: 'b', votesFor: 14, base: 28, passed: false },
    ]);
  });
});

describe('threshold basis', () => {
  it('is the service’s default, said as such, when the round sets no threshold', () => {
    for (const raw of [undefined, null, { value: null, source: 'Chưa tìm thấy', confidence: '?' }]) {
      expect(thresholdBasisOf(raw)).toEqual(DEFAULT_THRESHOLD_BASIS);
    }
    expect(describeThresholdWithBasis(SIMPLE_MAJORITY_OF_VALID, DEFAULT_THRESHOLD_BASIS)).toBe(
      'quá bán số phiếu hợp lệ (mặc định của hệ thống: đợt đặc xá chưa quy định ngưỡng, Luật Đặc xá 2018 và Nghị định 52/2019/NĐ-CP không quy định ngưỡng biểu quyết của đội)',
    );
  });

  it('carries the source and confidence of the round’s parameter', () => {
    const basis = thresholdBasisOf({
      value: { kind: 'FRACTION_OF_VALID', numerator: 2, denominator: 3, inclusive: true },
      source: 'Hướng dẫn số 94/HD-HĐTVĐX, mục II',
      confidence: 'K',
    });
    expect(basis).toEqual({ source: 'Hướng dẫn số 94/HD-HĐTVĐX, mục II', confidence: 'K', serviceDefault: false });
    const { threshold } = parseBallotThreshold({ kind: 'FRACTION_OF_VALID', numerator: 2, denominator: 3 });
    expect(describeThresholdWithBasis(threshold, basis)).toBe(
      'từ 2/3 số phiếu hợp lệ (căn cứ: Hướng dẫn số 94/HD-HĐTVĐX, mục II; chưa đối chiếu văn bản)',
    );
  });

  it('treats a bare threshold as the round’s own, of unknown source', () => {
    expect(thresholdBasisOf({ numerator: 3, denominator: 4, base: 'valid', strict: false })).toEqual({
      source: 'tham số của đợt',
      confidence: '?',
      serviceDefault: false,
    });
  });
});
