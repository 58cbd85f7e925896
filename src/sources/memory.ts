/** A FileSet over in-memory contents: tests, and sources that already hold the bytes. */
import type { FileEntry, FileSet } from './fileset.js';
import { byPath } from './paths.js';

export function memoryFileSet(files: Record<string, string | Buffer>, label = 'memory'): FileSet {
  const contents = new Map(Object.entries(files).map(([path, body]) => [path, typeof body === 'string' ? Buffer.from(body) : body]));
  return {
    label,
    async list(): Promise<FileEntry[]> {
      return [...contents].map(([path, body]) => ({ path, size: body.length, kind: 'file' as const })).sort(byPath);
    },
    async read(path: string): Promise<Buffer> {
      const body = contents.get(path);
      if (!body) throw new Error(`no such file: ${path}`);
      return body;
    },
  };
}
