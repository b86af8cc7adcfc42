import { agencyLabel } from '../../kernel/agencies.js';
import { type AppraisalConclusionRule, parseConclusionRule } from '../../kernel/appraisal-conclusion.js';
import { AgencyOpinion } from './appraisal.js';
import { describeBasis, thresholdBasisOf, type ThresholdBasis } from './ballot.js';
import { unwrapParam } from './round-param.js';
import type { Guard } from './transition-context.js';

// The appraisal team's membership and its record (biên bản thẩm định): the round names the agencies whose
// representatives form the team (Luật Đặc xá 2018, Điều 10, khoản 3); the team concludes on a name only with every
// one's opinion, and records an eligible and an ineligible list with each agency's position (Điều 16, khoản 2;
// Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3).
export const APPRAISAL_TEAM_CITATION = 'Luật Đặc xá 2018, Điều 10, khoản 3; Điều 16, khoản 2';
export const APPRAISAL_RECORD_CITATION = 'Luật Đặc xá 2018, Điều 16, khoản 2; Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3';
export const REQUIRED_AGENCIES_PARAMETER = 'appraisal.requiredAgencies';
export const CONCLUSION_PARAMETER = 'appraisal.conclusion';
export type { AppraisalConclusionRule };

export interface AppraisalConclusion {
  rule: AppraisalConclusionRule;
  basis: ThresholdBasis;
}

export const DEFAULT_APPRAISAL_CONCLUSION: AppraisalConclusion = {
  rule: { rule: 'MORE_AGREE_THAN_NOT' },
  basis: {
    source:
      'cách đọc của hệ thống: Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3 ghi ý kiến và tỷ lệ biểu quyết của từng cơ quan nhưng không quy định tỷ lệ nào quyết định; đợt đặc xá chưa quy định',
    confidence: '?',
    serviceDefault: true,
  },
};

// The round's parameter as stored ({ value, source, confidence }, or bare): absent or unknown, the service's reading.
export function appraisalConclusionOf(raw: unknown): { conclusion: AppraisalConclusion } | { problem: string } {
  const basis = thresholdBasisOf(raw, DEFAULT_APPRAISAL_CONCLUSION.basis);
  if (basis.serviceDefault) return { conclusion: DEFAULT_APPRAISAL_CONCLUSION };
  const parsed = parseConclusionRule(unwrapParam(raw));
  return 'problem' in parsed ? parsed : { conclusion: { rule: parsed.rule, basis } };
}

export function concludesEligible(rule: AppraisalConclusionRule, agree: number, total: number): boolean {
  switch (rule.rule) {
    case 'MORE_AGREE_THAN_NOT':
      return agree > total - agree;
    case 'UNANIMOUS':
      return total > 0 && agree === total;
    case 'AT_LEAST_SHARE':
      return total > 0 && agree * rule.denominator >= rule.numerator * total;
  }
}

// "đủ điều kiện khi số cơ quan đồng ý nhiều hơn số cơ quan không đồng ý (căn cứ: …)", as the record prints it.
export function describeConclusion(c: AppraisalConclusion): string {
  const rule =
    c.rule.rule === 'UNANIMOUS'
      ? 'tất cả các cơ quan trong Tổ đồng ý'
      : c.rule.rule === 'AT_LEAST_SHARE'
        ? `ít nhất ${c.rule.numerator}/${c.rule.denominator} số cơ quan trong Tổ đồng ý`
        : 'số cơ quan đồng ý nhiều hơn số cơ quan không đồng ý (số bằng nhau và ý kiến "cần bổ sung" tính là chưa đồng ý)';
  return `Người được kết luận đủ điều kiện khi ${rule} (${describeBasis(c.basis)}).`;
}

// What the forward guard reads for one name: the round's required agencies (null: the round names none) and those
// of them that have not given an opinion.
export interface AppraisalMembership {
  required: readonly string[] | null;
  missing: readonly string[];
}

export function missingAgencies(required: readonly string[], given: readonly string[]): string[] {
  const have = new Set(given);
  return required.filter((agency) => !have.has(agency));
}

export function membershipOf(required: readonly string[] | null, given: readonly string[]): AppraisalMembership {
  return { required, missing: required === null ? [] : missingAgencies(required, given) };
}

export const unknownMembershipMessage = (): string =>
  `Đợt đặc xá chưa xác định các cơ quan của Tổ thẩm định liên ngành phải cho ý kiến (tham số ${REQUIRED_AGENCIES_PARAMETER}; ${APPRAISAL_TEAM_CITATION}).`;

export const missingOpinionsMessage = (missing: readonly string[]): string =>
  `Còn thiếu ý kiến thẩm định của: ${missing.map(agencyLabel).join(', ')} (${APPRAISAL_TEAM_CITATION}).`;

