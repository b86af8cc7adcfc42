import type { PDFOperator } from 'pdf-lib';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingGrayscaleColor } from 'pdf-lib';
import QRCode from 'qrcode';

// A QR code drawn as vector rectangles (one per run of dark modules in a row), so it is sharp at any zoom, costs a few
// kilobytes, and is byte-for-byte the same each time the same address is drawn. Level M survives a crease or a stain.
export function qrOperators(text: string, at: { x: number; y: number; size: number }): PDFOperator[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const unit = at.size / count;
  const operators: PDFOperator[] = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (let row = 0; row < count; row += 1) {
    let start = -1;
    for (let column = 0; column <= count; column += 1) {
      const dark = column < count && modules.get(row, column) === 1;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        // PDF's y axis points up: the code's first row is drawn at the top of its square.
        const y = at.y + at.size - (row + 1) * unit;
        operators.push(rectangle(at.x + start * unit, y, (column - start) * unit, unit));
        start = -1;
      }
    }
  }
  operators.push(fill(), popGraphicsState());
  return operators;
}
