/**
 * A FileSet of a commit on GitHub, cheap and exact:
 * - listed with one recursive `git.getTree` (a commit sha is accepted as the tree-ish); when GitHub
 *   truncates the answer, the tree is walked folder by folder, non-recursively, only into folders
 *   `descend` accepts, within `maxTreeCalls` — and the file set says so in `notes`;
 * - read by blob sha through a `BlobCache` shared by base and head, so a blob is fetched once;
 * - blobs fetched in batches with GraphQL: `repository { b0: object(oid: "…") { ... on Blob { … } } … }`,
 *   up to 100 aliases and ~8 MB of expected content per query. GraphQL, not REST, because one
 *   query replaces up to 100 `git.getBlob` calls (a typical PR's blobs fit in one), the content
 *   comes as text instead of base64, and a missing object fails alone (null) instead of the batch.
 *   GraphQL gives text only: a blob whose `text` is truncated, or whose UTF-8 length differs from
 *   `byteSize` (not valid UTF-8), is re-read exactly with REST `git.getBlob` (8 at a time).
 *   A blob GitHub calls binary becomes an Error for that path ("binary file"); the loader reports it.
 * Submodules (tree entries of type `commit`) and symlinks that do not lead to a file in the tree are
 * listed with that kind; files over `maxFileBytes` are listed with their size and never fetched:
 * the loader turns all of these into located KMS000 notes. An in-tree symlink is listed as the file
 * it leads to (the FileSet contract), which costs one batch of link texts when there are any.
 */
import type { Octokit } from '@octokit/rest';
import { type Affected, resolveAffected, touchesIac } from './affected.js';
import type { ApiCallCounter } from './api-calls.js';
import { batchesBySize } from './batches.js';
import type { BlobCache, BlobContent } from './blob-cache.js';
import { type ChangedFile, changedPathsOf, compareTrees, listChangedFiles } from './changed-files.js';
import type { FileEntry, FileSet } from './fileset.js';
import { isCandidatePath } from './load.js';
import { byPath, resolveLinkTarget } from './paths.js';

/** What the GitHub source uses of an Octokit (`@octokit/rest`'s and `ProbotOctokit` both fit). */
export type GithubClient = Pick<Octokit, 'graphql' | 'hook'> & {
  rest: { git: Pick<Octokit['rest']['git'], 'getTree' | 'getBlob'>; pulls: Pick<Octokit['rest']['pulls'], 'listFiles'> };
};

export interface GithubRepo {
  owner: string;
  repo: string;
}

export interface GithubCommit extends GithubRepo {
  commitSha: string;
  /** The commit's root tree, when known; otherwise the commit sha is used as the tree-ish. */
  treeSha?: string;
}

export interface GithubFileSetOptions {
  cache: BlobCache;
  calls: ApiCallCounter;
  /** Files to list (default: all). */
  wanted?: (path: string) => boolean;
  maxFileBytes: number;
  /** Truncated trees only: folders to walk into (default: all). */
  descend?: (dir: string) => boolean;
  /** Truncated trees only: tree calls at most for the walk (default 500). */
  maxTreeCalls?: number;
}

export interface GithubFileSet extends FileSet {
  /** GitHub truncated the recursive tree, so it was walked folder by folder. */
  readonly truncated: boolean;
  /** What the listing could not do as asked (truncation, an incomplete walk). */
  readonly notes: readonly string[];
  /** The same listing and cache, listing only the files `wanted` accepts. */
  narrow(wanted: (path: string) => boolean): FileSet;
}

const GRAPHQL_MAX_ALIASES = 100;
const GRAPHQL_MAX_BYTES = 8 * 1024 * 1024;
const REST_CONCURRENCY = 8;
const TREE_CONCURRENCY = 8;
const DEFAULT_MAX_TREE_CALLS = 500;
const MAX_LINK_HOPS = 8;
const OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export interface BlobRef {
  sha: string;
  /** Expected bytes (from the tree), to bound a batch. */
  size: number;
}

interface GraphqlBlob {
  byteSize: number;
  isBinary: boolean | null;
  isTruncated: boolean;
  text: string | null;
}

