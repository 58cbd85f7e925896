/**
 * One review of one pull request head: publishers begin (the check run goes `in_progress` at
 * once), the default branch's configuration is read and validated, the changed files are listed
 * and, when something can affect a key, both sides are read (trees + batched blobs) and analysed;
 * the pull request's head is read again before publishing, and every publisher gets the outcome
 * exactly once. Stateless: everything comes from the event and GitHub.
 */
import picomatch from 'picomatch';
import { CONFIG_PATH, limitsOf } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { analyseChange } from '../pipeline.js';
import { splitComment } from '../report/check-run.js';
import { type ApiCallCounter, type ApiCalls, createApiCallCounter } from '../sources/api-calls.js';
import { BlobCache } from '../sources/blob-cache.js';
import { type GithubClient, type PullRequestSources, pullRequestSources } from '../sources/github.js';
import { excludeMatcher } from '../sources/paths.js';
import { planSplits } from '../split/index.js';
import type { SplitPlan } from '../split/types.js';
import { CheckRunPublisher, type ChecksClient } from './check-run.js';
import { type ConfigClient, loadRepoConfig, type RepoConfig } from './config.js';
import { canWrite, type PermissionClient } from './permissions.js';
import type { Publisher, ReviewOutcome, ReviewTarget } from './publisher.js';

/** What a review uses of an Octokit (`ProbotOctokit` fits). */
export type ReviewClient = GithubClient &
  ChecksClient &
  ConfigClient &
  PermissionClient & {
    rest: {
      pulls: { get(params: { owner: string; repo: string; pull_number: number }): Promise<{ data: { head: { sha: string } } }> };
      issues: {
        listComments(params: {
          owner: string;
          repo: string;
          issue_number: number;
          per_page?: number;
        }): Promise<{ data: { id: number; body?: string | null }[] }>;
        createComment(params: { owner: string; repo: string; issue_number: number; body: string }): Promise<unknown>;
        updateComment(params: { owner: string; repo: string; comment_id: number; body: string }): Promise<unknown>;
      };
    };
  };

export interface ReviewDeps {
  /** The GitHub file source; a test may replace it. */
  sources?: typeof pullRequestSources;
  /** Shared across reviews of this process: a blob fetched once is not fetched again. */
  cache?: BlobCache;
  /** Extra publishers after the check run (review comments, sticky comment). */
  publishers?: (octokit: ReviewClient, target: ReviewTarget) => Publisher[];
  /** `YYYY-MM-DD` for expiring ignores (tests). */
  today?: string;
  log?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

export interface ReviewResult {
  outcome: ReviewOutcome;
  calls: ApiCalls;
  checkRunId?: number;
}

const processCache = new BlobCache();

/** Reviews one head; never throws once the check run exists (failures complete it with the error). */
export async function reviewPullRequest(
  octokit: ReviewClient,
  target: ReviewTarget & { changedFiles?: number },
  deps: ReviewDeps = {},
  preloaded?: RepoConfig,
): Promise<ReviewResult> {
  const calls = createApiCallCounter();
  calls.attach(octokit);
  const checkRun = new CheckRunPublisher(octokit, target);
  const publishers: Publisher[] = [checkRun, ...(deps.publishers?.(octokit, target) ?? [])];
  for (const p of publishers) await p.begin();
  const outcome = await run(octokit, target, deps, calls, preloaded).catch((error: unknown): ReviewOutcome => ({ kind: 'error', error }));
  for (const p of publishers) {
    await p.publish(outcome).catch((error: unknown) => deps.log?.warn({ err: error, publisher: p.name }, 'publishing failed'));
  }
  const snapshot = calls.snapshot();
  deps.log?.info(
    { apiCalls: snapshot.total, byRoute: snapshot.byRoute, outcome: outcome.kind, pull: target.pullNumber, head: target.headSha },
    'kms-review: review done',
  );
  return { outcome, calls: snapshot, ...(checkRun.checkRunId !== undefined ? { checkRunId: checkRun.checkRunId } : {}) };
}

async function run(
  octokit: ReviewClient,
  target: ReviewTarget & { changedFiles?: number },
  deps: ReviewDeps,
  calls: ApiCallCounter,
  preloaded?: RepoConfig,
): Promise<ReviewOutcome> {
  const loaded = preloaded ?? (await loadRepoConfig(octokit, target));
  if (loaded.errors.length > 0) return { kind: 'config-error', errors: loaded.errors, file: loaded.files[0] ?? CONFIG_PATH };
  const sources = await readSources(octokit, target, loaded.config, deps, calls);
  if (sources.skipped) return { kind: 'skipped', reason: 'no IaC change' };
  const change = await analyseChange(sources.base, sources.head, loaded, deps.today ? { today: deps.today } : {});
  const notes = [...sources.notes];
  let splits: SplitPlan[] = [];
  try {
    splits = planSplits(change.head, loaded.config);
  } catch (error) {
    notes.push(`no split proposed: ${(error as Error).message}`);
  }
  const latest = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
  if (latest.data.head.sha !== target.headSha) return { kind: 'superseded', by: latest.data.head.sha };
  return { kind: 'reviewed', change, config: loaded.config, splits, notes };
}

function readSources(
  octokit: ReviewClient,
  target: ReviewTarget & { changedFiles?: number },
  config: Config,
  deps: ReviewDeps,
  calls: ApiCallCounter,
): Promise<PullRequestSources> {
  const scp = picomatch(config.policies.scpPaths, { dot: true });
  return (deps.sources ?? pullRequestSources)(
    octokit,
    {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      baseSha: target.baseSha,
      headSha: target.headSha,
      ...(target.changedFiles !== undefined ? { changedFiles: target.changedFiles } : {}),
    },
    { cache: deps.cache ?? processCache, calls, maxFileBytes: limitsOf(config).maxFileBytes, excluded: excludeMatcher(config.exclude), alwaysInclude: scp },
  );
}

/**
 * "Propose split": after checking the sender may write, re-derives the plan for this head and
 * posts it as a pull request comment — or updates the one already posted for this head.
 */
export async function proposeSplit(
  octokit: ReviewClient,
  target: ReviewTarget & { changedFiles?: number },
  sender: string,
  deps: ReviewDeps = {},
): Promise<'posted' | 'updated' | 'forbidden' | 'nothing'> {
  if (!(await canWrite(octokit, target, sender))) return 'forbidden';
  const loaded = await loadRepoConfig(octokit, target);
  if (loaded.errors.length > 0) return 'nothing';
  const sources = await readSources(octokit, target, loaded.config, deps, createApiCallCounter());
  if (sources.skipped) return 'nothing';
  const change = await analyseChange(sources.base, sources.head, loaded, deps.today ? { today: deps.today } : {});
  const plans = planSplits(change.head, loaded.config).filter((p) => p.reason === undefined && p.newKeys.length >= 2);
  if (plans.length === 0) return 'nothing';
  const body = splitComment(plans, target.headSha, sender, target.repoUrl);
  const marker = `<!-- kms-review:split ${target.headSha} -->`;
  const issue = { owner: target.owner, repo: target.repo, issue_number: target.pullNumber };
  const { data: comments } = await octokit.rest.issues.listComments({ ...issue, per_page: 100 });
  const existing = comments.find((c) => c.body?.startsWith(marker));
  if (existing) {
    if (existing.body !== body) await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
    return 'updated';
  }
  await octokit.rest.issues.createComment({ ...issue, body });
  return 'posted';
}
