/**
 * Webhook handlers: which events start a review of which pull request head. Thin: the review
 * itself is `review.ts`.
 *
 * - `pull_request` opened / synchronize / reopened / ready_for_review: review the head (drafts only
 *   when the configuration says `pullRequests.drafts: true`).
 * - `check_suite` rerequested ("Re-run all checks") and `check_run` rerequested: review the PRs of
 *   that head again. `check_suite` requested is acknowledged but not acted on: GitHub sends it for
 *   every push, together with the `pull_request` event of the same head, and acting on both would
 *   create two check runs.
 * - `check_run` requested_action `propose-split`: post the split plan (writers only).
 * Bots are ignored where they could loop (re-runs and buttons); their pull requests are reviewed.
 */
import type { Context, Probot } from 'probot';
import { CHECK_NAME, PROPOSE_SPLIT } from '../report/check-run.js';
import { onIssueComment, onReviewComment } from './commands/index.js';
import { loadRepoConfig } from './config.js';
import { type IndexerDeps, registerIndexHandlers } from './index-handlers.js';
import { DEFAULT_POLICY, octokitFor, type RetryPolicy } from './octokit.js';
import type { ReviewTarget } from './publisher.js';
import { proposeSplit, pullsOfCheckRun, pullsOfCheckSuite, type ReviewClient, type ReviewDeps, reviewPullRequest } from './review.js';
import { isBotUser } from './users.js';

export const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'] as const;

export interface HandlerDeps extends ReviewDeps, IndexerDeps {
  policy?: RetryPolicy;
}

interface PullLike {
  number: number;
  head: { sha: string; repo?: { id: number } | null };
  base: { sha: string; repo?: { id: number } | null };
  changed_files?: number;
}

interface RepoLike {
  name: string;
  html_url: string;
  owner: { login: string };
}

const repoOf = (repository: RepoLike) => ({ owner: repository.owner.login, repo: repository.name });

function targetOf(
  repository: RepoLike,
  pr: PullLike,
  headSha = pr.head.sha,
  event: Pick<ReviewTarget, 'eventAt' | 'checkRunId'> = {},
): ReviewTarget & { changedFiles?: number } {
  return {
    ...event,
    owner: repository.owner.login,
    repo: repository.name,
    repoUrl: repository.html_url,
    pullNumber: pr.number,
    baseSha: pr.base.sha,
    headSha,
    fork: !!pr.head.repo && !!pr.base.repo && pr.head.repo.id !== pr.base.repo.id,
    ...(pr.changed_files !== undefined ? { changedFiles: pr.changed_files } : {}),
  };
}

async function client(context: Context, deps: HandlerDeps): Promise<ReviewClient> {
  return (await octokitFor(context, deps.policy ?? DEFAULT_POLICY)) as unknown as ReviewClient;
}

const withLog = (context: Context, deps: HandlerDeps): ReviewDeps => ({ ...deps, log: deps.log ?? context.log });

export function onPullRequest(deps: HandlerDeps = {}) {
  return async (context: Context<'pull_request'>) => {
    const { pull_request: pr, repository } = context.payload;
    if (pr.state !== 'open') return;
    const octokit = await client(context, deps);
    // The event's time orders the sticky comment's runs (a re-delivered old event never overwrites a newer one).
    const target = targetOf(repository, pr, pr.head.sha, { eventAt: pr.updated_at });
    if (pr.draft) {
      // Drafts: the configuration decides, and nothing is created for a skipped draft.
      const config = await loadRepoConfig(octokit, target, { ref: target.baseSha });
      if (config.errors.length === 0 && !config.config.pullRequests.drafts) {
        context.log.info({ pull: pr.number }, 'kms-review: draft pull request skipped (pullRequests.drafts is false)');
        return;
      }
      await reviewPullRequest(octokit, target, withLog(context, deps), config);
      return;
    }
    await reviewPullRequest(octokit, target, withLog(context, deps));
  };
}

export function onCheckSuite(deps: HandlerDeps = {}) {
  return async (context: Context<'check_suite'>) => {
    const { check_suite: suite, repository, action, sender } = context.payload;
    if (action === 'requested') {
      context.log.debug({ head: suite.head_sha }, 'kms-review: check_suite.requested left to the pull_request event of the same head');
      return;
    }
    if (isBotUser(sender)) return;
    const octokit = await client(context, deps);
    // A fork's pull request is not listed in the payload: found through the suite's own runs.
    const pulls = suite.pull_requests.length > 0 ? (suite.pull_requests as PullLike[]) : await pullsOfCheckSuite(octokit, repoOf(repository), suite);
    if (pulls.length === 0) context.log.info({ head: suite.head_sha }, 'kms-review: no open pull request found for the re-requested check suite');
    for (const pr of pulls) {
      await reviewPullRequest(octokit, targetOf(repository, pr, suite.head_sha, { eventAt: suite.updated_at }), withLog(context, deps));
    }
  };
}

export function onCheckRun(deps: HandlerDeps = {}) {
  return async (context: Context<'check_run'>) => {
    const { check_run: run, repository, sender } = context.payload;
    if (run.name !== CHECK_NAME || isBotUser(sender)) return;
    const octokit = await client(context, deps);
    const pulls = run.pull_requests.length > 0 ? (run.pull_requests as PullLike[]) : await pullsOfCheckRun(octokit, repoOf(repository), run);
    if (context.payload.action === 'rerequested') {
      // The run named by the event is re-run in place; its time orders the sticky comment.
      const at = run.completed_at ?? run.started_at;
      const event = { checkRunId: run.id, ...(at ? { eventAt: at } : {}) };
      for (const pr of pulls) await reviewPullRequest(octokit, targetOf(repository, pr, run.head_sha, event), withLog(context, deps));
      return;
    }
    if (context.payload.action === 'requested_action' && context.payload.requested_action?.identifier === PROPOSE_SPLIT) {
      for (const pr of pulls) {
        const result = await proposeSplit(octokit, targetOf(repository, pr, run.head_sha), sender.login, withLog(context, deps));
        context.log.info({ pull: pr.number, sender: sender.login, result }, 'kms-review: propose split');
      }
    }
  };
}

export function registerHandlers(app: Probot, deps: HandlerDeps = {}): void {
  app.on([...PULL_REQUEST_EVENTS], onPullRequest(deps));
  app.on(['check_suite.requested', 'check_suite.rerequested'], onCheckSuite(deps));
  app.on(['check_run.rerequested', 'check_run.requested_action'], onCheckRun(deps));
  app.on('issue_comment.created', onIssueComment(deps));
  app.on('pull_request_review_comment.created', onReviewComment(deps));
  registerIndexHandlers(app, deps);
}
