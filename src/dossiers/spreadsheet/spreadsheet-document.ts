import { formToDocument } from '../../web/dossier-form/form-convert.js';
import { setPath } from '../../web/dossier-form/paths.js';
import type { ReadDossier } from './spreadsheet-reader.js';

// What the nomination form's converter makes of the row, plus the fields only the workbook has.
export function toDocument(read: ReadDossier): Record<string, unknown> {
  const document = formToDocument(read.values);
  for (const { path, value } of read.extras) setAt(document, path, value);
  return document;
}

// Sets `path` ('judgments[0].offences[1].criminalCode') when the item it belongs to exists; terms given in part get
// their missing parts as zero, as the form does.
function setAt(document: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const itemDepth = parts.reduce((depth, part, i) => (/^\d+$/.test(part) ? i + 1 : depth), 0);
  let item: unknown = document;
  for (const part of parts.slice(0, itemDepth)) item = (item as Record<string, unknown> | undefined)?.[part];
  if (!item || typeof item !== 'object') return;
  const rest = parts.slice(itemDepth).join('.');
  setPath(item as Record<string, unknown>, rest, value);
  const term = /^(.*)\.(years|months|days)$/.exec(rest);
  if (term) {
    let owner: unknown = item;
    for (const part of term[1].split('.')) owner = (owner as Record<string, unknown>)[part];
    for (const unit of ['years', 'months', 'days']) ((owner as Record<string, unknown>)[unit] as unknown) ??= 0;
  }
}
