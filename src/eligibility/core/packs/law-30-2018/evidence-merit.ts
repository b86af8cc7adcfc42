import type { EvidenceKind, MeritoriousStatus } from '../../facts.js';
import { formatMoneyVi } from '../../text/format-vi.js';
import { claimedCategoryRule, judgeAssessment, type Criterion } from '../shared/category-evidence.js';
import { rescueCriterion } from '../shared/merit.js';
import { decree52, law } from './citations.js';
import { LAW_30_DATA } from './law-data.js';

export const meritEvidenceRule = claimedCategoryRule({
  id: 'R-EVID-MERIT',
  title: 'Căn cứ xác định lập công lớn',
  category: 'MAJOR_MERIT',
  claimedAs: 'MAJOR_MERIT',
  citation: law(11, 3, 'a', 'Đã lập công lớn trong thời gian chấp hành án phạt tù'),
  alsoCites: [
    decree52(4, 4, undefined, 'Các trường hợp lập công lớn'),
    decree52(5, 3, 'a', 'Tài liệu chứng minh lập công lớn'),
  ],
  assess(ctx, c) {
    const criteria: Criterion[] = [
      {
        label:
          'Thuộc một trong các trường hợp lập công lớn (giúp phát hiện, truy bắt tội phạm; cứu người, tài sản; phát minh, sáng kiến, thành tích đặc biệt xuất sắc)',
        value: c.meritKind === null ? null : true,
        evidence: 'Bản tự khai ghi rõ loại thành tích lập công',
      },
    ];
    const rescue = rescueCriterion(c.meritKind, c.meritContext);
    if (rescue) criteria.push(rescue);
    if (c.meritKind === 'SAVED_PROPERTY') {
      criteria.push({
        label: `Giá trị tài sản cứu được từ ${formatMoneyVi(LAW_30_DATA.meritPropertyMinVnd)} trở lên`,
        value: c.propertyValue === null ? null : c.propertyValue >= LAW_30_DATA.meritPropertyMinVnd,
        evidence: 'Văn bản xác định giá trị tài sản cứu được',
      });
    }
    return {
      criteria,
      evidence: c.evidence,
      documents: [
        { req: { kinds: ['MERIT_STATEMENT'], label: 'Bản tự khai về thành tích lập công' } },
        {
          req: {
            kinds: ['REWARD_PROPOSAL'],
            label: 'Văn bản đề nghị khen thưởng của cán bộ trại giam, trại tạm giam hoặc cơ quan điều tra',
          },
        },
        {
          req: {
            kinds: ['MERIT_CONFIRMATION', 'REWARD_DECISION'],
            label:
              'Xác nhận hoặc bản sao quyết định khen thưởng của Giám thị trại giam, trại tạm giam hoặc cơ quan tiến hành tố tụng',
          },
        },
      ],
      passText: 'Có đủ tài liệu chứng minh lập công lớn trong thời gian chấp hành án.',
    };
  },
});

const STATUS_EVIDENCE: Record<MeritoriousStatus, { kinds: EvidenceKind[]; label: string }> = {
  REVOLUTIONARY_MERIT: { kinds: ['MERIT_STATUS_PROOF'], label: 'Giấy tờ chứng minh là người có công với cách mạng' },
  WAR_INVALID: { kinds: ['MERIT_STATUS_PROOF'], label: 'Giấy chứng nhận thương binh' },
  SICK_SOLDIER: { kinds: ['MERIT_STATUS_PROOF'], label: 'Giấy chứng nhận bệnh binh' },
  DUNG_SI: { kinds: ['DECORATION_COPY'], label: 'Bản sao quyết định tặng danh hiệu Dũng sĩ' },
  LABOUR_HERO: { kinds: ['DECORATION_COPY'], label: 'Bản sao quyết định tặng danh hiệu Anh hùng Lao động' },
  ORDER_OR_RESISTANCE_MEDAL: { kinds: ['DECORATION_COPY'], label: 'Bản sao Huân chương hoặc Huy chương kháng chiến' },
  MARTYR_RELATIVE: {
    kinds: ['RELATIVE_CERTIFICATION'],
    label: 'Xác nhận của Ủy ban nhân dân cấp xã hoặc cơ quan, đơn vị về quan hệ thân nhân liệt sĩ',
  },
  HEROIC_MOTHER_CHILD: { kinds: ['RELATIVE_CERTIFICATION'], label: 'Xác nhận là con của Bà mẹ Việt Nam anh hùng' },
  REVOLUTION_HELPER_RELATIVE: {
    kinds: ['RELATIVE_CERTIFICATION'],
    label: 'Xác nhận là thân nhân người có công giúp đỡ cách mạng',
  },
};

export const meritoriousEvidenceRule = claimedCategoryRule({
  id: 'R-EVID-MERITORIOUS',
  title: 'Căn cứ xác định người có công, người được tặng thưởng, thân nhân liệt sĩ',
  category: 'MERITORIOUS_PERSON',
  claimedAs: 'MERITORIOUS_PERSON',
  citation: law(
    11,
    3,
    'b',
    'Người có công với cách mạng, thân nhân liệt sĩ, người được tặng danh hiệu, huân chương, huy chương kháng chiến',
  ),
  alsoCites: [decree52(5, 3, 'b', 'Tài liệu chứng minh')],
  assess(ctx, c) {
    if (c.status === null) {
      return judgeAssessment(
        { id: 'R-EVID-MERITORIOUS' },
        {
          criteria: [
            {
              label: 'Xác định được diện (người có công, thương binh, bệnh binh, huân chương, thân nhân liệt sĩ…)',
              value: null,
              evidence: 'Giấy tờ xác định diện người có công, người được tặng thưởng hoặc thân nhân liệt sĩ',
            },
          ],
          evidence: c.evidence,
          documents: [],
          passText: '',
        },
      );
    }
    const req = STATUS_EVIDENCE[c.status];
    return {
      criteria: [],
      evidence: c.evidence,
      documents: [{ req }],
      passText: `Có ${req.label.charAt(0).toLowerCase()}${req.label.slice(1)}.`,
    };
  },
});
