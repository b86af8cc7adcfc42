// One CSV field: quoted when it holds a comma, quote or line break. A leading =, +, - or @ would be read as a formula
// by a spreadsheet program, so such text is put behind an apostrophe.
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese diacritics right.
export const CSV_BOM = '\uFEFF';

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
