import { randomBytes } from 'node:crypto';

// Time-ordered ids (UUID version 7: milliseconds, then a per-batch random part, then a counter) for every row of a
// synthetic batch, so each of the 25 primary-key and dossier_id indexes grows at its right edge instead of splitting
// pages all over a tree of millions of rows. Handed out as the rows are built: renumbering them afterwards (a map
// from random ids to ordered ones, every reference rewritten) was a tenth of the generator's time.
export class OrderedIds {
  private counter = 0;
  private readonly prefix: string;

  constructor(batchIndex: number) {
    const ms = Date.now().toString(16).padStart(12, '0');
    const random = randomBytes(3).toString('hex');
    const variant = (8 | (parseInt(random[5], 16) & 3)).toString(16);
    this.prefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7${random.slice(0, 3)}-${variant}${(batchIndex & 0xfff).toString(16).padStart(3, '0')}-`;
  }

  // A bound function, handed to addDossierRows as its id source.
  readonly next = (): string => this.prefix + (this.counter++).toString(16).padStart(12, '0');
}
