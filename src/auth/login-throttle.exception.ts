import { AuthErrorCode, AuthException } from './auth.exception.js';
import type { Refusal } from './login-throttle.js';

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

function at(date: Date): string {
  const parts = Object.fromEntries(VIETNAM_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}

function seconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

function explain(refusal: Refusal, now: Date): string {
  const who = refusal.kind === 'account' ? 'tài khoản này' : 'máy của bạn (địa chỉ mạng này)';
  if (refusal.locked)
    return (
      `Đăng nhập vào ${who} đã bị tạm khóa đến ${at(refusal.until)} (giờ Việt Nam) vì nhập sai mật khẩu quá nhiều lần. ` +
      'Hãy thử lại sau thời điểm đó hoặc liên hệ quản trị viên.'
    );
  return `Đã nhập sai nhiều lần cho ${who}: hãy đợi ${seconds(refusal.until, now)} giây rồi thử lại.`;
}

// 429 with Retry-After: the attempt was not checked at all, because of a lock-out or a delay still running.
export class LoginThrottledException extends AuthException {
  readonly retryAfterSeconds: number;

  constructor(refusal: Refusal, now: Date) {
    super(explain(refusal, now), refusal.locked ? AuthErrorCode.LOGIN_LOCKED : AuthErrorCode.LOGIN_DELAYED);
    this.retryAfterSeconds = seconds(refusal.until, now);
  }

  static busy(now: Date): LoginThrottledException {
    const error = new LoginThrottledException(
      { kind: 'account', locked: false, until: new Date(now.getTime() + 1000) },
      now,
    );
    error.message = 'Tài khoản này đang có một lần đăng nhập khác được kiểm tra; hãy thử lại sau giây lát.';
    return error;
  }
}

// The wrong-password answer, telling the clerk what the next attempt will meet.
export function loginFailedMessage(next: Refusal | null, now: Date): AuthException {
  const base = 'Tên đăng nhập hoặc mật khẩu không đúng.';
  return new AuthException(next ? `${base} ${explain(next, now)}` : base, AuthErrorCode.INVALID_CREDENTIALS);
}
