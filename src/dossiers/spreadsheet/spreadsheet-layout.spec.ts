import { CHILD_SPECS, headersOf, MAIN_SPEC, SHEET_SPECS, specOfSheet } from './spreadsheet-layout.js';

describe('spreadsheet layout', () => {
  it('names every sheet within Excel’s limits and every column once per sheet', () => {
    const names = SHEET_SPECS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    for (const spec of SHEET_SPECS) expect(new Set(headersOf(spec)).size).toBe(headersOf(spec).length);
  });

  it('has a sheet for each repeating part, a part inside a part naming its parent, and continuations', () => {
    expect(CHILD_SPECS.map((s) => s.path.join('.'))).toEqual([
      'judgments',
      'judgments.offences',
      'intervals',
      'reductions',
      'discipline',
      'priorConvictions',
      'obligations',
      'obligations.decisions',
      'specialCircumstances',
      'specialCircumstances.evidence',
    ]);
    expect(specOfSheet('Tội danh')?.parentHeader).toBe('Bản án thứ');
    expect(specOfSheet('Khoảng thời gian (2)')?.path).toEqual(['intervals']);
    expect(MAIN_SPEC.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(['person.fullName', 'conductRatings', 'councilMeetingDate', 'application.date']),
    );
  });
});
