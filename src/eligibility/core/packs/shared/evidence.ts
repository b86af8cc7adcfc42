import { addYmd } from '../../calendar/duration.js';
import { formatDayVi, tryDayNumber } from '../../../../kernel/calendar-date.js';
import type { EvidenceDocument, EvidenceKind, IssuerLevel } from '../../facts.js';

// A camp and a private person are outside the ladder of State administration: below any minimum level asked for.
const LEVEL_RANK: Readonly<Record<IssuerLevel, number>> = {
  PRIVATE: -2,
  CAMP: -1,
  COMMUNE: 0,
  DISTRICT: 1,
  PROVINCE: 2,
  MILITARY_REGION: 2,
  CENTRAL: 3,
};

export const LEVEL_LABELS: Readonly<Record<IssuerLevel, string>> = {
  COMMUNE: 'cấp xã',
  DISTRICT: 'cấp huyện',
  PROVINCE: 'cấp tỉnh',
  MILITARY_REGION: 'cấp quân khu',
  CENTRAL: 'cấp trung ương',
  CAMP: 'trại giam, trại tạm giam',
  PRIVATE: 'cá nhân',
};

export interface EvidenceRequirement {
  kinds: readonly EvidenceKind[];
  // What a clerk should look for, in Vietnamese.
  label: string;
  minLevel?: IssuerLevel;
  levels?: readonly IssuerLevel[];
  maxAgeMonths?: number;
  certified?: boolean;
}

export type EvidenceCheck = { ok: true; doc: EvidenceDocument } | { ok: false; message: string };

function problemOf(doc: EvidenceDocument, req: EvidenceRequirement, referenceDay: number | null): string | null {
  if (!doc.readable) return 'văn bản không đọc được';
  if (req.minLevel !== undefined || req.levels !== undefined) {
    if (doc.issuerLevel === null) return `chưa rõ cấp của cơ quan ban hành (${doc.issuer})`;
    if (req.minLevel !== undefined && LEVEL_RANK[doc.issuerLevel] < LEVEL_RANK[req.minLevel]) {
      return `do ${doc.issuer} (${LEVEL_LABELS[doc.issuerLevel]}) ban hành, thấp hơn cấp quy định`;
    }
    if (req.levels !== undefined && !req.levels.includes(doc.issuerLevel)) {
      return `do ${doc.issuer} (${LEVEL_LABELS[doc.issuerLevel]}) ban hành, không đúng cơ quan có thẩm quyền`;
    }
  }
  if (req.certified && doc.certified !== true) return 'chưa được cơ quan có thẩm quyền xác nhận';
  if (req.maxAgeMonths !== undefined) {
    const issued = tryDayNumber(doc.date);
    if (issued === null) return 'không ghi ngày ban hành';
    if (referenceDay === null) return 'chưa có ngày họp Hội đồng xét đề nghị đặc xá để kiểm tra thời hạn giá trị';
    if (addYmd(issued, { years: 0, months: req.maxAgeMonths, days: 0 }) < referenceDay) {
      return `ban hành ngày ${formatDayVi(issued)}, quá ${req.maxAgeMonths} tháng tính đến ngày họp Hội đồng ${formatDayVi(referenceDay)}`;
    }
  }
  return null;
}

// The first document that meets every requirement; otherwise the problem with the closest one.
export function checkEvidence(
  docs: readonly EvidenceDocument[],
  req: EvidenceRequirement,
  referenceDay: number | null = null,
): EvidenceCheck {
  let firstProblem: string | null = null;
  for (const doc of docs) {
    if (!req.kinds.includes(doc.kind) && !(doc.alsoKinds && doc.alsoKinds.some((k) => req.kinds.includes(k)))) continue;
    const problem = problemOf(doc, req, referenceDay);
    if (problem === null) return { ok: true, doc };
    firstProblem ??= problem;
  }
  return { ok: false, message: firstProblem === null ? `Thiếu ${req.label}` : `${req.label}: ${firstProblem}` };
}

export function describeDoc(doc: EvidenceDocument): string {
  const no = doc.number ? ` số ${doc.number}` : '';
  const date =
    doc.date && tryDayNumber(doc.date) !== null ? ` ngày ${formatDayVi(tryDayNumber(doc.date) as number)}` : '';
  return `văn bản${no}${date} của ${doc.issuer}`;
}
