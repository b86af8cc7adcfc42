import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import {
  closePath,
  lineTo,
  moveTo,
  PDFArray,
  PDFDict,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  type PDFDocument,
  type PDFOperator,
} from 'pdf-lib';
import { formatDateTime } from '../format/print-format.js';
import type { StampFonts } from '../pdf/stamp-fonts.js';
import { CmsSigner } from './cms-signer.js';
import type { SignatureBox } from './signature-mark.js';
import type { SigningIdentity } from './signing-identity.js';

export interface PdfSignRequest {
  identity: SigningIdentity;
  signingTime: Date;
  reason: string;
  location: string;
}

// Room for the CMS signature (hex-encoded in the file): a 2048- or 4096-bit key with a chain of a few certificates.
const SIGNATURE_BYTES = 16_384;
const LINE_SIZE = 8;
const PADDING = 4;
const FRAME = { r: 0.75, g: 0.1, b: 0.1 };

// Adds a PAdES signature (ETSI.CAdES.detached) to an assembled document: the signature field's widget stands in the
// signature block's box with a visible appearance (who signed, when), the document is saved with the placeholder and
// the placeholder is filled with the unit's CMS signature over every byte but the signature itself.
export async function signAssembled(
  doc: PDFDocument,
  box: SignatureBox | null,
  fonts: StampFonts,
  request: PdfSignRequest,
): Promise<Uint8Array> {
  const page = doc.getPage(box?.page ?? doc.getPageCount() - 1);
  const rect = box?.rect ?? [0, 0, 0, 0];
  pdflibAddPlaceholder({
    pdfPage: page,
    reason: request.reason,
    contactInfo: '',
    name: request.identity.signerName,
    location: request.location,
    signingTime: request.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: rect,
    appName: 'amnesty-pipeline',
  });
  if (box) {
    const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
    const widget = annots.lookup(annots.size() - 1, PDFDict);
    const width = rect[2] - rect[0];
    const height = rect[3] - rect[1];
    const appearance = doc.context.formXObject(appearanceOperators(fonts, request, width, height), {
      BBox: [0, 0, width, height],
      Resources: { Font: fonts.fontResources() },
    });
    widget.set(PDFName.of('AP'), doc.context.obj({ N: doc.context.register(appearance) }));
  }
  const unsigned = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  const signer = new CmsSigner(request.identity.key, request.identity.certificates);
  return new Uint8Array(await new SignPdf().sign(Buffer.from(unsigned), signer, request.signingTime));
}

// A red frame with the lines Vietnamese signed documents show: the signer and the time of signing.
function appearanceOperators(fonts: StampFonts, request: PdfSignRequest, width: number, height: number): PDFOperator[] {
  const lines = [
    `Ký số bởi: ${request.identity.signerName}`,
    `Thời gian ký: ${formatDateTime(request.signingTime)}`,
    ...(request.identity.selfSigned ? ['Chứng thư số tự ký (thử nghiệm)'] : []),
  ];
  const widest = Math.max(...lines.map((line) => fonts.width(line, 1)));
  const size = Math.min(LINE_SIZE, (width - 2 * PADDING) / widest);
  const leading = size * 1.3;
  const top = height / 2 + (leading * lines.length) / 2 - size;
  return [
    pushGraphicsState(),
    setStrokingRgbColor(FRAME.r, FRAME.g, FRAME.b),
    setLineWidth(0.8),
    moveTo(0.5, 0.5),
    lineTo(width - 0.5, 0.5),
    lineTo(width - 0.5, height - 0.5),
    lineTo(0.5, height - 0.5),
    closePath(),
    stroke(),
    popGraphicsState(),
    ...lines.flatMap((line, index) => fonts.operators(line, { x: PADDING, y: top - index * leading, size })),
  ];
}
