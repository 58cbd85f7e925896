/**
 * The one interface every source of files implements (a folder, a git ref, later GitHub), so the
 * loader and everything after it never know where the bytes came from.
 */

export interface FileEntry {
  /** Relative to the source's root, with `/` separators. */
  path: string;
  /** Bytes, as listed; the loader decides from it whether a file may be read at all. */
  size: number;
  /**
   * `symlink` means a link that does not resolve to a file inside the tree (it escapes, dangles or
   * names a directory); links to files inside the tree are listed as the file they point to.
   */
  kind: 'file' | 'symlink' | 'submodule';
  /** Git blob sha when known: a content cache key. */
  sha?: string;
}

export interface FileSet {
  /** Human-readable origin, e.g. `infra/ at 3f2a9c1 (main)`. */
  label: string;
  /** Every entry, sorted by path. */
  list(): Promise<FileEntry[]>;
  read(path: string): Promise<Buffer>;
  /** Reads many files in one round trip; a file that cannot be read is an `Error` for that path only. */
  readMany?(paths: string[]): Promise<Map<string, Buffer | Error>>;
  /** Releases what the source holds open (a child process, a connection). */
  close?(): Promise<void>;
}
