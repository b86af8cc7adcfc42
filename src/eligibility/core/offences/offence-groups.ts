import type { CriminalCode, Offence } from '../facts.js';

// Groups of offences the law and the rounds refer to, by Criminal Code article. The article numbers are
// background knowledge of the codes ([K] in DOMAIN.md); the group names follow Law 30/2018 Art 11(1)(b), Art 12(1)
// and the rounds' exclusion lists. Judgments under the 1999 code keep their own numbering.
export const OFFENCE_GROUPS = [
  'NATIONAL_SECURITY',
  'ART12_SECURITY',
  'HEAVY_POLICY',
  'LIFE_HEALTH_DIGNITY',
  'ROBBERY',
  'KIDNAP_RANSOM',
  'DRUG_PRODUCTION',
  'DRUG_TRADE',
  'DRUG_APPROPRIATION',
  // Art 194 of the 1999 code joins storage, transport, trade and appropriation: the heavy-group test cannot tell.
  'DRUG_MIXED_1999',
  'DRUG',
  'CORRUPTION',
  'MURDER',
  'INTENTIONAL_INJURY',
  'RAPE',
  'CHILD_RAPE',
  'HUMAN_TRAFFICKING',
  'CHILD_TRAFFICKING',
  'PEACE_HUMANITY_WAR',
] as const;

export type OffenceGroup = (typeof OFFENCE_GROUPS)[number];

export const OFFENCE_GROUP_LABELS: Readonly<Record<OffenceGroup, string>> = {
  NATIONAL_SECURITY: 'tội xâm phạm an ninh quốc gia',
  ART12_SECURITY: 'tội quy định tại khoản 1 Điều 12 Luật Đặc xá',
  HEAVY_POLICY:
    'tội phá hoại chính sách kinh tế - xã hội, chính sách đoàn kết, trốn hoặc tổ chức trốn ra nước ngoài nhằm chống chính quyền nhân dân',
  LIFE_HEALTH_DIGNITY: 'tội xâm phạm tính mạng, sức khỏe, nhân phẩm, danh dự của con người',
  ROBBERY: 'tội cướp tài sản',
  KIDNAP_RANSOM: 'tội bắt cóc nhằm chiếm đoạt tài sản',
  DRUG_PRODUCTION: 'tội sản xuất trái phép chất ma túy',
  DRUG_TRADE: 'tội mua bán trái phép chất ma túy',
  DRUG_APPROPRIATION: 'tội chiếm đoạt chất ma túy',
  DRUG_MIXED_1999: 'tội tàng trữ, vận chuyển, mua bán trái phép hoặc chiếm đoạt chất ma túy (BLHS 1999)',
  DRUG: 'tội phạm về ma túy',
  CORRUPTION: 'tội phạm tham nhũng',
  MURDER: 'tội giết người',
  INTENTIONAL_INJURY: 'tội cố ý gây thương tích hoặc gây tổn hại cho sức khỏe của người khác',
  RAPE: 'tội hiếp dâm',
  CHILD_RAPE: 'tội hiếp dâm người dưới 16 tuổi',
  HUMAN_TRAFFICKING: 'tội mua bán người',
  CHILD_TRAFFICKING: 'tội mua bán người dưới 16 tuổi',
  PEACE_HUMANITY_WAR: 'tội phá hoại hòa bình, chống loài người và tội phạm chiến tranh',
};

