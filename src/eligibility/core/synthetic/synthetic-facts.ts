import { dayNumber, isoOf } from '../../../kernel/calendar-date.js';
import { quarterContaining, quarterIdOf } from '../calendar/quarter.js';
import type {
  ConductRating,
  EligibilityFacts,
  EvidenceDocument,
  Obligation,
  Offence,
  Sentence,
  SpecialCircumstance,
} from '../facts.js';
import type { Prng } from './prng.js';

// Plausible dossiers for benchmarks and property tests: a spread of sentences, offences, conduct, obligations and
// special categories around one cut-off date. Not legal advice and not real people.
const OFFENCES: Array<Pick<Offence, 'article' | 'chapter' | 'name' | 'intentional' | 'drug' | 'corruption'>> = [
  { article: 173, chapter: 16, name: 'Trộm cắp tài sản', intentional: true, drug: false, corruption: false },
  { article: 174, chapter: 16, name: 'Lừa đảo chiếm đoạt tài sản', intentional: true, drug: false, corruption: false },
  { article: 168, chapter: 16, name: 'Cướp tài sản', intentional: true, drug: false, corruption: false },
  { article: 134, chapter: 14, name: 'Cố ý gây thương tích', intentional: true, drug: false, corruption: false },
  { article: 123, chapter: 14, name: 'Giết người', intentional: true, drug: false, corruption: false },
  {
    article: 249,
    chapter: 20,
    name: 'Tàng trữ trái phép chất ma túy',
    intentional: true,
    drug: true,
    corruption: false,
  },
  {
    article: 251,
    chapter: 20,
    name: 'Mua bán trái phép chất ma túy',
    intentional: true,
    drug: true,
    corruption: false,
  },
  {
    article: 260,
    chapter: 21,
    name: 'Vi phạm quy định về tham gia giao thông đường bộ',
    intentional: false,
    drug: false,
    corruption: false,
  },
  { article: 353, chapter: 23, name: 'Tham ô tài sản', intentional: true, drug: false, corruption: true },
];

function doc(
  kind: EvidenceDocument['kind'],
  level: EvidenceDocument['issuerLevel'],
  date: string,
  r: Prng,
): EvidenceDocument {
  return {
    kind,
    number: String(r.int(1, 999)),
    date,
    issuer: 'Cơ quan cấp',
    issuerLevel: level,
    readable: r.chance(0.97),
  };
}

function rating(r: Prng): ConductRating {
  const x = r.next();
  return x < 0.45 ? 'TOT' : x < 0.992 ? 'KHA' : x < 0.998 ? 'TRUNG_BINH' : 'KEM';
}

function sentenceOf(r: Prng, cutoff: number): { sentence: Sentence; years: number } {
  if (r.chance(0.04)) {
    const commuted = r.chance(0.85);
    return {
      sentence: {
        kind: 'LIFE',
        commutation: commuted
          ? {
              decisionNumber: `${r.int(1, 400)}/QĐ-TA`,
              date: isoOf(cutoff - r.int(400, 3000)),
              term: { years: 30, months: 0, days: 0 },
            }
          : null,
      },
      years: 30,
    };
  }
  const years = r.pick([1, 2, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9, 10, 12, 15, 18, 20]);
  const months = r.chance(0.3) ? r.pick([3, 6, 9]) : 0;
  return { sentence: { kind: 'FIXED', term: { years, months, days: 0 } }, years };
}

function obligations(r: Prng, date: string): Obligation[] {
  const out: Obligation[] = [
    {
      kind: 'COURT_FEE',
      creditor: 'STATE',
      amountDue: 200_000,
      amountPaid: r.chance(0.95) ? 200_000 : 0,
      evidence: [doc('RECEIPT', 'DISTRICT', date, r)],
    },
  ];
  if (r.chance(0.4)) {
    const due = r.int(1, 200) * 1_000_000;
    const paid = r.chance(0.7) ? due : Math.floor(due * r.next());
    const ev = [doc('RECEIPT', 'DISTRICT', date, r)];
    if (paid < due && r.chance(0.5))
      ev.push(
        doc('THADS_NOT_YET_ENFORCEABLE_DECISION', 'DISTRICT', date, r),
        doc('THADS_HARDSHIP_CONFIRMATION', 'DISTRICT', date, r),
      );
    out.push({
      kind: r.pick(['COMPENSATION', 'RESTITUTION'] as const),
      creditor: r.chance(0.6) ? 'NON_STATE' : 'STATE',
      amountDue: due,
      amountPaid: paid,
      evidence: ev,
    });
  }
  return out;
}

