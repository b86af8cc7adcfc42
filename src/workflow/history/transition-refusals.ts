import { CommonException, StaleWriteException } from '../../common/app.exception.js';
import { CommonErrorCode } from '../../common/error-codes.js';
import { WorkflowException, type WorkflowExceptionCode } from '../common/workflow.exception.js';
import type { DossierHead } from './transition.repository.js';
import type { TransitionItem } from './transition.service.js';

// How many refused names one error message lists; the rest are counted.
const NAMES_SHOWN = 20;

// Why the transition table refused one dossier of a set.
export interface Refusal {
  fullName: string;
  code: WorkflowExceptionCode;
  message: string;
  field?: string;
  fieldCode: string;
  path?: string;
}

// Every dossier changed since it was read is named, each on its own path when the caller placed it.
export function staleException(stale: readonly TransitionItem[], heads: ReadonlyMap<string, DossierHead>) {
  const errors = stale
    .filter((item) => item.path)
    .map((item) => ({
      path: `${item.path}.version`,
      code: 'stale',
      message: `Hồ sơ của ${heads.get(item.dossierId)!.fullName} đã thay đổi kể từ khi bạn xem.`,
    }));
  const first = heads.get(stale[0].dossierId)!;
  if (stale.length === 1)
    return new StaleWriteException(`Hồ sơ của ${first.fullName}`, stale[0].version, first.version, errors);
  const names = stale.slice(0, NAMES_SHOWN).map((item) => heads.get(item.dossierId)!.fullName);
  if (stale.length > NAMES_SHOWN) names.push(`${stale.length - NAMES_SHOWN} hồ sơ khác`);
  return new CommonException(
    CommonErrorCode.STALE_VERSION,
    `Hồ sơ của ${names.join(', ')} đã được người khác thay đổi kể từ khi bạn xem. Hãy tải lại dữ liệu mới nhất rồi thực hiện lại.`,
    errors,
  );
}

// All or nothing: one refused dossier refuses the set. The message names the refused dossiers with the table's
// reason for each, the code and field errors are those of the first.
export function refusalException(refused: readonly Refusal[]): WorkflowException {
  const first = refused[0];
  const named = refused.slice(0, NAMES_SHOWN).map((r) => `${r.fullName}: ${r.message}`);
  if (refused.length > NAMES_SHOWN) named.push(`và ${refused.length - NAMES_SHOWN} hồ sơ khác`);
  // Items placed in the caller's request are each reported on their own path; otherwise the first refusal's field.
  const placed = refused.filter((r) => r.path);
  const errors = placed.length
    ? placed.map((r) => ({
        path: `${r.path}.${r.field ?? 'event'}`,
        code: r.fieldCode,
        message: `${r.fullName}: ${r.message}`,
      }))
    : first.field
      ? [{ path: first.field, code: first.fieldCode, message: first.message }]
      : [];
  return new WorkflowException(named.join('; '), first.code, errors);
}
