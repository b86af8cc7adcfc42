import type { Orientation } from '../kinds/document-plan.js';

// Decree 30/2020, Appendix I: top and bottom 20–25 mm, left 30–35 mm (the binding side), right 15–20 mm.
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export const PT_PER_MM = 72 / 25.4;

export function pdfMargins(): { top: string; bottom: string; left: string; right: string } {
  return {
    top: `${MARGINS_MM.top}mm`,
    bottom: `${MARGINS_MM.bottom}mm`,
    left: `${MARGINS_MM.left}mm`,
    right: `${MARGINS_MM.right}mm`,
  };
}

export function isLandscape(orientation: Orientation): boolean {
  return orientation === 'landscape';
}
