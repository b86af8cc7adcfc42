import type { Param } from '../round/round-parameters.js';

// V: seen in a source; K: background knowledge consistent with the sources; unknown: not found, left empty.
export function seen<T>(value: T, source: string): Param<T> {
  return { value, source, confidence: 'V' };
}

export function known<T>(value: T, source: string): Param<T> {
  return { value, source, confidence: 'K' };
}

export function unknown<T>(source: string): Param<T> {
  return { value: null, source, confidence: '?' };
}
