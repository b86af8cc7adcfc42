import type { ExtractedPage } from './pdf-text.js';

const MM = 72 / 25.4;

// Row numbers printed in the STT column (the first 9 mm of the text area): one per person row.
export function rowNumbersOnPage(page: ExtractedPage): number[] {
  return page.items
    .filter((item) => item.x >= 30 * MM - 2 && item.x <= 39 * MM && /^\d+$/.test(item.text.trim()))
    .filter((item) => item.y < page.height - 20 * MM && item.y > 20 * MM)
    .map((item) => Number(item.text.trim()));
}

export function residenceToken(order: number): string {
  return `HK${String(order).padStart(5, '0')}`;
}
