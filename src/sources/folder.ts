/** A FileSet over a folder on disk: no shelling out, no following links out of the root. */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { FileEntry, FileSet } from './fileset.js';
import { byPath, excludeMatcher, safeRelativePath } from './paths.js';

export interface FolderOptions {
  /** Globs of relative paths never listed (a matching folder is not walked at all). */
  exclude?: string[];
}

export function folderFileSet(root: string, options: FolderOptions = {}): FileSet {
  const absoluteRoot = resolve(root);
  const isExcluded = excludeMatcher(options.exclude);
  // Resolved once: the root itself may be reached through a symlink (macOS /tmp, for one).
  let realRoot: Promise<string> | undefined;
  const getRealRoot = () => (realRoot ??= realpath(absoluteRoot));

  const isInside = (real: string, top: string) => real === top || real.startsWith(top + sep);

  /** A symlink is a file when it resolves to a regular file inside the root; anything else is reported as a link. */
  async function describeLink(absolute: string, path: string, top: string): Promise<FileEntry> {
    try {
      const real = await realpath(absolute);
      if (isInside(real, top)) {
        const target = await stat(real);
        if (target.isFile()) return { path, size: target.size, kind: 'file' };
      }
    } catch {
      // A dangling link: reported like an escaping one.
    }
    return { path, size: (await lstat(absolute)).size, kind: 'symlink' };
  }

  async function list(): Promise<FileEntry[]> {
    const top = await getRealRoot();
    const entries: FileEntry[] = [];
    const pending = [''];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
      const children = await readdir(join(absoluteRoot, dir), { withFileTypes: true });
      const described = await Promise.all(
        children.map(async (child): Promise<FileEntry | undefined> => {
          const path = dir === '' ? child.name : `${dir}/${child.name}`;
          if (isExcluded(path)) return undefined;
          const absolute = join(absoluteRoot, path);
          if (child.isDirectory()) {
            pending.push(path);
            return undefined;
          }
          if (child.isSymbolicLink()) return describeLink(absolute, path, top);
          if (child.isFile()) return { path, size: lstatSync(absolute).size, kind: 'file' };
          return undefined; // sockets, FIFOs, devices: nothing a parser could want
        }),
      );
      for (const entry of described) if (entry) entries.push(entry);
    }
    return entries.sort(byPath);
  }

  /**
   * One file's bytes, or why not. Synchronous on purpose: for thousands of small files, a
   * thread-pool round trip per realpath, open, stat, read and close costs several times the reads.
   */
  function readInside(path: string, top: string): Buffer | Error {
    try {
      const absolute = join(absoluteRoot, safeRelativePath(path));
      // Checked again at read time: a link listed as a file could have been swapped since.
      const real = realpathSync.native(absolute);
      if (!isInside(real, top)) return new Error(`refusing "${path}": it resolves outside ${absoluteRoot}`);
      return readFileSync(real);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  async function read(path: string): Promise<Buffer> {
    const content = readInside(path, await getRealRoot());
    if (content instanceof Error) throw content;
    return content;
  }

  async function readMany(paths: string[]): Promise<Map<string, Buffer | Error>> {
    const top = await getRealRoot();
    return new Map(paths.map((path) => [path, readInside(path, top)]));
  }

  return { label: absoluteRoot, list, read, readMany };
}
