import { Role } from '../../src/auth/user.entity.js';
import type { DossierDocument, SpecialCircumstance } from '../../src/dossiers/dossier-format.js';
import { CampRepository } from '../../src/workflow/camp/camp.repository.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../factories/org.factory.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Serious illness, frequent illness and pregnancy (Law 30/2018 Art 11(3)(c), (g)) through the running service: the
// medical papers are valid for 6 months counted back from the camp council's meeting (Decree 52/2019 Art 5(3)(c)),
// a date the evaluate API, the exchange format and the recorded council decision each supply.

// 12 years for theft (Art 173(3)); 2 years 11 months served by the cut-off of round QĐ 266/2025 (30/04/2025): under
// the general 1/3 (4 years), over the 1/4 the round sets for the special groups (3 years from 01/05/2022).
function specialDossier(codes: { roundCode: string; facilityCode: string; teamCode: string }, c: SpecialCircumstance) {
  return buildDossier({
    ...codes,
    person: { sex: (c.category === 'PREGNANT_OR_CHILD_UNDER_36_MONTHS' ? 'FEMALE' : 'MALE') as never },
    judgments: [
      {
        number: '48/2022/HS-ST',
        date: '2022-11-20',
        court: 'Tòa án nhân dân huyện Gia Lâm',
        offences: [
          {
            criminalCode: 'BLHS_2015' as never,
            article: 173,
            clause: 3,
            chapter: 16,
            name: 'Trộm cắp tài sản',
            offenceDate: '2022-04-28',
            intentional: true,
            drug: false,
            corruption: false,
            nationalSecurity: false,
            grade: 'VERY_SERIOUS' as never,
            aggravations: [],
            victims: 1,
            sentence: { kind: 'FIXED', years: 12, months: 0, days: 0 },
          },
        ],
        sentence: { kind: 'FIXED', years: 12, months: 0, days: 0 },
      },
    ],
    aggregateSentence: { kind: 'FIXED', years: 12, months: 0, days: 0 },
    intervals: [
      { kind: 'PRE_TRIAL_DETENTION' as never, from: '2022-05-01', to: '2022-12-15' },
      { kind: 'CAMP' as never, from: '2022-12-16' },
    ],
    reductions: [],
    conductRatings: [
      '2023-Q1',
      '2023-Q2',
      '2023-Q3',
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
    ].map((period) => ({ period, rating: 'KHA' as never })),
    postQuarterEvaluation: { from: '2025-03-01', to: '2025-03-25', rating: 'KHA' as never },
    application: { date: '2025-03-12', signed: true, fingerprinted: false, decisionPostedOn: '2025-03-10' },
    commitment: { date: '2025-03-12', signed: true },
    specialCircumstances: [c],
  });
}

// Each conclusion is dated 20/10/2024: valid on a council meeting of 15/04/2025 (under 6 months), not on one of
// 25/04/2025 (6 months and 5 days).
const HOSPITAL = {
  kind: 'Kết luận của Bệnh viện Bạch Mai',
  code: 'HOSPITAL_CONCLUSION' as never,
  number: '55/KL-BM',
  date: '2024-10-20',
  issuer: 'Bệnh viện Bạch Mai',
  issuerLevel: 'CENTRAL' as never,
  readable: true,
};

const CASES: Record<string, SpecialCircumstance> = {
  SERIOUS_ILLNESS: {
    category: 'SERIOUS_ILLNESS' as never,
    details: {
      diagnosisCode: 'LATE_STAGE_CANCER',
      diagnosis: 'Ung thư phổi giai đoạn IV',
      selfCareUnable: true,
      highDeathRisk: true,
    },
    evidence: [HOSPITAL],
  },
  FREQUENT_ILLNESS: {
    category: 'FREQUENT_ILLNESS' as never,
    details: {
      diagnosis: 'Bệnh phổi tắc nghẽn mạn tính',
      hospitalStays: [
        { facility: 'HOSPITAL', from: '2023-03-01', to: '2023-04-05' },
        { facility: 'HOSPITAL', from: '2023-09-10', to: '2023-10-20' },
        { facility: 'HOSPITAL', from: '2024-06-01', to: '2024-07-15' },
      ],
      selfCareUnable: true,
    },
    evidence: [HOSPITAL],
  },
  PREGNANT_OR_YOUNG_CHILD: {
    category: 'PREGNANT_OR_CHILD_UNDER_36_MONTHS' as never,
    details: { pregnant: true, gestationWeeks: 20 },
    evidence: [{ ...HOSPITAL, kind: 'Kết luận có thai', code: 'PREGNANCY_CONCLUSION' as never }],
  },
};

