// Arithmetic of a team's secret ballot (Nghị định 76/2008/NĐ-CP, Điều 7, khoản 1; Nghị định 52/2019/NĐ-CP, Điều 7,
// khoản 2). Only totals are ever handled: nothing here can tie a vote to a voter.
export interface CandidateTally {
  key: string;
  votesFor: number;
  votesAgainst: number;
  votesBlank: number;
}

export interface BallotTally {
  membersPresent: number;
  ballotsIssued: number;
  ballotsReturned: number;
  ballotsValid: number;
  ballotsInvalid: number;
  candidates: readonly CandidateTally[];
}

export interface BallotThreshold {
  // Votes for must exceed (strict) or reach numerator/denominator of the base.
  numerator: number;
  denominator: number;
  base: 'valid' | 'returned' | 'present';
  strict: boolean;
}

export interface FieldError {
  path: string;
  message: string;
}

export interface CandidateOutcome {
  key: string;
  votesFor: number;
  base: number;
  passed: boolean;
}

// A simple majority of the valid ballots unless the round says otherwise.
export const SIMPLE_MAJORITY_OF_VALID: BallotThreshold = { numerator: 1, denominator: 2, base: 'valid', strict: true };

// Where a round's threshold comes from: its parameter's source and confidence (V seen in a source, K background
// knowledge, ? not found), or the service's own default when the round sets none. Neither Law 30/2018 nor Decree
// 52/2019 fixes the team's threshold, so the default is a choice, and it is said wherever the threshold is used.
export interface ThresholdBasis {
  source: string;
  confidence: 'V' | 'K' | '?';
  serviceDefault: boolean;
}

export const DEFAULT_THRESHOLD_BASIS: ThresholdBasis = {
  source:
    'mặc định của hệ thống: đợt đặc xá chưa quy định ngưỡng, Luật Đặc xá 2018 và Nghị định 52/2019/NĐ-CP không quy định ngưỡng biểu quyết của đội',
  confidence: '?',
  serviceDefault: true,
};

const CONFIDENCE_WORDS: Record<ThresholdBasis['confidence'], string> = {
  V: 'đã đối chiếu văn bản',
  K: 'chưa đối chiếu văn bản',
  '?': 'chưa có văn bản quy định',
};

// Where a round parameter comes from, as printed beside it: the service's default says so in its own words; a round's
// value is quoted with its source and how far that source was checked.
export function describeBasis(basis: ThresholdBasis): string {
  return basis.serviceDefault ? basis.source : `căn cứ: ${basis.source}; ${CONFIDENCE_WORDS[basis.confidence]}`;
}

// "quá bán số phiếu hợp lệ (căn cứ: …; chưa đối chiếu văn bản)": the threshold as the ballot page and minutes print it.
export function describeThresholdWithBasis(t: BallotThreshold, basis: ThresholdBasis): string {
  return `${describeThreshold(t)} (${describeBasis(basis)})`;
}

// The basis of a round parameter as stored: wrapped as { value, source, confidence }, or bare (then only its
// presence is known); absent or unknown, the service's default and its own basis.
export function thresholdBasisOf(raw: unknown, fallback: ThresholdBasis = DEFAULT_THRESHOLD_BASIS): ThresholdBasis {
  if (raw === undefined || raw === null) return fallback;
  const wrapped = raw as { value?: unknown; source?: unknown; confidence?: unknown };
  if (typeof raw === 'object' && 'value' in wrapped) {
    if (wrapped.value === null || wrapped.value === undefined) return fallback;
    const confidence = ['V', 'K', '?'].includes(wrapped.confidence as string)
      ? (wrapped.confidence as ThresholdBasis['confidence'])
      : '?';
    const source = typeof wrapped.source === 'string' && wrapped.source.trim() ? wrapped.source : 'tham số của đợt';
    return { source, confidence, serviceDefault: false };
  }
  return { source: 'tham số của đợt', confidence: '?', serviceDefault: false };
}

function countErrors(path: string, value: number): FieldError[] {
  return Number.isInteger(value) && value >= 0 ? [] : [{ path, message: 'Phải là số nguyên không âm.' }];
}