/** The GraphQL document for one batch; shas are checked hex, so interpolating them is safe. */
export function blobQuery(shas: readonly string[]): string {
  const aliases = shas.map((sha, i) => `b${i}: object(oid: "${sha}") { ... on Blob { byteSize isBinary isTruncated text } }`);
  return `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${aliases.join(' ')} } }`;
}

function batchesOf(blobs: readonly BlobRef[]): BlobRef[][] {
  return batchesBySize(blobs, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_BYTES);
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Blobs being fetched, per cache: concurrent reads of base and head share one request. */
const inflight = new WeakMap<BlobCache, Map<string, Promise<BlobContent>>>();

/**
 * Contents by blob sha: the cache first, then GraphQL batches (REST for what GraphQL cannot give
 * exactly). Throws when a whole request fails (after the client's own retries): a review must not
 * go on with silently missing files; a single missing object is an Error for that sha only.
 */
export async function fetchBlobs(octokit: GithubClient, repo: GithubRepo, blobs: readonly BlobRef[], cache: BlobCache): Promise<Map<string, BlobContent>> {
  const pending = inflight.get(cache) ?? new Map<string, Promise<BlobContent>>();
  inflight.set(cache, pending);
  const results = new Map<string, BlobContent>();
  const waits: Promise<void>[] = [];
  const missing = new Map<string, BlobRef>();
  for (const blob of blobs) {
    if (results.has(blob.sha) || missing.has(blob.sha)) continue;
    const cached = cache.get(blob.sha);
    if (cached !== undefined) results.set(blob.sha, cached);
    else if (pending.has(blob.sha)) waits.push(pending.get(blob.sha)!.then((content) => void results.set(blob.sha, content)));
    else if (!OID.test(blob.sha)) results.set(blob.sha, new Error(`not a blob sha: ${JSON.stringify(blob.sha)}`));
    else missing.set(blob.sha, blob);
  }
  if (missing.size > 0) {
    const work = fetchMissing(octokit, repo, [...missing.values()]);
    for (const sha of missing.keys()) {
      const one = work.then((fetched) => fetched.get(sha) ?? new Error('not returned by GitHub'));
      pending.set(sha, one);
      one.catch(() => {}).finally(() => pending.delete(sha));
    }
    const fetched = await work;
    for (const [sha, content] of fetched) {
      cache.set(sha, content);
      results.set(sha, content);
    }
  }
  await Promise.all(waits);
  return results;
}

async function fetchMissing(octokit: GithubClient, repo: GithubRepo, blobs: BlobRef[]): Promise<Map<string, BlobContent>> {
  const results = new Map<string, BlobContent>();
  const viaRest: string[] = [];
  for (const batch of batchesOf(blobs)) {
    const shas = batch.map((blob) => blob.sha);
    const data = await graphqlBatch(octokit, repo, shas);
    for (const [i, sha] of shas.entries()) {
      const blob = data?.[`b${i}`];
      if (!blob) results.set(sha, new Error(`blob ${sha} not found in ${repo.owner}/${repo.repo}`));
      else if (blob.isBinary) results.set(sha, new Error('binary file'));
      else if (blob.text === null || blob.isTruncated || Buffer.byteLength(blob.text) !== blob.byteSize) viaRest.push(sha);
      else results.set(sha, Buffer.from(blob.text));
    }
  }
  await pool(viaRest, REST_CONCURRENCY, async (sha) => {
    const { data } = await octokit.rest.git.getBlob({ owner: repo.owner, repo: repo.repo, file_sha: sha });
    results.set(sha, Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'));
  });
  return results;
}

async function graphqlBatch(octokit: GithubClient, repo: GithubRepo, shas: string[]): Promise<Record<string, GraphqlBlob | null> | undefined> {
  try {
    const data = await octokit.graphql<{ repository: Record<string, GraphqlBlob | null> | null }>(blobQuery(shas), { owner: repo.owner, name: repo.repo });
    return data.repository ?? undefined;
  } catch (error) {
    // Partial answers (e.g. one oid that does not exist) come as errors with the data alongside.
    const partial = (error as { data?: { repository?: Record<string, GraphqlBlob | null> | null } }).data?.repository;
    if (partial) return partial;
    throw error;
  }
}

interface RawEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
  size?: number;
}

interface Listing {
  entries: RawEntry[];
  truncated: boolean;
  notes: string[];
}

async function listTree(octokit: GithubClient, ref: GithubCommit, options: GithubFileSetOptions): Promise<Listing> {
  const { owner, repo } = ref;
  const top = await octokit.rest.git.getTree({ owner, repo, tree_sha: ref.treeSha ?? ref.commitSha, recursive: 'true' });
  if (!top.data.truncated) return { entries: top.data.tree as RawEntry[], truncated: false, notes: [] };
  const descend = options.descend ?? (() => true);
  const maxCalls = options.maxTreeCalls ?? DEFAULT_MAX_TREE_CALLS;
  const entries: RawEntry[] = [];
  let level: { dir: string; sha: string }[] = [{ dir: '', sha: top.data.sha }];
  let calls = 0;
  let skipped = 0;
  let unwalked = 0;
  while (level.length > 0) {
    const next: { dir: string; sha: string }[] = [];
    const now = level.slice(0, Math.max(0, maxCalls - calls));
    unwalked += level.length - now.length;
    calls += now.length;
    await pool(now, TREE_CONCURRENCY, async ({ dir, sha }) => {
      const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: sha });
      for (const item of data.tree as RawEntry[]) {
        const path = dir ? `${dir}/${item.path}` : item.path;
        if (item.type !== 'tree') entries.push({ ...item, path });
        else if (descend(path)) next.push({ dir: path, sha: item.sha });
        else skipped++;
      }
    });
    level = next.sort((a, b) => byPath({ path: a.dir }, { path: b.dir }));
  }
  const notes = [
    `the tree of ${ref.commitSha.slice(0, 12)} is too large for one GitHub call (truncated); it was walked folder by folder (${calls} calls${skipped ? `, ${skipped} folders that cannot hold wanted files skipped` : ''})`,
  ];
  if (unwalked > 0) notes.push(`the listing is incomplete: ${unwalked} folders not walked (over ${maxCalls} tree calls)`);
  return { entries, truncated: true, notes };
}

