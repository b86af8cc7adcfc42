import type { FieldError } from '../common/app.exception.js';
import type { DossierDocument, Sentence } from './dossier-format.js';

// Checks that need more than one field; shape and types are checked by the DTOs before this runs.
export function checkDossierSemantics(d: DossierDocument, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, code: string, message: string) =>
    errors.push({ path: `${prefix}${path}`, code, message: `Trường "${prefix}${path}" ${message}.` });

  const checkSentence = (s: Sentence, path: string) => {
    if (s.kind === 'FIXED' && s.years + s.months + s.days === 0)
      add(path, 'sentenceEmpty', 'không được là mức án 0 năm 0 tháng 0 ngày');
    if (s.kind === 'FIXED' && (s as { commutation?: unknown }).commutation) {
      add(
        `${path}.commutation`,
        'commutationOnFixedTerm',
        'chỉ dùng cho án tù chung thân đã được giảm xuống tù có thời hạn',
      );
    }
  };
  checkSentence(d.aggregateSentence, 'aggregateSentence');
  d.judgments.forEach((j, i) => {
    checkSentence(j.sentence, `judgments[${i}].sentence`);
    j.offences.forEach((o, k) => checkSentence(o.sentence, `judgments[${i}].offences[${k}].sentence`));
    if (j.finalDate && j.finalDate < j.date)
      add(`judgments[${i}].finalDate`, 'dateOrder', 'không được trước ngày tuyên án');
  });
  d.intervals.forEach((v, i) => {
    if (v.to && v.to < v.from)
      add(`intervals[${i}].to`, 'dateOrder', `(${v.to}) không được trước ngày bắt đầu (${v.from})`);
  });
  const periods = new Set<string>();
  d.conductRatings.forEach((r, i) => {
    if (periods.has(r.period))
      add(`conductRatings[${i}].period`, 'duplicate', `bị trùng: quý ${r.period} đã được xếp loại ở trên`);
    periods.add(r.period);
  });
  d.obligations.forEach((o, i) => {
    if (o.amountPaid > o.amountDue)
      add(`obligations[${i}].amountPaid`, 'paidExceedsDue', 'không được lớn hơn số tiền phải nộp (amountDue)');
    if (o.status === 'PAID' && o.amountPaid < o.amountDue)
      add(
        `obligations[${i}].status`,
        'statusMismatch',
        'là "đã nộp đủ" (PAID) nhưng số tiền đã nộp nhỏ hơn số phải nộp',
      );
    if (o.status === 'UNPAID' && o.amountPaid > 0)
      add(`obligations[${i}].status`, 'statusMismatch', 'là "chưa nộp" (UNPAID) nhưng đã có số tiền nộp');
  });
  if (d.postQuarterEvaluation && d.postQuarterEvaluation.to < d.postQuarterEvaluation.from) {
    add('postQuarterEvaluation.to', 'dateOrder', 'không được trước ngày bắt đầu');
  }
  if (d.status === 'SUSPENDED' && !d.intervals.some((v) => v.kind === 'SUSPENSION')) {
    add(
      'intervals',
      'suspensionMissing',
      'phải có khoảng thời gian tạm đình chỉ (SUSPENSION) khi tình trạng là đang tạm đình chỉ',
    );
  }
  const birthYear = Number(d.person.birthDate.slice(0, 4));
  d.judgments.forEach((j, i) => {
    if (Number(j.date.slice(0, 4)) < birthYear) add(`judgments[${i}].date`, 'dateOrder', 'không được trước năm sinh');
  });
  return errors;
}
