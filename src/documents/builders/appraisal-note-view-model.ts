import { agencyLabel } from '../../auth/agency-labels.js';
import { dossierFieldLabel } from '../../web/dossier-form/field-label.js';
import { formatPercent } from '../format/print-format.js';
import type { AppraisalNoteViewModel } from '../view-models/appraisal-note.js';
import type { AppraisalFlagRow, AppraisalOpinionRow } from './appraisal-source.repository.js';

const FLAG_KIND: Record<string, string> = { content: 'Sai nội dung', form: 'Sai thể thức' };
const CONCLUSION = {
  agree: 'Đồng ý đề nghị đặc xá',
  disagree: 'Không đồng ý đề nghị đặc xá',
  needs_supplement: 'Đề nghị bổ sung hồ sơ',
};

// Decree 52/2019, Art 8(3): each member's result goes into the note; where the members do not agree, the note records
// the share for and against. The team's conclusion follows the majority; a tie, or any request for more papers with no
// majority against, asks for the dossier to be completed.
export function appraisalConclusion(
  opinions: AppraisalOpinionRow[],
): Pick<AppraisalNoteViewModel, 'conclusion' | 'reason' | 'vote'> {
  if (opinions.length === 0) return { conclusion: 'Chưa có ý kiến thẩm định', reason: '', vote: null };
  const count = (opinion: AppraisalOpinionRow['opinion']) => opinions.filter((o) => o.opinion === opinion).length;
  const agree = count('agree');
  const against = count('disagree');
  const supplement = count('needs_supplement');
  const conclusion =
    agree > against + supplement
      ? CONCLUSION.agree
      : against > agree + supplement
        ? CONCLUSION.disagree
        : CONCLUSION.needs_supplement;
  const reason = opinions
    .filter((o) => o.opinion !== 'agree' && o.note)
    .map((o) => `${agencyLabel(o.agency)}: ${o.note}`)
    .join('; ');
  const unanimous = agree === opinions.length || against === opinions.length || supplement === opinions.length;
  const vote = unanimous
    ? null
    : {
        inFavour: `${agree}/${opinions.length} (${formatPercent(agree, opinions.length)})`,
        against: `${opinions.length - agree}/${opinions.length} (${formatPercent(opinions.length - agree, opinions.length)})`,
      };
  return { conclusion, reason, vote };
}

export function appraisalFlags(flags: AppraisalFlagRow[]): AppraisalNoteViewModel['flags'] {
  return flags.map((flag, index) => ({
    order: index + 1,
    field: dossierFieldLabel(flag.field),
    category: FLAG_KIND[flag.kind] ?? flag.kind,
    description: flag.message,
    citation:
      flag.kind === 'form' ? 'Nghị định 30/2020/NĐ-CP' : 'Luật Đặc xá 2018, Điều 14; Nghị định 52/2019/NĐ-CP, Điều 5',
  }));
}