describe('medical categories through the service', () => {
  let t: TestApp;
  let org: TestOrg;
  let admin: HttpClient;
  let officer: HttpClient;
  let roundCode: string;
  let roundId: string;
  const codes = () => ({ roundCode, facilityCode: org.facility.code, teamCode: org.team.code });

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrg(t.dataSource);
    admin = new HttpClient(t.baseUrl);
    await admin.login(org.users[Role.ADMIN], TEST_PASSWORD);
    officer = new HttpClient(t.baseUrl);
    await officer.login(org.users[Role.TEAM_OFFICER], TEST_PASSWORD);
    roundCode = `QD-266-2025-${org.suffix}`.toUpperCase();
    const created = await admin.post('/api/rounds', { code: roundCode, presetCode: 'QD-266-2025' });
    expect(created.status).toBe(201);
    roundId = created.body.id;
  });
  afterAll(() => t.close());

  it.each(Object.entries(CASES))(
    '%s with valid papers is ELIGIBLE through POST /api/eligibility/evaluate',
    async (category, c) => {
      const { roundCode: _r, facilityCode: _f, ...dossier } = specialDossier(codes(), c);
      const res = await officer.post('/api/eligibility/evaluate', {
        presetCode: 'QD-266-2025',
        councilMeetingDate: '2025-04-15',
        dossier,
      });
      expect(res.status).toBe(200);
      expect({ status: res.body.status, category: res.body.category, failing: res.body.failingRuleIds }).toEqual({
        status: 'ELIGIBLE',
        category,
        failing: [],
      });
      expect(res.body.council).toMatchObject({ date: '2025-04-15', source: 'COUNCIL_DECISION' });
      const evid = res.body.results.find((r: { ruleId: string }) => r.ruleId.startsWith('R-EVID-'));
      expect(evid.citation).toContain('Điều 11');
      // Ten days later the same papers are over 6 months old.
      const late = await officer.post('/api/eligibility/evaluate', {
        presetCode: 'QD-266-2025',
        councilMeetingDate: '2025-04-25',
        dossier,
      });
      expect(late.body.status).toBe('NEEDS_REVIEW');
      expect(late.body.missingEvidence.join(' ')).toContain('quá 6 tháng');
    },
  );

  it('reads the council date from the dossier, and says NEEDS_REVIEW when neither it nor a plan is known', async () => {
    const dossier = specialDossier(codes(), CASES.SERIOUS_ILLNESS);
    const carried = await officer.post('/api/eligibility/evaluate', {
      roundId,
      dossier: { ...dossier, councilMeetingDate: '2025-04-15' },
    });
    expect(carried.body).toMatchObject({ status: 'ELIGIBLE', council: { source: 'DOSSIER' } });
    const none = await officer.post('/api/eligibility/evaluate', { roundCode, dossier });
    expect(none.body).toMatchObject({ status: 'NEEDS_REVIEW', council: { source: 'NONE' } });
  });

  it('uses the planned council date before the meeting, and the recorded meeting date after it, in stored screenings', async () => {
    const ids: Record<string, string> = {};
    for (const [category, c] of Object.entries(CASES)) {
      const created = await officer.post('/api/dossiers', specialDossier(codes(), c));
      expect(created.status).toBe(201);
      ids[category] = created.body.id;
    }
    const round = (await admin.get(`/api/rounds/${roundCode}`)).body;
    const planned = {
      ...round.parameters,
      dates: {
        ...round.parameters.dates,
        campCouncil: { value: '2025-04-12', source: 'Kế hoạch của trại (thử nghiệm)', confidence: 'K' },
      },
    };
    const put = await admin.put(`/api/rounds/${roundCode}`, { expectedVersion: round.version, parameters: planned });
    expect(put.status).toBe(200);

    const screen = async () => {
      const started = await admin.post(`/api/rounds/${roundId}/screenings`);
      expect(started.status).toBe(202);
      for (let i = 0; i < 100; i++) {
        const s = await admin.get(`/api/screenings/${started.body.id}`);
        if (s.body.status === 'DONE') break;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await screen();
    for (const [category, id] of Object.entries(ids)) {
      const latest = await officer.get(`/api/dossiers/${id}/eligibility`);
      expect({ category, outcome: latest.body.outcome }).toEqual({ category, outcome: 'ELIGIBLE' });
      expect(latest.body.result.council).toEqual({ date: '2025-04-12', source: 'ROUND_PLAN' });
      expect(latest.body.result.reliesOn.map((r: { label: string }) => r.label).join(' ')).toContain(
        'Ngày họp dự kiến của Hội đồng xét đề nghị đặc xá',
      );
      expect(latest.body.explanationMatches).toBe(true);
    }

    // The council met on 24/04/2025 on the serious-illness dossier: every later screening of the facility uses that
    // day, on which the papers of 20/10/2024 are past their 6 months (ended 20/04/2025).
    const [{ id: memberId }] = await t.dataSource.query('SELECT id FROM users WHERE username = $1', [
      org.users[Role.CAMP_COUNCIL_MEMBER],
    ]);
    await new CampRepository().insertDecisions(t.dataSource.manager, [
      {
        dossierId: ids.SERIOUS_ILLNESS,
        roundId,
        eligible: true,
        reasonCode: null,
        reason: null,
        engine: undefined,
        departs: false,
        decidedBy: memberId,
        meetingDate: '2025-04-24',
      },
    ]);
    await screen();
    for (const id of Object.values(ids)) {
      const latest = await officer.get(`/api/dossiers/${id}/eligibility`);
      expect(latest.body.result.council.date).toBe('2025-04-24');
      expect(latest.body.outcome).toBe('NEEDS_REVIEW');
    }
    const own = await officer.get(`/api/dossiers/${ids.SERIOUS_ILLNESS}/eligibility`);
    expect(own.body.result.council.source).toBe('COUNCIL_DECISION');
  });
});
