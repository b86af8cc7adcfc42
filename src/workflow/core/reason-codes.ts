// Coded reasons for taking a name off a list (removal above the camp, or the camp council's ineligible list).
// Each code cites the provision it rests on, so a list can be explained without reading free text.
export enum ReasonCode {
  CONDITIONS_NOT_MET = 'conditions_not_met',
  EXCLUDED_CASE = 'excluded_case',
  DOSSIER_INCOMPLETE = 'dossier_incomplete',
  NEW_VIOLATION = 'new_violation',
  OTHER_PROCEEDINGS = 'other_proceedings',
  SENTENCE_ENDED = 'sentence_ended',
  DECEASED = 'deceased',
  DUPLICATE = 'duplicate',
  WITHDRAWN = 'withdrawn',
  OTHER = 'other',
}

export interface ReasonCodeInfo {
  label: string;
  citation: string | null;
}

export const REASON_CODES: Record<ReasonCode, ReasonCodeInfo> = {
  [ReasonCode.CONDITIONS_NOT_MET]: {
    label: 'Không đủ điều kiện được đề nghị đặc xá',
    citation: 'Luật Đặc xá 2018, Điều 11',
  },
  [ReasonCode.EXCLUDED_CASE]: {
    label: 'Thuộc trường hợp không đề nghị đặc xá',
    citation: 'Luật Đặc xá 2018, Điều 12',
  },
  [ReasonCode.DOSSIER_INCOMPLETE]: {
    label: 'Hồ sơ không đầy đủ theo quy định',
    citation: 'Luật Đặc xá 2018, Điều 14',
  },
  [ReasonCode.NEW_VIOLATION]: {
    label: 'Vi phạm nội quy, bị kỷ luật sau khi lập danh sách',
    citation: 'Luật Đặc xá 2018, Điều 11, khoản 1, điểm a',
  },
  [ReasonCode.OTHER_PROCEEDINGS]: {
    label: 'Đang bị truy cứu trách nhiệm hình sự về hành vi phạm tội khác',
    citation: 'Luật Đặc xá 2018, Điều 12, khoản 3',
  },
  [ReasonCode.SENTENCE_ENDED]: {
    label: 'Đã chấp hành xong án phạt tù trước thời điểm đặc xá',
    citation: null,
  },
  [ReasonCode.DECEASED]: { label: 'Người được đề nghị đã chết', citation: null },
  [ReasonCode.DUPLICATE]: { label: 'Trùng tên trong danh sách', citation: null },
  [ReasonCode.WITHDRAWN]: {
    label: 'Người được đề nghị rút đơn',
    citation:
      'Lựa chọn của hệ thống: Luật Đặc xá 2018 không quy định việc rút đơn (Điều 13 không nêu); đơn do người bị kết án tự làm (Điều 15, khoản 1)',
  },
  [ReasonCode.OTHER]: { label: 'Lý do khác (ghi rõ)', citation: null },
};

export function isReasonCode(value: string): value is ReasonCode {
  return (Object.values(ReasonCode) as string[]).includes(value);
}
