import type { FamilyRelation, HardshipCause } from '../../facts.js';
import { hardshipGround } from '../shared/hardship.js';
import { result } from '../../rule.js';
import { claimedCategoryRule, judgeAssessment, type Criterion } from '../shared/category-evidence.js';
import { rescueCriterion } from '../shared/merit.js';
import { decree76, law07 } from './citations.js';

// Decree 76/2008 Art 5(2) defines the four groups of Law 07/2007 Art 10(2). Its wording is older than Decree 52:
// no 50-million threshold for merit, a closed list of serious illnesses, no 6-month validity for medical papers.
export const meritRule = claimedCategoryRule({
  id: 'R-EVID-MERIT',
  title: 'Căn cứ xác định lập công lớn',
  category: 'MAJOR_MERIT',
  claimedAs: 'MAJOR_MERIT',
  citation: decree76(
    5,
    2,
    'a',
    'Giúp phát hiện, truy bắt, điều tra, xử lý tội phạm; cứu người hoặc tài sản lớn trong thiên tai, hỏa hoạn; phát minh, sáng kiến có giá trị lớn, được cơ quan có thẩm quyền xác nhận',
  ),
  alsoCites: [law07(10, 2, undefined, 'Đã lập công lớn')],
  assess: (ctx, c) => ({
    criteria: [rescueCriterion(c.meritKind, c.meritContext)].filter((k): k is Criterion => k !== null),
    evidence: c.evidence,
    documents: [
      {
        req: {
          kinds: ['MERIT_CONFIRMATION', 'REWARD_DECISION'],
          label: 'Xác nhận của cơ quan có thẩm quyền về thành tích lập công',
        },
      },
    ],
    passText: 'Có xác nhận của cơ quan có thẩm quyền về thành tích lập công lớn.',
  }),
});

// Decree 76/2008 Art 5(2)(b) reads "ung thư, bại liệt, lao nặng kháng thuốc, xơ gan cổ chướng; suy tim độ III hoặc
// suy thận độ IV trở lên": cancer at any stage (unlike Decree 52/2019 Art 4(5), "giai đoạn cuối"), paralysis, severe
// drug-resistant TB, cirrhosis with ascites, heart failure grade III and kidney failure grade IV or worse; AIDS with
// opportunistic infections is tested apart, on its own papers. "Trở lên" is read as governing both failures.
const LISTED = new Set([
  'CANCER',
  'LATE_STAGE_CANCER',
  'PARALYSIS',
  'SEVERE_DRUG_RESISTANT_TB',
  'CIRRHOSIS_WITH_ASCITES',
  'HEART_FAILURE_GRADE_3_PLUS',
  'KIDNEY_FAILURE_GRADE_4_PLUS',
]);

