import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

// What a document is signed with: the unit's private key and certificate chain (from its PKCS#12 file), and what
// verification will read back from it.
export interface SigningIdentity {
  key: KeyObject;
  // DER, the signer's certificate first.
  certificates: Buffer[];
  // The certificate's subject common name: the issuing unit as the certificate names it.
  signerName: string;
  certificateSha256: string;
  selfSigned: boolean;
}

// Opens a PKCS#12 file once, so that a wrong passphrase or a file without a key fails when the identity is loaded,
// with the file named, instead of in the middle of a signature.
export function readIdentity(p12: Buffer, passphrase: string, source: string): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  } catch (error) {
    throw new Error(`${source}: cannot open the PKCS#12 file (${(error as Error).message})`);
  }
  const keys = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag];
  const key = keys?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error(`${source}: the PKCS#12 file holds no encrypted private key`);
  const certs = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const cert = certs
    .map((bag) => bag.cert)
    .find((c) => {
      const publicKey = c?.publicKey as forge.pki.rsa.PublicKey | undefined;
      return publicKey?.n?.compareTo(key.n) === 0 && publicKey.e.compareTo(key.e) === 0;
    });
  if (!cert) throw new Error(`${source}: no certificate in the PKCS#12 file matches its private key`);
  const chain = certs.map((bag) => bag.cert).filter((c): c is forge.pki.Certificate => !!c && c !== cert);
  return {
    key: createPrivateKey(forge.pki.privateKeyToPem(key)),
    certificates: [cert, ...chain].map(certificateDer),
    ...describeCertificate(cert),
  };
}

export function describeCertificate(
  cert: forge.pki.Certificate,
): Pick<SigningIdentity, 'signerName' | 'certificateSha256' | 'selfSigned'> {
  const x509 = new X509Certificate(certificateDer(cert));
  return {
    signerName: commonName(cert),
    certificateSha256: x509.fingerprint256.replace(/:/g, '').toLowerCase(),
    selfSigned: x509.issuer === x509.subject && x509.verify(x509.publicKey),
  };
}

// node-forge writes a parsed certificate back from the bytes it read (its captured TBSCertificate), so this is the
// file's own DER.
function certificateDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

function commonName(cert: forge.pki.Certificate): string {
  const field = cert.subject.getField('CN') as { value: string } | null;
  if (!field) return cert.subject.attributes.map((a) => `${a.shortName}=${a.value}`).join(', ');
  // node-forge keeps a UTF8String's bytes as a binary string.
  try {
    return forge.util.decodeUtf8(field.value);
  } catch {
    return field.value;
  }
}
