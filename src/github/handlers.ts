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
import { loadRepoConfig } from './config.js';
import { DEFAULT_POLICY, octokitFor, type RetryPolicy } from './octokit.js';
import type { ReviewTarget } from './publisher.js';
import { proposeSplit, type ReviewClient, type ReviewDeps, reviewPullRequest } from './review.js';

export const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'] as const;

export interface HandlerDeps extends ReviewDeps {
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

const isBot = (sender: { type?: string; login?: string } | undefined) => sender?.type === 'Bot' || (sender?.login ?? '').endsWith('[bot]');

function targetOf(repository: RepoLike, pr: PullLike, headSha = pr.head.sha): ReviewTarget & { changedFiles?: number } {
  return {
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
    const target = targetOf(repository, pr);
    if (pr.draft) {
      // Drafts: the configuration decides, and nothing is created for a skipped draft.
      const config = await loadRepoConfig(octokit, target);
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
    if (isBot(sender)) return;
    const octokit = await client(context, deps);
    for (const pr of suite.pull_requests) {
      await reviewPullRequest(octokit, targetOf(repository, pr as PullLike, suite.head_sha), withLog(context, deps));
    }
  };
}

export function onCheckRun(deps: HandlerDeps = {}) {
  return async (context: Context<'check_run'>) => {
    const { check_run: run, repository, sender } = context.payload;
    if (run.name !== CHECK_NAME || isBot(sender)) return;
    const octokit = await client(context, deps);
    const pulls = run.pull_requests as PullLike[];
    if (context.payload.action === 'rerequested') {
      for (const pr of pulls) await reviewPullRequest(octokit, targetOf(repository, pr, run.head_sha), withLog(context, deps));
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
}