function special(r: Prng, council: string): SpecialCircumstance[] {
  if (!r.chance(0.1)) return [];
  const level = r.pick(['DISTRICT', 'PROVINCE', 'PROVINCE', 'CENTRAL'] as const);
  const x = r.next();
  if (x < 0.4) {
    return [
      {
        category: 'SERIOUS_ILLNESS',
        diagnosis: r.pick(['LATE_STAGE_CANCER', 'CIRRHOSIS_WITH_ASCITES', 'OTHER'] as const),
        diagnosisText: 'Bệnh nặng',
        selfCareUnable: r.chance(0.8),
        highDeathRisk: r.chance(0.8),
        evidence: [doc('HOSPITAL_CONCLUSION', level, council, r)],
      },
    ];
  }
  if (x < 0.7) {
    return [
      {
        category: 'FAMILY_HARDSHIP',
        cause: 'NATURAL_DISASTER',
        noSignificantProperty: true,
        incomeBelowPovertyLine: r.chance(0.7),
        soleWorker: r.chance(0.8),
        evidence: [doc('FAMILY_PETITION', null, council, r), doc('COMMUNE_CERTIFICATION', 'COMMUNE', council, r)],
      },
    ];
  }
  return [
    {
      category: 'MAJOR_MERIT',
      meritKind: 'SAVED_PROPERTY',
      propertyValue: r.int(10, 120) * 1_000_000,
      evidence: [
        doc('MERIT_STATEMENT', null, council, r),
        doc('REWARD_PROPOSAL', null, council, r),
        doc('REWARD_DECISION', 'PROVINCE', council, r),
      ],
    },
  ];
}

export function syntheticFacts(r: Prng, cutoffIso: string): EligibilityFacts {
  const cutoff = dayNumber(cutoffIso);
  const { sentence, years } = sentenceOf(r, cutoff);
  const anchor = cutoff - r.int(90, Math.max(120, Math.round(years * 365 * 0.9)));
  const campFrom = anchor + r.int(30, 300);
  const offence = r.pick(OFFENCES);
  const offences: Offence[] = [
    {
      // Field by field rather than spread: a spread copy gets a hidden class of its own in V8, so every offence would
      // differ in shape from every other, unlike facts read from a dossier.
      article: offence.article,
      chapter: offence.chapter,
      name: offence.name,
      intentional: offence.intentional,
      drug: offence.drug,
      corruption: offence.corruption,
      criminalCode: 'BLHS_2015',
      clause: r.int(1, 3),
      offenceDate: isoOf(anchor - r.int(1, 60)),
      nationalSecurity: false,
      grade: r.pick(['LESS_SERIOUS', 'SERIOUS', 'VERY_SERIOUS'] as const),
      flags: r.chance(0.05) ? ['ORGANISED'] : [],
      victims: r.int(0, 2),
      sentence: null,
    },
  ];
  const lastQuarter = quarterContaining(cutoff, 'ND_118_2024') - 1;
  const firstQuarter = Math.max(quarterContaining(campFrom, 'ND_118_2024') + 1, lastQuarter - 60);
  const quarters = [];
  for (let q = firstQuarter; q <= lastQuarter; q++) quarters.push({ period: quarterIdOf(q), rating: rating(r) });
  const council = isoOf(cutoff - r.int(20, 60));
  const birth = anchor - r.int(18 * 365, 72 * 365);
  const posted = dayNumber(council) - 10;
  return {
    status: r.chance(0.01) ? 'SUSPENDED' : 'SERVING',
    person: {
      sex: r.chance(0.9) ? 'MALE' : 'FEMALE',
      birthDate: isoOf(birth),
      birthYear: Number(isoOf(birth).slice(0, 4)),
      foreigner: r.chance(0.005),
    },
    judgments: [{ number: `${r.int(1, 300)}/HS-ST`, date: isoOf(campFrom - 10), offences, sentence }],
    aggregateSentence: null,
    intervals: [
      { kind: 'PRE_TRIAL_DETENTION', from: isoOf(anchor), to: isoOf(campFrom - 1) },
      { kind: 'CAMP', from: isoOf(campFrom), to: null },
    ],
    reductions: r.chance(0.3)
      ? [
          {
            decisionNumber: `${r.int(1, 500)}/QĐ-TA`,
            date: isoOf(cutoff - r.int(100, 900)),
            term: { years: 0, months: r.pick([3, 6, 9, 12]), days: 0 },
          },
        ]
      : [],
    conduct: {
      quarters,
      sinceLastQuarter: { from: isoOf(cutoff - 200), to: council, rating: rating(r) },
      drugUseEvidence: r.chance(0.01),
    },
    priorConvictions: r.chance(0.1)
      ? [{ judgmentNumber: '1/HS-ST', date: '2010-01-01', expunged: r.chance(0.5), proof: null }]
      : [],
    earlierAmnesty: null,
    pendingProsecution: r.chance(0.005),
    pendingProtests: [],
    obligations: obligations(r, isoOf(campFrom + 100)),
    specialCircumstances: special(r, council),
    application: { date: isoOf(posted + r.int(0, 6)), signedOrFingerprinted: true, postedOn: isoOf(posted) },
    commitment: { date: council, signed: true },
    suspension: null,
    councilMeetingDate: council,
    securityConcern: r.chance(0.01) ? 'Có ý kiến của công an địa phương' : null,
  };
}