/** Lists the commit now (one call when the tree is not truncated); blobs are read on demand. */
export async function githubFileSet(octokit: GithubClient, ref: GithubCommit, options: GithubFileSetOptions): Promise<GithubFileSet> {
  options.calls.attach(octokit);
  const { cache, maxFileBytes } = options;
  const wanted = options.wanted ?? (() => true);
  const listing = await listTree(octokit, ref, options);
  const all = new Map<string, FileEntry>();
  for (const item of listing.entries) {
    if (item.type === 'commit') all.set(item.path, { path: item.path, size: 0, kind: 'submodule', sha: item.sha });
    else if (item.type === 'blob')
      all.set(item.path, { path: item.path, size: item.size ?? 0, kind: item.mode === '120000' ? 'symlink' : 'file', sha: item.sha });
  }
  const entries = new Map<string, FileEntry>();
  for (const [path, entry] of all) if (wanted(path)) entries.set(path, entry);
  await resolveLinks(octokit, ref, cache, all, entries);
  const sorted = [...entries.values()].sort(byPath);

  async function readMany(paths: string[]): Promise<Map<string, Buffer | Error>> {
    const results = new Map<string, Buffer | Error>();
    const blobs: BlobRef[] = [];
    for (const path of paths) {
      const entry = entries.get(path);
      if (!entry?.sha) results.set(path, new Error(`no file "${path}" at ${ref.commitSha.slice(0, 12)}`));
      else if (entry.kind !== 'file') results.set(path, new Error(`"${path}" is a ${entry.kind}, not a file`));
      else if (entry.size > maxFileBytes) results.set(path, new Error(`${entry.size} bytes is over the ${maxFileBytes}-byte limit`));
      else blobs.push({ sha: entry.sha, size: entry.size });
    }
    const contents = await fetchBlobs(octokit, ref, blobs, cache);
    for (const path of paths) {
      if (results.has(path)) continue;
      results.set(path, contents.get(entries.get(path)!.sha!) ?? new Error('not returned by GitHub'));
    }
    return results;
  }

  async function read(path: string): Promise<Buffer> {
    const result = (await readMany([path])).get(path);
    if (result instanceof Buffer) return result;
    throw result ?? new Error(`no file "${path}"`);
  }

  const label = `${ref.owner}/${ref.repo} at ${ref.commitSha.slice(0, 12)}`;
  return {
    label,
    truncated: listing.truncated,
    notes: listing.notes,
    list: async () => sorted,
    read,
    readMany,
    narrow: (only) => {
      const narrowed = sorted.filter((entry) => only(entry.path));
      return { label, list: async () => narrowed, read, readMany };
    },
  };
}