type Catalogue = Partial<Record<OffenceGroup, { articles?: number[]; chapters?: number[] }>>;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const CATALOGUES: Record<CriminalCode, Catalogue> = {
  BLHS_2015: {
    NATIONAL_SECURITY: { chapters: [13], articles: range(108, 122) },
    ART12_SECURITY: {
      chapters: [26],
      articles: [108, 109, 110, 111, 112, 113, 114, 117, 118, 119, 299, ...range(421, 425)],
    },
    HEAVY_POLICY: { articles: [115, 116, 120, 121] },
    LIFE_HEALTH_DIGNITY: { chapters: [14], articles: range(123, 156) },
    ROBBERY: { articles: [168] },
    KIDNAP_RANSOM: { articles: [169] },
    DRUG_PRODUCTION: { articles: [248] },
    DRUG_TRADE: { articles: [251] },
    DRUG_APPROPRIATION: { articles: [252] },
    DRUG: { chapters: [20], articles: range(247, 259) },
    CORRUPTION: { articles: range(353, 359) },
    MURDER: { articles: [123] },
    INTENTIONAL_INJURY: { articles: [134] },
    RAPE: { articles: [141] },
    CHILD_RAPE: { articles: [142] },
    HUMAN_TRAFFICKING: { articles: [150] },
    CHILD_TRAFFICKING: { articles: [151] },
    PEACE_HUMANITY_WAR: { chapters: [26], articles: range(421, 425) },
  },
  BLHS_1999: {
    NATIONAL_SECURITY: { chapters: [11], articles: range(78, 92) },
    ART12_SECURITY: { chapters: [24], articles: [78, 79, 80, 81, 82, 84, 85, 88, 89, 90, ...range(341, 344)] },
    HEAVY_POLICY: { articles: [86, 87, 91] },
    LIFE_HEALTH_DIGNITY: { chapters: [12], articles: range(93, 122) },
    ROBBERY: { articles: [133] },
    KIDNAP_RANSOM: { articles: [134] },
    DRUG_PRODUCTION: { articles: [193] },
    DRUG_MIXED_1999: { articles: [194] },
    DRUG: { chapters: [18], articles: range(192, 201) },
    CORRUPTION: { articles: range(278, 284) },
    MURDER: { articles: [93] },
    INTENTIONAL_INJURY: { articles: [104] },
    RAPE: { articles: [111] },
    CHILD_RAPE: { articles: [112] },
    HUMAN_TRAFFICKING: { articles: [119] },
    CHILD_TRAFFICKING: { articles: [120] },
    PEACE_HUMANITY_WAR: { chapters: [24], articles: range(341, 344) },
  },
};

export const GROUP_BIT: Readonly<Record<OffenceGroup, number>> = Object.fromEntries(
  OFFENCE_GROUPS.map((g, i) => [g, 1 << i]),
) as Record<OffenceGroup, number>;

// article -> bit mask of groups, per code; chapters are only a fallback for articles outside the lists. Plain arrays
// indexed by number: the lookup runs for every offence of every dossier.
const MAX_NUMBER = 1000;
const ARTICLE_MASKS: Record<CriminalCode, Int32Array> = {
  BLHS_2015: new Int32Array(MAX_NUMBER),
  BLHS_1999: new Int32Array(MAX_NUMBER),
};
const CHAPTER_MASKS: Record<CriminalCode, Int32Array> = {
  BLHS_2015: new Int32Array(MAX_NUMBER),
  BLHS_1999: new Int32Array(MAX_NUMBER),
};
for (const code of Object.keys(CATALOGUES) as CriminalCode[]) {
  for (const [group, entry] of Object.entries(CATALOGUES[code]) as Array<
    [OffenceGroup, { articles?: number[]; chapters?: number[] }]
  >) {
    for (const a of entry.articles ?? []) ARTICLE_MASKS[code][a] |= GROUP_BIT[group];
    for (const c of entry.chapters ?? []) CHAPTER_MASKS[code][c] |= GROUP_BIT[group];
  }
}

function maskAt(masks: Int32Array, n: number): number {
  return Number.isInteger(n) && n >= 0 && n < MAX_NUMBER ? masks[n] : 0;
}

export function offenceGroupMask(o: Offence): number {
  const articles = ARTICLE_MASKS[o.criminalCode];
  if (articles === undefined) throw new Error(`Bộ luật hình sự không xác định: ${String(o.criminalCode)}`);
  let mask = maskAt(articles, o.article);
  mask |= maskAt(CHAPTER_MASKS[o.criminalCode], o.chapter);
  // The dossier's own flags cover special laws and cases the article list does not name.
  if (o.drug) mask |= GROUP_BIT.DRUG;
  if (o.corruption) mask |= GROUP_BIT.CORRUPTION;
  if (o.nationalSecurity) mask |= GROUP_BIT.NATIONAL_SECURITY;
  return mask;
}

export function inGroup(mask: number, group: OffenceGroup): boolean {
  return (mask & GROUP_BIT[group]) !== 0;
}

export function isOffenceGroup(value: unknown): value is OffenceGroup {
  return typeof value === 'string' && (OFFENCE_GROUPS as readonly string[]).includes(value);
}
