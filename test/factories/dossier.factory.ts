import type { DossierDocument } from '../../src/dossiers/dossier-format.js';

let counter = 0;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] };

// A complete, valid dossier in the exchange format; override what a test is about.
export function buildDossier(overrides: Partial<Omit<DossierDocument, "person">> & { person?: DeepPartial<DossierDocument["person"]> } = {}): DossierDocument {
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
      registeredResidence: { detail: 'Số 12 ngõ 34 phố Khương Trung', commune: 'Phường Khương Đình', province: 'Hà Nội' },
      residenceAfterRelease: { commune: 'Phường Khương Đình', province: 'Hà Nội' },
    },
    judgments: [{
      number: '123/2019/HS-ST', date: '2019-06-20', court: 'Tòa án nhân dân quận Thanh Xuân', finalDate: '2019-07-05',
      offences: [{ article: 173, clause: 2, point: 'c', chapter: 16, name: 'Trộm cắp tài sản', offenceDate: '2018-11-02',
        intentional: true, drug: false, corruption: false, nationalSecurity: false, grade: 'SERIOUS' as never, aggravations: [],
        sentence: { kind: 'FIXED', years: 9, months: 0, days: 0 } }],
      sentence: { kind: 'FIXED', years: 9, months: 0, days: 0 },
    }],
    aggregateSentence: { kind: 'FIXED', years: 9, months: 0, days: 0 },
    intervals: [
      { kind: 'PRE_TRIAL_DETENTION' as never, from: '2018-11-05', to: '2019-07-05' },
      { kind: 'CAMP' as never, from: '2019-07-06' },
    ],
    reductions: [{ decisionNumber: '45/QĐ-TA', date: '2023-04-20', issuer: 'Tòa án nhân dân tỉnh Hà Nam', term: { years: 0, months: 6, days: 0 } }],
    conductRatings: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'].map((period) => ({ period, rating: 'KHA' as never })),
    postQuarterEvaluation: { from: '2025-06-01', to: '2025-07-20', rating: 'TOT' as never },
    discipline: [],
    drugUseEvidence: false,
    priorConvictions: [],
    pendingProsecution: false,
    obligations: [
      { kind: 'COURT_FEE' as never, creditor: 'STATE' as never, amountDue: 200_000, amountPaid: 200_000, status: 'PAID' as never,
        decisions: [{ kind: 'RECEIPT' as never, number: 'BL-0012', date: '2020-01-10', issuer: 'Chi cục Thi hành án dân sự quận Thanh Xuân' }] },
    ],
    specialCircumstances: [],
    application: { date: '2025-07-08', signed: true, fingerprinted: false },
    commitment: { date: '2025-07-08', signed: true },
  };
  const { person, ...rest } = overrides;
  return { ...base, ...rest, person: { ...base.person, ...(person as object) } } as DossierDocument;
}