/** Lists in-tree symlinks as the file they lead to (like the git source); others stay `symlink`. */
async function resolveLinks(octokit: GithubClient, repo: GithubRepo, cache: BlobCache, all: Map<string, FileEntry>, entries: Map<string, FileEntry>) {
  const wantedLinks = [...entries.values()].filter((entry) => entry.kind === 'symlink');
  if (wantedLinks.length === 0) return;
  const links = [...all.values()].filter((entry) => entry.kind === 'symlink');
  const targets = await fetchBlobs(
    octokit,
    repo,
    links.map((entry) => ({ sha: entry.sha!, size: entry.size })),
    cache,
  );
  for (const link of wantedLinks) {
    let current = link;
    let resolved: FileEntry | undefined;
    for (let hop = 0; hop < MAX_LINK_HOPS && !resolved; hop++) {
      const target = targets.get(current.sha!);
      if (!(target instanceof Buffer)) break;
      const next = resolveLinkTarget(current.path, target.toString('utf8'));
      const entry = next === undefined ? undefined : all.get(next);
      if (!entry) break;
      if (entry.kind === 'symlink') current = entry;
      else resolved = entry;
    }
    if (resolved?.kind === 'file') entries.set(link.path, { ...resolved, path: link.path });
  }
}

export interface PullRequestRef extends GithubRepo {
  pull_number: number;
  baseSha: string;
  headSha: string;
  /** `pull_request.changed_files` of the payload: at or over 3,000 the file list is not asked for. */
  changedFiles?: number;
}

export interface PullRequestSourcesOptions {
  cache: BlobCache;
  calls: ApiCallCounter;
  maxFileBytes: number;
  /** Files always reviewed (e.g. the config's SCP paths). */
  alwaysInclude?: (path: string) => boolean;
  /** Paths never listed (the config's `exclude`). */
  excluded?: (path: string) => boolean;
  /**
   * The configuration file of the base tree (`path`), read in the first blob batch: the options
   * above are then only a first guess (the defaults) for that batch, and `configure` gets the
   * file's text (`undefined` when the base tree has none) and returns the options to use — or
   * `undefined` to stop (an invalid config: nothing more is read; the result is `skipped`).
   */
  baseConfig?: {
    path: string;
    configure(text: string | undefined): Promise<Pick<PullRequestSourcesOptions, 'maxFileBytes' | 'alwaysInclude' | 'excluded'> | undefined>;
  };
}

export type PullRequestSources =
  /** No file the engine could read changed: nothing to review (one API call spent). */
  | { skipped: true; changed: ChangedFile[]; notes: string[] }
  | { skipped: false; base: FileSet; head: FileSet; changed: ChangedFile[]; affected: Affected & { rounds: number }; notes: string[] };

/**
 * The whole cheap path for a pull request: changed files (or the trees diff past 3,000), one tree
 * per side, then the affected units' blobs of both sides in shared GraphQL batches (a round per
 * dependency step); `base`/`head` list only the affected files and read from the warm cache.
 */
