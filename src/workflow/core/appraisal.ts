import type { FieldError } from './ballot.js';

// Appraisal findings and agency opinions (Nghị định 76/2008/NĐ-CP, Điều 8, khoản 2; Nghị định 52/2019/NĐ-CP, Điều 8,
// khoản 3: each member records its opinion, with the reason when it finds a person ineligible).
export enum FlagKind {
  CONTENT = 'content',
  FORM = 'form',
}

export enum FlagStatus {
  OPEN = 'open',
  ACCEPTED = 'accepted',
  REJECTED = 'rejected',
}

export enum AgencyOpinion {
  AGREE = 'agree',
  DISAGREE = 'disagree',
  NEEDS_SUPPLEMENT = 'needs_supplement',
}

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  [FlagKind.CONTENT]: 'Sai sót về nội dung',
  [FlagKind.FORM]: 'Sai sót về hình thức',
};

export const OPINION_LABELS: Record<AgencyOpinion, string> = {
  [AgencyOpinion.AGREE]: 'Đồng ý',
  [AgencyOpinion.DISAGREE]: 'Không đồng ý',
  [AgencyOpinion.NEEDS_SUPPLEMENT]: 'Cần bổ sung',
};

export interface FlagView {
  id: string;
  dossierId: string;
  agency: string;
  field: string;
  kind: FlagKind;
  message: string;
  status: FlagStatus;
  resolution?: string | null;
}

export interface OpinionView {
  dossierId: string;
  agency: string;
  opinion: AgencyOpinion;
  note?: string | null;
}

// A member who finds a person ineligible (or the dossier incomplete) records why (Nghị định 52/2019/NĐ-CP, Điều 8,
// khoản 3): an opinion other than agreement carries a written reason.
export const OPINION_REASON_CITATION = 'Nghị định 52/2019/NĐ-CP, Điều 8, khoản 3';
export const OPINION_REASON_MIN_LENGTH = 5;

export function opinionReasonProblem(opinion: AgencyOpinion, note: string | null | undefined): string | null {
  if (opinion === AgencyOpinion.AGREE || (note ?? '').trim().length >= OPINION_REASON_MIN_LENGTH) return null;
  return `Ý kiến "${OPINION_LABELS[opinion]}" phải ghi rõ lý do (ít nhất ${OPINION_REASON_MIN_LENGTH} ký tự; ${OPINION_REASON_CITATION}).`;
}

export function resolveFlag(
  flag: Pick<FlagView, 'status'>,
  input: { accept: boolean; reason?: string },
): { status: FlagStatus } | FieldError {
  if (flag.status !== FlagStatus.OPEN) return { path: 'status', message: 'Ý kiến thẩm định này đã được giải quyết.' };
  if (!input.accept && (input.reason ?? '').trim().length < 5) {
    return { path: 'reason', message: 'Không chấp nhận ý kiến thẩm định thì phải ghi rõ lý do.' };
  }
  return { status: input.accept ? FlagStatus.ACCEPTED : FlagStatus.REJECTED };
}

// Agencies still disagree when their opinions differ or when a member's finding was overruled.
export function agenciesDisagree(opinions: readonly OpinionView[], flags: readonly FlagView[]): boolean {
  const distinct = new Set(opinions.map((o) => o.opinion));
  return (
    distinct.size > 1 || distinct.has(AgencyOpinion.DISAGREE) || flags.some((f) => f.status === FlagStatus.REJECTED)
  );
}

export interface ExplanationItem {
  dossierId: string;
  opinions: { agency: string; opinion: string; note: string | null }[];
  findings: {
    agency: string;
    field: string;
    kind: string;
    message: string;
    outcome: string;
    resolution: string | null;
  }[];
}

// Data of the báo cáo giải trình: one item per dossier on which agencies still disagree.
export function buildExplanation(input: {
  opinions: readonly OpinionView[];
  flags: readonly FlagView[];
}): ExplanationItem[] {
  const dossierIds = [...new Set([...input.opinions, ...input.flags].map((x) => x.dossierId))].sort();
  const outcome = {
    [FlagStatus.OPEN]: 'Chưa giải quyết',
    [FlagStatus.ACCEPTED]: 'Chấp nhận, trại đã sửa chữa',
    [FlagStatus.REJECTED]: 'Không chấp nhận',
  };
  // Grouped once: filtering the whole round's opinions for each dossier was quadratic (at 67,000 names under
  // appraisal, 400,000 opinions read 67,000 times).
  const opinions = groupByDossier(input.opinions);
  const flags = groupByDossier(input.flags);
  return dossierIds
    .map((dossierId) => ({
      opinions: opinions.get(dossierId) ?? [],
      flags: flags.get(dossierId) ?? [],
      dossierId,
    }))
    .filter((x) => agenciesDisagree(x.opinions, x.flags))
    .map((x) => ({
      dossierId: x.dossierId,
      opinions: x.opinions.map((o) => ({ agency: o.agency, opinion: OPINION_LABELS[o.opinion], note: o.note ?? null })),
      findings: x.flags.map((f) => ({
        agency: f.agency,
        field: f.field,
        kind: FLAG_KIND_LABELS[f.kind],
        message: f.message,
        outcome: outcome[f.status],
        resolution: f.resolution ?? null,
      })),
    }));
}

// Rows by their dossier, each group in the order the rows came.
export function groupByDossier<T extends { dossierId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byDossier = new Map<string, T[]>();
  for (const row of rows) {
    const group = byDossier.get(row.dossierId);
    if (group) group.push(row);
    else byDossier.set(row.dossierId, [row]);
  }
  return byDossier;
}
