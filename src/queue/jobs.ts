/**
 * Queue mode, the shared vocabulary: what a job carries, how it is named, and the settings a
 * receiver and its workers agree on (all from the environment, so one image serves both roles).
 *
 * - Job id = repository + pull request + head sha: a re-delivered webhook adds nothing while the
 *   first job is queued or running (BullMQ ignores an `add` with an existing id, and the receiver
 *   reserves the id in Redis first, so a re-delivery creates no check run either).
 * - A newer head of the same pull request supersedes the queued older ones (`producer.ts`).
 * - The job's check run is created after the webhook is answered; its id is not in the job but in
 *   a Redis hash the receiver, the worker and the superseding path share (`run-record.ts`).
 */
import type { ReviewTarget } from '../github/publisher.js';

export const QUEUE_NAME = 'kms-review';
/** Prefix of our own Redis keys (BullMQ keeps its `bull:` prefix). */
export const KEY_PREFIX = 'kms-review';

export type JobTarget = ReviewTarget & { changedFiles?: number };

export interface ReviewJobData {
  installationId: number;
  target: JobTarget;
  enqueuedAt: number;
  /** How often a shutting-down worker handed this job back (the next attempt checks the run first). */
  requeued?: number;
}

export interface ReviewJobResult {
  outcome: string;
}

/** `acme/infra#42`: one pull request. */
export const pullKeyOf = (t: Pick<ReviewTarget, 'owner' | 'repo' | 'pullNumber'>): string => `${t.owner}/${t.repo}#${t.pullNumber}`;

/** `acme/infra#42@<head sha>`: one review (BullMQ forbids `:` in custom ids; GitHub names have none). */
export const jobIdOf = (t: Pick<ReviewTarget, 'owner' | 'repo' | 'pullNumber' | 'headSha'>): string => `${pullKeyOf(t)}@${t.headSha}`.replaceAll(':', '_');

/** Pending reviews of one pull request: job id → reservation time (the dedupe and supersede index). */
export const pendingKeyOf = (t: Pick<ReviewTarget, 'owner' | 'repo' | 'pullNumber'>): string => `${KEY_PREFIX}:pending:${pullKeyOf(t)}`;

/** Reservations of a pull request (and a pending job's run record) are forgotten after a week without activity. */
export const PENDING_TTL_MS = 7 * 24 * 3600_000;

export interface QueueSettings {
  /** Reviews one worker process runs at once (`KMS_REVIEW_CONCURRENCY`, default 4). */
  concurrency: number;
  /** Reviews of one installation running at once across all workers (`KMS_REVIEW_INSTALLATION_LIMIT`, default 2). */
  installationLimit: number;
  /** Attempts per job (`KMS_REVIEW_ATTEMPTS`, default 5), exponential backoff from `backoffMs` (`KMS_REVIEW_BACKOFF_MS`, 5000). */
  attempts: number;
  backoffMs: number;
  /** BullMQ job lock (`KMS_REVIEW_LOCK_MS`, default 30000): a killed worker's job is re-queued after it. */
  lockMs: number;
  /** SIGTERM: how long running reviews may finish before they are handed back (`KMS_REVIEW_SHUTDOWN_GRACE_MS`, 20000). */
  shutdownGraceMs: number;
  /**
   * How long a worker waits for a check run the receiver is creating before it creates (or adopts)
   * the run itself (`KMS_REVIEW_RUN_WAIT_MS`, default 120000). The receiver sends no write for that
   * run after half of it, so the two never both write it.
   */
  runWaitMs: number;
}

export const DEFAULT_SETTINGS: QueueSettings = {
  concurrency: 4,
  installationLimit: 2,
  attempts: 5,
  backoffMs: 5000,
  lockMs: 30_000,
  shutdownGraceMs: 20_000,
  runWaitMs: 120_000,
};

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  return {
    concurrency: positiveInt(env, 'KMS_REVIEW_CONCURRENCY', DEFAULT_SETTINGS.concurrency),
    installationLimit: positiveInt(env, 'KMS_REVIEW_INSTALLATION_LIMIT', DEFAULT_SETTINGS.installationLimit),
    attempts: positiveInt(env, 'KMS_REVIEW_ATTEMPTS', DEFAULT_SETTINGS.attempts),
    backoffMs: positiveInt(env, 'KMS_REVIEW_BACKOFF_MS', DEFAULT_SETTINGS.backoffMs),
    lockMs: positiveInt(env, 'KMS_REVIEW_LOCK_MS', DEFAULT_SETTINGS.lockMs),
    shutdownGraceMs: positiveInt(env, 'KMS_REVIEW_SHUTDOWN_GRACE_MS', DEFAULT_SETTINGS.shutdownGraceMs),
    runWaitMs: positiveInt(env, 'KMS_REVIEW_RUN_WAIT_MS', DEFAULT_SETTINGS.runWaitMs),
  };
}
