import type { EligibilityFacts, Judgment, Offence, Sentence } from '../../src/eligibility/core/index.js';

// Minimal valid facts for unit specs; each spec overrides only what it tests.
export const FactsFactory = {
  offence(overrides: Partial<Offence> = {}): Offence {
    return {
      criminalCode: 'BLHS_2015',
      article: 173,
      clause: 1,
      chapter: 16,
      name: 'Trộm cắp tài sản',
      offenceDate: '2019-03-10',
      intentional: true,
      drug: false,
      corruption: false,
      nationalSecurity: false,
      grade: 'SERIOUS',
      flags: [],
      victims: 1,
      sentence: null,
      ...overrides,
    };
  },

  judgment(sentence: Sentence, overrides: Partial<Judgment> = {}): Judgment {
    return { number: '01/2019/HS-ST', date: '2019-09-01', offences: [FactsFactory.offence()], sentence, ...overrides };
  },

  fixed(years: number, months = 0, days = 0): Sentence {
    return { kind: 'FIXED', term: { years, months, days } };
  },

  build(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
    return {
      status: 'SERVING',
      person: { sex: 'MALE', birthDate: '1980-01-01', birthYear: 1980, foreigner: false },
      judgments: [FactsFactory.judgment(FactsFactory.fixed(12))],
      aggregateSentence: null,
      intervals: [{ kind: 'CAMP', from: '2019-05-01', to: null }],
      reductions: [],
      conduct: { quarters: [], sinceLastQuarter: null, drugUseEvidence: false },
      priorConvictions: [],
      earlierAmnesty: null,
      pendingProsecution: false,
      pendingProtests: [],
      obligations: [],
      specialCircumstances: [],
      application: null,
      commitment: null,
      suspension: null,
      councilMeetingDate: null,
      securityConcern: null,
      ...overrides,
    };
  },
};
