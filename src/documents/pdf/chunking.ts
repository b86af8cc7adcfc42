import type { ChunkPosition, DocumentPlan, Orientation } from '../kinds/document-plan.js';

export interface RenderChunk {
  template: string;
  orientation: Orientation;
  context: Record<string, unknown>;
}

// Cuts every section with a long table into chunks of at most `chunkSize` rows. Each chunk renders on its own, so the
// browser never lays out more than a chunk at a time (one-piece layout of a national list grows without bound). The
// rows are shared out evenly: 260 lines in chunks of at most 250 make two chunks of 130, which render side by side in
// half the time, rather than 250 and a chunk of 10 that ends on a page of its own.
export function chunkPlan(plan: DocumentPlan, chunkSize: number): RenderChunk[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error(`Chunk size must be a positive integer, got ${chunkSize}`);
  const chunks: RenderChunk[] = [];
  for (const section of plan.sections) {
    if (!section.rows) {
      chunks.push({ template: section.template, orientation: section.orientation, context: { ...section.context, chunk: position(0, 1) } });
      continue;
    }
    const items = section.rows.items;
    const count = Math.max(1, Math.ceil(items.length / chunkSize));
    for (let index = 0; index < count; index += 1) {
      const slice = items.slice(Math.floor((index * items.length) / count), Math.floor(((index + 1) * items.length) / count));
      chunks.push({
        template: section.template,
        orientation: section.orientation,
        context: { ...section.context, [section.rows.key]: slice, chunk: position(index, count) },
      });
    }
  }
  return chunks;
}

function position(index: number, count: number): ChunkPosition {
  return { first: index === 0, last: index === count - 1 };
}
