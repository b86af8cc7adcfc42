import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

// Printed in the certificate's organisational unit, and read back by verification: a demo certificate says so.
export const SELF_SIGNED_UNIT = 'Chứng thư số tự ký - chỉ dùng thử';
const VALID_YEARS = 10;

// A self-signed X.509 certificate and its RSA key as a PKCS#12 file, for a demo unit that has no certificate from a
// certification authority. The key pair comes from Node's crypto (native and fast); node-forge builds the
// certificate and the PKCS#12 container, which @signpdf/signer-p12 reads.
export function selfSignedP12(input: {
  commonName: string;
  organization: string | null;
  passphrase: string;
  now: Date;
}): Buffer {
  const { privateKey: privatePem } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privatePem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.rsa.setPublicKey(key.n, key.e);
  // A positive serial of whole bytes (an odd number of hex digits encodes differently in the signer's reference).
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = input.now;
  cert.validity.notAfter = new Date(input.now.getTime());
  cert.validity.notAfter.setUTCFullYear(input.now.getUTCFullYear() + VALID_YEARS);
  const utf8 = forge.asn1.Type.UTF8;
  const subject = [
    { shortName: 'CN', value: input.commonName, valueTagClass: utf8 },
    ...(input.organization ? [{ shortName: 'O', value: input.organization, valueTagClass: utf8 }] : []),
    { shortName: 'OU', value: SELF_SIGNED_UNIT, valueTagClass: utf8 },
    { shortName: 'C', value: 'VN' },
  ] as forge.pki.CertificateField[];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  // A shrouded key bag (the key encrypted with the passphrase) is what the PKCS#12 signer looks for.
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], input.passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
