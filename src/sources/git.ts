/**
 * A FileSet of a commit in a local repository, read from the object database only: `ls-tree` to
 * list, one `cat-file --batch` child to read. The work tree and the index are never touched, so a
 * scan of the base ref can run while the checkout holds the head.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CatFileBatch } from './catfile.js';
import type { FileEntry, FileSet } from './fileset.js';
import { byPath, excludeMatcher, resolveLinkTarget, safeRelativePath } from './paths.js';

const execFileAsync = promisify(execFile);

/** Symlink chains longer than this are treated as unresolvable (and cycles end here too). */
const MAX_LINK_HOPS = 8;

/** Runs git with an argument array (never a shell) and returns stdout; the error says what git said. */
async function git(repoDir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd: repoDir, maxBuffer: 1024 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`git ${args[0]} failed in ${repoDir}: ${stderr || (error as Error).message}`);
  }
}

/** The commit sha a ref names; refs that look like options are refused before git sees them. */
export async function resolveCommit(repoDir: string, ref: string): Promise<string> {
  if (ref === '' || ref.startsWith('-')) throw new Error(`invalid git ref "${ref}"`);
  try {
    return (await git(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new Error(`git ref "${ref}" does not name a commit in ${repoDir}`);
  }
}

export async function gitRepoRoot(dir: string): Promise<string> {
  try {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new Error(`${dir} is not inside a git work tree`);
  }
}

/**
 * Repository-relative paths that differ between a commit and another commit, or the work tree
 * when `headRef` is undefined (git compares by the index's stat data: unchanged files are not
 * read again); a rename counts as its old and its new path; `folder` limits the comparison.
 */
export async function changedPaths(repoDir: string, baseRef: string, headRef?: string, folder?: string): Promise<string[]> {
  const [base, head] = await Promise.all([resolveCommit(repoDir, baseRef), headRef === undefined ? undefined : resolveCommit(repoDir, headRef)]);
  // --no-ext-diff / --no-textconv / no fsmonitor: the repository's config must not get to run programs.
  const out = await git(repoDir, [
    '-c',
    'core.fsmonitor=false',
    'diff',
    '--name-only',
    '-z',
    '--no-renames',
    '--no-relative',
    '--no-ext-diff',
    '--no-textconv',
    base,
    ...(head ? [head] : []),
    '--',
    ...(folder ? [`:(literal)${safeRelativePath(folder)}`] : []),
  ]);
  return out.split('\0').filter((path) => path !== '');
}

interface TreeEntry {
  mode: string;
  sha: string;
  size: number;
  path: string;
}

/** Parses `git ls-tree -r -l -z` records: `<mode> <type> <sha> <padded size>\t<path>\0`. */
function parseTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, , sha, size] = record.slice(0, tab).split(/ +/);
    if (mode === undefined || sha === undefined) continue;
    entries.push({ mode, sha, size: size === '-' || size === undefined ? 0 : Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}

export interface GitOptions {
  /** Globs of paths (relative to `pathPrefix` when given) never listed. */
  exclude?: string[];
  /** Lists only this folder of the repository, with paths relative to it. */
  pathPrefix?: string;
}

export async function gitFileSet(repoDir: string, ref: string, options: GitOptions = {}): Promise<FileSet> {
  const commit = await resolveCommit(repoDir, ref);
  const prefix = options.pathPrefix ? `${safeRelativePath(options.pathPrefix)}/` : '';
  const isExcluded = excludeMatcher(options.exclude);
  let batch: CatFileBatch | undefined;
  let closed = false;
  let listing: Promise<Map<string, FileEntry>> | undefined;

  function readObjects(names: string[]): Promise<Buffer | Error>[] {
    if (closed) return names.map(async () => new Error('git file set is closed'));
    batch ??= new CatFileBatch(repoDir);
    return batch.fetch(names);
  }

  /** Follows in-tree links to the file they end at, so `versions.tf -> ../common/versions.tf` is read like a file. */
  async function resolveLinks(entries: Map<string, FileEntry>, links: Map<string, string>): Promise<void> {
    const shas = [...links.values()];
    const targets = await Promise.all(readObjects(shas));
    const targetOf = new Map([...links.keys()].map((path, i) => [path, targets[i]]));
    for (const path of links.keys()) {
      let current = path;
      let resolved: FileEntry | undefined;
      for (let hop = 0; hop < MAX_LINK_HOPS && !resolved; hop++) {
        const target = targetOf.get(current);
        if (!(target instanceof Buffer)) break;
        const next = resolveLinkTarget(current, target.toString('utf8'));
        if (next === undefined) break;
        if (links.has(next)) current = next;
        else resolved = entries.get(next);
      }
      if (resolved?.kind === 'file') entries.set(path, { ...resolved, path });
    }
  }

  async function loadListing(): Promise<Map<string, FileEntry>> {
    const args = ['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-tree', commit];
    const tree = parseTree(await git(repoDir, prefix ? [...args, '--', prefix] : args));
    const entries = new Map<string, FileEntry>();
    const links = new Map<string, string>();
    for (const item of tree) {
      if (!item.path.startsWith(prefix)) continue;
      const path = item.path.slice(prefix.length);
      if (isExcluded(path)) continue;
      const kind = item.mode === '120000' ? 'symlink' : item.mode === '160000' ? 'submodule' : 'file';
      entries.set(path, { path, size: item.size, kind, sha: item.sha });
      if (kind === 'symlink') links.set(path, item.sha);
    }
    if (links.size > 0) await resolveLinks(entries, links);
    return entries;
  }

  const getListing = () => (listing ??= loadListing());

  async function readMany(paths: string[]): Promise<Map<string, Buffer | Error>> {
    const entries = await getListing();
    const results = new Map<string, Buffer | Error>();
    const wanted: { path: string; sha: string }[] = [];
    for (const path of paths) {
      const entry = entries.get(path);
      if (!entry) results.set(path, new Error(`no file "${path}" at ${ref}`));
      else if (entry.kind !== 'file' || !entry.sha) results.set(path, new Error(`"${path}" is a ${entry.kind}, not a file`));
      else wanted.push({ path, sha: entry.sha });
    }
    // Asked by blob sha, not `<commit>:<path>`: any file name is safe on the line-based protocol.
    const contents = await Promise.all(readObjects(wanted.map((item) => item.sha)));
    for (const [i, item] of wanted.entries()) results.set(item.path, contents[i] ?? new Error('no answer from git'));
    return results;
  }

  async function read(path: string): Promise<Buffer> {
    const result = (await readMany([path])).get(path);
    if (result instanceof Buffer) return result;
    throw result ?? new Error(`no file "${path}" at ${ref}`);
  }

  return {
    label: `${prefix || './'} at ${commit.slice(0, 12)} (${ref})`,
    list: async () => [...(await getListing()).values()].sort(byPath),
    read,
    readMany,
    close: async () => {
      closed = true;
      await batch?.close();
    },
  };
}
