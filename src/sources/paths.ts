/** Path rules shared by every source: relative `/` paths that can never leave the root. */
import { posix } from 'node:path';
import picomatch from 'picomatch';

/**
 * Normalises a relative path and throws when it is absolute or climbs out of the root, so no
 * caller can be talked into reading `../../etc/passwd`.
 */
export function safeRelativePath(path: string): string {
  const slashed = path.replaceAll('\\', '/');
  if (slashed === '' || slashed.includes('\0') || posix.isAbsolute(slashed) || /^[A-Za-z]:/.test(slashed)) {
    throw new Error(`refusing path "${path}": not a relative path`);
  }
  const normal = posix.normalize(slashed);
  if (normal === '..' || normal.startsWith('../') || normal === '.') {
    throw new Error(`refusing path "${path}": it leaves the scanned tree`);
  }
  return normal.replace(/\/$/, '');
}

/** Where a symlink at `linkPath` with the given target points, or undefined when that is outside the root. */
export function resolveLinkTarget(linkPath: string, target: string): string | undefined {
  if (posix.isAbsolute(target)) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(linkPath), target));
  return joined === '..' || joined.startsWith('../') || joined === '.' ? undefined : joined;
}

/** A predicate for the `exclude` globs; `dot` so that `**` also walks through `.github/` and friends. */
export function excludeMatcher(globs: readonly string[] = []): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: true });
}

/** Plain code-unit order: the same on every machine, unlike `localeCompare`. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
