import { withoutPadding } from './signature-check.js';

// /Contents holds the CMS in hex padded with zero bytes; the CMS is measured by its own DER header.
describe('the CMS inside a padded /Contents', () => {
  const padded = (der: number[], zeros: number) => Buffer.from([...der, ...new Array<number>(zeros).fill(0)]);

  it('keeps a signature that ends in zero bytes, which a trim of trailing zeros would cut', () => {
    const der = [0x30, 0x05, 0x04, 0x03, 0x7f, 0x00, 0x00];
    expect([...withoutPadding(padded(der, 9))]).toEqual(der);
  });

  it('reads a long-form length', () => {
    const body = new Array<number>(300).fill(0x01);
    body[299] = 0x00;
    const der = [0x30, 0x82, 0x01, 0x2c, ...body];
    expect(withoutPadding(padded(der, 50))).toHaveLength(304);
    expect(withoutPadding(padded(der, 0))[303]).toBe(0x00);
  });

  it('refuses contents that are not a DER sequence or are cut short', () => {
    expect(() => withoutPadding(Buffer.from([0x00, 0x00]))).toThrow('not a DER sequence');
    expect(() => withoutPadding(Buffer.from([0x30, 0x82, 0x01, 0x2c, 0x01]))).toThrow('longer than its placeholder');
  });
});
