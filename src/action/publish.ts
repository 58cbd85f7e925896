/**
 * Publishing from the workflow through the App's own publishers (check run, review comments,
 * sticky comment), with the workflow's token. Each publisher is independent: one that fails (a
 * token without `checks: write`, say) is logged and the others go on; the caller learns whether
 * the check run exists, because without it the findings go to workflow annotations instead.
 */
import { Octokit } from '@octokit/rest';
import { CheckRunPublisher } from '../github/check-run.js';
import type { Publisher, ReviewOutcome, ReviewTarget } from '../github/publisher.js';
import { ReviewCommentsPublisher } from '../github/review-comments.js';
import { StickyCommentPublisher } from '../github/sticky-comment.js';

export interface PublishOptions {
  token: string;
  apiUrl: string;
  target: ReviewTarget;
  /** `off`: no pull request comments (neither review comments nor the sticky comment). */
  comment: 'update' | 'off';
  runAt?: string;
  userAgent: string;
  log: (message: string) => void;
}

export class ActionPublishers {
  readonly #check: CheckRunPublisher;
  readonly #others: Publisher[];
  #checkStarted = false;
  readonly #log: (message: string) => void;

  constructor(options: PublishOptions) {
    const octokit = new Octokit({ auth: options.token, baseUrl: options.apiUrl, userAgent: options.userAgent });
    this.#log = options.log;
    this.#check = new CheckRunPublisher(octokit, options.target);
    this.#others =
      options.comment === 'off'
        ? []
        : [
            new ReviewCommentsPublisher(octokit, options.target),
            new StickyCommentPublisher(octokit, options.target, options.runAt ? { runAt: options.runAt } : {}),
          ];
  }

  /** True when the check run exists (`in_progress`). */
  get checkRun(): boolean {
    return this.#checkStarted;
  }

  async begin(): Promise<void> {
    try {
      await this.#check.begin();
      this.#checkStarted = this.#check.checkRunId !== undefined;
    } catch (error) {
      this.#log(`kms-review: could not create the check run (${describe(error)}); findings go to workflow annotations instead`);
    }
  }

  /** Completes the check run and posts the comments; returns the names of the publishers that failed. */
  async publish(outcome: ReviewOutcome): Promise<string[]> {
    const failed: string[] = [];
    const all = [...(this.#checkStarted ? [this.#check] : []), ...this.#others];
    for (const p of all) {
      try {
        await p.publish(outcome);
      } catch (error) {
        failed.push(p.name);
        this.#log(`kms-review: publishing the ${p.name} failed (${describe(error)})`);
      }
    }
    return failed;
  }
}

/** Status and first line only: an Octokit error's full text may quote request headers. */
function describe(error: unknown): string {
  const e = error as { status?: number; message?: string };
  const first = (e?.message ?? String(error)).split('\n')[0].slice(0, 200);
  return typeof e?.status === 'number' ? `HTTP ${e.status}: ${first}` : first;
}