export function checkBallotArithmetic(tally: BallotTally): FieldError[] {
  const scalar = ['membersPresent', 'ballotsIssued', 'ballotsReturned', 'ballotsValid', 'ballotsInvalid'] as const;
  const errors = scalar.flatMap((f) => countErrors(f, tally[f]));
  tally.candidates.forEach((c, i) => {
    for (const f of ['votesFor', 'votesAgainst', 'votesBlank'] as const)
      errors.push(...countErrors(`candidates[${i}].${f}`, c[f]));
  });
  if (errors.length > 0) return errors;

  if (tally.ballotsIssued > tally.membersPresent) {
    errors.push({
      path: 'ballotsIssued',
      message: `Số phiếu phát ra (${tally.ballotsIssued}) không được lớn hơn số người dự họp (${tally.membersPresent}).`,
    });
  }
  if (tally.ballotsReturned > tally.ballotsIssued) {
    errors.push({
      path: 'ballotsReturned',
      message: `Số phiếu thu về (${tally.ballotsReturned}) không được lớn hơn số phiếu phát ra (${tally.ballotsIssued}).`,
    });
  }
  if (tally.ballotsValid + tally.ballotsInvalid !== tally.ballotsReturned) {
    errors.push({
      path: 'ballotsValid',
      message: `Số phiếu hợp lệ (${tally.ballotsValid}) cộng phiếu không hợp lệ (${tally.ballotsInvalid}) phải bằng số phiếu thu về (${tally.ballotsReturned}).`,
    });
  }
  const seen = new Set<string>();
  tally.candidates.forEach((c, i) => {
    if (seen.has(c.key))
      errors.push({ path: `candidates[${i}].key`, message: 'Người được bình xét bị ghi trùng trong biên bản.' });
    seen.add(c.key);
    const sum = c.votesFor + c.votesAgainst + c.votesBlank;
    if (sum !== tally.ballotsValid) {
      errors.push({
        path: `candidates[${i}].votesFor`,
        message: `Tổng phiếu đồng ý (${c.votesFor}), không đồng ý (${c.votesAgainst}) và để trống (${c.votesBlank}) là ${sum}, phải bằng số phiếu hợp lệ (${tally.ballotsValid}).`,
      });
    }
  });
  if (tally.candidates.length === 0)
    errors.push({ path: 'candidates', message: 'Biên bản phải có ít nhất một người được bình xét.' });
  return errors;
}

function baseOf(tally: BallotTally, threshold: BallotThreshold): number {
  if (threshold.base === 'present') return tally.membersPresent;
  if (threshold.base === 'returned') return tally.ballotsReturned;
  return tally.ballotsValid;
}

// Integer cross-multiplication, so 1/2 of 7 never meets a rounding question.
export function passesThreshold(votesFor: number, base: number, threshold: BallotThreshold): boolean {
  if (base === 0) return false;
  const lhs = votesFor * threshold.denominator;
  const rhs = threshold.numerator * base;
  return threshold.strict ? lhs > rhs : lhs >= rhs;
}

export function evaluateBallot(
  tally: BallotTally,
  threshold: BallotThreshold,
): { errors: FieldError[]; outcomes: CandidateOutcome[] } {
  const errors = checkBallotArithmetic(tally);
  if (errors.length > 0) return { errors, outcomes: [] };
  const base = baseOf(tally, threshold);
  const outcomes = tally.candidates.map((c) => ({
    key: c.key,
    votesFor: c.votesFor,
    base,
    passed: passesThreshold(c.votesFor, base, threshold),
  }));
  return { errors, outcomes };
}

export function describeThreshold(t: BallotThreshold): string {
  const base = { valid: 'số phiếu hợp lệ', returned: 'số phiếu thu về', present: 'số người dự họp' }[t.base];
  const op = t.strict ? 'trên' : 'từ';
  return t.numerator * 2 === t.denominator && t.strict
    ? `quá bán ${base}`
    : `${op} ${t.numerator}/${t.denominator} ${base}`;
}

// The round's parameters may set another threshold; anything malformed is reported, never silently replaced.
// Also accepts the round parameters' own form: { kind: 'SIMPLE_MAJORITY_OF_VALID' } or
// { kind: 'FRACTION_OF_VALID', numerator, denominator, inclusive }.
export function parseBallotThreshold(raw: unknown): { threshold: BallotThreshold; errors: FieldError[] } {
  if (raw === undefined || raw === null) return { threshold: SIMPLE_MAJORITY_OF_VALID, errors: [] };
  const kinded = raw as { kind?: unknown; numerator?: number; denominator?: number; inclusive?: boolean };
  if (kinded.kind === 'SIMPLE_MAJORITY_OF_VALID') return { threshold: SIMPLE_MAJORITY_OF_VALID, errors: [] };
  if (kinded.kind === 'FRACTION_OF_VALID') {
    return parseBallotThreshold({
      numerator: kinded.numerator,
      denominator: kinded.denominator,
      base: 'valid',
      strict: kinded.inclusive === false,
    });
  }
  if (kinded.kind !== undefined)
    return {
      threshold: SIMPLE_MAJORITY_OF_VALID,
      errors: [{ path: 'ballotThreshold.kind', message: 'Cách tính ngưỡng biểu quyết không hợp lệ.' }],
    };
  const r = raw as Partial<BallotThreshold>;
  const errors: FieldError[] = [];
  if (!Number.isInteger(r.numerator) || (r.numerator as number) <= 0)
    errors.push({ path: 'ballotThreshold.numerator', message: 'Tử số phải là số nguyên dương.' });
  if (!Number.isInteger(r.denominator) || (r.denominator as number) < (r.numerator as number)) {
    errors.push({ path: 'ballotThreshold.denominator', message: 'Mẫu số phải là số nguyên không nhỏ hơn tử số.' });
  }
  if (r.base !== undefined && !['valid', 'returned', 'present'].includes(r.base)) {
    errors.push({
      path: 'ballotThreshold.base',
      message: 'Căn cứ tính tỷ lệ phải là phiếu hợp lệ, phiếu thu về hoặc người dự họp.',
    });
  }
  if (errors.length > 0) return { threshold: SIMPLE_MAJORITY_OF_VALID, errors };
  return {
    threshold: {
      numerator: r.numerator!,
      denominator: r.denominator!,
      base: r.base ?? 'valid',
      strict: r.strict ?? true,
    },
    errors,
  };
}
