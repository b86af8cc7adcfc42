export type Orientation = 'portrait' | 'landscape';

// One part of a document rendered with one template and one page orientation. A section with `rows` holds a long
// table: its rows are cut into chunks and each chunk is rendered on its own, with `chunk.first` / `chunk.last` telling
// the template whether to print what comes before and after the table.
export interface DocumentSection {
  template: string;
  orientation: Orientation;
  context: Record<string, unknown>;
  rows: { key: string; items: unknown[] } | null;
}

export interface DocumentPlan {
  kind: string;
  number: string;
  title: string;
  snapshotHash: string;
  sections: DocumentSection[];
}

export interface ChunkPosition {
  first: boolean;
  last: boolean;
}
