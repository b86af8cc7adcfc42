import type { Fraction } from '../../round/round-parameters.js';

// Figures fixed by the law and its decree (not by a round). Each names its article.
export const LAW_30_DATA = {
  // Art 11(1)(b): at least 1/3 of a fixed term, 14 years of a commuted life sentence.
  generalFraction: { numerator: 1, denominator: 3 } as Fraction,
  generalLifeYears: 14,
  // Art 11(1)(b) second paragraph: at least 1/2, 17 years, for the heavier group.
  heavyFraction: { numerator: 1, denominator: 2 } as Fraction,
  heavyLifeYears: 17,
  // Art 11(1)(b) second paragraph: the penalty lengths that put an offence in the heavier group.
  heavyLifeHealthMinYears: 10,
  heavyPropertyDrugMinYears: 7,
  // Criminal Code 2015 Art 55(a): an aggregated prison term does not exceed 30 years.
  aggregationCapYears: 30,
  // Decree 52/2019 Art 4(4)(b): property saved worth at least 50,000,000 VND.
  meritPropertyMinVnd: 50_000_000,
  // Decree 52/2019 Art 5(3)(c): medical papers valid 6 months before the camp council meets.
  medicalValidityMonths: 6,
  // Decree 52/2019 Art 4(6): 3 months continuous in-patient care, or 3 hospital stays of at least 1 month.
  frequentIllnessContinuousMonths: 3,
  frequentIllnessStays: 3,
  frequentIllnessStayMonths: 1,
  // Art 11(3)(d), (đ), (g) and 11(4).
  elderlyAge: 70,
  minorAge: 18,
  youngChildMonths: 36,
} as const;
