import { ReasonCode } from './reason-codes.js';
import { Disposition as D, reconcile } from './reconciliation.js';

const incoming = [
  { listId: 'L1', dossierId: 'a' },
  { listId: 'L1', dossierId: 'b' },
  { listId: 'L1', dossierId: 'c' },
  { listId: 'L2', dossierId: 'd' },
  { listId: 'R1', dossierId: 'c' },
];

describe('reconcile', () => {
  it('balances forwarded, removed, sent back and a resubmitted name', () => {
    const r = reconcile({
      incoming,
      dispositions: [
        { listId: 'L1', dossierId: 'a', disposition: D.FORWARDED },
        { listId: 'L1', dossierId: 'b', disposition: D.REMOVED, reasonCode: ReasonCode.DECEASED },
        { listId: 'L1', dossierId: 'c', disposition: D.SENT_BACK },
        { listId: 'L2', dossierId: 'd', disposition: D.FORWARDED },
        { listId: 'R1', dossierId: 'c', disposition: D.FORWARDED },
      ],
      outgoingDossierIds: ['a', 'c', 'd'],
    });
    expect(r).toMatchObject({
      namesIn: 5,
      forwarded: 3,
      removed: 1,
      sentBack: 1,
      pending: 0,
      outgoing: 3,
      balanced: true,
      problems: [],
    });
  });

  it.each([
    {
      name: 'a name left unhandled',
      entries: 2,
      dispositions: [{ listId: 'L1', dossierId: 'a', disposition: D.FORWARDED }],
      outgoing: ['a'],
      expected: /chưa được chuyển tiếp/,
    },
    {
      name: 'a removal without a code',
      dispositions: [{ listId: 'L1', dossierId: 'a', disposition: D.REMOVED }],
      outgoing: [],
      expected: /không có mã lý do/,
    },
    {
      name: 'a name that appears from nowhere',
      dispositions: [],
      outgoing: ['z'],
      expected: /không đến từ danh sách nào/,
    },
    {
      name: 'a forwarded name missing from the outgoing list',
      dispositions: [{ listId: 'L1', dossierId: 'a', disposition: D.FORWARDED }],
      outgoing: [],
      expected: /không có trong danh sách gửi đi/,
    },
  ])('flags $name', ({ entries, dispositions, outgoing, expected }) => {
    const r = reconcile({ incoming: incoming.slice(0, entries ?? 1), dispositions, outgoingDossierIds: outgoing });
    expect(r.balanced).toBe(false);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(expected);
  });
});
