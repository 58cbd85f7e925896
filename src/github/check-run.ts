/**
 * The check run "KMS key strategy" as a Publisher: created `in_progress` when the review starts,
 * completed once. Annotations go 50 per `checks.update` call (GitHub's limit): all but the last
 * batch in updates that keep the run in progress, the last one with the conclusion.
 *
 * Idempotent with `reuse` (the app): a re-delivered webhook, a re-run or a second event for the same
 * head finds this pull request's run for the head SHA (`checks.listForRef` with `check_name`: one
 * call; none when the event names the run, `target.checkRunId`) and re-runs it in place — back to
 * `in_progress`, then completed again — instead of creating a second one. A run GitHub refuses to
 * update (another app's, e.g. the Action's with the workflow token) is left alone and a new one is
 * created.
 */
import {
  ANNOTATIONS_PER_CALL,
  CHECK_NAME,
  type CheckRunOutput,
  configErrorOutput,
  errorOutput,
  reviewOutput,
  skippedOutput,
  supersededOutput,
} from '../report/check-run.js';
import type { Publisher, ReviewOutcome, ReviewTarget } from './publisher.js';

type Params = Record<string, unknown>;

export interface ChecksClient {
  rest: {
    checks: {
      create(params: Params & { owner: string; repo: string; name: string; head_sha: string }): Promise<{ data: { id: number; html_url?: string | null } }>;
      update(params: Params & { owner: string; repo: string; check_run_id: number }): Promise<unknown>;
      /** Only for `reuse` (the app); a client without it always creates. */
      listForRef?(params: Params & { owner: string; repo: string; ref: string; check_name?: string }): Promise<{
        data: { check_runs: { id: number; external_id?: string | null; app?: { slug?: string } | null }[] };
      }>;
    };
  };
  log?: { warn(msg: string): void };
}

export function outputFor(outcome: ReviewOutcome, target: ReviewTarget): CheckRunOutput {
  switch (outcome.kind) {
    case 'reviewed':
      return reviewOutput(outcome.change, outcome.config, outcome.splits, { repoUrl: target.repoUrl, baseSha: target.baseSha, headSha: target.headSha });
    case 'skipped':
      return skippedOutput(outcome.reason);
    case 'config-error':
      return configErrorOutput(outcome.errors, outcome.file);
    case 'superseded':
      return supersededOutput(outcome.by);
    case 'error':
      return errorOutput(outcome.error);
  }
}

export class CheckRunPublisher implements Publisher {
  readonly name = 'check-run';
  #id: number | undefined;
  #published = false;
  #reused = false;

  constructor(
    private readonly octokit: ChecksClient,
    private readonly target: ReviewTarget,
    private readonly now: () => Date = () => new Date(),
    private readonly options: { reuse?: boolean } = {},
  ) {}

  get checkRunId(): number | undefined {
    return this.#id;
  }

  /** True when an existing run was re-run rather than a new one created. */
  get reused(): boolean {
    return this.#reused;
  }

  async begin(): Promise<void> {
    const start = {
      status: 'in_progress',
      started_at: this.now().toISOString(),
      output: { title: 'Reviewing the KMS key strategy…', summary: `Comparing ${this.target.baseSha.slice(0, 7)} → ${this.target.headSha.slice(0, 7)}.` },
    };
    const repo = { owner: this.target.owner, repo: this.target.repo };
    const existing = this.target.checkRunId ?? (this.options.reuse ? await this.#find() : undefined);
    if (existing !== undefined) {
      try {
        await this.octokit.rest.checks.update({ ...repo, check_run_id: existing, ...start });
        this.#id = existing;
        this.#reused = true;
        return;
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status !== 403 && status !== 404 && status !== 422) throw error;
      }
    }
    const { data } = await this.octokit.rest.checks.create({
      ...repo,
      name: CHECK_NAME,
      head_sha: this.target.headSha,
      external_id: this.#externalId,
      ...start,
    });
    this.#id = data.id;
  }

  get #externalId(): string {
    return `pr-${this.target.pullNumber}`;
  }

  /** This pull request's run for the head SHA, if one exists (the Action's runs, by `github-actions`, are not ours). */
  async #find(): Promise<number | undefined> {
    const found = await this.octokit.rest.checks.listForRef?.({
      owner: this.target.owner,
      repo: this.target.repo,
      ref: this.target.headSha,
      check_name: CHECK_NAME,
      filter: 'latest',
      per_page: 100,
    });
    return found?.data.check_runs.find((r) => r.external_id === this.#externalId && r.app?.slug !== 'github-actions')?.id;
  }

  async publish(outcome: ReviewOutcome): Promise<void> {
    if (this.#id === undefined || this.#published) return;
    this.#published = true;
    const base = { owner: this.target.owner, repo: this.target.repo, check_run_id: this.#id };
    try {
      await this.#complete(base, outputFor(outcome, this.target));
    } catch (error) {
      if (outcome.kind === 'error') throw error;
      // Never leave the run in progress: one last plain update that says why.
      await this.#complete(base, errorOutput(error));
    }
  }

  async #complete(base: { owner: string; repo: string; check_run_id: number }, output: CheckRunOutput): Promise<void> {
    const text = output.text !== undefined ? { text: output.text } : {};
    const batches: CheckRunOutput['annotations'][] = [];
    for (let i = 0; i < output.annotations.length; i += ANNOTATIONS_PER_CALL) batches.push(output.annotations.slice(i, i + ANNOTATIONS_PER_CALL));
    const last = batches.pop() ?? [];
    for (const batch of batches) {
      await this.octokit.rest.checks.update({ ...base, output: { title: output.title, summary: output.summary, ...text, annotations: batch } });
    }
    await this.octokit.rest.checks.update({
      ...base,
      status: 'completed',
      conclusion: output.conclusion,
      completed_at: this.now().toISOString(),
      output: { title: output.title, summary: output.summary, ...text, ...(last.length ? { annotations: last } : {}) },
      ...(output.actions.length ? { actions: output.actions } : {}),
    });
  }
}
