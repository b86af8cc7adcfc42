import type { EntityManager } from 'typeorm';
import { CommonException, ValidationFailedException, type FieldError } from '../../common/app.exception.js';
import { CommonErrorCode } from '../../common/error-codes.js';
import type { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';

// How many rows one command on many records may carry (a camp's or a team's names for one day; at about 100 bytes a
// row, well inside the default request body limit). A caller with more sends several commands.
export const BULK_ROWS_PER_REQUEST = 5_000;

// One row of a command on many records: the record's id and where the row sits in the request ('dossiers[3]').
export interface BulkRow {
  id: string;
  path: string;
  field: string;
}

// Before a command on many records writes anything: each record named once, and each within the caller's scope as
// the shared ScopeService decides; a refusal names its row (a record outside the scope is reported as not found, as
// a single command would, without saying whose it is).
export async function checkBulkRows(
  manager: EntityManager,
  scope: ScopeService,
  input: { user: SessionUser; record: ScopedRecord; rows: readonly BulkRow[]; what: string },
): Promise<void> {
  const { rows, what } = input;
  const seen = new Set<string>();
  const duplicates: FieldError[] = [];
  for (const row of rows) {
    if (seen.has(row.id))
      duplicates.push({
        path: `${row.path}.${row.field}`,
        code: 'duplicate',
        message: `${capitalise(what)} này đã có ở một dòng khác của danh sách.`,
      });
    seen.add(row.id);
  }
  if (duplicates.length > 0)
    throw new ValidationFailedException(duplicates, `Danh sách có ${what} ghi hai lần: xem lỗi ở từng dòng.`);
  const visible = new Set(
    await scope.visibleIds(
      manager,
      input.user,
      input.record,
      rows.map((r) => r.id),
    ),
  );
  const hidden = rows.map((r, i) => ({ ...r, line: i + 1 })).filter((r) => !visible.has(r.id));
  if (hidden.length > 0)
    throw new CommonException(
      CommonErrorCode.NOT_FOUND,
      `Không tìm thấy ${what} ở dòng ${hidden
        .slice(0, 20)
        .map((r) => r.line)
        .join(
          ', ',
        )}${hidden.length > 20 ? ` và ${hidden.length - 20} dòng khác` : ''} trong phạm vi đơn vị của bạn; không ${what} nào được ghi nhận.`,
      hidden.map((r) => ({
        path: `${r.path}.${r.field}`,
        code: 'notFound',
        message: `Không tìm thấy ${what} này trong phạm vi đơn vị của bạn.`,
      })),
    );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
