/**
 * The receiving side of queue mode: `defer` is the review's hand-off (`ReviewDeps.defer`). The
 * webhook's answer waits for Redis only: `defer` reserves the job id (a re-delivered webhook stops
 * here), adds the BullMQ job and returns. GitHub's calls — Probot spaces an installation's writes a
 * second apart, so a burst would otherwise queue the answers past GitHub's 10 s — run afterwards,
 * in a background task per job that `close()` waits for:
 *
 * 1. when the same pull request has other reviews pending, the pull request's head is read once and
 *    every *queued* review of another head is removed and its run ended as superseded (a running
 *    one notices by itself before publishing);
 * 2. the job's check run is created `queued` and its id recorded for the worker (`run-record.ts`),
 *    one run at a time per installation: Probot sends an installation's writes one by one anyway,
 *    and a run is claimed only when its write is next, so a worker that starts the job earlier
 *    creates the run itself instead of waiting behind a claim.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ApplicationFunction } from 'probot';
import type { ReviewClient, ReviewResult } from '../github/review.js';
import { supersededOutput } from '../report/check-run.js';
import { completeCheckRun } from './check-runs.js';
import {
  DEFAULT_SETTINGS,
  type JobTarget,
  jobIdOf,
  PENDING_TTL_MS,
  pendingKeyOf,
  QUEUE_NAME,
  type QueueSettings,
  type ReviewJobData,
  type ReviewJobResult,
} from './jobs.js';
import { claimRun, endRun, openRun, runKeyOf } from './run-record.js';

/** A reservation without a job older than this is a leftover of a crash, not a delivery in flight. */
const STALE_RESERVATION_MS = 60_000;

type Log = { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };

export type DeferResult = ReviewResult & { queued: 'added' | 'duplicate' };

