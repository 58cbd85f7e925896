/**
 * The check run "KMS key strategy" as a Publisher: created `in_progress` when the review starts,
 * completed once. Annotations go 50 per `checks.update` call (GitHub's limit): all but the last
 * batch in updates that keep the run in progress, the last one with the conclusion.
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

  constructor(
    private readonly octokit: ChecksClient,
    private readonly target: ReviewTarget,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get checkRunId(): number | undefined {
    return this.#id;
  }

  async begin(): Promise<void> {
    const { data } = await this.octokit.rest.checks.create({
      owner: this.target.owner,
      repo: this.target.repo,
      name: CHECK_NAME,
      head_sha: this.target.headSha,
      status: 'in_progress',
      started_at: this.now().toISOString(),
      external_id: `pr-${this.target.pullNumber}`,
      output: { title: 'Reviewing the KMS key strategy…', summary: `Comparing ${this.target.baseSha.slice(0, 7)} → ${this.target.headSha.slice(0, 7)}.` },
    });
    this.#id = data.id;
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