export async function pullRequestSources(octokit: GithubClient, pr: PullRequestRef, options: PullRequestSourcesOptions): Promise<PullRequestSources> {
  options.calls.attach(octokit);
  const notes: string[] = [];
  const listed = await listChangedFiles(octokit, pr, pr.changedFiles !== undefined ? { changedFilesHint: pr.changedFiles } : {});
  if (listed.complete && !touchesIac(changedPathsOf(listed.files))) {
    return { skipped: true, changed: listed.files, notes: ['no infrastructure-as-code, policy or config file changed'] };
  }
  let excluded = options.excluded ?? (() => false);
  let maxFileBytes = options.maxFileBytes;
  let alwaysInclude = options.alwaysInclude;
  const configFile = options.baseConfig;
  const sideOptions: GithubFileSetOptions = {
    cache: options.cache,
    calls: options.calls,
    // With a base config, `exclude` and the size cap are known only after the trees: the sides list
    // every candidate; the exclusion is applied below and the loader enforces the configured cap.
    maxFileBytes: configFile ? Number.MAX_SAFE_INTEGER : maxFileBytes,
    wanted: configFile ? (path) => isCandidatePath(path) || path === configFile.path : (path) => isCandidatePath(path) && !excluded(path),
  };
  const [base, head] = await Promise.all([
    githubFileSet(octokit, { owner: pr.owner, repo: pr.repo, commitSha: pr.baseSha }, sideOptions),
    githubFileSet(octokit, { owner: pr.owner, repo: pr.repo, commitSha: pr.headSha }, sideOptions),
  ]);
  notes.push(...base.notes, ...head.notes);
  const [baseList, headList] = await Promise.all([base.list(), head.list()]);
  const baseEntries = new Map(baseList.map((entry) => [entry.path, entry]));
  const headEntries = new Map(headList.map((entry) => [entry.path, entry]));
  const kept = (entries: readonly FileEntry[]) => entries.filter((entry) => isCandidatePath(entry.path) && !excluded(entry.path));
  const changedFiles = () => (listed.complete ? listed.files : compareTrees(kept(baseList), kept(headList)));
  const candidates = () => [...new Set([...baseEntries.keys(), ...headEntries.keys()])].filter((path) => isCandidatePath(path) && !excluded(path)).sort();
  const read = async (paths: string[], extra: BlobRef[] = []) => {
    const blobs: BlobRef[] = [...extra];
    for (const path of paths) {
      for (const entry of [baseEntries.get(path), headEntries.get(path)]) {
        if (entry?.kind === 'file' && entry.sha && entry.size <= maxFileBytes) blobs.push({ sha: entry.sha, size: entry.size });
      }
    }
    const contents = await fetchBlobs(octokit, pr, blobs, options.cache);
    const texts = new Map<string, string[]>();
    for (const path of paths) {
      const shas = new Set([baseEntries.get(path)?.sha, headEntries.get(path)?.sha]);
      const sides: string[] = [];
      for (const sha of shas) {
        const content = sha === undefined ? undefined : contents.get(sha);
        if (content instanceof Buffer) sides.push(content.toString('utf8'));
      }
      texts.set(path, sides);
    }
    return texts;
  };
  if (!listed.complete) notes.push(listed.reason);
  if (configFile) {
    // The first round under the guessed options, with the config blob in the same batch; the
    // rounds below, under the real options, find those blobs in the cache.
    const entry = baseEntries.get(configFile.path);
    const blob: BlobRef[] = entry?.kind === 'file' && entry.sha ? [{ sha: entry.sha, size: entry.size }] : [];
    const guess = changedFiles();
    if (touchesIac(changedPathsOf(guess))) {
      await resolveAffected(changedPathsOf(guess), candidates(), (paths) => read(paths, blob), { maxRounds: 1, ...(alwaysInclude ? { alwaysInclude } : {}) });
    }
    const content = blob.length > 0 ? (await fetchBlobs(octokit, pr, blob, options.cache)).get(blob[0].sha) : undefined;
    const configured = await configFile.configure(content instanceof Buffer ? content.toString('utf8') : undefined);
    if (!configured) return { skipped: true, changed: changedFiles(), notes: [...notes, `${configFile.path} is invalid: nothing reviewed`] };
    excluded = configured.excluded ?? (() => false);
    maxFileBytes = configured.maxFileBytes;
    alwaysInclude = configured.alwaysInclude;
  }
  const changed = changedFiles();
  if (!listed.complete && !touchesIac(changedPathsOf(changed))) return { skipped: true, changed, notes };
  const affected = await resolveAffected(changedPathsOf(changed), candidates(), read, alwaysInclude ? { alwaysInclude } : {});
  notes.push(...affected.notes);
  const only = new Set(affected.paths);
  return { skipped: false, base: base.narrow((path) => only.has(path)), head: head.narrow((path) => only.has(path)), changed, affected, notes };
}
