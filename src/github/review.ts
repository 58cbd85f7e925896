/**
 * One review of one pull request head: publishers begin (the check run goes `in_progress` at
 * once), the changed files are listed and, when something can affect a key, both sides are read
 * (trees + batched blobs; the base tree's configuration, validated, comes in the first batch) and
 * analysed; with no such change, the configuration is read through Probot's plugin (errors first);
 * the pull request's head is read again before publishing, and every publisher gets the outcome
 * exactly once. Stateless: everything comes from the event and GitHub.
 */
import picomatch from 'picomatch';
import { CONFIG_PATH, defaultConfig, limitsOf } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { externalHook, type KeyIndex } from '../index/reader.js';
import { type LiveHookOptions, liveHookFor } from '../live/index.js';
import { analyseChange } from '../pipeline.js';
import { CHECK_NAME, splitComment } from '../report/check-run.js';
import { type ApiCallCounter, type ApiCalls, createApiCallCounter } from '../sources/api-calls.js';
import { BlobCache } from '../sources/blob-cache.js';
import { type GithubClient, type PullRequestSources, type PullRequestSourcesOptions, pullRequestSources } from '../sources/github.js';
import { excludeMatcher } from '../sources/paths.js';
import { planSplits } from '../split/index.js';
import type { SplitPlan } from '../split/types.js';
import { CheckRunPublisher, type ChecksClient } from './check-run.js';
import { activeIgnores, ignoresIn, listPullComments, readIgnores } from './commands/ignores.js';
import { type ConfigClient, loadBaseConfig, loadRepoConfig, type RepoConfig } from './config.js';
import { changedLinesOf } from './patch-lines.js';
import { canWrite, type PermissionClient } from './permissions.js';
import type { Publisher, PullState, ReviewOutcome, ReviewTarget } from './publisher.js';
import { type ReviewCommentsClient, ReviewCommentsPublisher } from './review-comments.js';
import { type StickyClient, StickyCommentPublisher } from './sticky-comment.js';
import { isBotUser } from './users.js';

/** A pull request as `pulls.get` / `pulls.list` return it (the fields a review reads). */
export interface PullData {
  number: number;
  state: string;
  head: { sha: string; repo?: { id: number; full_name?: string } | null };
  base: { sha: string; repo?: { id: number; full_name?: string } | null };
  changed_files?: number;
  /** Issue comments / review comments on the pull request (`pulls.get` only). */
  comments?: number;
  review_comments?: number;
  updated_at?: string;
}

/** What a review uses of an Octokit (`ProbotOctokit` fits): sources, check run, config, permissions and both comment publishers. */
export type ReviewClient = GithubClient &
  ChecksClient &
  ConfigClient &
  PermissionClient &
  ReviewCommentsClient &
  StickyClient & {
    rest: {
      pulls: {
        get(params: { owner: string; repo: string; pull_number: number }): Promise<{ data: PullData }>;
        list(params: {
          owner: string;
          repo: string;
          state?: 'open';
          sort?: 'updated';
          direction?: 'desc';
          per_page?: number;
          page?: number;
        }): Promise<{ data: PullData[] }>;
      };
      checks: {
        listForSuite(params: { owner: string; repo: string; check_suite_id: number; check_name?: string; per_page?: number }): Promise<{
          data: { check_runs: { id: number; external_id?: string | null }[] };
        }>;
      };
    };
  };

export interface ReviewDeps {
  /** The GitHub file source; a test may replace it. */
  sources?: typeof pullRequestSources;
  /** Shared across reviews of this process: a blob fetched once is not fetched again. */
  cache?: BlobCache;
  /** The publishers after the check run; default `defaultPublishers` (review comments, then the sticky comment). */
  publishers?: (octokit: ReviewClient, target: ReviewTarget) => Publisher[];
  /** `YYYY-MM-DD` for expiring ignores (tests). */
  today?: string;
  log?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
  /** Queue mode (`src/queue/`): hands the head to the queue (check run `queued`) instead of reviewing here. */
  defer?: (octokit: ReviewClient, target: ReviewTarget & { changedFiles?: number }) => Promise<ReviewResult>;
  /** The live view's APIs or recording (tests); the view runs when the configuration's `live.enabled` is true. */
  live?: LiveHookOptions;
  /** This app's id (`APP_ID`): only its own `/kms ignore` marker comment is honoured. */
  appId?: number;
  /** The organisation's key index (`DATABASE_URL`): reviews count the consumers other repositories have. */
  index?: Pick<KeyIndex, 'externalUses'>;
}

export interface ReviewResult {
  outcome: ReviewOutcome;
  calls: ApiCalls;
  checkRunId?: number;
}

const processCache = new BlobCache();

/** The blob cache a review reads through: the test's, else the one of this process. */
export const blobCacheOf = (deps: ReviewDeps): BlobCache => deps.cache ?? processCache;

