import type { Ymd } from '../../eligibility/core/index.js';
import { RULE_PACKS, formatCitation } from '../../eligibility/core/index.js';
import { formatDate, formatDuration, formatPercent } from '../format/print-format.js';
import type { DocumentHeading, Signature } from '../view-models/common.js';
import type { LabelledValue, ProposalSheetViewModel } from '../view-models/proposal-sheet.js';
import { relianceLines } from '../../eligibility/stored-result-reader.js';
import type { DossierSourceRow } from './dossier-source.repository.js';
import { OUTCOME_LABELS, RATING_LABELS, STATUS_LABELS, obligationLine, quarterLabel } from './dossier-labels.js';
import { printAddress, printBirthDate, printSentence, printSex } from './dossier-print.js';

// A rule as paper names it: its title and article, never its id. Rules made from a round's own exclusion list are
// not in the pack; they are the President's decision's list of offences.
function ruleOf(packId: string, ruleId: string): { title: string; citation: string } {
  const rule = RULE_PACKS[packId]?.rules.find((candidate) => candidate.id === ruleId);
  if (rule) return { title: rule.title, citation: formatCitation(rule.citation) };
  return {
    title: 'Tội danh thuộc danh mục loại trừ của đợt đặc xá',
    citation: 'Quyết định về đặc xá của Chủ tịch nước',
  };
}

function packLine(packId: string, version: string): string {
  const pack = RULE_PACKS[packId];
  return pack ? `${pack.title} (bộ quy tắc phiên bản ${version})` : `bộ quy tắc phiên bản ${version}`;
}

function figures(source: DossierSourceRow): LabelledValue[] {
  const f = source.verdict?.view.figures;
  if (!f) return [];
  const duration = (value: Ymd | null): string => (value ? formatDuration(value) : '');
  return [
    { label: 'Ngày bắt đầu chấp hành', value: f.anchor ? formatDate(f.anchor) : '' },
    { label: 'Thời điểm tính', value: formatDate(f.cutoff) },
    { label: 'Mức án tính xét', value: duration(f.term) },
    { label: 'Thời gian đã chấp hành', value: duration(f.served) },
    { label: 'Đã được giảm', value: duration(f.reductions) },
    { label: 'Thời hạn còn lại', value: duration(f.remaining) },
  ].filter((line) => line.value !== '');
}

function ballotLine(source: DossierSourceRow): string {
  if (source.votes_for === null || source.ballots_valid === null) return 'Chưa bỏ phiếu';
  return `${source.votes_for}/${source.ballots_valid} phiếu hợp lệ đồng ý (${formatPercent(source.votes_for, source.ballots_valid)})`;
}

function councilLine(source: DossierSourceRow, facility: string): string {
  const name = source.document.person.fullName;
  if (source.council_eligible === null) return 'Hội đồng xét đề nghị đặc xá chưa xét trường hợp này.';
  if (source.council_eligible) return `Hội đồng xét đề nghị đặc xá ${facility} đề nghị xét đặc xá cho ${name}.`;
  return `Hội đồng xét đề nghị đặc xá ${facility} không đề nghị xét đặc xá cho ${name}${source.council_reason ? `: ${source.council_reason}` : ''}.`;
}

// The engine's lines: for an eligible dossier the conditions met, each with its figures and article, then anything
// left for people to confirm; otherwise every finding. Stored results are read through their one reader.
function engineLines(source: DossierSourceRow) {
  const verdict = source.verdict;
  if (!verdict) return { results: [], reliesOn: [], councilDate: '' };
  const stored = verdict.view;
  const packId = verdict.packId;
  const findings = stored.findings.map((result) => ({
    ruleId: result.ruleId,
    ...ruleOf(packId, result.ruleId),
    outcome: OUTCOME_LABELS[result.outcome] ?? result.outcome,
    reason: result.reason,
  }));
  const met = stored.thresholds.map((t) => ({
    ruleId: t.ruleId,
    title: ruleOf(packId, t.ruleId).title,
    citation: t.citation,
    outcome: OUTCOME_LABELS.PASS,
    reason: t.reason,
  }));
  const lines = met.length ? [...met, ...findings.filter((f) => !met.some((m) => m.ruleId === f.ruleId))] : findings;
  const date = stored.council.date;
  return {
    results: lines.map(({ title, citation, outcome, reason }) => ({ title, citation, outcome, reason })),
    reliesOn: relianceLines(stored),
    councilDate: date ? `${formatDate(date)} (${stored.councilLabel})` : '',
  };
}

export function buildProposalSheet(input: {
  source: DossierSourceRow;
  heading: DocumentHeading;
  facility: string;
  roundName: string;
  signatures: Signature[];
}): ProposalSheetViewModel {
  const { source } = input;
  const doc = source.document;
  const verdict = source.verdict;
  return {
    heading: input.heading,
    person: {
      fullName: doc.person.fullName,
      alias: doc.person.aliases.join(', '),
      birthDate: printBirthDate(doc.person.birthDate),
      sex: printSex(doc.person.sex),
      ethnicity: doc.person.ethnicity,
      nationality: doc.person.nationality,
      idNumber: doc.person.idNumber ?? '',
      residence: printAddress(doc.person.registeredResidence),
      intendedResidence: printAddress(doc.person.residenceAfterRelease),
    },
    judgments: doc.judgments.map((judgment) => ({
      number: judgment.number,
      date: formatDate(judgment.date),
      court: judgment.court,
      offence: judgment.offences.map((offence) => `${offence.name} (Điều ${offence.article})`).join('; '),
      sentence: printSentence(judgment.sentence),
    })),
    sentenceFigures: figures(source),
    conduct: doc.conductRatings.map((rating) => ({
      period: quarterLabel(rating.period),
      rating: RATING_LABELS[rating.rating] ?? rating.rating,
    })),
    obligations: doc.obligations.map(obligationLine),
    category: verdict?.view.categoryLabel ?? '',
    engine: {
      rulePackVersion: verdict ? packLine(verdict.packId, verdict.packVersion) : 'chưa kiểm tra',
      roundName: input.roundName,
      evaluatedAt: verdict ? formatDate(verdict.evaluatedOn) : '',
      outcome: verdict ? (STATUS_LABELS[verdict.outcome] ?? verdict.outcome) : 'Chưa kiểm tra',
      ...engineLines(source),
    },
    teamBallot: ballotLine(source),
    councilProposal: councilLine(source, input.facility),
    signatures: input.signatures,
  };
}
