import type { ChunkPosition, DocumentPlan, Orientation } from '../kinds/document-plan.js';

export interface RenderChunk {
  template: string;
  orientation: Orientation;
  context: Record<string, unknown>;
}

// Cuts every section with a long table into chunks of at most `chunkSize` rows. Each chunk renders on its own, so the
// browser never lays out more than a chunk at a time (one-piece layout of a national list grows without bound).
export function chunkPlan(plan: DocumentPlan, chunkSize: number): RenderChunk[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new Error(`Chunk size must be a positive integer, got ${chunkSize}`);
  const chunks: RenderChunk[] = [];
  for (const section of plan.sections) {
    if (!section.rows) {
      chunks.push({
        template: section.template,
        orientation: section.orientation,
        context: { ...section.context, chunk: position(0, 1) },
      });
      continue;
    }
    const items = section.rows.items;
    const count = Math.max(1, Math.ceil(items.length / chunkSize));
    for (let index = 0; index < count; index += 1) {
      const slice = items.slice(index * chunkSize, (index + 1) * chunkSize);
      const keep = index === count - 1 ? Math.min(section.rows.keepWithClosing, slice.length) : 0;
      chunks.push({
        template: section.template,
        orientation: section.orientation,
        context: {
          ...section.context,
          [section.rows.key]: slice.slice(0, slice.length - keep),
          tail: slice.slice(slice.length - keep),
          chunk: position(index, count),
        },
      });
    }
  }
  return chunks;
}

function position(index: number, count: number): ChunkPosition {
  return { first: index === 0, last: index === count - 1 };
}
