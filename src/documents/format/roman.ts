const NUMERALS: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

// Facility headings of a consolidated list are numbered I, II, III … as Vietnamese administrative tables do.
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new Error(`Roman numerals start at 1, got ${value}`);
  let rest = value;
  let out = '';
  for (const [amount, numeral] of NUMERALS) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}
