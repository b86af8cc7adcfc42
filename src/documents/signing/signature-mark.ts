import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, type PDFPage } from 'pdf-lib';

// The address of the invisible link the signature block's template puts in the issuing signature's space.
export const SIGNATURE_BOX_URI = 'https://signature-box.invalid/';

export interface SignatureBox {
  // Zero-based page index in the assembled document.
  page: number;
  // [x1, y1, x2, y2] in PDF points.
  rect: [number, number, number, number];
}

// Takes the signature box mark off a page: returns its rectangle and removes the link with its objects, so the
// unsigned document carries no trace of it. A page without annotations costs one dictionary look-up.
export function takeSignatureMark(page: PDFPage): SignatureBox['rect'] | null {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return null;
  for (let index = 0; index < annots.size(); index += 1) {
    const annot = annots.lookupMaybe(index, PDFDict);
    const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict);
    const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString);
    if (!annot || !action || uri?.decodeText() !== SIGNATURE_BOX_URI) continue;
    const rect = annot
      .lookup(PDFName.of('Rect'), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber()) as SignatureBox['rect'];
    const context = page.doc.context;
    const entry = annots.get(index);
    const actionRef = annot.get(PDFName.of('A'));
    if (actionRef instanceof PDFRef) context.delete(actionRef);
    if (entry instanceof PDFRef) context.delete(entry);
    annots.remove(index);
    if (annots.size() === 0) page.node.delete(PDFName.of('Annots'));
    return rect;
  }
  return null;
}