// A name leaves the appraisal team only once every agency the round requires has given its opinion.
export const agenciesHeard: Guard = (ctx) => {
  const m = ctx.appraisalMembership;
  if (!m || m.required === null)
    return { field: REQUIRED_AGENCIES_PARAMETER, code: 'missing', message: unknownMembershipMessage() };
  if (m.missing.length > 0) return { field: 'opinions', code: 'missing', message: missingOpinionsMessage(m.missing) };
  return null;
};

// Where a name stood when it reached the team: on an eligible list, or on a camp's or a court's ineligible list.
export enum AppraisalSide {
  PROPOSED = 'PROPOSED',
  CAMP_INELIGIBLE = 'CAMP_INELIGIBLE',
  COURT_INELIGIBLE = 'COURT_INELIGIBLE',
}

export interface AppraisedPerson {
  dossierId: string;
  fullName: string;
  facilityName: string;
  side: AppraisalSide;
  // The camp's reason, for a name on its ineligible list.
  campReason: string | null;
}

export interface GivenOpinion {
  dossierId: string;
  agency: string;
  opinion: AgencyOpinion;
  note?: string | null;
}

export interface RecordRow {
  dossierId: string;
  fullName: string;
  facilityName: string;
  side: AppraisalSide;
  campReason: string | null;
  positions: { agency: string; agencyName: string; opinion: AgencyOpinion; note: string | null }[];
  agree: number;
  against: number;
  // "x/y đồng ý" as printed in the record (Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3).
  ratio: string;
  unanimous: boolean;
}

export type AppraisalRecordContent =
  | { ok: true; eligible: RecordRow[]; ineligible: RecordRow[]; requiredAgencies: string[]; conclusion: string }
  | { ok: false; message: string; missing: { dossierId: string; fullName: string; agencies: string[] }[] };

// Decree 52/2019 Art 8(3): opinions of the required agencies on each name; where they do not agree, the shares for
// and against are recorded. Which share makes a name eligible is the round's `appraisal.conclusion` (without one, the
// service's reading: more agree than not); a tie and any "needs supplement" count as not agreed.
export function buildAppraisalRecord(input: {
  requiredAgencies: readonly string[] | null;
  conclusion?: AppraisalConclusion;
  persons: readonly AppraisedPerson[];
  opinions: readonly GivenOpinion[];
}): AppraisalRecordContent {
  if (input.requiredAgencies === null || input.requiredAgencies.length === 0)
    return { ok: false, message: unknownMembershipMessage(), missing: [] };
  const required = input.requiredAgencies;
  const byDossier = new Map<string, GivenOpinion[]>();
  for (const o of input.opinions) byDossier.set(o.dossierId, [...(byDossier.get(o.dossierId) ?? []), o]);
  const missing = input.persons
    .map((p) => ({
      dossierId: p.dossierId,
      fullName: p.fullName,
      agencies: missingAgencies(
        required,
        (byDossier.get(p.dossierId) ?? []).map((o) => o.agency),
      ),
    }))
    .filter((m) => m.agencies.length > 0);
  if (input.persons.length === 0)
    return { ok: false, message: 'Không có hồ sơ nào đang ở Tổ thẩm định liên ngành để lập biên bản.', missing: [] };
  if (missing.length > 0) {
    const names = missing
      .slice(0, 10)
      .map((m) => `${m.fullName} (${m.agencies.map(agencyLabel).join(', ')})`)
      .join('; ');
    const more = missing.length > 10 ? ` và ${missing.length - 10} người khác` : '';
    return {
      ok: false,
      message: `Chưa đủ ý kiến của các cơ quan trong Tổ thẩm định liên ngành: ${names}${more} (${APPRAISAL_TEAM_CITATION}).`,
      missing,
    };
  }
  const rows: RecordRow[] = input.persons.map((p) => {
    const positions = (byDossier.get(p.dossierId) ?? [])
      .filter((o) => required.includes(o.agency))
      .sort((a, b) => required.indexOf(a.agency) - required.indexOf(b.agency))
      .map((o) => ({ agency: o.agency, agencyName: agencyLabel(o.agency), opinion: o.opinion, note: o.note ?? null }));
    const agree = positions.filter((x) => x.opinion === AgencyOpinion.AGREE).length;
    return {
      dossierId: p.dossierId,
      fullName: p.fullName,
      facilityName: p.facilityName,
      side: p.side,
      campReason: p.campReason,
      positions,
      agree,
      against: positions.length - agree,
      ratio: `${agree}/${positions.length} đồng ý`,
      unanimous: agree === positions.length || agree === 0,
    };
  });
  const conclusion = input.conclusion ?? DEFAULT_APPRAISAL_CONCLUSION;
  const eligible = (r: RecordRow) => concludesEligible(conclusion.rule, r.agree, r.agree + r.against);
  return {
    ok: true,
    requiredAgencies: [...required],
    conclusion: describeConclusion(conclusion),
    eligible: rows.filter(eligible),
    ineligible: rows.filter((r) => !eligible(r)),
  };
}
