import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import forge from 'node-forge';
import { describeCertificate } from './signing-identity.js';

export interface SignatureCheck {
  // A signature dictionary with a byte range and contents was found.
  present: boolean;
  // The CMS signature is the certificate's over the signed attributes, and their digest is that of the signed bytes.
  valid: boolean;
  // The signed byte range is the whole file but the signature itself: nothing was added or changed after signing.
  coversWholeFile: boolean;
  signedBy: string | null;
  // The signing time of the signature dictionary (/M), or of the CMS signed attributes when they carry one.
  signedAt: Date | null;
  certificateSha256: string | null;
  selfSigned: boolean | null;
}

const NONE: SignatureCheck = {
  present: false,
  valid: false,
  coversWholeFile: false,
  signedBy: null,
  signedAt: null,
  certificateSha256: null,
  selfSigned: null,
};

const OID = forge.pki.oids;

// Checks the last signature of a PDF (the one an issuing unit adds) with Node's crypto: the byte range, the digest
// of the signed bytes against the signed attributes, and the RSA or ECDSA signature over those attributes with the
// certificate's key. node-forge only parses the CMS structure (it does not verify signed data).
export function checkPdfSignature(pdf: Uint8Array): SignatureCheck {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const found = lastByteRange(bytes);
  if (!found) return NONE;
  const [start1, length1, start2, length2] = found.range;
  if (start1 !== 0 || start2 < length1 + 2 || start2 + length2 > bytes.length) return { ...NONE, present: true };
  const hex = bytes.subarray(length1 + 1, start2 - 1).toString('latin1');
  try {
    const parsed = parseCms(withoutPadding(Buffer.from(hex, 'hex')));
    const digest = createHash(parsed.digestAlgorithm);
    digest.update(bytes.subarray(0, length1));
    digest.update(bytes.subarray(start2, start2 + length2));
    const digestMatches = parsed.messageDigest !== null && digest.digest().equals(parsed.messageDigest);
    const key = createPublicKey(forge.pki.publicKeyToPem(parsed.certificate.publicKey));
    const signatureMatches = verifySignature(parsed.digestAlgorithm, parsed.signedAttributes, key, parsed.signature);
    // A trailing newline after %%EOF is not content.
    const end = bytes.subarray(start2 + length2).toString('latin1');
    const described = describeCertificate(parsed.certificate);
    return {
      present: true,
      valid: digestMatches && signatureMatches,
      coversWholeFile: /^\s*$/.test(end),
      signedBy: described.signerName,
      signedAt: dictionaryTime(bytes, start2) ?? parsed.signingTime,
      certificateSha256: described.certificateSha256,
      selfSigned: described.selfSigned,
    };
  } catch {
    return { ...NONE, present: true };
  }
}

// The CMS as its DER header measures it: /Contents is padded with zero bytes to the placeholder's size, and the CMS
// itself may end with zero bytes (a signature value ending in 0x00), so the padding cannot be told apart by its value.
export function withoutPadding(contents: Buffer): Buffer {
  if (contents.length < 2 || contents[0] !== 0x30) throw new Error('the signature is not a DER sequence');
  const first = contents[1];
  if (first < 0x80) return contents.subarray(0, 2 + first);
  const octets = first & 0x7f;
  if (octets === 0 || octets > 4 || contents.length < 2 + octets) throw new Error('an unsupported DER length');
  let length = 0;
  for (let i = 0; i < octets; i += 1) length = length * 256 + contents[2 + i];
  if (2 + octets + length > contents.length) throw new Error('the signature is longer than its placeholder');
  return contents.subarray(0, 2 + octets + length);
}

// pdf-lib writes the signature dictionary's entries after /Contents: /M (D:20250710090000Z) follows it closely.
function dictionaryTime(bytes: Buffer, afterContents: number): Date | null {
  const text = bytes.subarray(afterContents, afterContents + 2000).toString('latin1');
  const match = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, se, zone] = match;
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function lastByteRange(bytes: Buffer): { range: [number, number, number, number] } | null {
  const at = bytes.lastIndexOf('/ByteRange');
  if (at < 0) return null;
  const match = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
    bytes.subarray(at, at + 120).toString('latin1'),
  );
  return match ? { range: match.slice(1, 5).map(Number) as [number, number, number, number] } : null;
}

interface ParsedCms {
  certificate: forge.pki.Certificate;
  digestAlgorithm: string;
  // DER of the signed attributes as a SET (what the signature covers).
  signedAttributes: Buffer;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  signature: Buffer;
}

const DIGESTS: Record<string, string> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

function parseCms(der: Buffer): ParsedCms {
  const asn1 = forge.asn1.fromDer(der.toString('binary'), false);
  const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & {
    rawCapture: { signerInfos: forge.asn1.Asn1[] };
  };
  const signerInfo = message.rawCapture.signerInfos[0].value as forge.asn1.Asn1[];
  // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature.
  const sid = signerInfo[1].value as forge.asn1.Asn1[];
  const serial = forge.util.bytesToHex(sid[1].value as string);
  const certificate =
    message.certificates.find((c) => c.serialNumber.replace(/^0+/, '') === serial.replace(/^0+/, '')) ??
    message.certificates[0];
  const digestOid = forge.asn1.derToOid((signerInfo[2].value as forge.asn1.Asn1[])[0].value as string);
  const digestAlgorithm = DIGESTS[digestOid];
  if (!digestAlgorithm) throw new Error(`unsupported digest ${digestOid}`);
  const attributesAt = signerInfo.findIndex(
    (node, index) => index > 2 && node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === 0,
  );
  if (attributesAt < 0) throw new Error('a signature without signed attributes');
  const attributes = signerInfo[attributesAt];
  const signedAttributes = Buffer.from(forge.asn1.toDer(attributes).getBytes(), 'binary');
  // Signed as a SET OF, stored with the context tag [0].
  signedAttributes[0] = 0x31;
  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  for (const attribute of attributes.value as forge.asn1.Asn1[]) {
    const [type, values] = attribute.value as forge.asn1.Asn1[];
    const oid = forge.asn1.derToOid(type.value as string);
    const value = (values.value as forge.asn1.Asn1[])[0];
    if (oid === OID.messageDigest) messageDigest = Buffer.from(value.value as string, 'binary');
    if (oid === OID.signingTime)
      signingTime =
        value.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(value.value as string)
          : forge.asn1.generalizedTimeToDate(value.value as string);
  }
  const signature = Buffer.from(signerInfo[attributesAt + 2].value as string, 'binary');
  return { certificate, digestAlgorithm, signedAttributes, messageDigest, signingTime, signature };
}
