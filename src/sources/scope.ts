/**
 * A change's scope for sources on this machine (git commits, the work tree, two folders): which
 * paths differ between the sides (by git blob sha where the listing has one, else by content),
 * then the dependency closure the App uses (`resolveAffected`: local modules, Terragrunt
 * dependencies, `file()` reads, callers of a changed module, stacks paired by exports), then both
 * sides narrowed to the affected files. `all` keeps every file (`--all`).
 */
import { createHash } from 'node:crypto';
import picomatch from 'picomatch';
import type { Config } from '../config/schema.js';
import { resolveAffected, unitOf } from './affected.js';
import type { FileEntry, FileSet } from './fileset.js';
import { isCandidatePath, readBatches } from './load.js';

/** Reading local files is cheap: the reverse-dependency search may read this many (the App's bound is 1,000 API-fetched files). */
export const LOCAL_MAX_SCAN_FILES = 100_000;

export interface ChangeScope {
  /** `affected`: only the units the change can affect are analysed; `all`: every unit (`--all`). */
  mode: 'affected' | 'all';
  /** Candidate paths that differ between the sides (`affected` mode only), sorted. */
  changed: string[];
  /** The units analysed (`terraform:<dir>`, `file:<path>`), sorted. */
  units: string[];
  /** Units of both sides together. */
  totalUnits: number;
  /** Candidate files analysed (both sides together), of how many. */
  files: number;
  totalFiles: number;
  /** What the closure could not follow (scan bounds, fetch rounds). */
  notes: string[];
}

export interface NarrowOptions {
  /** The files a review may load (candidate names, not excluded). */
  wanted: (path: string) => boolean;
  /** Files always loaded (the config's SCP paths). */
  alwaysInclude?: (path: string) => boolean;
  /** Reverse-dependency search bound (default LOCAL_MAX_SCAN_FILES). */
  maxScanFiles?: number;
  /** Review every unit, not only the affected ones. */
  all?: boolean;
  /**
   * The paths that differ, as git reports them for a commit against the work tree: a file
   * listed on both sides and not in it is the same (nothing is read to tell).
   */
  differs?: ReadonlySet<string>;
}

export interface NarrowedChange {
  base: FileSet;
  head: FileSet;
  scope: ChangeScope;
}

/** Both sides restricted to the files the change can affect (or left whole with `all`), and what that scope is. */
export async function narrowToChange(base: FileSet, head: FileSet, options: NarrowOptions): Promise<NarrowedChange> {
  const [baseList, headList] = await Promise.all([base.list(), head.list()]);
  const candidates = [...new Set([...baseList, ...headList].map((e) => e.path).filter(options.wanted))].sort();
  const totalUnits = new Set(candidates.map(unitOf)).size;
  if (options.all) {
    const scope: ChangeScope = {
      mode: 'all',
      changed: [],
      units: [...new Set(candidates.map(unitOf))].sort(),
      totalUnits,
      files: candidates.length,
      totalFiles: candidates.length,
      notes: [],
    };
    return { base, head, scope };
  }
  const wantedBase = baseList.filter((e) => options.wanted(e.path));
  const wantedHead = headList.filter((e) => options.wanted(e.path));
  const changed = await changedBetween(base, head, wantedBase, wantedHead, options.differs);
  const baseEntries = new Map(wantedBase.map((e) => [e.path, e]));
  const headEntries = new Map(wantedHead.map((e) => [e.path, e]));
  const read = async (paths: string[]): Promise<Map<string, string[]>> => {
    const texts = new Map<string, string[]>(paths.map((path) => [path, []]));
    for (const [side, entries] of [
      [base, baseEntries],
      [head, headEntries],
    ] as const) {
      const listed = paths.flatMap((path) => (entries.get(path)?.kind === 'file' ? [entries.get(path)!] : []));
      for await (const contents of readBatches(side, listed)) {
        for (const [path, content] of contents) {
          if (!(content instanceof Buffer)) continue;
          const text = content.toString('utf8');
          const known = texts.get(path)!;
          if (!known.includes(text)) known.push(text);
        }
      }
    }
    return texts;
  };
  const affected = await resolveAffected(changed, candidates, read, {
    maxScanFiles: options.maxScanFiles ?? LOCAL_MAX_SCAN_FILES,
    ...(options.alwaysInclude ? { alwaysInclude: options.alwaysInclude } : {}),
  });
  const only = new Set(affected.paths);
  const units = affected.units.includes('all') ? [...new Set(candidates.map(unitOf))].sort() : affected.units;
  const scope: ChangeScope = { mode: 'affected', changed, units, totalUnits, files: only.size, totalFiles: candidates.length, notes: affected.notes };
  return { base: narrowed(base, only), head: narrowed(head, only), scope };
}