/** Redis connection options BullMQ needs (blocking commands must not give up). */
export function redisFromUrl(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * The installation of the webhook being handled. `defer` gets the review's client and target only,
 * so the app is loaded through `withInstallation`, which runs every handler inside this store.
 */
const eventInstallation = new AsyncLocalStorage<number | undefined>();

type Handler = (context: { payload: unknown }) => unknown;

/** The app, with each webhook handler run knowing its event's installation (for `defer`). */
export function withInstallation(app: ApplicationFunction): ApplicationFunction {
  return (probot, options) => {
    const on = (events: unknown, handler: Handler) =>
      (probot.on as (e: unknown, h: Handler) => void)(events, (context) =>
        eventInstallation.run((context.payload as { installation?: { id?: number } }).installation?.id, () => handler(context)),
      );
    const wrapped = new Proxy(probot, {
      get(target, prop) {
        if (prop === 'on') return on;
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return app(wrapped, options);
  };
}

function installationOfEvent(): number {
  const id = eventInstallation.getStore();
  if (!id) throw new Error('queue mode: no installation for this event (is the app loaded through withInstallation?)');
  return id;
}

export class ReviewProducer {
  readonly queue: Queue<ReviewJobData, ReviewJobResult>;
  /** Background tasks (GitHub's part of a delivery) still running: `close()` waits for them. */
  readonly #background = new Set<Promise<void>>();
  /** Per installation, the end of its line of run creations. */
  readonly #creations = new Map<number, Promise<void>>();

  constructor(
    readonly redis: Redis,
    readonly settings: QueueSettings = DEFAULT_SETTINGS,
    private readonly log?: Log,
  ) {
    this.queue = new Queue<ReviewJobData, ReviewJobResult>(QUEUE_NAME, {
      connection: redis,
      defaultJobOptions: {
        attempts: settings.attempts,
        backoff: { type: 'exponential', delay: settings.backoffMs },
        // Gone once finished: the id must be free for the next review of the same head ("Re-run").
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
  }

  /** `ReviewDeps.defer`: queue this head instead of reviewing it here. No GitHub call before it returns. */
  readonly defer = async (octokit: ReviewClient, target: JobTarget): Promise<DeferResult> => {
    const jobId = jobIdOf(target);
    const pendingKey = pendingKeyOf(target);
    const result = (queued: DeferResult['queued']): DeferResult => ({
      outcome: { kind: 'skipped', reason: `queued (${queued})` },
      calls: { total: 0, byRoute: {} },
      queued,
    });

    if (!(await this.#reserve(pendingKey, jobId))) {
      this.log?.info({ job: jobId }, 'kms-review: already queued or running, delivery ignored');
      return result('duplicate');
    }
    let installationId: number;
    try {
      installationId = installationOfEvent();
      await this.queue.add('review', { installationId, target, enqueuedAt: Date.now() }, { jobId });
    } catch (error) {
      await this.redis.hdel(pendingKey, jobId);
      throw error;
    }
    this.log?.info({ job: jobId }, 'kms-review: review queued');
    this.#inBackground(jobId, this.#afterAnswer(octokit, target, jobId, installationId));
    return result('added');
  };

  /** True when this delivery owns the job id (atomic: HSETNX); a stale reservation is taken over. */
  async #reserve(pendingKey: string, jobId: string): Promise<boolean> {
    const now = Date.now();
    const reserved = (await this.redis.hsetnx(pendingKey, jobId, String(now))) === 1;
    await this.redis.pexpire(pendingKey, PENDING_TTL_MS);
    if (!reserved) {
      const since = Number(await this.redis.hget(pendingKey, jobId));
      if (now - since < STALE_RESERVATION_MS || (await this.queue.getJob(jobId))) return false;
      await this.redis.hset(pendingKey, jobId, String(now));
    }
    // A new review of this head: the previous review's run record (id, end) must not apply to it.
    await this.redis.del(runKeyOf(jobId));
    return true;
  }

  #inBackground(jobId: string, task: Promise<void>): void {
    const tracked = task
      .catch((error: unknown) => this.log?.warn({ err: error, job: jobId }, 'kms-review: background work of a queued review failed'))
      .finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  /** What the answer did not wait for: superseding older heads, then this job's `queued` check run. */
  async #afterAnswer(octokit: ReviewClient, target: JobTarget, jobId: string, installationId: number): Promise<void> {
    await this.#supersede(octokit, target, jobId).catch((error: unknown) =>
      this.log?.warn({ err: error, job: jobId }, 'kms-review: could not supersede older reviews'),
    );
    await this.#inTurn(installationId, () => this.#createRun(octokit, target, jobId));
  }

  /** Runs `create` after the installation's earlier run creations (their failures are their own). */
  #inTurn(installationId: number, create: () => Promise<void>): Promise<void> {
    const turn = (this.#creations.get(installationId) ?? Promise.resolve()).then(create);
    const settled = turn.catch(() => {});
    this.#creations.set(installationId, settled);
    void settled.then(() => {
      if (this.#creations.get(installationId) === settled) this.#creations.delete(installationId);
    });
    return turn;
  }

  async #createRun(octokit: ReviewClient, target: JobTarget, jobId: string): Promise<void> {
    const claim = await claimRun(this.redis, jobId, 'receiver', this.settings.runWaitMs);
    if (claim !== 'create') {
      this.log?.info({ job: jobId, claim }, 'kms-review: check run left to the worker or already dealt with');
      return;
    }
    // A write not sent by then is never sent: after `runWaitMs` a worker takes the claim over.
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), this.settings.runWaitMs / 2);
    try {
      const checkRun = await openRun(octokit, this.redis, target, jobId, stop.signal);
      this.log?.info({ job: jobId, checkRun }, checkRun === undefined ? 'kms-review: check run created and ended at once' : 'kms-review: check run queued');
    } catch (error) {
      if (!stop.signal.aborted) throw error;
      this.log?.info({ job: jobId }, 'kms-review: check run not created in time, left to the worker');
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * When other heads of this pull request are pending, asks GitHub for the current head and removes
   * every queued job of another head (including, when the webhooks came out of order, this one).
   */
  async #supersede(octokit: ReviewClient, target: JobTarget, jobId: string): Promise<void> {
    const pendingKey = pendingKeyOf(target);
    const pending = await this.redis.hkeys(pendingKey);
    if (!pending.some((id) => id !== jobId)) return;
    const { data } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
    const head = data.head.sha;
    for (const id of pending) {
      const job = await this.queue.getJob(id);
      if (!job || job.data.target.headSha === head) continue;
      const state = await job.getState();
      if (state !== 'waiting' && state !== 'delayed' && state !== 'prioritized') continue;
      try {
        await job.remove();
      } catch {
        continue; // a worker took it meanwhile: the review itself will see the newer head
      }
      await this.redis.hdel(pendingKey, id);
      // Its run may not exist yet: then whoever creates it completes it (`run-record.ts`).
      const checkRun = await endRun(this.redis, id, supersededOutput(head));
      if (checkRun !== undefined) {
        await completeCheckRun(octokit, job.data.target, checkRun, supersededOutput(head)).catch((error: unknown) =>
          this.log?.warn({ err: error, job: id }, 'kms-review: could not complete a superseded check run'),
        );
      }
      this.log?.info({ job: id, by: head }, 'kms-review: queued review superseded');
    }
  }

  /** Resolves when no background task is running (tests; `close`). */
  async idle(): Promise<void> {
    while (this.#background.size > 0) await Promise.all(this.#background);
  }

  /** Waits for the background tasks (they use the Redis connection and GitHub), then closes the queue. */
  async close(): Promise<void> {
    await this.idle();
    await this.queue.close();
  }
}

/**
 * Forgets a finished job's reservation: the next delivery of the same head is a new review
 * ("Re-run"). Its run record outlives it for `lingerMs`, long enough for a receiver still creating
 * the run to find the job's end there.
 */
export async function releaseReservation(redis: Redis, target: JobTarget, jobId: string, lingerMs: number): Promise<void> {
  await redis.multi().hdel(pendingKeyOf(target), jobId).pexpire(runKeyOf(jobId), lingerMs).exec();
}
