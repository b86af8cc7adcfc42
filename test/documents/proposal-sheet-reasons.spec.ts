import { buildProposalSheet } from '../../src/documents/builders/proposal-sheet-view-model.js';
import type { DossierSourceRow } from '../../src/documents/builders/dossier-source.repository.js';
import { RULE_PACKS, evaluateDossier } from '../../src/eligibility/core/index.js';
import { compactSummary, storedSummary } from '../../src/eligibility/stored-result.js';
import { readStoredResult, relianceSummary, storedResult } from '../../src/eligibility/stored-result-reader.js';
import { RelianceSet } from '../../src/eligibility/stored-reliances.js';
import { buildDossier } from '../factories/dossier.factory.js';
import { factsOf, loadGoldenCases, roundOf } from '../golden/golden-case.js';

// A stored result as a screening stores it (the engine's real verdict on a worked example), printed on the proposal
// sheet: an eligible dossier states the conditions it met, with figures and articles, and the values it relies on.
function storedFor(file: string) {
  const c = loadGoldenCases().find((g) => g.file === file)!;
  const evaluation = evaluateDossier(factsOf(c), roundOf(c));
  return JSON.parse(JSON.stringify(storedSummary(evaluation, { date: '2025-03-25', source: 'ROUND_PLAN' }))) as Record<
    string,
    unknown
  >;
}

// Paper names a rule by its title, never its id.
function titleOf(stored: Record<string, unknown>, ruleId: string): string {
  return RULE_PACKS[stored.packId as string]!.rules.find((rule) => rule.id === ruleId)!.title;
}

function sheet(stored: Record<string, unknown>) {
  const source = {
    id: 'd',
    round_id: 'r',
    facility_id: 'f',
    version: 1,
    document: buildDossier(),
    // As the eligibility feature's read port hands a stored verdict to the documents.
    verdict: {
      dossierId: 'd',
      dossierVersion: 1,
      outcome: stored.status,
      packId: stored.packId,
      packVersion: stored.packVersion,
      evaluatedOn: '2025-04-01',
      view: readStoredResult(stored),
    },
    votes_for: null,
    ballots_valid: null,
    council_eligible: null,
    council_reason_code: null,
    council_reason: null,
  } as unknown as DossierSourceRow;
  return buildProposalSheet({
    source,
    heading: {} as never,
    facility: 'Trại giam Thanh Xuân',
    roundName: 'đặc xá năm 2025',
    signatures: [],
  });
}

describe('the proposal sheet of an eligible dossier', () => {
  it('states the time served against the fraction and the category met, each with its article', () => {
    const stored = storedFor('serious-illness-dated-against-the-planned-council-date.json');
    expect(stored.status).toBe('ELIGIBLE');
    const lines = sheet(stored).engine.results;
    const time = lines.find((l) => l.title === titleOf(stored, 'R-COND-B3'))!;
    expect(time.outcome).toBe('Đạt');
    expect(time.citation).toContain('Điều 11');
    expect(time.reason).toMatch(/\d+ năm/);
    const illness = lines.find((l) => l.title === titleOf(stored, 'R-EVID-ILL'))!;
    expect(illness.citation).toBe('điểm c khoản 3 Điều 11 Luật Đặc xá số 30/2018/QH14');
    expect(illness.reason).toContain('ngày họp dự kiến 25/03/2025');
  });

  it('names the round values the verdict rests on and the council date used', () => {
    const stored = storedFor('serious-illness-dated-against-the-planned-council-date.json');
    const engine = sheet(stored).engine;
    expect(engine.councilDate).toBe('25/03/2025 (ngày họp dự kiến theo kế hoạch của đợt (Hội đồng chưa họp))');
    expect(engine.reliesOn.join(' ')).toContain('Ngày họp dự kiến của Hội đồng xét đề nghị đặc xá');
    const view = readStoredResult(stored);
    expect(view.reliesOn.every((r) => r.confidence === 'K' || r.confidence === '?')).toBe(true);
    expect(relianceSummary([view, view, readStoredResult({})])).toMatch(
      /^2 kết quả dựa trên giá trị chưa xác minh: .*Ngày họp dự kiến của Hội đồng xét đề nghị đặc xá/,
    );
  });

  it('keeps no thresholds for a dossier that is not eligible', () => {
    const stored = storedFor('family-hardship-failed-business-is-not-a-named-cause.json');
    expect(stored.thresholds).toBeUndefined();
    expect(sheet(stored).engine.results.every((l) => l.outcome !== 'Đạt')).toBe(true);
  });

  it('reads a result stored with references to its round values (format 2) as the summary itself, byte for byte', () => {
    const council = { date: '2025-03-25', source: 'ROUND_PLAN' } as const;
    for (const file of [
      'serious-illness-dated-against-the-planned-council-date.json',
      'family-hardship-failed-business-is-not-a-named-cause.json',
    ]) {
      const c = loadGoldenCases().find((g) => g.file === file)!;
      const evaluation = evaluateDossier(factsOf(c), roundOf(c));
      const reliances = new RelianceSet();
      const stored = JSON.parse(JSON.stringify(compactSummary(evaluation, council, reliances)));
      expect(stored.format).toBe(2);
      expect(stored.reliesOn).toBeUndefined();
      // What eligibility_relies_on() gives for it: each reference resolved, in order.
      const rows = new Map(reliances.rows().map((r) => [r.id, r]));
      const reliesOn = (stored.reliances as [string, string][]).map(([ruleId, id]) => {
        const { label, source, confidence } = rows.get(id)!;
        return { ruleId, label, source, confidence };
      });
      expect(reliesOn.length).toBeGreaterThan(0);
      const whole = JSON.stringify(storedSummary(evaluation, council));
      expect(JSON.stringify(storedResult(stored, reliesOn))).toBe(whole);
      expect(JSON.stringify(stored).length).toBeLessThan(whole.length * 0.75);
    }
  });
});