/** `narrowToChange` with the filters a review applies: candidate names not excluded by the config, its SCP paths always loaded. */
export function narrowForReview(
  base: FileSet,
  head: FileSet,
  config: Pick<Config, 'exclude' | 'policies'>,
  options: Pick<NarrowOptions, 'all' | 'differs'> = {},
): Promise<NarrowedChange> {
  const excluded = picomatch(config.exclude, { dot: true });
  return narrowToChange(base, head, {
    ...options,
    wanted: (path) => isCandidatePath(path) && !excluded(path),
    alwaysInclude: picomatch(config.policies.scpPaths, { dot: true }),
  });
}

/** A FileSet that lists only `only` (reads go to the source as before). */
export function narrowed(files: FileSet, only: ReadonlySet<string>): FileSet {
  const set: FileSet = { label: files.label, list: async () => (await files.list()).filter((e) => only.has(e.path)), read: (path) => files.read(path) };
  if (files.readMany) set.readMany = (paths) => files.readMany!(paths);
  if (files.close) set.close = () => files.close!();
  return set;
}

/** Git's object id of a blob (sha-1, or sha-256 for a repository in that format). */
function blobId(content: Buffer, like: string): string {
  return createHash(like.length === 64 ? 'sha256' : 'sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}

/**
 * Paths listed on one side only, or whose contents differ: compared by sha when both listings
 * have one (two commits: nothing read), by git's own answer when given (`differs`), by hashing
 * the other side's file like git when one has a sha (a commit against the work tree), else by
 * size and then bytes. A file that cannot be read counts as changed: the review then looks at it
 * rather than skipping it.
 */
export async function changedBetween(
  base: FileSet,
  head: FileSet,
  baseList: readonly FileEntry[],
  headList: readonly FileEntry[],
  differs?: ReadonlySet<string>,
): Promise<string[]> {
  const baseBy = new Map(baseList.map((e) => [e.path, e]));
  const changed = new Set<string>();
  const hash: { side: FileSet; entry: FileEntry; sha: string }[] = [];
  const compare: FileEntry[] = [];
  for (const h of headList) {
    const b = baseBy.get(h.path);
    baseBy.delete(h.path);
    if (!b || b.kind !== h.kind) changed.add(h.path);
    else if (b.sha && h.sha) {
      if (b.sha !== h.sha) changed.add(h.path);
    } else if (differs) {
      if (differs.has(h.path)) changed.add(h.path);
    } else if (b.size !== h.size) changed.add(h.path);
    else if (h.kind !== 'file')
      continue; // a link or submodule is never read: the same entry both sides
    else if (b.sha) hash.push({ side: head, entry: h, sha: b.sha });
    else if (h.sha) hash.push({ side: base, entry: b, sha: h.sha });
    else compare.push(h);
  }
  for (const path of baseBy.keys()) changed.add(path);
  for (const side of [base, head]) {
    const mine = hash.filter((item) => item.side === side);
    const shaOf = new Map(mine.map((item) => [item.entry.path, item.sha]));
    for await (const contents of readBatches(
      side,
      mine.map((item) => item.entry),
    )) {
      for (const [path, content] of contents) {
        const sha = shaOf.get(path)!;
        if (!(content instanceof Buffer) || blobId(content, sha) !== sha) changed.add(path);
      }
    }
  }
  const baseContents = readBatches(base, compare);
  for await (const theirs of readBatches(head, compare)) {
    const ours = (await baseContents.next()).value as Map<string, Buffer | Error>;
    for (const [path, content] of theirs) {
      const before = ours.get(path);
      if (!(content instanceof Buffer) || !(before instanceof Buffer) || !content.equals(before)) changed.add(path);
    }
  }
  return [...changed].sort();
}
