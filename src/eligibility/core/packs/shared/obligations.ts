import type { Obligation, ObligationKind } from '../../facts.js';
import { formatMoneyVi } from '../../text/format-vi.js';
import { checkEvidence, type EvidenceRequirement } from './evidence.js';

export const OBLIGATION_LABELS: Readonly<Record<ObligationKind, string>> = {
  FINE: 'hình phạt tiền',
  COURT_FEE: 'án phí',
  RESTITUTION: 'trả lại tài sản',
  COMPENSATION: 'bồi thường thiệt hại',
  OTHER_CIVIL: 'nghĩa vụ dân sự khác',
};

export type PerformanceKind = 'FULL' | 'EXEMPTED' | 'TERMINATED' | 'WAIVED' | 'PARTIAL_HARDSHIP' | 'UNMET';

export interface Performance {
  kind: PerformanceKind;
  text: string;
  // A document the performance rests on is missing or flawed.
  evidenceProblem: string | null;
}

function amounts(o: Obligation): string {
  return `đã nộp ${formatMoneyVi(o.amountPaid)}/${formatMoneyVi(o.amountDue)}`;
}

const RECEIPT = { kinds: ['RECEIPT'] as const, label: 'Biên lai, chứng từ thu tiền' };
const EXEMPTION = { kinds: ['EXEMPTION_DECISION'] as const, label: 'Quyết định miễn của Tòa án' };
const TERMINATION = {
  kinds: ['THADS_TERMINATION_DECISION'] as const,
  label: 'Quyết định đình chỉ thi hành án của cơ quan thi hành án dân sự',
};
const CONSENT = {
  kinds: ['CREDITOR_CONSENT'] as const,
  label:
    'Văn bản của người được thi hành án đồng ý hoãn hoặc không yêu cầu thi hành, có xác nhận của cơ quan có thẩm quyền',
  certified: true,
};
const NOT_YET = {
  kinds: ['THADS_NOT_YET_ENFORCEABLE_DECISION'] as const,
  label: 'Quyết định về việc chưa có điều kiện thi hành án của cơ quan thi hành án dân sự',
};
const HARDSHIP = {
  kinds: ['THADS_HARDSHIP_CONFIRMATION'] as const,
  label:
    'Văn bản của cơ quan thi hành án dân sự xác nhận đã thi hành một phần và lâm vào hoàn cảnh kinh tế đặc biệt khó khăn',
};

function present(o: Obligation, req: EvidenceRequirement): boolean {
  return o.evidence.some((d) => req.kinds.includes(d.kind));
}

function problem(o: Obligation, req: EvidenceRequirement): string | null {
  const c = checkEvidence(o.evidence, req);
  return c.ok ? null : c.message;
}

// How one obligation stands, strongest ground first. `allowPartial` admits the partial-payment-with-hardship
// ground of Law 30/2018 Art 11(1)(đ) and Decree 52/2019 Art 4(3), 5(3)(g); `allowExemption` the court exemption
// of Art 14(3) for fines and court fees.
export function performanceOf(
  o: Obligation,
  opts: { allowExemption: boolean; allowDischarge: boolean; allowPartial: boolean },
): Performance {
  const label = OBLIGATION_LABELS[o.kind];
  if (o.amountPaid >= o.amountDue) {
    if (o.amountDue === 0) return { kind: 'FULL', text: `Không phải thi hành ${label}`, evidenceProblem: null };
    const receipt = checkEvidence(o.evidence, RECEIPT);
    return {
      kind: 'FULL',
      text: `Đã thi hành xong ${label} (${amounts(o)})`,
      evidenceProblem: receipt.ok ? null : `${receipt.message} (${label})`,
    };
  }
  // A ground whose document is on file but flawed (unreadable, uncertified) still names the ground; the flaw is
  // reported as missing evidence rather than as an unmet obligation.
  if (opts.allowExemption && present(o, EXEMPTION)) {
    return { kind: 'EXEMPTED', text: `Được Tòa án miễn ${label}`, evidenceProblem: problem(o, EXEMPTION) };
  }
  if (opts.allowDischarge) {
    if (present(o, TERMINATION))
      return {
        kind: 'TERMINATED',
        text: `Có quyết định đình chỉ thi hành ${label}`,
        evidenceProblem: problem(o, TERMINATION),
      };
    if (
      o.creditor === 'NON_STATE' &&
      present(o, CONSENT) &&
      !(opts.allowPartial && o.amountPaid > 0 && present(o, NOT_YET))
    ) {
      return {
        kind: 'WAIVED',
        text: `Người được thi hành án không yêu cầu thi hành ${label}`,
        evidenceProblem: problem(o, CONSENT),
      };
    }
  }
  if (opts.allowPartial && o.amountPaid > 0) {
    // Art 11(1)(đ) second paragraph: for property not owned by the State the creditor must also agree.
    const reqs = o.creditor === 'NON_STATE' ? [NOT_YET, HARDSHIP, CONSENT] : [NOT_YET, HARDSHIP];
    const problems = reqs.map((req) => problem(o, req)).filter((p): p is string => p !== null);
    return {
      kind: 'PARTIAL_HARDSHIP',
      text: `Đã thi hành một phần ${label} (${amounts(o)}) và lâm vào hoàn cảnh kinh tế đặc biệt khó khăn`,
      evidenceProblem: problems.length > 0 ? problems.join('; ') : null,
    };
  }
  return { kind: 'UNMET', text: `Chưa thi hành xong ${label} (${amounts(o)})`, evidenceProblem: null };
}
