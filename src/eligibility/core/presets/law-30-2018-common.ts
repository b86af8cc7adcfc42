import { Agency } from '../../../kernel/agencies.js';
import { SPECIAL_CATEGORY_CODES, type CategoryCode } from '../categories.js';
import type { RoundExclusion, RoundParameters } from '../round/round-parameters.js';
import { known, seen, unknown } from './param.js';

// What every round under Law 30/2018 shares: the deadlines the law itself fixes, the team-vote threshold, and the
// exclusion items that recur in the President's lists (their exact wording per round is not re-read: K).
export const LAW_30_DEADLINES: RoundParameters['deadlines'] = {
  applicationDays: seen(5, 'Luật Đặc xá 2018, Điều 15 khoản 1 đoạn 2 (05 ngày kể từ ngày niêm yết, phổ biến)'),
  listPreparationDays: seen(10, 'Luật Đặc xá 2018, Điều 15 khoản 2'),
  courtListDays: seen(15, 'Luật Đặc xá 2018, Điều 15 khoản 3'),
  appraisalDays: seen(15, 'Luật Đặc xá 2018, Điều 16 khoản 1'),
  complaintDays: seen(5, 'Luật Đặc xá 2018, Điều 36 khoản 3'),
  complaintDecisionDays: seen(5, 'Luật Đặc xá 2018, Điều 37 khoản 1'),
  secondComplaintDays: seen(5, 'Luật Đặc xá 2018, Điều 37 khoản 2 (05 ngày kể từ ngày nhận quyết định lần đầu)'),
  secondComplaintDecisionDays: seen(5, 'Luật Đặc xá 2018, Điều 37 khoản 2'),
  certificatePresentationDays: unknown(
    'Luật Đặc xá 2018, Điều 20 khoản 2 điểm a: không quy định thời hạn xuất trình; thời hạn theo hướng dẫn của đợt, chưa có văn bản',
  ),
};

// The appraisal team of Law 30/2018 Art 10(3)(a)–(e): the agencies the law names; others the Council adds per round
// under 10(3)(g).
export const LAW_30_APPRAISAL_TEAM: NonNullable<RoundParameters['appraisal']> = {
  requiredAgencies: seen(
    [Agency.TAND_TOI_CAO, Agency.VKSND_TOI_CAO, Agency.MTTQ, Agency.CONG_AN, Agency.QUOC_PHONG, Agency.BO_TU_PHAP],
    'Luật Đặc xá 2018, Điều 10 khoản 3 điểm a–e (cơ quan khác do Hội đồng tư vấn đặc xá quyết định theo điểm g)',
  ),
};

// The law does not make the team's ballot final (Nghị định 52/2019, Điều 7 khoản 3: the camp head decides on the
// basis of it); letting the camp council reconsider is the round's choice, off unless the round's guidance allows it.
export const NO_COUNCIL_RECONSIDERATION: NonNullable<RoundParameters['procedure']> = {
  campCouncilMayReconsider: known(
    false,
    'Lựa chọn của đợt: Nghị định 52/2019, Điều 7 khoản 3 không buộc Hội đồng trại xét lại người đội không giới thiệu',
  ),
};

// No source read makes the notice to the Ministry of Foreign Affairs of the foreigners granted a step of the procedure:
// the round's choice, off unless the round's guidance asks for it.
export const NO_FOREIGN_MINISTRY_NOTICE: NonNullable<RoundParameters['foreigners']> = {
  notifyForeignMinistry: known(
    false,
    'Lựa chọn của đợt: Luật Đặc xá 2018 và Nghị định 52/2019 không quy định thông báo cho Bộ Ngoại giao danh sách người nước ngoài được đặc xá (Bộ Ngoại giao là thành viên Hội đồng tư vấn đặc xá, Điều 10, khoản 1, điểm g)',
  ),
};

export const SIMPLE_MAJORITY = known(
  { kind: 'SIMPLE_MAJORITY_OF_VALID' } as const,
  'Nghị định 52/2019, Điều 7 khoản 2 (bỏ phiếu kín); quá bán số phiếu hợp lệ khi Quyết định không quy định khác',
);

