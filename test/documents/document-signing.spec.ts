import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream } from 'pdf-lib';
import { loadConfig } from '../../src/config/app-config.js';
import { selfSignedP12 } from '../../src/documents/signing/self-signed-certificate.js';
import { checkPdfSignature } from '../../src/documents/signing/signature-check.js';
import { SIGNATURE_BOX_URI } from '../../src/documents/signing/signature-mark.js';
import { readIdentity } from '../../src/documents/signing/signing-identity.js';
import { UnitCertificates } from '../../src/documents/signing/unit-certificates.js';
import { DocumentKind } from '../../src/documents/view-models/common.js';
import type { DocumentSnapshot } from '../../src/documents/view-models/view-model-map.js';
import { sha256Hex } from '../../src/kernel/hash.js';
import { CertificateFactory } from './factories/dossier-documents.factory.js';
import { CouncilMinutesFactory } from './factories/minutes.factory.js';
import { extractPages } from './support/pdf-text.js';
import { sharedEngine } from './support/shared-engine.js';

const CREATED_AT = new Date('2025-07-10T02:00:00Z');
const SIGNED_AT = new Date('2025-07-10T03:15:00Z');
const UNIT = { code: 'TG-THANH-XUAN', name: 'Trại giam Thanh Xuân', parentName: 'Cục C10' };

