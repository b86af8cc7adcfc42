// Print formatting shared by the view-model builders: everything a document shows is formatted once, here, so the
// templates only place ready strings (Decree 30/2020 writes dates as dd/mm/yyyy in tables and "ngày 04 tháng 7
// năm 2025" in the place-and-date line).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(isoDate: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatDate(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

// Decree 30/2020, Appendix I: days below 10 and the months January and February take a leading zero.
export function formatPlaceDate(place: string, isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

export function formatVnd(amount: number): string {
  if (!Number.isInteger(amount)) throw new Error(`VND amounts are whole numbers, got ${amount}`);
  return `${formatInteger(amount)} đồng`;
}

export function formatInteger(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function formatPercent(part: number, whole: number, decimals = 2): string {
  if (whole <= 0) return '0%';
  const value = (part * 100) / whole;
  const fixed = value.toFixed(decimals).replace(/\.?0+$/, '');
  return `${fixed.replace('.', ',')}%`;
}

export interface YearsMonthsDays {
  years: number;
  months: number;
  days: number;
}

export function formatDuration(duration: YearsMonthsDays): string {
  const pieces: string[] = [];
  if (duration.years) pieces.push(`${duration.years} năm`);
  if (duration.months) pieces.push(`${duration.months} tháng`);
  if (duration.days || pieces.length === 0) pieces.push(`${duration.days} ngày`);
  return pieces.join(' ');
}

// "Số: 05/BB-TGTX": numbers below 10 take a leading zero (Decree 30/2020, Appendix I, ô 3).
export function formatDocumentNumber(sequence: number, symbol: string): string {
  return `${pad2(sequence)}/${symbol}`;
}

export function formatSentenceYears(years: number | 'life'): string {
  return years === 'life' ? 'Tù chung thân' : `${years} năm tù`;
}

const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

// An instant as Vietnam reads it: "10/07/2025 09:00:00" (Asia/Ho_Chi_Minh, UTC+7).
export function formatDateTime(instant: Date): string {
  return VIETNAM_TIME.format(instant).replace(',', '');
}
