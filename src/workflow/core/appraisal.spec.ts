import {
  AgencyOpinion as O,
  agenciesDisagree,
  buildExplanation,
  FlagKind,
  FlagStatus,
  resolveFlag,
  type FlagView,
} from './appraisal.js';

const flag = (over: Partial<FlagView> = {}): FlagView => ({
  id: 'f1',
  dossierId: 'd1',
  agency: 'VKSNDTC',
  field: 'sentence.startDate',
  kind: FlagKind.CONTENT,
  message: 'Ngày bắt đầu chấp hành án sai',
  status: FlagStatus.OPEN,
  ...over,
});

describe('appraisal', () => {
  it.each([
    { status: FlagStatus.OPEN, accept: true, reason: undefined, expected: { status: FlagStatus.ACCEPTED } },
    {
      status: FlagStatus.OPEN,
      accept: false,
      reason: 'Đã đối chiếu hồ sơ gốc, ngày đúng',
      expected: { status: FlagStatus.REJECTED },
    },
    { status: FlagStatus.OPEN, accept: false, reason: '', expected: { path: 'reason' } },
    { status: FlagStatus.ACCEPTED, accept: false, reason: 'Đã đối chiếu hồ sơ gốc', expected: { path: 'status' } },
  ])('resolves $status flag accept=$accept', ({ status, accept, reason, expected }) => {
    expect(resolveFlag({ status }, { accept, reason })).toMatchObject(expected);
  });

  it.each([
    { name: 'unanimous agreement', opinions: [O.AGREE, O.AGREE], flags: [], expected: false },
    { name: 'split opinions', opinions: [O.AGREE, O.DISAGREE], flags: [], expected: true },
    { name: 'one agency asks for more', opinions: [O.AGREE, O.NEEDS_SUPPLEMENT], flags: [], expected: true },
    {
      name: 'an overruled finding',
      opinions: [O.AGREE],
      flags: [flag({ status: FlagStatus.REJECTED })],
      expected: true,
    },
    {
      name: 'an accepted finding',
      opinions: [O.AGREE],
      flags: [flag({ status: FlagStatus.ACCEPTED })],
      expected: false,
    },
  ])('disagreement: $name', ({ opinions, flags, expected }) => {
    const views = opinions.map((opinion, i) => ({ dossierId: 'd1', agency: `A${i}`, opinion }));
    expect(agenciesDisagree(views, flags)).toBe(expected);
  });

  it('builds the explanatory report only for dossiers still in dispute', () => {
    const items = buildExplanation({
      opinions: [
        { dossierId: 'd1', agency: 'TANDTC', opinion: O.AGREE },
        { dossierId: 'd2', agency: 'TANDTC', opinion: O.AGREE },
      ],
      flags: [flag({ status: FlagStatus.REJECTED, resolution: 'Đã đối chiếu bản án: ngày đúng' })],
    });
    expect(items).toEqual([
      {
        dossierId: 'd1',
        opinions: [{ agency: 'TANDTC', opinion: 'Đồng ý', note: null }],
        findings: [
          {
            agency: 'VKSNDTC',
            field: 'sentence.startDate',
            kind: 'Sai sót về nội dung',
            message: 'Ngày bắt đầu chấp hành án sai',
            outcome: 'Không chấp nhận',
            resolution: 'Đã đối chiếu bản án: ngày đúng',
          },
        ],
      },
    ]);
  });

  it("keeps each dossier's opinions together and in the order read, however the rows interleave", () => {
    const items = buildExplanation({
      opinions: [
        { dossierId: 'd2', agency: 'BCA', opinion: O.AGREE },
        { dossierId: 'd1', agency: 'BCA', opinion: O.AGREE },
        { dossierId: 'd2', agency: 'TANDTC', opinion: O.DISAGREE, note: 'Chưa đủ thời gian' },
        { dossierId: 'd3', agency: 'BCA', opinion: O.AGREE },
        { dossierId: 'd1', agency: 'TANDTC', opinion: O.AGREE },
        { dossierId: 'd2', agency: 'VKSNDTC', opinion: O.AGREE },
      ],
      flags: [],
    });
    expect(items).toEqual([
      {
        dossierId: 'd2',
        opinions: [
          { agency: 'BCA', opinion: 'Đồng ý', note: null },
          { agency: 'TANDTC', opinion: 'Không đồng ý', note: 'Chưa đủ thời gian' },
          { agency: 'VKSNDTC', opinion: 'Đồng ý', note: null },
        ],
        findings: [],
      },
    ]);
  });
});