export const seriousIllnessRule = claimedCategoryRule({
  id: 'R-EVID-ILL',
  title: 'Căn cứ xác định bệnh hiểm nghèo',
  category: 'SERIOUS_ILLNESS',
  claimedAs: 'SERIOUS_ILLNESS',
  citation: decree76(
    5,
    2,
    'b',
    'Ung thư, bại liệt, lao nặng kháng thuốc, xơ gan cổ chướng, suy tim độ III, suy thận độ IV trở lên; HIV đã chuyển giai đoạn AIDS có nhiễm trùng cơ hội',
  ),
  alsoCites: [law07(10, 2, undefined, 'Đang mắc bệnh hiểm nghèo')],
  assess(ctx, c) {
    if (c.diagnosis === 'HIV_STAGE_4_OPPORTUNISTIC') {
      return {
        criteria: [
          { label: 'Có tiên lượng xấu', value: c.highDeathRisk, evidence: 'Kết luận y khoa về tiên lượng bệnh' },
        ],
        evidence: c.evidence,
        documents: [
          { req: { kinds: ['HIV_TEST'], label: 'Phiếu xét nghiệm HIV' } },
          {
            req: {
              kinds: ['HEALTH_CENTRE_CONCLUSION', 'HOSPITAL_CONCLUSION', 'MEDICAL_ASSESSMENT_CONCLUSION'],
              label: 'Kết luận của trung tâm y tế cấp huyện trở lên',
              minLevel: 'DISTRICT',
            },
          },
        ],
        passText:
          'Nhiễm HIV đã chuyển giai đoạn AIDS có nhiễm trùng cơ hội, có phiếu xét nghiệm và kết luận của cơ sở y tế cấp huyện trở lên.',
      };
    }
    if (c.diagnosis === null) {
      return result(
        { id: 'R-EVID-ILL' },
        'NEEDS_EVIDENCE',
        `Chưa xác định bệnh "${c.diagnosisText}" có thuộc danh mục tại điểm b khoản 2 Điều 5 Nghị định 76/2008 không.`,
        [],
        {
          missingEvidence: ['Kết luận y khoa ghi rõ tên bệnh theo danh mục bệnh hiểm nghèo'],
        },
      );
    }
    if (!LISTED.has(c.diagnosis)) {
      return result(
        { id: 'R-EVID-ILL' },
        'FAIL',
        `Bệnh "${c.diagnosisText}" không thuộc danh mục bệnh hiểm nghèo tại điểm b khoản 2 Điều 5 Nghị định 76/2008.`,
        [],
      );
    }
    return {
      criteria: [],
      evidence: c.evidence,
      documents: [
        {
          req: {
            kinds: ['MEDICAL_ASSESSMENT_CONCLUSION', 'MEDICAL_RECORD_COPY', 'HOSPITAL_CONCLUSION'],
            label: 'Kết luận của Hội đồng giám định y khoa hoặc bản sao bệnh án của bệnh viện cấp tỉnh trở lên',
            minLevel: 'PROVINCE',
          },
        },
      ],
      passText: `Mắc ${c.diagnosisText}, thuộc danh mục bệnh hiểm nghèo, có kết luận y khoa của cơ quan cấp tỉnh trở lên.`,
    };
  },
});

function stayCount(c: { stays: unknown[]; stayCount: number | null }): number | null {
  return c.stays.length > 0 ? c.stays.length : (c.stayCount ?? null);
}

export const frequentIllnessRule = claimedCategoryRule({
  id: 'R-EVID-FREQ',
  title: 'Căn cứ xác định ốm đau thường xuyên',
  category: 'FREQUENT_ILLNESS',
  claimedAs: 'FREQUENT_ILLNESS',
  citation: decree76(
    5,
    2,
    'c',
    'Phải nằm điều trị tại bệnh xá, bệnh viện nhiều lần, trong một thời gian dài, không lao động, không tự phục vụ bản thân được và không còn khả năng gây nguy hiểm cho xã hội',
  ),
  alsoCites: [law07(10, 2, undefined, 'Ốm đau thường xuyên')],
  assess(ctx, c) {
    const minStays = ctx.round.readings?.frequentIllnessMinStays;
    const reading = {
      label: 'Số lần điều trị nội trú tối thiểu ("nhiều lần")',
      actual: stayCount(c),
      operator: '>=' as const,
      expected: minStays?.value ?? null,
      source: minStays?.source ?? 'Chưa có tham số',
      confidence: minStays?.confidence ?? ('?' as const),
    };
    if (!minStays || minStays.value === null)
      return result(
        { id: 'R-EVID-FREQ' },
        'NEEDS_REVIEW',
        'Đợt chưa xác định cách hiểu "nhiều lần" (số lần điều trị nội trú tối thiểu).',
        [reading],
      );
    const judged = judgeAssessment(
      { id: 'R-EVID-FREQ' },
      {
        criteria: [
          {
            label: 'Nằm điều trị nội trú nhiều lần',
            value: stayCount(c) === null ? null : (stayCount(c) as number) >= minStays.value,
            evidence: 'Hồ sơ bệnh án các đợt điều trị nội trú',
          },
          { label: 'Không lao động được', value: c.unableToWork, evidence: 'Xác nhận không lao động được' },
          {
            label: 'Không tự phục vụ được bản thân',
            value: c.selfCareUnable,
            evidence: 'Kết luận y khoa về khả năng tự phục vụ bản thân',
          },
          {
            label: 'Không còn khả năng gây nguy hiểm cho xã hội',
            value: c.noLongerDangerous,
            evidence: 'Nhận xét của trại giam về khả năng gây nguy hiểm',
          },
        ],
        evidence: c.evidence,
        documents: [
          {
            req: {
              kinds: ['MEDICAL_ASSESSMENT_CONCLUSION', 'HEALTH_AGENCY_CONFIRMATION'],
              label: 'Kết luận giám định y khoa hoặc xác nhận của cơ quan y tế cấp tỉnh trở lên',
              minLevel: 'PROVINCE',
            },
          },
        ],
        passText: '',
      },
    );
    // The decree does not quantify "nhiều lần, trong một thời gian dài": the council weighs it.
    if (judged.outcome !== 'PASS') return judged;
    return result(
      { id: judged.ruleId },
      'TO_CONFIRM',
      `Có ${stayCount(c)} đợt điều trị nội trú và kết luận y khoa hợp lệ; Hội đồng đánh giá yêu cầu "nhiều lần, trong một thời gian dài".`,
      [...judged.inputs, reading],
      judged,
    );
  },
});

