import { buildDossier, buildRichDossier } from '../../test/factories/dossier.factory.js';
import { evaluateDossier, ROUND_PRESETS } from './core/index.js';
import { evidenceKindOf } from './dossier-evidence-kinds.js';
import { dossierToFacts } from './dossier-to-facts.js';

describe('dossier exchange format → eligibility facts', () => {
  it('maps a plain serving dossier without inventing values', () => {
    const facts = dossierToFacts(buildDossier(), { councilMeetingDate: '2025-07-25' });
    expect(facts.status).toBe('SERVING');
    expect(facts.person).toEqual({ sex: 'MALE', birthDate: '1985-03-14', birthYear: 1985, foreigner: false });
    expect(facts.judgments[0].offences[0]).toMatchObject({
      criminalCode: 'BLHS_2015',
      article: 173,
      clause: 2,
      flags: [],
      victims: null,
    });
    expect(facts.aggregateSentence).toEqual({ kind: 'FIXED', term: { years: 9, months: 0, days: 0 } });
    expect(facts.intervals[1]).toEqual({ kind: 'CAMP', from: '2019-07-06', to: null });
    expect(facts.reductions[0].term).toEqual({ years: 0, months: 6, days: 0 });
    expect(facts.conduct.sinceLastQuarter).toEqual({ from: '2025-06-01', to: '2025-07-20', rating: 'TOT' });
    expect(facts.obligations[0].evidence[0]).toMatchObject({ kind: 'RECEIPT', number: 'BL-0012', issuerLevel: null });
    expect(facts.application).toEqual({ date: '2025-07-08', signedOrFingerprinted: true, postedOn: null });
    expect(facts.councilMeetingDate).toBe('2025-07-25');
    expect(facts.suspension).toBeNull();
  });

  it('maps the rich dossier: year-only birth, 1999-code judgment, protests, obligations, circumstances, suspension', () => {
    const facts = dossierToFacts(buildRichDossier({ roundCode: 'QD-1244-2025', facilityCode: 'TG-A' }));
    expect(facts.person).toMatchObject({ birthDate: null, birthYear: 1952, sex: 'FEMALE' });
    const [fraud, embezzlement] = facts.judgments[0].offences;
    // The fraud declares its code; the embezzlement does not, so a 2016 judgment is read under the 1999 Code.
    expect(fraud).toMatchObject({ criminalCode: 'BLHS_2015', flags: ['REPEATED'], victims: 3 });
    expect(embezzlement.criminalCode).toBe('BLHS_1999');
    expect(embezzlement).toMatchObject({
      corruption: true,
      grade: 'VERY_SERIOUS',
      sentence: { kind: 'LIFE', commutation: null },
    });
    expect(facts.aggregateSentence).toMatchObject({
      kind: 'LIFE',
      commutation: { decisionNumber: '12/QĐ-CA', term: { years: 25, months: 0, days: 0 } },
    });
    expect(facts.pendingProtests).toEqual([{ kind: 'CASSATION', aggravating: false, date: '2020-01-15' }]);
    expect(facts.priorConvictions[0].proof).toMatchObject({ kind: 'CRIMINAL_RECORD_EXTRACT', issuerLevel: 'PROVINCE' });
    expect(facts.obligations[0].evidence[0].kind).toBe('THADS_NOT_YET_ENFORCEABLE_DECISION');
    // Age 70+ follows from the dates: it is not a claimed circumstance; the four others are mapped.
    expect(facts.specialCircumstances.map((c) => c.category)).toEqual([
      'SERIOUS_ILLNESS',
      'FREQUENT_ILLNESS',
      'MAJOR_MERIT',
      'FAMILY_HARDSHIP',
    ]);
    expect(facts.specialCircumstances[1]).toMatchObject({
      stays: [{ facility: 'INFIRMARY', from: '2023-01-05', to: '2023-04-20' }, { facility: 'HOSPITAL' }],
      evidence: [{ kind: 'MEDICAL_RECORD_COPY', issuerLevel: 'CAMP' }],
    });
    expect(facts.specialCircumstances[2]).toMatchObject({ meritContext: 'NATURAL_DISASTER', meritDate: '2024-10-02' });
    expect(facts.specialCircumstances[3]).toMatchObject({
      relative: { relation: 'SPOUSE', seriousLongTermIllness: true, noOtherCarer: true },
      evidence: [{ kind: 'FAMILY_PETITION', alsoKinds: ['COMMUNE_CERTIFICATION'] }],
    });
    expect(facts.specialCircumstances[0]).toMatchObject({
      category: 'SERIOUS_ILLNESS',
      diagnosis: null,
      diagnosisText: 'Ung thư phổi giai đoạn IV',
      selfCareUnable: true,
      highDeathRisk: null,
      evidence: [{ kind: 'MEDICAL_ASSESSMENT_CONCLUSION', readable: false, issuerLevel: 'PROVINCE' }],
    });
    expect(facts.suspension).toMatchObject({
      lawfulConduct: true,
      certification: { kind: 'SUSPENSION_CONDUCT_COMMENT', issuerLevel: 'COMMUNE' },
    });
    expect(facts.securityConcern).toBe('Công an xã đề nghị xem xét thêm');
  });

  it('feeds the engine: the rich dossier fails on time, corruption restitution and offence count, with the concern recorded', () => {
    const ev = evaluateDossier(
      dossierToFacts(buildRichDossier({ roundCode: 'QD-1244-2025', facilityCode: 'TG-A' })),
      ROUND_PRESETS['QD-1244-2025'],
    );
    expect(ev.status).toBe('INELIGIBLE');
    expect(ev.failingRuleIds).toEqual(['R-COND-B', 'R-COND-D', 'R-EXC-R7']);
    expect(ev.results.find((r) => r.ruleId === 'R-COND-E')?.outcome).toBe('NEEDS_REVIEW');
    // Camp time ends when the suspension starts; compulsory treatment inside detention counts once.
    expect(ev.figures).toMatchObject({
      sentenceKind: 'LIFE_COMMUTED',
      anchor: '2015-01-02',
      served: { years: 9, months: 2, days: 0 },
      accruing: false,
    });
    const illness = ev.attempts.find((a) => a.category === 'SERIOUS_ILLNESS');
    expect(illness?.reviewRuleIds).toContain('R-EVID-ILL');
  });

  it('reads a frequent-illness summary from the details when the stays are not listed', () => {
    const facts = dossierToFacts(
      buildDossier({
        specialCircumstances: [
          {
            category: 'FREQUENT_ILLNESS' as never,
            details: { stayCount: 3, longestStayDays: 40, selfCareUnable: true, unableToWork: true },
            evidence: [],
          },
        ],
      }),
    );
    expect(facts.specialCircumstances[0]).toMatchObject({
      stays: [],
      stayCount: 3,
      longestStayDays: 40,
      hospitalStaysOfAtLeastOneMonth: null,
      selfCareUnable: true,
    });
  });

  it("reads a foreigner's passport copy into the facts, and leaves a national's facts as they were", () => {
    const passport = {
      kind: 'Bản sao hộ chiếu',
      number: 'C1234567',
      date: '2019-05-14',
      issuer: 'Bộ Ngoại giao Lào',
      issuerLevel: 'CENTRAL' as never,
      readable: true,
    };
    const foreigner = dossierToFacts(buildDossier({ person: { nationality: 'Lào' }, identityPaper: passport }));
    expect(foreigner.person).toMatchObject({
      foreigner: true,
      identityPaper: { kind: 'IDENTITY_PAPER_COPY', number: 'C1234567', issuer: 'Bộ Ngoại giao Lào', readable: true },
    });
    expect(dossierToFacts(buildDossier({ person: { nationality: 'Lào' } })).person.identityPaper).toBeNull();
    // A national carrying a passport copy: the facts do not even hold the key, so their hash is unchanged.
    expect('identityPaper' in dossierToFacts(buildDossier({ identityPaper: passport })).person).toBe(false);
    const ev = evaluateDossier(foreigner, ROUND_PRESETS['QD-1244-2025']);
    expect(ev.results.find((r) => r.ruleId === 'R-DOSSIER-FOREIGN')?.outcome).toBe('PASS');
  });

  it.each([
    ['MEDICAL_ASSESSMENT_CONCLUSION', 'MEDICAL', 'MEDICAL_ASSESSMENT_CONCLUSION'],
    ['Kết luận của Bệnh viện Bạch Mai', 'MEDICAL', 'HOSPITAL_CONCLUSION'],
    ['Bản sao bệnh án', 'MEDICAL', 'MEDICAL_RECORD_COPY'],
    ['Xác nhận của UBND xã', 'FAMILY_HARDSHIP', 'COMMUNE_CERTIFICATION'],
    ['Xác nhận của UBND xã', 'MERITORIOUS_PERSON', 'RELATIVE_CERTIFICATION'],
    ['Đơn trình bày hoàn cảnh gia đình', 'FAMILY_HARDSHIP', 'FAMILY_PETITION'],
    ['Giấy khai sinh của con', 'PREGNANT_OR_YOUNG_CHILD', 'CHILD_BIRTH_CERTIFICATE'],
    ['Giấy xác nhận khuyết tật', 'SEVERE_DISABILITY', 'DISABILITY_CERTIFICATE'],
    ['Quyết định khen thưởng', 'MAJOR_MERIT', 'REWARD_DECISION'],
    ['Giấy chứng nhận xóa án tích', 'PRIOR_CONVICTION', 'EXPUNGEMENT_CERTIFICATE'],
    ['Ảnh chụp gia đình', 'FAMILY_HARDSHIP', 'OTHER'],
  ] as const)('reads the document kind %p in the %s context as %s', (text, context, kind) => {
    expect(evidenceKindOf(text, context, new Set(['MEDICAL_ASSESSMENT_CONCLUSION']))).toBe(kind);
  });
});
