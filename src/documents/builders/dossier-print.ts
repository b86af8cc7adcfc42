import { formatDate, formatDuration, type YearsMonthsDays } from '../format/print-format.js';

// Print forms of dossier data (the exchange format's values as a clerk writes them on paper).

export function printBirthDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

export function printSex(value: string): string {
  return value === 'FEMALE' ? 'Nữ' : value === 'MALE' ? 'Nam' : value;
}

export interface PrintableAddress {
  detail?: string;
  commune: string;
  province: string;
}

export function printAddress(address: PrintableAddress | null | undefined): string {
  if (!address) return '';
  return [address.detail, address.commune, address.province].filter((part) => part && part.trim()).join(', ');
}

export interface PrintableSentence {
  kind: 'FIXED' | 'LIFE';
  years?: number;
  months?: number;
  days?: number;
  commutation?: { term: YearsMonthsDays };
}

export function printSentence(sentence: PrintableSentence | null | undefined): string {
  if (!sentence) return '';
  if (sentence.kind === 'LIFE') {
    return sentence.commutation
      ? `Tù chung thân, giảm xuống ${formatDuration(sentence.commutation.term)} tù`
      : 'Tù chung thân';
  }
  return `${formatDuration({ years: sentence.years ?? 0, months: sentence.months ?? 0, days: sentence.days ?? 0 })} tù`;
}

export interface PrintableOffence {
  name: string;
  article: number;
}

export function printOffences(offences: PrintableOffence[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const offence of offences) {
    const text = `${offence.name} (Điều ${offence.article})`;
    if (!seen.has(text)) parts.push(text);
    seen.add(text);
  }
  return parts.join('; ');
}

export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

export function lowerFirst(text: string): string {
  return text ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}
