import { canonicalJson } from '../../../kernel/canonical-json.js';
import { factsHash } from './facts-hash.js';

describe('canonical JSON and the facts hash', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined }, e: null })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1,"e":null}',
    );
  });

  it('keeps array order and escapes strings as JSON does', () => {
    expect(canonicalJson(['Nguyễn Văn "A"', 2, true, [undefined]])).toBe('["Nguyễn Văn \\"A\\"",2,true,[null]]');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow('Số không hữu hạn');
    expect(() => canonicalJson({ x: Infinity })).toThrow('Số không hữu hạn');
  });

  it('is the SHA-256 of the canonical text, encoded as UTF-8', () => {
    expect(factsHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(factsHash({ b: 'Đ', a: 1 })).toBe(factsHash(JSON.parse('{"a":1,"b":"Đ"}')));
  });

  it('hashes equal content equally and different content differently', () => {
    const a = factsHash({ x: 1, y: [1, 2] });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(factsHash({ y: [1, 2], x: 1 })).toBe(a);
    expect(factsHash({ y: [2, 1], x: 1 })).not.toBe(a);
  });
});
