import { randomBytes } from 'node:crypto';
import type { DossierRows, Row } from '../../src/dossiers/dossier-rows.js';

// Time-ordered ids (UUID version 7: milliseconds, then a per-batch random part, then a counter) replace the random
// ones of a synthetic batch, so each of the 25 primary-key and dossier_id indexes grows at its right edge instead of
// splitting pages all over a tree of millions of rows.
export class OrderedIds {
  private counter = 0;
  private readonly prefix: string;

  constructor(batchIndex: number) {
    const ms = Date.now().toString(16).padStart(12, '0');
    const random = randomBytes(3).toString('hex');
    const variant = (8 | (parseInt(random[5], 16) & 3)).toString(16);
    this.prefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7${random.slice(0, 3)}-${variant}${(batchIndex & 0xfff).toString(16).padStart(3, '0')}-`;
  }

  next(): string {
    return this.prefix + (this.counter++).toString(16).padStart(12, '0');
  }

  // Renumbers every row's id in table order and rewrites the columns that point at them.
  renumber(rows: DossierRows): void {
    const map = new Map<unknown, string>();
    const lists = Object.values(rows) as Row[][];
    for (const list of lists) {
      for (const row of list) {
        if (row.id === undefined) continue;
        const id = this.next();
        map.set(row.id, id);
        row.id = id;
      }
    }
    for (const list of lists) {
      for (const row of list) {
        if (row.dossier_id !== undefined) row.dossier_id = map.get(row.dossier_id);
        if (row.judgment_id !== undefined) row.judgment_id = map.get(row.judgment_id);
        if (row.obligation_id !== undefined) row.obligation_id = map.get(row.obligation_id);
        if (row.owner_id !== undefined && row.owner_id !== null) row.owner_id = map.get(row.owner_id);
      }
    }
  }
}
