/** Files of a folder on disk, for tests that feed a generated or fixture tree to the parsers. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../../src/model/source.js';

/** Every file below `dir`, absolute, depth first with each folder's entries sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** Every file below `dir` as a `SourceFile` with its `/`-separated relative path, sorted by path. */
export function sourceFilesUnder(dir: string): SourceFile[] {
  return filesUnder(dir)
    .map((abs) => {
      const text = readFileSync(abs, 'utf8');
      return { path: relative(dir, abs).replace(/\\/g, '/'), text, size: Buffer.byteLength(text) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
