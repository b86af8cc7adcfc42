import { extractPages, flatText } from './pdf-text.js';

// What must never reach paper: internal codes (ENUM_VALUES, rule ids, pack versions), field paths, and the marks of a
// missing value. Uppercase Vietnamese words and document symbols (05/DS-TGTX) are ordinary print.
const INTERNAL = [
  { name: 'an internal code', pattern: /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g },
  { name: 'a rule id', pattern: /\bR-[A-Z]+(?:-[A-Z0-9]+)+\b/g },
  { name: 'a version tag', pattern: /\S+@\d+(?:\.\d+)*/g },
  { name: 'a field path', pattern: /\b[a-z]+(?:\[\d+\])?\.[a-z]+[A-Z][A-Za-z]*\b/g },
  { name: 'a missing value', pattern: /\b(?:NaN|undefined|null|\[object Object\])\b/g },
];

export function internalMarks(text: string): string[] {
  return INTERNAL.flatMap(({ name, pattern }) =>
    [...text.matchAll(pattern)].map(
      (m) => `${name}: "${m[0]}" in "…${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20)}…"`,
    ),
  );
}

// Fails with every offending token, so one run shows all there is to fix.
export async function expectNothingInternal(pdf: Uint8Array): Promise<void> {
  const marks = internalMarks(flatText(await extractPages(pdf)));
  if (marks.length) throw new Error(`Internal values printed on the document:\n${marks.join('\n')}`);
}
