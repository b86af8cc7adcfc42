import type { EntityManager } from 'typeorm';
import { STAGE_LABELS } from '../core/stages.js';
import { WorkflowException, WorkflowExceptionCode } from '../common/workflow.exception.js';
import type { ConsolidationRepository } from './consolidation.repository.js';
import type { Hop } from './hops.js';

// A hop whose level may not choose names refuses a choice before anything is read.
export function assertMayChoose(hop: Hop, dossierIds: readonly string[] | undefined): void {
  if (!dossierIds || hop.choosesNames) return;
  throw new WorkflowException(
    `Ở bước ${STAGE_LABELS[hop.stage]} danh sách được chuyển lên toàn bộ; chỉ Cục và Bộ được chọn từng hồ sơ để chuyển.`,
    WorkflowExceptionCode.INVALID_CHOICE,
    [
      {
        path: 'dossierIds',
        code: 'notAllowed',
        message: 'Trường "dossierIds" không dùng được ở bước này: hãy bỏ trường này để chuyển toàn bộ danh sách.',
      },
    ],
  );
}

// Narrows the staged names to the chosen ones, each of which must wait at the caller's hop, within the caller's unit
// (the staged set holds only those). Answers how many staged entries stay pending.
export async function narrowToChosen(
  manager: EntityManager,
  consolidation: ConsolidationRepository,
  hop: Hop,
  dossierIds: readonly string[],
): Promise<number> {
  const { missing, setAside } = await consolidation.keepOnly(manager, dossierIds);
  if (missing.length > 0) {
    throw new WorkflowException(
      `Trường "dossierIds" có ${missing.length} hồ sơ không nằm trong danh sách chờ chuyển của đơn vị bạn ở bước ` +
        `${STAGE_LABELS[hop.stage]}: ${missing.join(', ')}. Hãy tải lại trang và chọn lại.`,
      WorkflowExceptionCode.INVALID_CHOICE,
      missing.map((id) => ({
        path: `dossierIds[${dossierIds.indexOf(id)}]`,
        code: 'notPending',
        message: `Hồ sơ ${id} không chờ chuyển ở đơn vị bạn.`,
      })),
    );
  }
  return setAside;
}
