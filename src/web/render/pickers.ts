import { label } from './labels.js';

// The choices of the nomination form's pickers: chapters as the Criminal Code numbers them (Roman), quarters as the
// conduct rules name them ("Quý II/2025"), stored as the exchange format holds them (16, "2025-Q2").

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN)
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  return out;
}

// "XVI", "xvi", "Chương XVI" → 16; anything else unchanged, for the validators to name.
export function fromRoman(text: string): number | string {
  const letters = text
    .replace(/^chương\s+/i, '')
    .trim()
    .toUpperCase();
  if (!/^[IVX]{1,7}$/.test(letters)) return text;
  for (let n = 1; n <= 39; n++) if (toRoman(n) === letters) return n;
  return text;
}

// The chapters a dossier can cite (the exchange format allows 1–30).
export const CHAPTER_CHOICES = Array.from({ length: 30 }, (_, i) => ({
  value: String(i + 1),
  label: `Chương ${toRoman(i + 1)}`,
}));

// Quarters from `fromYear` to `toYear`, newest first.
export function quarterChoices(fromYear: number, toYear: number): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let year = toYear; year >= fromYear; year--)
    for (let q = 4; q >= 1; q--) out.push({ value: `${year}-Q${q}`, label: `Quý ${toRoman(q)}/${year}` });
  return out;
}

// "Quý II/2025", "II/2025", "2/2025", "2025-Q2" → "2025-Q2"; anything else unchanged.
export function parseQuarter(text: string): string {
  const iso = /^(\d{4})-Q([1-4])$/i.exec(text.trim());
  if (iso) return `${iso[1]}-Q${iso[2]}`;
  const local = /^(?:quý\s*)?([IV]{1,3}|[1-4])\s*[/-]\s*(\d{4})$/i.exec(text.trim());
  if (!local) return text;
  const q = /^\d$/.test(local[1]) ? Number(local[1]) : fromRoman(local[1]);
  return typeof q === 'number' && q >= 1 && q <= 4 ? `${local[2]}-Q${q}` : text;
}

// A stored value as its picker names it: 16 → "Chương XVI", "2025-Q2" → "Quý II/2025".
export function pickerLabel(picker: 'chapter' | 'quarter' | 'aggravation', value: string): string {
  if (picker === 'aggravation')
    return value
      .split(/;\s*/)
      .map((code) => label('aggravation', code))
      .join('; ');
  if (picker === 'chapter') return /^\d+$/.test(value) ? `Chương ${toRoman(Number(value))}` : value;
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  return match ? `Quý ${toRoman(Number(match[2]))}/${match[1]}` : value;
}
