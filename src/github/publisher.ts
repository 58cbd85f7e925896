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

/** One pull request head under review. */
export interface ReviewTarget {
  owner: string;
  repo: string;
  /** `html_url` of the repository (github.com or GitHub Enterprise Server), for links. */
  repoUrl: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  /** True when the head lives in a fork (read-only token; nothing from it is executed either way). */
  fork: boolean;
}

export type ReviewOutcome =
  | { kind: 'reviewed'; change: ChangeAnalysis; config: Config; splits: SplitPlan[]; notes: string[] }
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
