import type { Orientation } from '../kinds/document-plan.js';

// Decree 30/2020, Appendix I: top and bottom 20–25 mm, left 30–35 mm (the binding side), right 15–20 mm.
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export const PT_PER_MM = 72 / 25.4;

// The verification stamp (footer line and QR code) stands on a band just inside the bottom margin, so that no mark is
// printed in the margins; the text of the page ends above the band.
export const QR_SIZE_MM = 12;
export const STAMP_BAND_MM = QR_SIZE_MM + 2;

// Chromium sets justified lines flush with the text box, but the glyph advances written into the PDF end up to about
// half a millimetre further right: the text box stops 1 mm short of the right margin so that no glyph enters it.
const JUSTIFY_SLACK_MM = 1;

export function pdfMargins(): { top: string; bottom: string; left: string; right: string } {
  return {
    top: `${MARGINS_MM.top}mm`,
    bottom: `${MARGINS_MM.bottom + STAMP_BAND_MM}mm`,
    left: `${MARGINS_MM.left}mm`,
    right: `${MARGINS_MM.right + JUSTIFY_SLACK_MM}mm`,
  };
}

export function isLandscape(orientation: Orientation): boolean {
  return orientation === 'landscape';
}
