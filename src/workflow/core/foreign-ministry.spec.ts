import { foreignMinistryNoticeProblem, type ForeignMinistryFiling } from './foreign-ministry.js';

describe('the notice to the Ministry of Foreign Affairs, a round choice (foreigners.notifyForeignMinistry)', () => {
  const filing = (over: Partial<ForeignMinistryFiling> = {}): ForeignMinistryFiling => ({
    enabled: true,
    notifiedOn: '2025-09-02',
    decisionDate: '2025-08-29',
    today: '2025-09-05',
    dossierIds: ['a'],
    foreigners: new Set(['a', 'b']),
    alreadyNotified: new Set(),
    ...over,
  });

  it('accepts a notice of foreigners on the decision, dated between the decision and today', () => {
    expect(foreignMinistryNoticeProblem(filing())).toBeNull();
    expect(foreignMinistryNoticeProblem(filing({ notifiedOn: '2025-08-29', dossierIds: ['a', 'b'] }))).toBeNull();
  });

  it.each([
    [{ enabled: false }, 'foreigners.notifyForeignMinistry', 'không quy định'],
    [{ notifiedOn: '2025-02-30' }, 'notifiedOn', 'ngày có thật'],
    [{ notifiedOn: '2025-09-06' }, 'notifiedOn', 'không được sau ngày hôm nay'],
    [{ notifiedOn: '2025-08-28' }, 'notifiedOn', 'trước ngày Quyết định đặc xá (29/08/2025)'],
    [{ dossierIds: [] }, 'dossierIds', 'ít nhất một'],
    [{ dossierIds: ['a', 'a'] }, 'dossierIds', 'hai lần'],
    [{ dossierIds: ['c'] }, 'dossierIds', 'Chỉ thông báo người nước ngoài'],
    [{ alreadyNotified: new Set(['a']) }, 'dossierIds', 'đã được thông báo'],
  ])('refuses %j, naming %s', (over, field, words) => {
    const problem = foreignMinistryNoticeProblem(filing(over as Partial<ForeignMinistryFiling>));
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(words);
  });
});
