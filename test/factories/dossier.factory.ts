import type { DossierDocument } from '../../src/dossiers/dossier-format.js';

let counter = 0;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] };

// A complete, valid dossier in the exchange format; override what a test is about.
export function buildDossier(
  overrides: Partial<Omit<DossierDocument, 'person'>> & { person?: DeepPartial<DossierDocument['person']> } = {},
): DossierDocument {
  counter += 1;
  const base: DossierDocument = {
    formatVersion: 1,
    roundCode: 'QD-TEST',
    facilityCode: 'TG-A',
    inmateNumber: `PN-${String(counter).padStart(5, '0')}-${Math.random().toString(36).slice(2, 7)}`,
    status: 'SERVING' as DossierDocument['status'],
    person: {
      fullName: 'Nguyễn Văn Đức',
      aliases: ['Đức "Sứt"'],
      birthDate: '1985-03-14',
      sex: 'MALE' as DossierDocument['person']['sex'],
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      idNumber: '001085012345',
      registeredResidence: {
        detail: 'Số 12 ngõ 34 phố Khương Trung',
        commune: 'Phường Khương Đình',
        province: 'Hà Nội',
      },
      residenceAfterRelease: { commune: 'Phường Khương Đình', province: 'Hà Nội' },
    },
    judgments: [
      {
        number: '123/2019/HS-ST',
        date: '2019-06-20',
        court: 'Tòa án nhân dân quận Thanh Xuân',
        finalDate: '2019-07-05',
        offences: [
          {
            article: 173,
            clause: 2,
            point: 'c',
            chapter: 16,
            name: 'Trộm cắp tài sản',
            offenceDate: '2018-11-02',
            intentional: true,
            drug: false,
            corruption: false,
            nationalSecurity: false,
            grade: 'SERIOUS' as never,
            aggravations: [],
            sentence: { kind: 'FIXED', years: 9, months: 0, days: 0 },
          },
        ],
        sentence: { kind: 'FIXED', years: 9, months: 0, days: 0 },
      },
    ],
    aggregateSentence: { kind: 'FIXED', years: 9, months: 0, days: 0 },
    intervals: [
      { kind: 'PRE_TRIAL_DETENTION' as never, from: '2018-11-05', to: '2019-07-05' },
      { kind: 'CAMP' as never, from: '2019-07-06' },
    ],
    reductions: [
      {
        decisionNumber: '45/QĐ-TA',
        date: '2023-04-20',
        issuer: 'Tòa án nhân dân tỉnh Hà Nam',
        term: { years: 0, months: 6, days: 0 },
      },
    ],
    conductRatings: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'].map((period) => ({
      period,
      rating: 'KHA' as never,
    })),
    postQuarterEvaluation: { from: '2025-06-01', to: '2025-07-20', rating: 'TOT' as never },
    discipline: [],
    drugUseEvidence: false,
    priorConvictions: [],
    pendingProsecution: false,
    obligations: [
      {
        kind: 'COURT_FEE' as never,
        creditor: 'STATE' as never,
        amountDue: 200_000,
        amountPaid: 200_000,
        status: 'PAID' as never,
        decisions: [
          {
            kind: 'RECEIPT' as never,
            number: 'BL-0012',
            date: '2020-01-10',
            issuer: 'Chi cục Thi hành án dân sự quận Thanh Xuân',
          },
        ],
      },
    ],
    specialCircumstances: [],
    application: { date: '2025-07-08', signed: true, fingerprinted: false },
    commitment: { date: '2025-07-08', signed: true },
  };
  const { person, ...rest } = overrides;
  return { ...base, ...rest, person: { ...base.person, ...(person as object) } } as DossierDocument;
}

