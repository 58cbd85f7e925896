/**
 * The working side of queue mode (`kms-review worker`): BullMQ workers that run the reviews.
 *
 * - The review is the same `reviewPullRequest` as without a queue; it re-runs, in place, the check
 *   run created `queued` for the job (`target.checkRunId`). The receiver creates it after answering
 *   the webhook, so a job may start before it exists: the worker then creates (or adopts) it
 *   itself, or, when the receiver is creating it right now, waits for it (`run-record.ts`).
 * - Per-installation fairness: a job runs only when its installation has a free slot
 *   (`limiter.ts`); otherwise it steps back into the delayed set for a moment, without spending an attempt.
 * - Failures: the review completes its check run itself whatever happens once it started; a job
 *   fails only when GitHub could not even be reached (token, adopting the run). It is retried with
 *   exponential backoff; after the last attempt the run is completed with the error (or, when it
 *   does not exist yet, by whoever creates it).
 * - A worker killed mid-job: the job's lock expires, BullMQ's stalled check puts it back in the
 *   queue, and the next attempt first asks GitHub whether the run is already completed (the killed
 *   worker may have got that far), so the check run ends exactly once.
 * - SIGTERM (`close`): stop taking jobs, let running reviews finish for `shutdownGraceMs`, then
 *   hand the rest back to the queue (`moveToWait`) for another worker; waits for the last
 *   reservations to be released before it resolves (they use the Redis connection).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, type Job, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Probot } from 'probot';
import { type ReviewClient, type ReviewDeps, reviewPullRequest } from '../github/review.js';
import { errorOutput } from '../report/check-run.js';
import { completeCheckRun, isCompleted } from './check-runs.js';
import { DEFAULT_SETTINGS, QUEUE_NAME, type QueueSettings, type ReviewJobData, type ReviewJobResult } from './jobs.js';
import { InstallationLimiter } from './limiter.js';
import { releaseReservation } from './producer.js';
import { claimRun, endRun, openRun } from './run-record.js';

/** How long a job waits for its installation's slot before it is tried again (plus jitter). */
const SLOT_WAIT_MS = 250;
/** While the receiver is creating a job's check run, how often the worker looks whether it is done. */
const RUN_POLL_MS = 200;

class HandBack extends Error {
  constructor() {
    super('worker shutting down: job handed back to the queue');
  }
}

export interface ReviewWorkerOptions {
  probot: Probot;
  redis: Redis;
  settings?: QueueSettings;
  /** Extra review dependencies (cache, publishers, `today` in tests). */
  reviewDeps?: ReviewDeps;
  /** BullMQ's stalled-job check period (defaults to BullMQ's; tests make it short). */
  stalledIntervalMs?: number;
}

export class ReviewWorker {
  readonly worker: Worker<ReviewJobData, ReviewJobResult>;
  readonly limiter: InstallationLimiter;
  readonly #settings: QueueSettings;
  readonly #running = new Map<string, () => void>();
  /** Reservations being released after a job finished (`close` waits for them). */
  readonly #releasing = new Set<Promise<void>>();
  #closing: Promise<void> | undefined;

  constructor(private readonly options: ReviewWorkerOptions) {
    this.#settings = options.settings ?? DEFAULT_SETTINGS;
    this.limiter = new InstallationLimiter(options.redis, this.#settings.installationLimit, this.#settings.lockMs);
    this.worker = new Worker<ReviewJobData, ReviewJobResult>(QUEUE_NAME, (job, token) => this.#process(job, token), {
      connection: options.redis,
      concurrency: this.#settings.concurrency,
      lockDuration: this.#settings.lockMs,
      maxStalledCount: 3,
      // Seconds a worker blocks waiting for jobs on an empty queue; also bounds how long close() waits for that call.
      drainDelay: 1,
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
      autorun: true,
    });
    this.worker.on('completed', (job) => this.#release(job));
    this.worker.on('failed', (job) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.#release(job);
    });
    this.worker.on('error', (error) => this.log.warn({ err: error }, 'kms-review: queue worker error'));
  }

  get log() {
    return this.options.probot.log;
  }

