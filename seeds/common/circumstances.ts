import { IssuerLevel, SpecialCategory } from '../../src/dossiers/dossier-format.js';
import type { EvidenceDocument, SpecialCircumstance } from '../../src/dossiers/dossier-format.js';
import { addDays, addMonths } from './dates.js';
import { COMMUNE_NAMES, provinceLabel } from './data/places.js';
import type { Rng } from './prng.js';

// Evidence `kind` values are the machine codes the eligibility facts use (MEDICAL_ASSESSMENT_CONCLUSION …); the
// Vietnamese title of each document goes in `note`. Category `details` use the names src/eligibility/dossier-to-facts.ts
// reads (meritType, diagnosisCode + diagnosis, status, level, cause, soleWorker, childBirthDate …).
export interface CircumstanceContext {
  province: string;
  councilMeetingDate: string;
  cutoffDate: string;
  facilityName: string;
  facilityLevel: IssuerLevel;
  courtName: string;
  militaryRegion?: string;
}

export type EvidenceDefect = 'DISTRICT_HOSPITAL' | 'UNREADABLE_SCAN' | 'UNCERTIFIED_PETITION';

const ILLNESSES: readonly (readonly [string, string])[] = [
  ['LATE_STAGE_CANCER', 'Ung thư phổi giai đoạn IV, di căn xương'],
  ['LATE_STAGE_CANCER', 'Ung thư gan giai đoạn cuối'],
  ['CIRRHOSIS_WITH_ASCITES', 'Xơ gan cổ trướng mất bù'],
  ['KIDNEY_FAILURE_GRADE_4_PLUS', 'Suy thận mạn giai đoạn IV, phải lọc máu định kỳ'],
  ['HEART_FAILURE_GRADE_3_PLUS', 'Suy tim độ III'],
  ['HIV_STAGE_4_OPPORTUNISTIC', 'HIV/AIDS giai đoạn lâm sàng IV, nhiễm trùng cơ hội lao phổi'],
  ['PARALYSIS', 'Liệt nửa người sau tai biến mạch máu não'],
  ['SEVERE_DRUG_RESISTANT_TB', 'Lao phổi kháng đa thuốc'],
];

function doc(
  rng: Rng,
  kind: string,
  title: string,
  issuer: string,
  level: IssuerLevel,
  date: string,
  numberSuffix: string | null,
): EvidenceDocument {
  const e: EvidenceDocument = { kind, date, issuer, issuerLevel: level, readable: true, note: title };
  if (numberSuffix) e.number = `${rng.int(12, 2400)}/${numberSuffix}`;
  return e;
}

function hospital(rng: Rng, ctx: CircumstanceContext): [string, IssuerLevel] {
  if (ctx.militaryRegion)
    return [`Bệnh viện Quân y ${rng.pick(['7A', '175', '4', '103'])}`, IssuerLevel.MILITARY_REGION];
  return rng.chance(0.3)
    ? ['Bệnh viện 19-8, Bộ Công an', IssuerLevel.CENTRAL]
    : [`Bệnh viện Đa khoa ${provinceLabel(ctx.province)}`, IssuerLevel.PROVINCE];
}

function commune(rng: Rng): string {
  return `UBND ${rng.chance(0.7) ? 'xã' : 'phường'} ${rng.pick(COMMUNE_NAMES)}`;
}

// A medical paper must be at most 6 months old when the camp council meets (Decree 52/2019, Art 5(3)(c)).
function recent(rng: Rng, ctx: CircumstanceContext): string {
  return addDays(ctx.councilMeetingDate, -rng.int(15, 150));
}