describe('PAdES signatures on the stored PDF', () => {
  const engine = sharedEngine();
  const dir = mkdtempSync(join(tmpdir(), 'amnesty-signing-spec-'));
  const identity = readIdentity(
    selfSignedP12({ commonName: UNIT.name, organization: UNIT.parentName, passphrase: 'p', now: CREATED_AT }),
    'p',
    'demo',
  );
  const sign = { identity, signingTime: SIGNED_AT, reason: 'Ban hành văn bản số 101/PĐN-TGTX', location: 'Hà Nội' };

  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['certificate', { kind: DocumentKind.CERTIFICATE, data: CertificateFactory.build() }],
    ['council minutes', { kind: DocumentKind.COUNCIL_MINUTES, data: CouncilMinutesFactory.build(4) }],
  ] as [string, DocumentSnapshot][])(
    '%s: the signed file keeps the unsigned render re-derivable and shows the signature in the signature block',
    async (_name, snapshot) => {
      const signed = await engine.render(snapshot, { createdAt: CREATED_AT, sign });
      const unsigned = await engine.render(snapshot, { createdAt: CREATED_AT });
      // Which bytes each hash covers: renderSha256 the unsigned render (the same with or without signing), sha256 the
      // stored file.
      expect(signed.renderSha256).toBe(unsigned.sha256);
      expect(unsigned.renderSha256).toBe(unsigned.sha256);
      expect(signed.sha256).toBe(sha256Hex(signed.bytes));
      expect(signed.sha256).not.toBe(signed.renderSha256);
      expect(signed.signature).toEqual({
        signedBy: UNIT.name,
        signedAt: SIGNED_AT,
        certificateSha256: identity.certificateSha256,
      });
      // The mark the template leaves for the box never reaches the unsigned file.
      expect(Buffer.from(unsigned.bytes).includes(SIGNATURE_BOX_URI)).toBe(false);
      expect(checkPdfSignature(unsigned.bytes).present).toBe(false);

      expect(checkPdfSignature(signed.bytes)).toEqual({
        present: true,
        valid: true,
        coversWholeFile: true,
        signedBy: UNIT.name,
        signedAt: SIGNED_AT,
        certificateSha256: identity.certificateSha256,
        selfSigned: true,
      });

      // The widget stands on the last page between the signer's title and name, with a visible appearance.
      const pdf = await PDFDocument.load(signed.bytes);
      const last = pdf.getPage(pdf.getPageCount() - 1);
      const widgets = last.node
        .lookup(PDFName.of('Annots'), PDFArray)
        .asArray()
        .map((ref) => pdf.context.lookup(ref as PDFRef, PDFDict))
        .filter((annot) => annot.get(PDFName.of('FT'))?.toString() === '/Sig');
      expect(widgets).toHaveLength(1);
      const [x1, y1, x2, y2] = widgets[0]
        .lookup(PDFName.of('Rect'), PDFArray)
        .asArray()
        .map((n) => (n as PDFNumber).asNumber());
      expect(x2 - x1).toBeGreaterThan(100);
      expect(y2 - y1).toBeGreaterThan(30);
      const appearance = widgets[0].lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'), PDFStream);
      expect(appearance.getContentsSize()).toBeGreaterThan(100);
      const pages = await extractPages(unsigned.bytes);
      const lines = pages[pages.length - 1].items;
      if (!('signatures' in snapshot.data)) throw new Error('Every kind in this table has a signature block');
      const signer = snapshot.data.signatures[snapshot.data.signatures.length - 1];
      const nameLine = pages[pages.length - 1].lines.find((line) => line.text.includes(signer.name))!;
      const onNameLine = lines.filter((item) => Math.abs(item.y - nameLine.y) < 1 && item.x < x2 && item.x > x1 - 60);
      // Below the box the signer's name, just above it the block's title lines, in the same column.
      expect(onNameLine.length).toBeGreaterThan(0);
      expect(y1).toBeGreaterThan(nameLine.y + 8);
      expect(y1 - nameLine.y).toBeLessThan(30);
      const above = lines.filter((item) => item.y > y2 && item.y < y2 + 70 && item.x < x2 && item.x + item.width > x1);
      expect(above.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it('refuses a signature over changed bytes', async () => {
    const signed = await engine.render(
      { kind: DocumentKind.CERTIFICATE, data: CertificateFactory.build() },
      { createdAt: CREATED_AT, sign },
    );
    const bytes = Buffer.from(signed.bytes);
    const at = bytes.indexOf('/Title');
    bytes[at + 2] = 'X'.charCodeAt(0);
    expect(checkPdfSignature(bytes)).toMatchObject({ present: true, valid: false });
  }, 60_000);

  describe('where the issuing unit’s certificate comes from', () => {
    const certificates = (env: Record<string, string>) =>
      new UnitCertificates(loadConfig({ ...process.env, SIGNING_DIR: join(dir, 'conf'), ...env }));

    it('uses the unit’s own PKCS#12 file (a CA-issued certificate with its chain) and its passphrase', async () => {
      const { p12, caName } = caIssuedP12('Trại giam Thanh Xuân', 'mật-khẩu');
      mkdirSync(join(dir, 'conf'), { recursive: true });
      writeFileSync(join(dir, 'conf', `${UNIT.code}.p12`), p12);
      const found = await certificates({ SIGNING_P12_PASSWORD: 'mật-khẩu' }).forUnit(UNIT);
      expect(found).toMatchObject({ signerName: 'Trại giam Thanh Xuân', selfSigned: false });
      expect(found!.certificates).toHaveLength(2);
      const signed = await engine.render(
        { kind: DocumentKind.CERTIFICATE, data: CertificateFactory.build() },
        { createdAt: CREATED_AT, sign: { ...sign, identity: found! } },
      );
      expect(checkPdfSignature(signed.bytes)).toMatchObject({ valid: true, coversWholeFile: true, selfSigned: false });
      expect(caName).toBe('Tổ chức cung cấp dịch vụ chứng thực thử');
    }, 60_000);

    it('fails with the file named when the passphrase is wrong', async () => {
      await expect(certificates({ SIGNING_P12_PASSWORD: 'sai' }).forUnit(UNIT)).rejects.toThrow(`${UNIT.code}.p12`);
    });

    it('makes a self-signed demo certificate once per unit, kept in the signing directory, only when allowed', async () => {
      const other = { code: 'TG-XUAN-LOC', name: 'Trại giam Xuân Lộc', parentName: null };
      expect(await certificates({ SIGNING_SELF_SIGNED: 'false' }).forUnit(other)).toBeNull();
      const first = await certificates({ SIGNING_SELF_SIGNED: 'true' }).forUnit(other);
      const again = await certificates({ SIGNING_SELF_SIGNED: 'true' }).forUnit(other);
      expect(first).toMatchObject({ signerName: 'Trại giam Xuân Lộc', selfSigned: true });
      expect(again!.certificateSha256).toBe(first!.certificateSha256);
    });
  });
});

// A test certification authority and a unit certificate it issued, in one PKCS#12 file as a CA would deliver it.
function caIssuedP12(commonName: string, passphrase: string): { p12: Buffer; caName: string } {
  const caName = 'Tổ chức cung cấp dịch vụ chứng thực thử';
  const caKeys = forge.pki.rsa.generateKeyPair(2048);
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = '01';
  ca.validity.notBefore = new Date('2025-01-01T00:00:00Z');
  ca.validity.notAfter = new Date('2035-01-01T00:00:00Z');
  const caSubject = [
    { shortName: 'CN', value: caName, valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[];
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([{ name: 'basicConstraints', cA: true }]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '02';
  cert.validity.notBefore = ca.validity.notBefore;
  cert.validity.notAfter = ca.validity.notAfter;
  cert.setSubject([
    { shortName: 'CN', value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[]);
  cert.setIssuer(caSubject);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, ca], passphrase, { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), caName };
}
