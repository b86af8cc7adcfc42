import { shortHash, snapshotHash } from '../../src/documents/snapshot-hash.js';
import { canonicalJson } from '../../src/kernel/canonical-json.js';
import { TeamMinutesFactory } from './factories/minutes.factory.js';

describe('snapshot hash', () => {
  it('does not depend on key order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    expect(canonicalJson({ a: { y: 2, x: 1 } })).toBe(canonicalJson({ a: { x: 1, y: 2 } }));
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('NaN');
    expect(() => canonicalJson({ a: () => 1 })).toThrow('function');
  });

  it('sorts integer-like keys as text and writes dates as JSON does', () => {
    expect(canonicalJson({ rows: { 10: 'a', 9: 'b' } })).toBe('{"rows":{"10":"a","9":"b"}}');
    const at = new Date('2025-07-04T01:02:03.000Z');
    expect(canonicalJson({ at })).toBe(JSON.stringify({ at }));
  });

  it('changes with the data and with the kind, and shortens to 16 hex digits', () => {
    const minutes = TeamMinutesFactory.build(2);
    const hash = snapshotHash('team-minutes', minutes);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotHash('team-minutes', structuredClone(minutes))).toBe(hash);
    expect(snapshotHash('council-minutes', minutes)).not.toBe(hash);
    const changed = structuredClone(minutes);
    changed.candidates[0].ballot.inFavour += 1;
    expect(snapshotHash('team-minutes', changed)).not.toBe(hash);
    expect(shortHash(hash)).toBe(hash.slice(0, 16));
  });
});