// A dossier that uses every part of the exchange format, so the round trip is tested on all of it.
export function buildRichDossier(codes: {
  roundCode: string;
  facilityCode: string;
  teamCode?: string;
}): DossierDocument {
  return buildDossier({
    ...codes,
    status: 'SUSPENDED' as never,
    person: {
      fullName: 'Trần Thị Ánh Tuyết',
      aliases: [],
      birthDate: '1952',
      sex: 'FEMALE' as never,
      ethnicity: 'Tày',
    },
    judgments: [
      {
        number: '88/2016/HS-PT',
        date: '2016-02-29',
        court: 'Tòa án nhân dân cấp cao tại Hà Nội',
        offences: [
          {
            criminalCode: 'BLHS_2015' as never,
            article: 174,
            clause: 3,
            chapter: 16,
            name: 'Lừa đảo chiếm đoạt tài sản',
            intentional: true,
            drug: false,
            corruption: false,
            nationalSecurity: false,
            aggravations: ['REPEATED'],
            victims: 3,
            sentence: { kind: 'FIXED', years: 12, months: 0, days: 0 },
          },
          {
            article: 353,
            chapter: 23,
            name: 'Tham ô tài sản',
            offenceDate: '2014-12-31',
            intentional: true,
            drug: false,
            corruption: true,
            nationalSecurity: false,
            grade: 'VERY_SERIOUS' as never,
            aggravations: [],
            sentence: { kind: 'LIFE' },
          },
        ],
        sentence: {
          kind: 'LIFE',
          commutation: { decisionNumber: '12/QĐ-CA', date: '2021-08-31', term: { years: 25, months: 0, days: 0 } },
        },
      },
    ],
    aggregateSentence: {
      kind: 'LIFE',
      commutation: { decisionNumber: '12/QĐ-CA', date: '2021-08-31', term: { years: 25, months: 0, days: 0 } },
    },
    intervals: [
      { kind: 'POLICE_CUSTODY' as never, from: '2015-01-02', to: '2015-01-10' },
      { kind: 'PRE_TRIAL_DETENTION' as never, from: '2015-01-11', to: '2016-02-29' },
      { kind: 'CAMP' as never, from: '2016-03-01', to: '2024-03-01' },
      { kind: 'SUSPENSION' as never, from: '2024-03-02' },
      { kind: 'COMPULSORY_TREATMENT' as never, from: '2015-05-01', to: '2015-06-30' },
    ],
    discipline: [{ date: '2017-05-05', kind: 'KHIỂN TRÁCH', description: 'Vi phạm nội quy buồng giam' }],
    drugUseEvidence: false,
    priorConvictions: [
      {
        judgmentNumber: '5/1990/HS-ST',
        date: '1990-05-05',
        court: 'TAND huyện Ba Vì',
        offence: 'Trộm cắp tài sản',
        expunged: true,
        proof: {
          kind: 'Phiếu lý lịch tư pháp số 1',
          number: '1234/LLTP',
          date: '2025-06-01',
          issuer: 'Sở Tư pháp Hà Nội',
          issuerLevel: 'PROVINCE' as never,
          readable: true,
        },
      },
    ],
    earlierAmnesty: undefined,
    pendingProsecution: false,
    pendingProtest: { kind: 'CASSATION' as never, aggravating: false, date: '2020-01-15' },
    obligations: [
      {
        kind: 'RESTITUTION' as never,
        creditor: 'NON_STATE' as never,
        amountDue: 1_250_000_000,
        amountPaid: 300_000_000,
        status: 'PARTIAL' as never,
        decisions: [
          {
            kind: 'NOT_YET_ENFORCEABLE' as never,
            number: '77/QĐ-CCTHADS',
            date: '2025-03-03',
            issuer: 'Chi cục THADS huyện Ba Vì',
          },
          {
            kind: 'HARDSHIP_CONFIRMATION' as never,
            number: '78/XN-CCTHADS',
            date: '2025-03-03',
            issuer: 'Chi cục THADS huyện Ba Vì',
          },
        ],
      },
      {
        kind: 'COMPENSATION' as never,
        creditor: 'NON_STATE' as never,
        amountDue: 40_000_000,
        amountPaid: 0,
        status: 'WAIVED' as never,
        decisions: [
          { kind: 'CREDITOR_WAIVER' as never, date: '2025-04-01', issuer: 'Ông Nguyễn Văn Tư', certified: true },
        ],
      },
      {
        kind: 'FINE' as never,
        creditor: 'STATE' as never,
        amountDue: 0,
        amountPaid: 0,
        status: 'EXEMPTED' as never,
        decisions: [],
      },
    ],
    specialCircumstances: [
      { category: 'AGE_70_PLUS' as never, details: {}, evidence: [] },
      {
        category: 'SERIOUS_ILLNESS' as never,
        details: { diagnosis: 'Ung thư phổi giai đoạn IV', selfCareUnable: true },
        evidence: [
          {
            kind: 'Kết luận giám định y khoa',
            code: 'MEDICAL_ASSESSMENT_CONCLUSION' as never,
            number: '55/KL-GĐYK',
            date: '2025-05-20',
            issuer: 'Hội đồng giám định y khoa tỉnh Hà Nam',
            issuerLevel: 'PROVINCE' as never,
            readable: false,
            note: 'Bản chụp mờ',
          },
        ],
      },
      {
        category: 'FREQUENT_ILLNESS' as never,
        details: {
          hospitalStays: [
            { facility: 'INFIRMARY', from: '2023-01-05', to: '2023-04-20' },
            { facility: 'HOSPITAL', from: '2024-02-01', to: '2024-03-10' },
          ],
          selfCareUnable: true,
        },
        evidence: [
          {
            kind: 'Giấy ra viện',
            code: 'MEDICAL_RECORD_COPY' as never,
            issuer: 'Bệnh xá Trại giam Thanh Xuân',
            issuerLevel: 'CAMP' as never,
            readable: true,
          },
        ],
      },
      {
        category: 'MAJOR_MERIT' as never,
        details: { meritType: 'SAVED_LIFE', meritContext: 'NATURAL_DISASTER', meritDate: '2024-10-02' },
        evidence: [
          {
            kind: 'Bản tự khai',
            code: 'MERIT_STATEMENT' as never,
            issuer: 'Phạm nhân Trần Thị Ánh Tuyết',
            issuerLevel: 'PRIVATE' as never,
            readable: true,
          },
        ],
      },
      {
        category: 'FAMILY_HARDSHIP_SOLE_BREADWINNER' as never,
        details: {
          cause: 'RELATIVE_SERIOUSLY_ILL',
          relativeRelation: 'SPOUSE',
          relativeSeriouslyIll: true,
          relativeNoOtherCarer: true,
          soleWorker: true,
        },
        evidence: [
          {
            kind: 'Đơn trình bày hoàn cảnh gia đình có xác nhận của UBND xã',
            code: 'FAMILY_PETITION' as never,
            alsoServesAs: ['COMMUNE_CERTIFICATION' as never],
            date: '2025-04-02',
            issuer: 'UBND xã Tản Lĩnh',
            issuerLevel: 'COMMUNE' as never,
            readable: true,
          },
        ],
      },
    ],
    // Suspended from 02/03/2024: the quarters after it were not classified.
    conductRatings: [
      { period: '2023-Q4', rating: 'KHA' as never },
      { period: '2024-Q1', rating: 'TOT' as never },
      { period: '2024-Q2', rating: 'NOT_CLASSIFIED' as never },
    ],
    application: { date: '2025-07-09', signed: false, fingerprinted: true, decisionPostedOn: '2025-07-07' },
    councilMeetingDate: '2025-07-15',
    suspensionCertification: {
      kind: 'Xác nhận chấp hành pháp luật',
      date: '2025-07-01',
      issuer: 'UBND xã Tản Lĩnh',
      issuerLevel: 'COMMUNE' as never,
      readable: true,
    },
    securityConcern: 'Công an xã đề nghị xem xét thêm',
  });
}

// A foreigner's passport copy (Nghị định 52/2019/NĐ-CP, Điều 5, khoản 6), as the exchange format carries it.
export const PASSPORT_COPY = {
  kind: 'Bản sao hộ chiếu',
  code: 'IDENTITY_PAPER_COPY',
  number: 'P7654321',
  date: '2019-05-14',
  issuer: 'Bộ Ngoại giao Lào',
  issuerLevel: 'CENTRAL',
  readable: true,
} as never;
