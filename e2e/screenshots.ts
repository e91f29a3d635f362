// Where a test's screenshot goes: UPDATE_SCREENSHOTS=1 rewrites the images in docs/screenshots (shown in the README);
// otherwise they go to the test's output folder, so `npm test` never edits tracked files.
import { readFile } from 'node:fs/promises';
import { test } from '@playwright/test';

export const shotPath = (name: string): string => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name));

/** A PNG's width and height, from its IHDR chunk. */
export async function pngSize(path: string): Promise<[number, number]> {
  const png = await readFile(path);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}
