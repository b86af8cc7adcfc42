import { traceLineage, type BallotOrigin, type ListNode } from './lineage.js';

const ballot = (dossierId: string, passed = true): BallotOrigin => ({
  dossierId,
  meetingId: `m-${dossierId}`,
  teamId: 't1',
  meetingDate: '2025-07-08',
  votesFor: 20,
  base: 28,
  passed,
});

const lists: ListNode[] = [
  { id: 'camp1', code: 'TG1', sourceListIds: [], dossierIds: ['a', 'b', 'c'] },
  { id: 'camp2', code: 'TG2', sourceListIds: [], dossierIds: ['d'] },
  { id: 'resub', code: 'TG1-BS', sourceListIds: [], dossierIds: ['c'] },
  { id: 'dept', code: 'C10', sourceListIds: ['camp1', 'camp2'], dossierIds: ['a', 'c', 'd'] },
  { id: 'appr', code: 'TĐ', sourceListIds: ['dept', 'resub'], dossierIds: ['a', 'c', 'd', 'x'] },
];

describe('traceLineage', () => {
  const report = traceLineage({ listId: 'appr', lists, ballots: [ballot('a'), ballot('c'), ballot('d', false)] });
  const byId = new Map(report.entries.map((e) => [e.dossierId, e]));

  it('follows a name down to its camp list and ballot', () => {
    expect(byId.get('a')).toMatchObject({
      listCodes: ['TĐ', 'C10', 'TG1'],
      complete: true,
      ballot: { meetingId: 'm-a' },
    });
  });

  it('follows a resubmitted name through the supplementary list', () => {
    expect(byId.get('c')).toMatchObject({ listCodes: ['TĐ', 'TG1-BS'], complete: true });
  });

  it('reports a name whose team did not put it forward', () => {
    expect(byId.get('d')).toMatchObject({ complete: false, problem: 'Đội không giới thiệu người này.' });
  });

  it('reports a name that appears from nowhere', () => {
    expect(byId.get('x')).toMatchObject({ complete: false, listCodes: ['TĐ'] });
    expect(report).toMatchObject({ names: 4, complete: 2 });
  });
});

describe('traceLineage through an accepted complaint', () => {
  const withComplaint: ListNode[] = [
    ...lists,
    { id: 'kn', code: 'COMPLAINT-TG1-001', sourceListIds: [], dossierIds: ['d'] },
    { id: 'min', code: 'BCA', sourceListIds: ['dept', 'kn'], dossierIds: ['a', 'd'] },
  ];
  const origin = {
    listId: 'kn',
    dossierId: 'd',
    complaintId: 'c-1',
    level: 'SECOND',
    decidedOn: '2025-07-24',
    reason: 'Đủ điều kiện theo Điều 11',
  };

  it('ends the chain of a name put back by a complaint at the complaint, not at the failed ballot', () => {
    const report = traceLineage({
      listId: 'min',
      lists: withComplaint,
      ballots: [ballot('a'), ballot('d', false)],
      complaints: [origin],
    });
    const d = report.entries.find((e) => e.dossierId === 'd')!;
    expect(d).toMatchObject({
      listCodes: ['BCA', 'COMPLAINT-TG1-001'],
      complete: true,
      complaint: { complaintId: 'c-1' },
    });
    expect(report.complete).toBe(2);
  });

  it('still reports the failed ballot when the complaint list is not the one that carried the name', () => {
    const report = traceLineage({
      listId: 'min',
      lists: withComplaint,
      ballots: [ballot('a'), ballot('d', false)],
      complaints: [{ ...origin, listId: 'other' }],
    });
    expect(report.entries.find((e) => e.dossierId === 'd')).toMatchObject({ complete: false });
  });
});
