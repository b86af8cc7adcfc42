import { PROCURACY_OF_FACILITY, ProcuracyLevel } from '../../src/workflow/core/procuracy.js';
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Role } from '../../src/auth/user.entity.js';
import { SpecialCategory } from '../../src/dossiers/dossier-format.js';
import { DossierDto } from '../../src/dossiers/dossier.dto.js';
import { checkDossierSemantics } from '../../src/dossiers/dossier-semantics.js';
import { ROUND_PRESETS } from '../../src/eligibility/core/index.js';
import { DepartmentKind, FacilityKind, OrgUnitKind } from '../../src/org/org-unit.entity.js';
import { canReceive } from '../../src/workflow/core/routing.js';
import { generateDemoData } from '../../seeds/demo/demo-data.js';
import { DemoDefect, DemoExclusion } from '../../seeds/demo/scenario-kit.js';

describe('demo data (in memory)', () => {
  const data = generateDemoData('2026-12-03');

  it('is identical on every generation for the same day', () => {
    expect(JSON.stringify(generateDemoData('2026-12-03'))).toBe(JSON.stringify(data));
  });

  it('has both ministries, the departments, six facility kinds, sub-camps, teams and the national bodies', () => {
    const kinds = (k: OrgUnitKind) => data.orgUnits.filter((u) => u.kind === k);
    expect(
      kinds(OrgUnitKind.MINISTRY)
        .map((u) => u.ministry)
        .sort(),
    ).toEqual(['CONG_AN', 'QUOC_PHONG']);
    expect(new Set(kinds(OrgUnitKind.DEPARTMENT).map((u) => u.departmentKind))).toEqual(
      new Set(Object.values(DepartmentKind)),
    );
    expect(new Set(kinds(OrgUnitKind.FACILITY).map((u) => u.facilityKind))).toEqual(
      new Set(Object.values(FacilityKind)),
    );
    expect(kinds(OrgUnitKind.SUB_CAMP).length).toBeGreaterThanOrEqual(4);
    expect(kinds(OrgUnitKind.TEAM).length).toBeGreaterThanOrEqual(10);
    expect(
      kinds(OrgUnitKind.NATIONAL_BODY)
        .map((u) => u.bodyKind)
        .sort(),
    ).toEqual([
      'ADMINISTRATION',
      'APPRAISAL_TEAM',
      'COUNCIL',
      'COUNCIL_STANDING',
      'PRESIDENT_OFFICE',
      'SUPREME_COURT',
      'SUPREME_PROCURACY',
    ]);
  });

  it('gives every facility a competent procuracy to notify (Luật Đặc xá 2018, Điều 15, khoản 5; Điều 30)', () => {
    for (const f of data.orgUnits.filter((u) => u.kind === OrgUnitKind.FACILITY)) {
      const route = PROCURACY_OF_FACILITY[f.facilityKind!];
      const procuracy =
        route.level === ProcuracyLevel.SUPREME
          ? data.orgUnits.find((u) => u.bodyKind === 'SUPREME_PROCURACY')
          : data.orgUnits.find((u) => u.kind === OrgUnitKind.PROCURACY && u.supervisedUnitId === f.parentId);
      expect({ facility: f.code, found: !!procuracy }).toEqual({ facility: f.code, found: true });
    }
  });

  it('puts every facility under a department that may receive its lists, with paths from the root to the unit', () => {
    const byId = new Map(data.orgUnits.map((u) => [u.id, u]));
    for (const f of data.orgUnits.filter((u) => u.kind === OrgUnitKind.FACILITY)) {
      const department = byId.get(f.parentId!)!;
      expect(
        canReceive({
          facilityKind: f.facilityKind!,
          departmentKind: department.departmentKind!,
          departmentMinistry: department.ministry!,
        }),
      ).toBe(true);
    }
    for (const u of data.orgUnits) {
      expect(u.path).toBe(`${u.parentId ? byId.get(u.parentId)!.path : '/'}${u.id}/`);
    }
    expect(new Set(data.orgUnits.map((u) => u.code)).size).toBe(data.orgUnits.length);
  });

  it('has an account for every role and appraisers from the six agencies of the appraisal team', () => {
    expect(new Set(data.accounts.map((a) => a.role))).toEqual(new Set(Object.values(Role)));
    expect(new Set(data.accounts.filter((a) => a.role === Role.APPRAISER).map((a) => a.agency))).toEqual(
      new Set(['CONG_AN', 'QUOC_PHONG', 'TAND_TOI_CAO', 'VKSND_TOI_CAO', 'MTTQ', 'BO_TU_PHAP']),
    );
    const units = new Map(data.orgUnits.map((u) => [u.code, u]));
    const wardens = data.accounts.filter((a) => a.role === Role.WARDEN).map((a) => units.get(a.unitCode)!.facilityKind);
    expect(new Set(wardens).size).toBeGreaterThanOrEqual(2);
  });

  it('has the seed-decree round and the 2025 round with the presets as parameters, and the live round', () => {
    expect(data.rounds.map((r) => [r.code, r.rulePack, r.status])).toEqual([
      ['DOT-2009-2', 'decree-76-2008', 'CLOSED'],
      ['QD-1244-2025', 'law-30-2018', 'CLOSED'],
      ['DOT-MINH-HOA', 'law-30-2018', 'OPEN'],
    ]);
    // The 2025 demo round adds the camps' planned council date (illustrative, confidence K) to its preset.
    for (const r of data.rounds.slice(0, 2)) {
      const { dates, ...rest } = r.parameters;
      const { dates: presetDates, ...presetRest } = ROUND_PRESETS[r.code];
      expect(rest).toEqual(presetRest);
      expect({ ...dates, campCouncil: presetDates.campCouncil }).toEqual(presetDates);
    }
    const r2025 = data.rounds[1];
    expect([r2025.decisionNumber, r2025.decisionDate, r2025.cutoffDate]).toEqual([
      '1244/2025/QĐ-CTN',
      '2025-07-03',
      '2025-08-31',
    ]);
    expect(r2025.deadlines.postingDate).toBe('2025-07-07');
    expect(r2025.deadlines.applicationDays).toBe(5);
  });

  it('has at least 400 dossiers spread over every facility, mostly ordinary candidates', () => {
    expect(data.dossiers.length).toBeGreaterThanOrEqual(400);
    const camps = new Set(data.orgUnits.filter((u) => u.kind === OrgUnitKind.FACILITY).map((u) => u.code));
    const courts = new Set(data.orgUnits.filter((u) => u.kind === OrgUnitKind.COURT).map((u) => u.code));
    const facilities = new Set(data.dossiers.map((d) => d.document.facilityCode).filter((c) => camps.has(c)));
    expect(facilities.size).toBe(camps.size);
    // The rest are the courts' persons on suspension (Luật Đặc xá 2018, Điều 15, khoản 3), some in the live round.
    const atCourts = data.dossiers.filter((d) => !camps.has(d.document.facilityCode));
    expect(atCourts.length).toBeGreaterThan(0);
    for (const d of atCourts) {
      expect(courts.has(d.document.facilityCode)).toBe(true);
      expect(d.document.status).toBe('SUSPENDED');
    }
    const ordinary = data.dossiers.filter((d) => d.scenario === 'ORDINARY').length;
    expect(ordinary / data.dossiers.length).toBeGreaterThan(0.5);
    const keys = data.dossiers.map((d) => `${d.roundCode}|${d.document.facilityCode}|${d.document.inmateNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers every special category, every exclusion and every evidence defect', () => {
    const categories = new Set(data.dossiers.flatMap((d) => d.document.specialCircumstances.map((c) => c.category)));
    expect(categories).toEqual(new Set(Object.values(SpecialCategory)));
    expect(new Set(data.dossiers.map((d) => d.exclusion).filter(Boolean))).toEqual(
      new Set(Object.values(DemoExclusion)),
    );
    expect(new Set(data.dossiers.map((d) => d.defect).filter(Boolean))).toEqual(new Set(Object.values(DemoDefect)));
  });

  it('shows each exclusion and defect in the documents themselves', () => {
    const docs = (key: string) => data.dossiers.filter((d) => d.scenario === key).map((d) => d.document);
    expect(docs('AGGRAVATING_PROTEST').every((d) => d.pendingProtest?.aggravating === true)).toBe(true);
    expect(docs('PENDING_PROSECUTION').every((d) => d.pendingProsecution)).toBe(true);
    expect(docs('PREVIOUSLY_AMNESTIED').every((d) => d.earlierAmnesty !== undefined)).toBe(true);
    expect(docs('TWO_PRIOR_CONVICTIONS').every((d) => d.priorConvictions.filter((p) => !p.expunged).length >= 2)).toBe(
      true,
    );
    expect(docs('DRUG_USE_EVIDENCE').every((d) => d.drugUseEvidence)).toBe(true);
    expect(docs('THREE_OR_MORE_OFFENCES').every((d) => d.judgments[0].offences.length >= 3)).toBe(true);
    expect(docs('MURDER_TWO_OR_MORE_VICTIMS').every((d) => (d.judgments[0].offences[0].victims ?? 0) >= 2)).toBe(true);
    expect(docs('NATIONAL_SECURITY_ART12').every((d) => d.judgments[0].offences[0].nationalSecurity)).toBe(true);
    expect(docs('MISSING_APPLICATION').every((d) => d.application === undefined)).toBe(true);
    expect(docs('EXPUNGED_WITHOUT_PROOF').every((d) => d.priorConvictions.some((p) => p.expunged && !p.proof))).toBe(
      true,
    );
    expect(
      docs('DEFECT_DISTRICT_HOSPITAL').every((d) =>
        d.specialCircumstances[0].evidence.every((e) => e.issuerLevel === 'DISTRICT'),
      ),
    ).toBe(true);
    expect(
      docs('DEFECT_UNREADABLE_SCAN').every((d) => d.specialCircumstances[0].evidence.some((e) => !e.readable)),
    ).toBe(true);
    expect(
      docs('DEFECT_UNCERTIFIED_PETITION').every(
        (d) => !d.specialCircumstances[0].evidence.some((e) => e.kind === 'COMMUNE_CERTIFICATION'),
      ),
    ).toBe(true);
    expect(
      docs('PARTIAL_PAYMENT_WITHOUT_DECISION').every((d) =>
        d.obligations.some((o) => o.status === 'PARTIAL' && !o.decisions.some((x) => x.kind === 'NOT_YET_ENFORCEABLE')),
      ),
    ).toBe(true);
  });

  it('passes the exchange-format validation and the cross-field checks for every dossier', async () => {
    const failures: string[] = [];
    for (const d of data.dossiers) {
      const errors = await validate(plainToInstance(DossierDto, d.document), {
        whitelist: true,
        forbidNonWhitelisted: true,
      });
      const semantic = checkDossierSemantics(d.document);
      if (errors.length || semantic.length)
        failures.push(`${d.scenario} ${d.document.inmateNumber}: ${JSON.stringify([errors, semantic])}`);
    }
    expect(failures).toEqual([]);
  });

  it('dates nothing after the camp council meets and keeps timelines in order', () => {
    for (const d of data.dossiers) {
      const round = data.rounds.find((r) => r.code === d.roundCode)!;
      const decisions = d.document.obligations.flatMap((o) => o.decisions.map((x) => x.date));
      expect(decisions.every((date) => date <= round.calendar.councilMeetingDate)).toBe(true);
      expect(d.document.reductions.every((r) => r.date <= round.calendar.councilMeetingDate)).toBe(true);
      const life = d.document.aggregateSentence;
      if (life.kind === 'LIFE')
        expect(
          d.document.reductions.every((r) => life.commutation !== undefined && r.date >= life.commutation.date),
        ).toBe(true);
      const j = d.document.judgments[0];
      expect(d.document.intervals[0].from <= j.date && j.date <= (j.finalDate ?? j.date)).toBe(true);
      expect(d.document.intervals.every((v) => v.from <= round.cutoffDate)).toBe(true);
    }
  });
});
