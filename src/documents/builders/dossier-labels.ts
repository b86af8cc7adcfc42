import { formatVnd } from '../format/print-format.js';

// Vietnamese labels for the coded values of the exchange format, as the forms print them.

export const RATING_LABELS: Record<string, string> = { TOT: 'Tốt', KHA: 'Khá', TRUNG_BINH: 'Trung bình', KEM: 'Kém' };

export const OUTCOME_LABELS: Record<string, string> = {
  PASS: 'Đạt',
  FAIL: 'Không đạt',
  NOT_APPLICABLE: 'Không áp dụng',
  NEEDS_EVIDENCE: 'Thiếu tài liệu',
  NEEDS_REVIEW: 'Cần xem xét',
  TO_CONFIRM: 'Cần xác nhận',
};

export const STATUS_LABELS: Record<string, string> = {
  ELIGIBLE: 'Đủ điều kiện',
  INELIGIBLE: 'Không đủ điều kiện',
  NEEDS_REVIEW: 'Cần xem xét thêm',
};

const OBLIGATION_KINDS: Record<string, string> = {
  FINE: 'Hình phạt bổ sung (phạt tiền)',
  COURT_FEE: 'Án phí',
  RESTITUTION: 'Trả lại tài sản',
  COMPENSATION: 'Bồi thường thiệt hại',
  OTHER_CIVIL: 'Nghĩa vụ dân sự khác',
};

const OBLIGATION_STATUS: Record<string, string> = {
  UNPAID: 'Chưa thi hành',
  PARTIAL: 'Đã thi hành một phần',
  PAID: 'Đã thi hành xong',
  EXEMPTED: 'Được miễn',
  WAIVED: 'Người được thi hành án không yêu cầu',
  ENFORCEMENT_TERMINATED: 'Đình chỉ thi hành án',
};

// "2025-Q2" → "Quý II/2025" (quarters per Decree 118/2024, Art 18(1)).
export function quarterLabel(period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) return period;
  return `Quý ${['I', 'II', 'III', 'IV'][Number(match[2]) - 1]}/${match[1]}`;
}

export function obligationLine(obligation: { kind: string; status: string; amountDue: number; amountPaid: number }): {
  label: string;
  value: string;
} {
  return {
    label: OBLIGATION_KINDS[obligation.kind] ?? obligation.kind,
    value: `${OBLIGATION_STATUS[obligation.status] ?? obligation.status}: đã nộp ${formatVnd(obligation.amountPaid)} / phải nộp ${formatVnd(obligation.amountDue)}`,
  };
}