export function buildCircumstance(
  rng: Rng,
  category: SpecialCategory,
  ctx: CircumstanceContext,
  extra: { childBirthDate?: string } = {},
): SpecialCircumstance {
  const year = ctx.councilMeetingDate.slice(0, 4);
  switch (category) {
    case SpecialCategory.MAJOR_MERIT: {
      const meritKind = rng.pick(['CRIME_DETECTION', 'SAVED_LIFE', 'SAVED_PROPERTY'] as const);
      const description = {
        CRIME_DETECTION: 'Tố giác và giúp trại giam phát hiện đường dây đưa ma túy vào trại',
        SAVED_LIFE: 'Cứu phạm nhân bị lũ cuốn khi lao động ngoài khu giam giữ trong đợt lũ',
        SAVED_PROPERTY: 'Tham gia chữa cháy, cứu tài sản của trại giam trị giá lớn',
      }[meritKind];
      const on = addDays(ctx.councilMeetingDate, -rng.int(120, 600));
      const details: Record<string, string | number | boolean> = { meritType: meritKind, description, meritDate: on };
      // Decree 52/2019 Art 4(4)(b): a rescue counts in a natural disaster or a fire.
      if (meritKind === 'SAVED_LIFE') details.meritContext = 'NATURAL_DISASTER';
      if (meritKind === 'SAVED_PROPERTY') {
        details.meritContext = 'FIRE';
        details.propertyValue = rng.int(6, 40) * 10_000_000;
      }
      return {
        category,
        details,
        evidence: [
          doc(
            rng,
            'MERIT_STATEMENT',
            'Bản tự khai thành tích lập công',
            'Phạm nhân (bản tự khai có xác nhận của cán bộ quản giáo)',
            ctx.facilityLevel,
            addDays(on, 3),
            null,
          ),
          doc(
            rng,
            'REWARD_PROPOSAL',
            'Văn bản đề nghị khen thưởng của cán bộ quản giáo',
            `Đội phạm nhân, ${ctx.facilityName}`,
            ctx.facilityLevel,
            addDays(on, 10),
            null,
          ),
          doc(
            rng,
            'REWARD_DECISION',
            'Quyết định khen thưởng phạm nhân lập công',
            `Giám thị ${ctx.facilityName}`,
            ctx.facilityLevel,
            addDays(on, 20),
            `${year}/QĐ-KT`,
          ),
        ],
      };
    }
    case SpecialCategory.WAR_INVALID_OR_DECORATED: {
      const option = rng.pick([
        [
          'ORDER_OR_RESISTANCE_MEDAL',
          'Huân chương Kháng chiến hạng Nhì',
          'DECORATION_COPY',
          'Chủ tịch nước',
          IssuerLevel.CENTRAL,
        ],
        [
          'WAR_INVALID',
          'Thương binh hạng 3/4',
          'MERIT_STATUS_PROOF',
          `Sở Lao động - Thương binh và Xã hội ${provinceLabel(ctx.province)}`,
          IssuerLevel.PROVINCE,
        ],
        ['MARTYR_RELATIVE', 'Con liệt sĩ', 'RELATIVE_CERTIFICATION', commune(rng), IssuerLevel.COMMUNE],
      ] as const);
      return {
        category,
        details: { status: option[0], title: option[1] },
        evidence: [
          doc(
            rng,
            option[2],
            `Bản sao ${option[1].toLowerCase()}`,
            option[3],
            option[4],
            addDays(ctx.councilMeetingDate, -rng.int(30, 4000)),
            null,
          ),
        ],
      };
    }
    case SpecialCategory.SERIOUS_ILLNESS: {
      const [diagnosisCode, diagnosis] = rng.pick(ILLNESSES);
      const [issuer, level] = hospital(rng, ctx);
      return {
        category,
        details: { diagnosisCode, diagnosis, selfCareUnable: true, highDeathRisk: true },
        evidence: [
          doc(
            rng,
            'HOSPITAL_CONCLUSION',
            'Kết luận của bệnh viện về tình trạng bệnh',
            issuer,
            level,
            recent(rng, ctx),
            `${year}/KL-BV`,
          ),
          doc(rng, 'MEDICAL_RECORD_COPY', 'Bản sao bệnh án', issuer, level, recent(rng, ctx), null),
        ],
      };
    }
    case SpecialCategory.FREQUENT_ILLNESS: {
      const [issuer, level] = hospital(rng, ctx);
      const continuous = rng.chance(0.4);
      const stays = continuous ? 1 : rng.int(3, 5);
      return {
        category,
        details: {
          diagnosis: rng.pick([
            'Tăng huyết áp độ III, tai biến mạch máu não cũ',
            'Đái tháo đường type 2 biến chứng thận',
            'Bệnh phổi tắc nghẽn mạn tính',
          ]),
          stayCount: stays,
          longestStayDays: continuous ? rng.int(95, 160) : rng.int(31, 60),
          // Every stay of a non-continuous treatment lasted a month or more (Decree 52/2019 Art 4(6)).
          hospitalStaysOfAtLeastOneMonth: continuous ? 0 : stays,
          selfCareUnable: true,
          unableToWork: true,
        },
        evidence: [
          doc(
            rng,
            'HOSPITAL_CONCLUSION',
            'Kết luận của bệnh viện về việc điều trị nội trú nhiều lần',
            issuer,
            level,
            recent(rng, ctx),
            `${year}/KL-BV`,
          ),
        ],
      };
    }
    case SpecialCategory.SEVERE_DISABILITY: {
      const level = rng.chance(0.5) ? 'ESPECIALLY_SEVERE' : 'SEVERE';
      return {
        category,
        details: {
          level,
          disabilityType: rng.pick(['Khuyết tật vận động', 'Khuyết tật nhìn', 'Khuyết tật thần kinh, tâm thần']),
        },
        evidence: [
          doc(
            rng,
            'DISABILITY_CERTIFICATE',
            `Giấy xác nhận khuyết tật (mức độ ${level === 'SEVERE' ? 'nặng' : 'đặc biệt nặng'})`,
            commune(rng),
            IssuerLevel.COMMUNE,
            addDays(ctx.councilMeetingDate, -rng.int(60, 900)),
            null,
          ),
        ],
      };
    }
    case SpecialCategory.AGE_70_PLUS:
      return {
        category,
        details: {},
        evidence: [
          doc(
            rng,
            'BIRTH_CERTIFICATE',
            'Bản sao giấy khai sinh',
            commune(rng),
            IssuerLevel.COMMUNE,
            addDays(ctx.councilMeetingDate, -rng.int(20, 200)),
            null,
          ),
        ],
      };
    case SpecialCategory.UNDER_18_AT_OFFENCE:
      return {
        category,
        details: {},
        evidence: [
          doc(
            rng,
            'JUDGMENT_EXTRACT',
            'Trích lục bản án',
            ctx.courtName,
            ctx.militaryRegion ? IssuerLevel.MILITARY_REGION : IssuerLevel.PROVINCE,
            addDays(ctx.councilMeetingDate, -rng.int(20, 200)),
            null,
          ),
        ],
      };
    case SpecialCategory.FAMILY_HARDSHIP_SOLE_BREADWINNER: {
      const cause = rng.pick(['RELATIVE_SERIOUSLY_ILL', 'NATURAL_DISASTER', 'ILLNESS', 'ACCIDENT'] as const);
      const certifier = commune(rng);
      return {
        category,
        details: {
          cause,
          // Decree 52/2019 Art 4(7): the carer ground needs a parent, spouse or child ill with no other carer.
          ...(cause === 'RELATIVE_SERIOUSLY_ILL'
            ? { relativeRelation: 'PARENT', relativeSeriouslyIll: true, relativeNoOtherCarer: true }
            : {}),
          soleWorker: true,
          noSignificantProperty: true,
          incomeBelowPovertyLine: rng.chance(0.7),
          familyMembers:
            'Mẹ đẻ (sinh năm 1956, ốm đau thường xuyên); vợ (sinh năm 1990, không có việc làm); hai con (sinh năm 2015 và 2018, đang đi học)',
        },
        evidence: [
          doc(
            rng,
            'FAMILY_PETITION',
            'Đơn trình bày hoàn cảnh gia đình',
            'Gia đình phạm nhân',
            IssuerLevel.PRIVATE,
            addDays(ctx.councilMeetingDate, -rng.int(20, 90)),
            null,
          ),
          doc(
            rng,
            'COMMUNE_CERTIFICATION',
            'Xác nhận của UBND cấp xã về hoàn cảnh gia đình',
            certifier,
            IssuerLevel.COMMUNE,
            addDays(ctx.councilMeetingDate, -rng.int(5, 19)),
            `${year}/XN-UBND`,
          ),
        ],
      };
    }
    case SpecialCategory.PREGNANT_OR_CHILD_UNDER_36_MONTHS: {
      if (!extra.childBirthDate) {
        const [issuer, level] = hospital(rng, ctx);
        return {
          category,
          details: { pregnant: true, gestationWeeks: rng.int(12, 30) },
          evidence: [doc(rng, 'PREGNANCY_CONCLUSION', 'Giấy xác nhận có thai', issuer, level, recent(rng, ctx), null)],
        };
      }
      return {
        category,
        details: { childBirthDate: extra.childBirthDate, childLivesWithMother: true },
        evidence: [
          doc(
            rng,
            'CHILD_BIRTH_CERTIFICATE',
            'Bản sao giấy khai sinh của con',
            commune(rng),
            IssuerLevel.COMMUNE,
            addDays(extra.childBirthDate, rng.int(10, 40)),
            null,
          ),
        ],
      };
    }
  }
}