/**
 * Review comments on the new findings, then the sticky summary comment. Both take the changed
 * lines and the comment counts from the outcome (`PullState`), so on a pull request without
 * comments they cost one call each (`POST …/reviews`, `POST …/comments`); the sticky comment's runs
 * are ordered by the event's time.
 */
export function defaultPublishers(octokit: ReviewClient, target: ReviewTarget): Publisher[] {
  return [
    new ReviewCommentsPublisher(octokit, target),
    new StickyCommentPublisher(octokit, target, target.eventAt !== undefined ? { runAt: target.eventAt } : {}),
  ];
}

/** Reviews one head; never throws once the check run exists (failures complete it with the error). */
export async function reviewPullRequest(
  octokit: ReviewClient,
  target: ReviewTarget & { changedFiles?: number },
  deps: ReviewDeps = {},
  preloaded?: RepoConfig,
): Promise<ReviewResult> {
  if (deps.defer) return deps.defer(octokit, target);
  const calls = createApiCallCounter();
  calls.attach(octokit);
  const checkRun = new CheckRunPublisher(octokit, target, undefined, { reuse: true });
  const publishers: Publisher[] = [checkRun, ...(deps.publishers ?? defaultPublishers)(octokit, target)];
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

/** The pull request's two sides and the configuration they are reviewed with. */
export interface PullRequestRead {
  loaded: RepoConfig;
  sources: PullRequestSources;
}

/**
 * Reads both sides of the pull request with the base tree's configuration, which comes in the first
 * blob batch (no call of its own; the defaults are the first guess for that batch). A preloaded one
 * (drafts) is used as it is. With no IaC change the trees are not read, so neither is the file:
 * Probot's plugin reads it, so that an invalid config still says so. Shared by the review, the
 * "Propose split" button and the slash commands: all three see the same configuration.
 */
export async function readPullRequest(
  octokit: ReviewClient,
  target: ReviewTarget & { changedFiles?: number },
  deps: ReviewDeps,
  calls: ApiCallCounter,
  preloaded?: RepoConfig,
): Promise<PullRequestRead> {
  let fromBase: RepoConfig | undefined;
  const configure = async (text: string | undefined) => {
    fromBase = await loadBaseConfig(octokit, target, target.baseSha, text);
    return fromBase.errors.length > 0 ? undefined : sourceOptions(fromBase.config);
  };
  const sources = await readSources(octokit, target, preloaded?.config ?? defaultConfig(), deps, calls, preloaded ? undefined : configure);
  return { loaded: preloaded ?? fromBase ?? (await loadRepoConfig(octokit, target, { ref: target.baseSha })), sources };
}

/** The pipeline's `external` hook when the key index is configured: this repository's keys in the others. */
export function externalOf(deps: ReviewDeps, target: { owner: string; repo: string }): { external?: ReturnType<typeof externalHook> } {
  return deps.index ? { external: externalHook(deps.index, `${target.owner}/${target.repo}`, deps.log) } : {};
}

const todayOf = (deps: ReviewDeps) => deps.today ?? new Date().toISOString().slice(0, 10);

async function run(
  octokit: ReviewClient,
  target: ReviewTarget & { changedFiles?: number },
  deps: ReviewDeps,
  calls: ApiCallCounter,
  preloaded?: RepoConfig,
): Promise<ReviewOutcome> {
  const { loaded, sources } = await readPullRequest(octokit, target, deps, calls, preloaded);
  if (loaded.errors.length > 0) return { kind: 'config-error', errors: loaded.errors, file: loaded.files[0] ?? CONFIG_PATH };
  if (sources.skipped) return { kind: 'skipped', reason: 'no IaC change' };
  const today = todayOf(deps);
  // One hook for both sides and a re-analysis: the account is read once, the rest comes from its cache.
  const live = liveHookFor(loaded.config.live, {}, deps.live);
  const hooks = { ...(live ? { live } : {}), ...externalOf(deps, target) };
  let change = await analyseChange(sources.base, sources.head, loaded, { today, ...hooks });
  const latest = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
  if (latest.data.head.sha !== target.headSha) return { kind: 'superseded', by: latest.data.head.sha };
  // PR-scoped ignores (`/kms ignore`) live in a marker comment: read only when the PR has comments,
  // and the analysis is redone with them only when some apply (a PR without ignores costs nothing more).
  const prIgnores = (latest.data.comments ?? 0) > 0 ? activeIgnores((await readIgnores(octokit, target, target.pullNumber, deps.appId)).ignores, today) : [];
  if (prIgnores.length > 0) change = await analyseChange(sources.base, sources.head, loaded, { today, prIgnores, ...hooks });
  const notes = [...sources.notes];
  let splits: SplitPlan[] = [];
  try {
    splits = planSplits(change.head, loaded.config);
  } catch (error) {
    notes.push(`no split proposed: ${(error as Error).message}`);
  }
  const pull: PullState = {
    // The same `pulls.listFiles` answer the sources used (with `patch`): no second listing.
    changedLines: changedLinesOf(sources.changed.map((f) => ({ filename: f.path, status: f.status, patch: f.patch ?? null }))),
    ...(typeof latest.data.comments === 'number' ? { comments: latest.data.comments } : {}),
    ...(typeof latest.data.review_comments === 'number' ? { reviewComments: latest.data.review_comments } : {}),
  };
  return { kind: 'reviewed', change, config: loaded.config, splits, notes, pull };
}

/** The source options a configuration decides: size cap, `exclude`, SCP paths. */
function sourceOptions(config: Config) {
  return {
    maxFileBytes: limitsOf(config).maxFileBytes,
    excluded: excludeMatcher(config.exclude),
    alwaysInclude: picomatch(config.policies.scpPaths, { dot: true }),
  };
}

function readSources(
  octokit: ReviewClient,
  target: ReviewTarget & { changedFiles?: number },
  config: Config,
  deps: ReviewDeps,
  calls: ApiCallCounter,
  configure?: NonNullable<PullRequestSourcesOptions['baseConfig']>['configure'],
): Promise<PullRequestSources> {
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
    {
      cache: blobCacheOf(deps),
      calls,
      ...sourceOptions(config),
      ...(configure ? { baseConfig: { path: CONFIG_PATH, configure } } : {}),
    },
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
  const { loaded, sources } = await readPullRequest(octokit, target, deps, createApiCallCounter());
  if (loaded.errors.length > 0 || sources.skipped) return 'nothing';
  const issue = { owner: target.owner, repo: target.repo, issue_number: target.pullNumber };
  // One listing of the conversation serves both: the PR's ignores, and the plan already posted for this head.
  const comments = await listPullComments(octokit, target, target.pullNumber);
  const today = todayOf(deps);
  const change = await analyseChange(sources.base, sources.head, loaded, { today, prIgnores: activeIgnores(ignoresIn(comments, deps.appId).ignores, today) });
  const plans = planSplits(change.head, loaded.config).filter((p) => p.reason === undefined && p.newKeys.length >= 2);
  if (plans.length === 0) return 'nothing';
  const body = splitComment(plans, target.headSha, sender, target.repoUrl);
  const marker = `<!-- kms-review:split ${target.headSha} -->`;
  const existing = comments.find((c) => isBotUser(c.user) && c.body?.startsWith(marker));
  if (existing) {
    if (existing.body !== body) await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
    return 'updated';
  }
  await octokit.rest.issues.createComment({ ...issue, body });
  return 'posted';
}

/** The last resort for a fork's pull request: the open pull requests, most recently updated first, until one has this head (bounded). */
const HEAD_SEARCH_PAGES = 10;

export async function pullsForHead(octokit: ReviewClient, repo: { owner: string; repo: string }, headSha: string): Promise<PullData[]> {
  for (let page = 1; page <= HEAD_SEARCH_PAGES; page++) {
    const { data } = await octokit.rest.pulls.list({ ...repo, state: 'open', sort: 'updated', direction: 'desc', per_page: 100, page });
    const found = data.filter((p) => p.head.sha === headSha);
    if (found.length > 0 || data.length < 100) return found;
  }
  return [];
}

type CheckRunRef = { head_sha: string; external_id?: string | null };

/** The pull request of one of our check runs when the payload lists none (a fork): by its `external_id` (`pr-<n>`, one `pulls.get`), else by head. */
export async function pullsOfCheckRun(octokit: ReviewClient, repo: { owner: string; repo: string }, run: CheckRunRef): Promise<PullData[]> {
  const number = /^pr-(\d+)$/.exec(run.external_id ?? '')?.[1];
  if (number === undefined) return pullsForHead(octokit, repo, run.head_sha);
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: Number(number) });
  return data.state === 'open' ? [data] : [];
}

/**
 * The pull requests of a check suite when the payload lists none (a fork): the suite is this app's,
 * so its "KMS key strategy" runs carry the pull request number (`external_id`); one run per pull
 * request is enough. A suite without such a run (never reviewed) falls back to the head search.
 */
export async function pullsOfCheckSuite(
  octokit: ReviewClient,
  repo: { owner: string; repo: string },
  suite: { id: number; head_sha: string },
): Promise<PullData[]> {
  const { data } = await octokit.rest.checks.listForSuite({ ...repo, check_suite_id: suite.id, check_name: CHECK_NAME, per_page: 100 });
  const numbered = new Map(data.check_runs.filter((r) => /^pr-\d+$/.test(r.external_id ?? '')).map((r) => [r.external_id, r]));
  if (numbered.size === 0) return pullsForHead(octokit, repo, suite.head_sha);
  const pulls: PullData[] = [];
  for (const run of numbered.values()) pulls.push(...(await pullsOfCheckRun(octokit, repo, { head_sha: suite.head_sha, external_id: run.external_id })));
  return pulls;
}
