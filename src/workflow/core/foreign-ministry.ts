import { formatIsoVi, isValidIsoDate } from '../../kernel/calendar-date.js';

// The notice to the Ministry of Foreign Affairs (Bộ Ngoại giao) of the foreigners on the President's decision. The
// sources read do not make it a step of the procedure: Nghị định 52/2019/NĐ-CP, Điều 5, khoản 6 asks only for a
// foreigner's passport copy; the Ministry sits on the Council (Luật Đặc xá 2018, Điều 10, khoản 1, điểm g) and helps
// announce the decision (Nghị định 76/2008/NĐ-CP, Điều 4). So it is the round's choice (foreigners.
// notifyForeignMinistry), off in the presets, and the Council's standing body (Điều 10, khoản 2) records it.
export const FOREIGN_MINISTRY_PARAMETER = 'foreigners.notifyForeignMinistry';
// What the page cites beside the round's choice: the Ministry's seat on the Council and the standing body.
export const FOREIGN_MINISTRY_CITATION = 'Luật Đặc xá 2018, Điều 10, khoản 1, điểm g và khoản 2';

export interface ForeignMinistryFiling {
  // Whether the round asks for the notice.
  enabled: boolean;
  notifiedOn: string;
  decisionDate: string;
  today: string;
  dossierIds: readonly string[];
  // The foreigners of the decision's list, and those an earlier notice already covered.
  foreigners: ReadonlySet<string>;
  alreadyNotified: ReadonlySet<string>;
}

export interface FilingProblem {
  field: string;
  message: string;
}

// The first thing wrong with a notice, naming the field; null when it may be recorded.
export function foreignMinistryNoticeProblem(f: ForeignMinistryFiling): FilingProblem | null {
  if (!f.enabled)
    return {
      field: FOREIGN_MINISTRY_PARAMETER,
      message: `Đợt đặc xá này không quy định thông báo cho Bộ Ngoại giao (tham số ${FOREIGN_MINISTRY_PARAMETER}).`,
    };
  if (!isValidIsoDate(f.notifiedOn))
    return { field: 'notifiedOn', message: 'Ngày thông báo phải là một ngày có thật (dd/mm/yyyy).' };
  if (f.notifiedOn > f.today)
    return {
      field: 'notifiedOn',
      message: `Ngày thông báo (${formatIsoVi(f.notifiedOn)}) không được sau ngày hôm nay.`,
    };
  if (f.notifiedOn < f.decisionDate)
    return {
      field: 'notifiedOn',
      message: `Ngày thông báo (${formatIsoVi(f.notifiedOn)}) không được trước ngày Quyết định đặc xá (${formatIsoVi(f.decisionDate)}).`,
    };
  if (f.dossierIds.length === 0)
    return { field: 'dossierIds', message: 'Phải chọn ít nhất một người nước ngoài trong danh sách.' };
  if (new Set(f.dossierIds).size !== f.dossierIds.length)
    return { field: 'dossierIds', message: 'Một người được chọn hai lần.' };
  if (f.dossierIds.some((id) => !f.foreigners.has(id)))
    return {
      field: 'dossierIds',
      message: 'Chỉ thông báo người nước ngoài có tên trong Quyết định đặc xá của danh sách này.',
    };
  if (f.dossierIds.some((id) => f.alreadyNotified.has(id)))
    return { field: 'dossierIds', message: 'Có người đã được thông báo cho Bộ Ngoại giao trước đó.' };
  return null;
}