// Every special group of Law 30/2018 Art 11(3)–(4) except 11(3)(i), whose content each decision defines.
export const LAW_30_SPECIAL_CATEGORIES: CategoryCode[] = SPECIAL_CATEGORY_CODES.filter((c) => c !== 'ROUND_DEFINED');

export function recurringExclusions(decision: string, source: string): RoundExclusion[] {
  const cite = (text: string) => ({ instrument: `Quyết định số ${decision}`, article: 4, text });
  return [
    {
      id: 'R-EXC-R2',
      kind: 'OFFENCE_MATCH',
      label: 'Bị kết án về tội xâm phạm an ninh quốc gia thuộc loại rất nghiêm trọng, đặc biệt nghiêm trọng',
      citation: cite('Tội xâm phạm an ninh quốc gia rất nghiêm trọng, đặc biệt nghiêm trọng'),
      matchers: [{ groups: ['NATIONAL_SECURITY'], minGrade: 'VERY_SERIOUS' }],
      source,
      confidence: 'K',
    },
    {
      id: 'R-EXC-R3',
      kind: 'OFFENCE_MATCH',
      label:
        'Bị kết án về tội giết người có tổ chức, có tính chất côn đồ, dã man hoặc giết 2 người trở lên; cố ý gây thương tích có tổ chức, côn đồ, nhiều lần hoặc đối với nhiều người, dùng a-xít',
      citation: cite('Giết người, cố ý gây thương tích có tình tiết định khung'),
      matchers: [
        { groups: ['MURDER'], anyFlags: ['ORGANISED', 'THUGGISH', 'BARBARIC'], minVictims: 2 },
        {
          groups: ['INTENTIONAL_INJURY'],
          anyFlags: ['ORGANISED', 'THUGGISH', 'REPEATED', 'MULTIPLE_VICTIMS', 'ACID_OR_CHEMICAL'],
        },
      ],
      source,
      confidence: 'K',
    },
    {
      id: 'R-EXC-R4',
      kind: 'OFFENCE_MATCH',
      label:
        'Bị kết án về tội hiếp dâm có tính chất loạn luân, hiếp dâm người dưới 16 tuổi, mua bán người từ 2 người trở lên hoặc mua bán người dưới 16 tuổi',
      citation: cite('Hiếp dâm, mua bán người có tình tiết định khung'),
      matchers: [
        { groups: ['RAPE'], anyFlags: ['INCEST', 'VICTIM_UNDER_16'] },
        { groups: ['CHILD_RAPE', 'CHILD_TRAFFICKING'] },
        { groups: ['HUMAN_TRAFFICKING'], minVictims: 2 },
      ],
      source,
      confidence: 'K',
    },
    {
      id: 'R-EXC-R6',
      kind: 'DRUG_USE_EVIDENCE',
      label: 'Có căn cứ xác định sử dụng trái phép chất ma túy trong thời gian chấp hành án',
      citation: cite('Sử dụng trái phép chất ma túy trong thời gian chấp hành án'),
      source,
      confidence: 'K',
    },
    {
      id: 'R-EXC-R7',
      kind: 'OFFENCE_COUNT',
      label: 'Bị kết án từ 3 tội trở lên hoặc từ 2 tội do cố ý trở lên (kể cả trường hợp tổng hợp hình phạt)',
      citation: cite('Bị kết án nhiều tội'),
      minOffences: 3,
      minIntentional: 2,
      source,
      confidence: 'K',
    },
    {
      id: 'R-EXC-R8',
      kind: 'PRIOR_AND_INTENTIONAL',
      label: 'Có 01 tiền án và lần này bị kết án về tội phạm do cố ý',
      citation: cite('Có tiền án và lần này phạm tội do cố ý'),
      minPriorConvictions: 1,
      source,
      confidence: 'K',
    },
  ];
}

export const UNKNOWN_ROUND_CATEGORIES = unknown<Array<{ code: string; label: string }>>(
  'Trường hợp khác theo điểm i khoản 3 Điều 11: chưa có văn bản gốc của Quyết định',
);

// The camps' councils meet on days each camp sets under the round's guidance; a round records its plan when known.
export const CAMP_COUNCIL_UNPLANNED = unknown<string>(
  'Ngày họp Hội đồng xét đề nghị đặc xá của các trại: do trại ấn định theo hướng dẫn của đợt, chưa có kế hoạch',
);
