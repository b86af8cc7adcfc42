import { ValidationFailedException } from '../../common/app.exception.js';

// The Idempotency-Key header, if sent, must be a reasonable opaque token (a UUID is typical).
export function idempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 8 || raw.length > 200) {
    throw new ValidationFailedException([
      { path: 'Idempotency-Key', code: 'length', message: 'Khóa Idempotency-Key phải dài từ 8 đến 200 ký tự.' },
    ]);
  }
  return raw;
}
