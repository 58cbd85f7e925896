/** Repo-relative, `/`-separated path arithmetic (no I/O, no platform separators). */

/** Joins and normalises; `..` above the scan root is kept so callers can see it escapes. */
export function joinPath(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

export function dirOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '.' : path.slice(0, at);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The path of `to` as seen from folder `from` (what Terraform's `path.module` reports). */
export function relativePath(from: string, to: string): string {
  const a = from === '.' ? [] : from.split('/');
  const b = to === '.' ? [] : to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  const rel = [...up, ...b.slice(common)].join('/');
  return rel === '' ? '.' : rel;
}

/** True when `path` is `folder` itself or inside it. */
export function isWithin(path: string, folder: string): boolean {
  return folder === '.' || path === folder || path.startsWith(`${folder}/`);
}

/** Ancestor folders of a folder, nearest first, ending with the scan root `.`. */
export function ancestorsOf(folder: string): string[] {
  const out: string[] = [];
  let current = folder;
  while (current !== '.') {
    current = dirOf(current);
    out.push(current);
  }
  return out;
}
