import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Raster } from './rasterize.js';

// Page 1 and the last page of a document at 36 dpi (scale 0.5), the resolution the golden pictures are kept at.
export const LOOK_SCALE = 0.5;

// The pages to draw for a document's look: page 1 and the last page.
export function lookPages(pageCount: number): number[] {
  return [...new Set([1, pageCount])];
}

// Golden images: each page against its committed picture; a few per cent of differing pixels is the tolerance for
// anti-aliasing. UPDATE_GOLDEN=1 writes new pictures after a deliberate change; on CI a missing picture fails.
export function expectLooksAsApproved(pictures: { file: string; raster: Raster }[]): void {
  for (const { file, raster } of pictures) {
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      if (process.env.CI) throw new Error(`Golden image ${file} is missing`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, PNG.sync.write(toPng(raster)));
      continue;
    }
    const golden = PNG.sync.read(readFileSync(file));
    expect([file, raster.width, raster.height]).toEqual([file, golden.width, golden.height]);
    const differing = pixelmatch(golden.data, toPng(raster).data, undefined, raster.width, raster.height, {
      threshold: 0.2,
    });
    expect({ file, share: differing / (raster.width * raster.height) < 0.02 }).toEqual({ file, share: true });
  }
}

function toPng(raster: Raster): PNG {
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data = Buffer.from(raster.data);
  return png;
}