// Decree 76/2008 Art 5(2)(d): disaster, fire or accident leaving no significant property (no income ground); or the
// natural father or mother ("bố đẻ, mẹ đẻ"), spouse or child seriously and long-term ill with no carer.
const DECREE_CAUSES: ReadonlySet<HardshipCause> = new Set(['NATURAL_DISASTER', 'FIRE', 'ACCIDENT']);
const DECREE_RELATIONS: ReadonlySet<FamilyRelation> = new Set(['PARENT', 'SPOUSE', 'CHILD']);

export const familyHardshipRule = claimedCategoryRule({
  id: 'R-EVID-FAMILY',
  title: 'Căn cứ xác định hoàn cảnh gia đình đặc biệt khó khăn, là lao động duy nhất',
  category: 'FAMILY_HARDSHIP',
  claimedAs: 'FAMILY_HARDSHIP',
  citation: decree76(
    5,
    2,
    'd',
    'Gia đình lâm vào hoàn cảnh kinh tế đặc biệt khó khăn do thiên tai, hỏa hoạn, tai nạn hoặc có bố, mẹ, vợ, chồng, con ốm đau nặng kéo dài không có người chăm sóc, có xác nhận của Ủy ban nhân dân cấp xã',
  ),
  alsoCites: [law07(10, 2, undefined, 'Có hoàn cảnh gia đình đặc biệt khó khăn, bản thân là lao động duy nhất')],
  assess(ctx, c) {
    const hardship = hardshipGround(c, DECREE_RELATIONS, DECREE_CAUSES, (x) => x.noSignificantProperty);
    return {
      criteria: [
        {
          label:
            'Khó khăn do thiên tai, hỏa hoạn, tai nạn, không còn tài sản gì đáng kể, hoặc có bố đẻ, mẹ đẻ, vợ, chồng, con ốm đau nặng kéo dài không người chăm sóc',
          value: hardship.value,
          evidence: hardship.evidence,
        },
        {
          label: 'Bản thân là lao động duy nhất trong gia đình',
          value: c.soleWorker,
          evidence: 'Xác nhận là lao động duy nhất trong gia đình',
        },
      ],
      evidence: c.evidence,
      documents: [
        {
          req: {
            kinds: ['COMMUNE_CERTIFICATION'],
            label: 'Xác nhận của Ủy ban nhân dân cấp xã nơi gia đình cư trú',
            levels: ['COMMUNE'],
          },
        },
      ],
      passText: 'Có xác nhận của Ủy ban nhân dân cấp xã về hoàn cảnh gia đình đặc biệt khó khăn; là lao động duy nhất.',
    };
  },
});
