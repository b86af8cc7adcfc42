import { CommonException } from './app.exception.js';
import { CommonErrorCode } from './error-codes.js';

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
}

// Unique constraints named as the API names their fields (the columns hold ids the caller sent as codes).
const UNIQUE_FIELDS: Record<string, { fields: string[]; what: string; scope?: string }> = {
  uq_dossiers_round_facility_inmate: {
    fields: ['inmateNumber'],
    what: 'hồ sơ của phạm nhân',
    scope: ' trong cùng đợt đặc xá và cùng trại',
  },
  uq_org_units_code: { fields: ['code'], what: 'đơn vị' },
  uq_rounds_code: { fields: ['code'], what: 'đợt đặc xá' },
  uq_users_username: { fields: ['username'], what: 'tài khoản' },
};

function camel(column: string): string {
  return column.trim().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

// "Key (round_id, code)=(…, TX-01) already exists." → the clashing fields and the values, as the API names them.
function clash(detail: string | undefined): { fields: string[]; values: string } | null {
  const match = /^Key \((.+?)\)=\((.*)\) already exists\.?$/s.exec(detail ?? '');
  if (!match) return null;
  return { fields: match[1].split(',').map(camel), values: match[2] };
}

function driverError(error: unknown): PgError | null {
  if (!error || typeof error !== 'object') return null;
  const inner = (error as { driverError?: unknown }).driverError ?? error;
  const code = (inner as PgError).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? (inner as PgError) : null;
}

// pg-pool's own error when no connection came free within connectionTimeoutMillis (it carries no SQLSTATE).
function isPoolWaitTimeout(error: unknown): boolean {
  return error instanceof Error && /^timeout exceeded when trying to connect$/i.test(error.message);
}

// The database is the last line: a constraint the validators could not check ahead of time (two identical creates
// racing) or a value they let through must still come back as a 4xx that names the field, never as a 500.
export function fromDatabaseError(error: unknown): CommonException | null {
  if (isPoolWaitTimeout(error)) {
    return new CommonException(
      CommonErrorCode.SERVICE_BUSY,
      'Hệ thống đang bận xử lý nhiều yêu cầu cùng lúc; hãy thử lại sau ít phút.',
    );
  }
  const pg = driverError(error);
  if (!pg?.code) return null;
  switch (pg.code) {
    case '23505': {
      const known = UNIQUE_FIELDS[pg.constraint ?? ''];
      const found = clash(pg.detail);
      const fields = known?.fields ?? found?.fields ?? [pg.constraint ?? 'id'];
      const names = fields.map((f) => `"${f}"`).join(', ');
      const value = known ? (found?.values.split(', ').pop() ?? '') : (found?.values ?? '');
      const message =
        `Đã có ${known?.what ?? 'bản ghi'} trùng ${fields.length > 1 ? 'các trường' : 'trường'} ${names}` +
        `${value ? ` (giá trị "${value}")` : ''}${known?.scope ?? ''}; hãy dùng giá trị khác hoặc mở bản ghi đã có.`;
      return new CommonException(CommonErrorCode.DUPLICATE, message, [
        { path: fields.join(','), code: 'unique', message },
      ]);
    }
    case '23503':
      return new CommonException(
        CommonErrorCode.REFERENCE_NOT_FOUND,
        `Dữ liệu tham chiếu không tồn tại hoặc đang được dùng${pg.detail ? ` (${camel(/\((.+?)\)/.exec(pg.detail)?.[1] ?? '')})` : ''}.`,
      );
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22021':
    case '22P05':
    case '54000':
      return new CommonException(
        CommonErrorCode.INVALID_VALUE,
        `Giá trị gửi lên không hợp lệ${pg.column ? ` ở trường "${camel(pg.column)}"` : ''} (sai dạng mã định danh, số vượt giới hạn hoặc ký tự không cho phép).`,
      );
    case '40001':
    case '40P01':
    case '55P03':
      return new CommonException(
        CommonErrorCode.CONCURRENT_WRITE,
        'Dữ liệu đang được người khác ghi cùng lúc; hãy tải lại rồi thực hiện lại.',
      );
    default:
      return null;
  }
}

// A duplicate code found by a read before the insert: the same answer as the constraint gives when two creates race.
export function duplicateCode(message: string): CommonException {
  return new CommonException(CommonErrorCode.DUPLICATE, message, [{ path: 'code', code: 'unique', message }]);
}