  #release(job: Job<ReviewJobData>): void {
    const released = releaseReservation(this.options.redis, job.data.target, job.id as string, this.#settings.runWaitMs)
      .catch(() => {})
      .finally(() => this.#releasing.delete(released));
    this.#releasing.add(released);
  }

  async #process(job: Job<ReviewJobData, ReviewJobResult>, token?: string): Promise<ReviewJobResult> {
    const { installationId, target } = job.data;
    const jobId = job.id as string;
    if (!(await this.limiter.acquire(installationId, jobId))) {
      await job.moveToDelayed(Date.now() + SLOT_WAIT_MS + Math.floor(Math.random() * SLOT_WAIT_MS), token);
      throw new DelayedError();
    }
    const renew = setInterval(() => void this.limiter.renew(installationId, jobId).catch(() => {}), Math.max(250, Math.floor(this.#settings.lockMs / 3)));
    const handingBack = new AbortController();
    const handedBack = new Promise<never>((_, reject) => handingBack.signal.addEventListener('abort', () => reject(new HandBack())));
    handedBack.catch(() => {});
    this.#running.set(jobId, () => handingBack.abort());
    let octokit: ReviewClient | undefined;
    try {
      octokit = (await this.options.probot.auth(installationId)) as unknown as ReviewClient;
      const outcome = await Promise.race([this.#review(job, octokit, handingBack.signal), handedBack]);
      return { outcome };
    } catch (error) {
      if (error instanceof HandBack) {
        await job.updateData({ ...job.data, requeued: (job.data.requeued ?? 0) + 1 });
        await job.moveToWait(token);
        this.log.info({ job: jobId }, 'kms-review: running review handed back to the queue');
        throw new WaitingError();
      }
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        const checkRun = await endRun(this.options.redis, jobId, errorOutput(error)).catch(() => undefined);
        if (checkRun !== undefined && octokit) await completeCheckRun(octokit, target, checkRun, errorOutput(error)).catch(() => {});
      }
      this.log.warn({ err: error, job: jobId, attempt: job.attemptsMade + 1 }, 'kms-review: review attempt failed');
      throw error;
    } finally {
      clearInterval(renew);
      this.#running.delete(jobId);
      await this.limiter.release(installationId, jobId).catch(() => {});
    }
  }

  /** The job's run, then the review in place; the outcome's kind. */
  async #review(job: Job<ReviewJobData, ReviewJobResult>, octokit: ReviewClient, handingBack: AbortSignal): Promise<string> {
    const { target } = job.data;
    const jobId = job.id as string;
    const checkRunId = await this.#runOf(job, octokit, handingBack);
    // Only a job removed while it was being picked up ends before it runs: its run is already dealt with.
    if (checkRunId === undefined) return 'ended';
    const again = job.attemptsMade > 0 || job.stalledCounter > 0 || (job.data.requeued ?? 0) > 0;
    if (again && (await isCompleted(octokit, target, checkRunId))) {
      this.log.info({ job: jobId }, 'kms-review: check run already completed by an earlier attempt');
      return 'already-completed';
    }
    const result = await reviewPullRequest(octokit, { ...target, checkRunId }, { ...this.options.reviewDeps, log: this.options.reviewDeps?.log ?? this.log });
    return result.outcome.kind;
  }

  /**
   * The job's recorded run; else one created here — at once when the receiver has not started
   * creating it, or once the receiver's claim ran out (`runWaitMs`: it died or froze meanwhile).
   */
  async #runOf(job: Job<ReviewJobData, ReviewJobResult>, octokit: ReviewClient, handingBack: AbortSignal): Promise<number | undefined> {
    const redis = this.options.redis;
    const jobId = job.id as string;
    for (;;) {
      const claim = await claimRun(redis, jobId, 'worker', this.#settings.runWaitMs);
      if (typeof claim === 'number') return claim;
      if (claim === 'create') return openRun(octokit, redis, job.data.target, jobId);
      if (claim === 'skip') return undefined;
      await sleep(RUN_POLL_MS, undefined, { signal: handingBack });
    }
  }

  /** Graceful shutdown: no new jobs; running ones finish within the grace period or go back to the queue. */
  close(graceMs = this.#settings.shutdownGraceMs): Promise<void> {
    this.#closing ??= (async () => {
      const closed = this.worker.close();
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([closed.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))]);
      clearTimeout(timer);
      if (late) {
        for (const handBack of this.#running.values()) handBack();
        await closed;
      }
      await Promise.all(this.#releasing);
    })();
    return this.#closing;
  }
}
