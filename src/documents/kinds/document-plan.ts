export type Orientation = 'portrait' | 'landscape';

// One part of a document rendered with one template and one page orientation. A section with `rows` holds a long
// table: its rows are cut into chunks and each chunk is rendered on its own, with `chunk.first` / `chunk.last` telling
// the template whether to print what comes before and after the table. The last chunk hands its final
// `keepWithClosing` rows to the template as `tail` (every other chunk gets an empty `tail`), so that the template can
// keep them on one page with the closing paragraphs and signatures.
export interface DocumentSection {
  template: string;
  orientation: Orientation;
  context: Record<string, unknown>;
  rows: { key: string; items: unknown[]; keepWithClosing: number } | null;
}

export interface DocumentPlan {
  kind: string;
  number: string;
  title: string;
  snapshotHash: string;
  // Whether pages after the first carry their number in the top margin (Decree 30/2020).
  pageNumbers: boolean;
  sections: DocumentSection[];
}

export interface ChunkPosition {
  first: boolean;
  last: boolean;
}
