import { Signer } from '@signpdf/utils';
import { createHash, sign as signBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

// A detached CMS signature as PAdES baseline B asks (ETSI EN 319 142-1): content type, message digest and the ESS
// signing-certificate-v2 attribute, no signing-time attribute (the time is the signature dictionary's /M). The
// certificate's issuer and serial are copied from its DER as they are: @signpdf/signer-p12 rebuilds them from
// node-forge's parsed names and encodes a UTF-8 name (a Vietnamese unit's) twice, so that no verifier finds the
// signer's certificate. The digest and the RSA signature are Node's (native), not JavaScript's.
export class CmsSigner extends Signer {
  constructor(
    private readonly key: KeyObject,
    // DER certificates, the signer's first, then its chain.
    private readonly certificates: Buffer[],
  ) {
    super();
    if (key.asymmetricKeyType !== 'rsa') throw new Error('Only RSA signing keys are supported');
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    const [signerCert] = this.certificates;
    const tbs = (asn1.fromDer(signerCert.toString('binary')).value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
    // TBSCertificate: [0] version (present in v3), serialNumber, signature, issuer, …
    const offset = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
    const serial = tbs[offset];
    const issuer = tbs[offset + 2];
    const attributes = [
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.messageDigest, octets(createHash('sha256').update(pdf).digest())),
      attribute(
        OID.signingCertificateV2,
        // SigningCertificateV2 ::= SEQ { SEQ OF ESSCertIDv2 }; ESSCertIDv2 with the default hash (SHA-256) omits it.
        seq([seq([seq([octets(createHash('sha256').update(signerCert).digest())])])]),
      ),
    ];
    // DER orders a SET OF by the encodings of its members; verifiers encode it again that way before checking.
    attributes.sort((a, b) => Buffer.compare(der(a), der(b)));
    const signedAttributes = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attributes);
    const toSign = der(signedAttributes);
    const signature = signBytes('sha256', toSign, this.key);
    const signerInfo = seq([
      integer(1),
      seq([issuer, serial]),
      algorithm(OID.sha256),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
      algorithm(OID.rsaEncryption),
      octets(signature),
    ]);
    const signedData = seq([
      integer(1),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [algorithm(OID.sha256)]),
      seq([oid(OID.data)]),
      asn1.create(
        asn1.Class.CONTEXT_SPECIFIC,
        0,
        true,
        this.certificates.map((der) => asn1.fromDer(der.toString('binary'))),
      ),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [signerInfo]),
    ]);
    const contentInfo = seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
    return Buffer.from(asn1.toDer(contentInfo).getBytes(), 'binary');
  }
}

function der(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

function seq(value: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
}

function oid(id: string): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
}

function octets(bytes: Buffer): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
}

function integer(value: number): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
}

function algorithm(id: string): forge.asn1.Asn1 {
  return seq([oid(id), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]);
}

function attribute(type: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return seq([oid(type), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [value])]);
}
