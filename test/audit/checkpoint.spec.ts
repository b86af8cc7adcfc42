import { generateKeyPairSync } from 'node:crypto';
import {
  CheckpointIndex,
  keyIdOf,
  readCheckpoint,
  signCheckpoint,
  type Checkpoint,
} from '../../src/audit/checkpoint.js';

describe('signed checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const trusted = new Map([[keyId, publicKey]]);
  const at = new Date('2026-12-03T04:05:06.789Z');
  const sign = (from: number, seq: number, hash = 'a'.repeat(64)) =>
    signCheckpoint(privateKey, keyId, { from, seq, hash, at });

  it('reads back what it signed, and nothing altered', () => {
    const good = sign(4, 7);
    expect(readCheckpoint(JSON.stringify(good), trusted)).toEqual({ ok: true, checkpoint: good });
    const forged: Checkpoint = { ...good, seq: 8 };
    expect(readCheckpoint(JSON.stringify(forged), trusted)).toEqual({
      ok: false,
      seq: 8,
      reason: 'chữ ký không hợp lệ',
    });
    const other = generateKeyPairSync('ed25519');
    const foreign = signCheckpoint(other.privateKey, keyIdOf(other.publicKey), {
      from: 1,
      seq: 2,
      hash: 'b'.repeat(64),
      at,
    });
    expect(readCheckpoint(JSON.stringify(foreign), trusted)).toMatchObject({ ok: false, seq: 2 });
    expect(readCheckpoint('{"v":1', trusted)).toMatchObject({ ok: false, seq: null });
    expect(readCheckpoint(JSON.stringify({ ...good, from: 9 }), trusted)).toMatchObject({
      ok: false,
      reason: 'thiếu hoặc sai trường',
    });
  });

  it('knows which numbers the service wrote and every hash it signed at each', () => {
    const index = new CheckpointIndex([sign(1, 3), sign(6, 6, 'c'.repeat(64)), sign(4, 5), sign(6, 6, 'd'.repeat(64))]);
    expect([1, 2, 3, 4, 5, 6].every((n) => index.covers(n))).toBe(true);
    expect(index.covers(7)).toBe(false);
    expect(index.maxSeq).toBe(6);
    expect(index.contradiction(3, 'a'.repeat(64))).toBeUndefined();
    expect(index.contradiction(3, 'e'.repeat(64))).toBe('a'.repeat(64));
    // Two different hashes signed at one number: whichever the row has, the other contradicts it.
    expect(index.contradiction(6, 'c'.repeat(64))).toBe('d'.repeat(64));
    const gap = new CheckpointIndex([sign(1, 2), sign(4, 5)]);
    expect(gap.covers(3)).toBe(false);
  });
});