export function childBirthDateWithin36Months(rng: Rng, cutoffDate: string): string {
  return addMonths(cutoffDate, -rng.int(4, 30));
}

export function applyDefect(rng: Rng, c: SpecialCircumstance, defect: EvidenceDefect, ctx: CircumstanceContext): void {
  if (defect === 'DISTRICT_HOSPITAL') {
    c.evidence = [
      doc(
        rng,
        'HOSPITAL_CONCLUSION',
        'Kết luận của bệnh viện về tình trạng bệnh',
        `Trung tâm Y tế huyện ${rng.pick(COMMUNE_NAMES)}, ${provinceLabel(ctx.province)}`,
        IssuerLevel.DISTRICT,
        recent(rng, ctx),
        `${ctx.councilMeetingDate.slice(0, 4)}/KL-TTYT`,
      ),
    ];
  } else if (defect === 'UNCERTIFIED_PETITION') {
    c.evidence = c.evidence.filter((e) => e.kind !== 'COMMUNE_CERTIFICATION');
    c.evidence[0].note = 'Đơn trình bày hoàn cảnh gia đình (chưa có xác nhận của UBND cấp xã)';
  } else {
    c.evidence[0].readable = false;
    c.evidence[0].note = `${c.evidence[0].note ?? ''} — bản chụp mờ, không đọc được số, ngày và dấu của văn bản`.trim();
  }
}
