/**
 * Indexes one repository's default branch from GitHub (the App's door to the key index): the
 * branch head, the repository's configuration at that commit, every candidate file (the blob cache
 * by sha serves what a review or an earlier index already read), the full analysis, stored per
 * (repository, commit) as the current snapshot.
 */
import { limitsOf, parseConfig } from '../config/load.js';
import { loadRepoConfig, type RepoConfig } from '../github/config.js';
import type { ReviewClient } from '../github/review.js';
import { analyse } from '../pipeline.js';
import { createApiCallCounter } from '../sources/api-calls.js';
import type { BlobCache } from '../sources/blob-cache.js';
import { githubFileSet } from '../sources/github.js';
import { isCandidatePath } from '../sources/load.js';
import { excludeMatcher } from '../sources/paths.js';
import type { KeyIndex } from './reader.js';
import { type StoredSnapshot, storeSnapshot } from './store.js';

/** What indexing needs of an Octokit besides the review's reads: the repository and its branch. */
export type IndexClient = ReviewClient & {
  rest: ReviewClient['rest'] & {
    repos: {
      get(params: { owner: string; repo: string }): Promise<{ data: { default_branch: string; private: boolean; archived?: boolean } }>;
      getBranch(params: { owner: string; repo: string; branch: string }): Promise<{ data: { commit: { sha: string } } }>;
    };
  };
};

export interface IndexTarget {
  owner: string;
  repo: string;
  installationId?: number;
  /** Known from a push event; otherwise read from the repository. */
  defaultBranch?: string;
  private?: boolean;
  /** The default branch's head; otherwise read from the branch. */
  sha?: string;
}

export interface IndexResult extends StoredSnapshot {
  repository: string;
  commit: string;
  files: number;
  millis: number;
  /** The configuration could not be read: indexed with the defaults, and why. */
  configErrors?: string[];
}

export async function indexRepository(
  octokit: IndexClient,
  target: IndexTarget,
  index: Pick<KeyIndex, 'db'>,
  deps: { cache: BlobCache },
): Promise<IndexResult> {
  const started = performance.now();
  const repoRef = { owner: target.owner, repo: target.repo };
  let { defaultBranch, sha } = target;
  let isPrivate = target.private;
  if (!defaultBranch || isPrivate === undefined) {
    const { data } = await octokit.rest.repos.get(repoRef);
    defaultBranch ??= data.default_branch;
    isPrivate ??= data.private;
  }
  sha ??= (await octokit.rest.repos.getBranch({ ...repoRef, branch: defaultBranch })).data.commit.sha;
  const config: RepoConfig = await loadRepoConfig(octokit as never, repoRef, { ref: sha });
  // An invalid configuration still indexes (with the defaults): the keys exist whatever the file says.
  const loaded = config.errors.length > 0 ? parseConfig('') : config;
  const excluded = excludeMatcher(loaded.config.exclude);
  const files = await githubFileSet(
    octokit,
    { ...repoRef, commitSha: sha },
    {
      cache: deps.cache,
      calls: createApiCallCounter(),
      maxFileBytes: limitsOf(loaded.config).maxFileBytes,
      wanted: (path) => isCandidatePath(path) && !excluded(path),
    },
  );
  const analysis = await analyse(files, loaded);
  const db = await index.db();
  const stored = await storeSnapshot(db.pool, {
    repository: {
      fullName: `${target.owner}/${target.repo}`,
      private: isPrivate,
      defaultBranch,
      ...(target.installationId ? { installationId: target.installationId } : {}),
    },
    commit: sha,
    ref: `refs/heads/${defaultBranch}`,
    inventory: analysis.inventory,
    access: analysis.access,
    findings: analysis.findings,
    files: analysis.stats.files,
  });
  return {
    ...stored,
    repository: `${target.owner}/${target.repo}`,
    commit: sha,
    files: analysis.stats.files,
    millis: Math.round(performance.now() - started),
    ...(config.errors.length > 0 ? { configErrors: config.errors.map((e) => `${e.path ? `${e.path}: ` : ''}${e.message}`) } : {}),
  };
}

type Log = { info(o: object, m?: string): void; warn(o: object, m?: string): void };

/**
 * The handlers' `indexer` without a queue: the repositories one after the other, in the webhook's
 * process; a repository that fails is logged and the next one goes on.
 */
export function directIndexer(index: Pick<KeyIndex, 'db'>, cache: BlobCache) {
  return async (octokit: IndexClient, _installationId: number, targets: IndexTarget[], log: Log): Promise<void> => {
    for (const target of targets) {
      try {
        const done = await indexRepository(octokit, target, index, { cache });
        log.info({ ...done }, `kms-review: indexed ${done.repository} at ${done.commit.slice(0, 12)}`);
      } catch (error) {
        log.warn({ err: error, repository: `${target.owner}/${target.repo}` }, 'kms-review: indexing failed');
      }
    }
  };
}
