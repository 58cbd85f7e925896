/**
 * The check run as the queue sees it: created `queued` after the webhook is answered (or this pull
 * request's existing run for the head put back to `queued`: a re-run, like the app's `reuse`), the
 * worker's review re-runs that run in place (`target.checkRunId`), so a head keeps one run however
 * often its job is retried; the queue completes it directly only when it decides the outcome itself
 * (superseded while queued, or every attempt failed).
 */
import type { ReviewClient } from '../github/review.js';
import { CHECK_NAME, type CheckRunOutput } from '../report/check-run.js';
import type { JobTarget } from './jobs.js';

type Params = Record<string, unknown>;

type ListClient = {
  listForRef(params: Params): Promise<{ data: { check_runs: { id: number; external_id?: string | null; app?: { slug?: string } | null }[] } }>;
};

/** This pull request's run for the head (the one `check_run.rerequested` names, else found by external id), if any. */
async function existingRun(octokit: ReviewClient, target: JobTarget, request: Params): Promise<number | undefined> {
  if (target.checkRunId !== undefined) return target.checkRunId;
  const { data } = await (octokit.rest.checks as unknown as ListClient).listForRef({
    owner: target.owner,
    repo: target.repo,
    ref: target.headSha,
    check_name: CHECK_NAME,
    filter: 'latest',
    per_page: 100,
    ...request,
  });
  return data.check_runs.find((r) => r.external_id === `pr-${target.pullNumber}` && r.app?.slug !== 'github-actions')?.id;
}

/**
 * Creates the run `queued`, or re-queues this pull request's run for the head. With `signal`, a
 * call not yet sent when it aborts is never sent (even one waiting in Probot's write throttle).
 */
export async function createQueuedCheckRun(octokit: ReviewClient, target: JobTarget, signal?: AbortSignal): Promise<number> {
  const request = signal ? { request: { signal } } : {};
  const queued = {
    status: 'queued',
    output: { title: 'Queued for review', summary: `Comparing ${target.baseSha.slice(0, 7)} → ${target.headSha.slice(0, 7)} as soon as a worker is free.` },
    ...request,
  };
  const existing = await existingRun(octokit, target, request);
  if (existing !== undefined) {
    try {
      await octokit.rest.checks.update({ owner: target.owner, repo: target.repo, check_run_id: existing, ...queued });
      return existing;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== 403 && status !== 404 && status !== 422) throw error;
    }
  }
  const { data } = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: CHECK_NAME,
    head_sha: target.headSha,
    external_id: `pr-${target.pullNumber}`,
    ...queued,
  });
  return data.id;
}

/** Completes a run with a plain output (no annotations): the queue's own verdicts. */
export async function completeCheckRun(octokit: ReviewClient, target: JobTarget, checkRunId: number, output: CheckRunOutput): Promise<void> {
  await octokit.rest.checks.update({
    owner: target.owner,
    repo: target.repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: output.conclusion,
    completed_at: new Date().toISOString(),
    output: { title: output.title, summary: output.summary },
  });
}

/** Whether the run is already completed (a retried job whose previous attempt got that far). */
export async function isCompleted(octokit: ReviewClient, target: JobTarget, checkRunId: number): Promise<boolean> {
  const checks = octokit.rest.checks as unknown as { get(p: Params): Promise<{ data: { status?: string } }> };
  const { data } = await checks.get({ owner: target.owner, repo: target.repo, check_run_id: checkRunId });
  return data.status === 'completed';
}
