import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DossierStatus, EligibilityFacts, Outcome, RoundParameters } from '../../src/eligibility/core/index.js';
import { ROUND_PRESETS } from '../../src/eligibility/core/index.js';

// One worked example per file: a base dossier (optional), the changes that make the example, the round (a preset,
// optionally adjusted) and what the engine must conclude.
export interface GoldenCase {
  file: string;
  proves: string;
  round: string;
  roundOverrides?: Record<string, unknown>;
  base?: string;
  facts: Record<string, unknown>;
  expect: GoldenExpectation;
}

export interface GoldenExpectation {
  status: DossierStatus;
  category?: string;
  failingRules: string[];
  reviewRules?: string[];
  outcomes?: Record<string, Outcome>;
  figures?: Record<string, unknown>;
  missingEvidence?: string[];
  almostEligible?: Record<string, string | null>;
  toConfirm?: string[];
  attempts?: string[];
}

const CASE_KEYS = new Set(['proves', 'round', 'roundOverrides', 'base', 'facts', 'expect']);
const EXPECT_KEYS = new Set([
  'status',
  'category',
  'failingRules',
  'reviewRules',
  'outcomes',
  'figures',
  'missingEvidence',
  'almostEligible',
  'toConfirm',
  'attempts',
]);

// The specs run from dist/, so the data is found from the project root rather than from this file.
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the golden spec');
    dir = up;
  }
  return dir;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// Objects merge key by key; arrays, scalars and null replace.
export function deepMerge<T>(base: T, patch: unknown): T {
  if (!isObject(base) || !isObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out as T;
}

export function loadGoldenCases(): GoldenCase[] {
  const dir = join(projectRoot(), 'test', 'golden', 'eligibility');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      const stray = Object.keys(raw).filter((k) => !CASE_KEYS.has(k));
      const strayExpect = Object.keys((raw.expect ?? {}) as object).filter((k) => !EXPECT_KEYS.has(k));
      if (stray.length || strayExpect.length)
        throw new Error(`${file}: unknown keys ${[...stray, ...strayExpect].join(', ')}`);
      return { file, ...(raw as Omit<GoldenCase, 'file'>) };
    });
}

export function factsOf(c: GoldenCase): EligibilityFacts {
  if (!c.base) return c.facts as unknown as EligibilityFacts;
  const base = JSON.parse(
    readFileSync(join(projectRoot(), 'test', 'golden', 'eligibility-bases', `${c.base}.json`), 'utf8'),
  );
  return deepMerge(base, c.facts) as EligibilityFacts;
}

export function roundOf(c: GoldenCase): RoundParameters {
  const preset = ROUND_PRESETS[c.round];
  if (!preset) throw new Error(`${c.file}: no round preset ${c.round}`);
  return c.roundOverrides ? deepMerge(structuredClone(preset), c.roundOverrides) : preset;
}
