// How the interface writes dates and money: dd/mm/yyyy and whole VND with dot thousands separators (1.250.000 ₫).

// Instants are shown in Vietnam's time whatever zone the server runs in.
const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function vietnamParts(date: Date): Record<string, string> {
  return Object.fromEntries(VIETNAM_TIME.formatToParts(date).map((p) => [p.type, p.value]));
}

export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const p = vietnamParts(value);
    return `${p.day}/${p.month}/${p.year}`;
  }
  const text = String(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  return text;
}

export function formatDateTime(value: unknown): string {
  // A wall-clock time with no zone (what a query reading `AT TIME ZONE 'Asia/Ho_Chi_Minh'` returns) is already
  // Vietnam's: printed as it stands, never shifted through the server's own zone.
  const wall =
    typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::[\d.]+)?$/.exec(value) : null;
  if (wall) return `${wall[3]}/${wall[2]}/${wall[1]} ${wall[4]}:${wall[5]}`;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  const p = vietnamParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export function groupThousands(value: number | bigint | string): string {
  const digits = String(value).replace(/^-/, '');
  const sign = String(value).startsWith('-') ? '-' : '';
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function formatVnd(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' || typeof value === 'bigint' ? value : Number(String(value));
  if (typeof n === 'number' && !Number.isFinite(n)) return String(value);
  return `${groupThousands(typeof n === 'number' ? Math.trunc(n) : n)} ₫`;
}

// Reads what a clerk typed: dd/mm/yyyy (or d/m/yyyy, dashes or dots) into ISO; anything else comes back unchanged so
// validation can name it.
export function parseDisplayDate(value: string): string {
  const text = value.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return text;
}

// '1.250.000', '1 250 000' or '1250000 ₫' → 1250000; anything else comes back unchanged for validation to report.
export function parseMoney(value: string): number | string {
  const text = value.replace(/[\s.₫đ]/gi, '').replace(/VND$/i, '');
  return /^\d+$/.test(text) ? Number(text) : value.trim();
}
