/**
 * The seam between a review and where its result goes. A review calls `begin` on every publisher
 * as soon as it starts and `publish` exactly once with the outcome. The check run is one
 * publisher (`check-run.ts`); review comments with suggestions and the sticky summary comment are
 * meant to be others, added to the list `review.ts` builds, without touching the review itself.
 */

import type { ConfigError } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { ChangeAnalysis } from '../pipeline.js';
import type { SplitPlan } from '../split/types.js';
import type { ChangedLinesMap } from './patch-lines.js';

/** One pull request head under review. */
export interface ReviewTarget {
  owner: string;
  repo: string;
  /** `html_url` of the repository (github.com or GitHub Enterprise Server), for links. */
  repoUrl: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  /**
   * True when the head lives in a fork. Nothing changes for the app: it reads both sides with its
   * installation token of the base repository (a fork's commits are readable there) and posts as
   * usual; nothing from the pull request is ever executed, fork or not.
   */
  fork: boolean;
  /**
   * When the event happened (`pull_request.updated_at`, the check suite's or check run's time), as
   * set by GitHub: orders the sticky comment's runs, so a re-delivered old event never overwrites a
   * newer summary. Absent: now.
   */
  eventAt?: string;
  /** A check run of this review that already exists (`check_run.rerequested`): re-run, not listed. */
  checkRunId?: number;
}

/** What the review learnt of the pull request on the way, so publishers need not ask again. */
export interface PullState {
  /** Right-side diff lines of the changed files, from the review's own `pulls.listFiles` (with `patch`). */
  changedLines: ChangedLinesMap;
  /** `comments` / `review_comments` of the head re-read (`pulls.get`): 0 lets a publisher skip listing them. */
  comments?: number;
  reviewComments?: number;
}

export type ReviewOutcome =
  | { kind: 'reviewed'; change: ChangeAnalysis; config: Config; splits: SplitPlan[]; notes: string[]; pull?: PullState }
  | { kind: 'skipped'; reason: string }
  | { kind: 'config-error'; errors: (ConfigError & { file?: string })[]; file: string }
  | { kind: 'superseded'; by: string }
  | { kind: 'error'; error: unknown };

export interface Publisher {
  readonly name: string;
  /** As soon as the review starts (the check run goes `in_progress`). */
  begin(): Promise<void>;
  /** Once, with the outcome. Must not throw for an outcome it does not care about. */
  publish(outcome: ReviewOutcome): Promise<void>;
}
