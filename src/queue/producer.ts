/**
 * The receiving side of queue mode: `defer` is the review's hand-off (`ReviewDeps.defer`). For one
 * pull request head it reserves the job id (a re-delivered webhook stops here), creates the check
 * run `queued`, adds the BullMQ job and returns — the webhook is answered in a few hundred
 * milliseconds whatever the size of the review. When the same pull request has other reviews
 * pending, the pull request's head is read once and every *queued* review of another head is
 * removed and its run completed as superseded (a running one notices by itself before publishing).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ApplicationFunction } from 'probot';
import type { ReviewClient, ReviewResult } from '../github/review.js';
import { errorOutput, supersededOutput } from '../report/check-run.js';
import { createApiCallCounter } from '../sources/api-calls.js';
import { completeCheckRun, createQueuedCheckRun } from './check-runs.js';
import { DEFAULT_SETTINGS, type JobTarget, jobIdOf, pendingKeyOf, QUEUE_NAME, type QueueSettings, type ReviewJobData, type ReviewJobResult } from './jobs.js';

/** A reservation without a job older than this is a leftover of a crash, not a delivery in flight. */
const STALE_RESERVATION_MS = 60_000;
/** Reservations of a pull request are forgotten after a week without activity. */
const PENDING_TTL_MS = 7 * 24 * 3600_000;

type Log = { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };

export type DeferResult = ReviewResult & { queued: 'added' | 'duplicate' | 'superseded' };

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

  /** `ReviewDeps.defer`: queue this head instead of reviewing it here. */
  readonly defer = async (octokit: ReviewClient, target: JobTarget): Promise<DeferResult> => {
    const calls = createApiCallCounter();
    calls.attach(octokit);
    const jobId = jobIdOf(target);
    const pendingKey = pendingKeyOf(target);
    const result = (queued: DeferResult['queued'], checkRunId?: number): DeferResult => ({
      outcome: { kind: 'skipped', reason: `queued (${queued})` },
      calls: calls.snapshot(),
      queued,
      ...(checkRunId !== undefined ? { checkRunId } : {}),
    });

    if (!(await this.#reserve(pendingKey, jobId))) {
      this.log?.info({ job: jobId }, 'kms-review: already queued or running, delivery ignored');
      return result('duplicate');
    }
    let checkRunId: number | undefined;
    try {
      const installationId = installationOfEvent();
      checkRunId = await createQueuedCheckRun(octokit, target);
      await this.queue.add('review', { installationId, target, checkRunId, enqueuedAt: Date.now() }, { jobId });
    } catch (error) {
      await this.redis.hdel(pendingKey, jobId);
      if (checkRunId !== undefined) await completeCheckRun(octokit, target, checkRunId, errorOutput(error)).catch(() => {});
      throw error;
    }
    this.log?.info({ job: jobId, checkRun: checkRunId }, 'kms-review: review queued');
    const superseded = await this.#supersede(octokit, target, jobId);
    return result(superseded ? 'superseded' : 'added', checkRunId);
  };

  /** True when this delivery owns the job id (atomic: HSETNX); a stale reservation is taken over. */
  async #reserve(pendingKey: string, jobId: string): Promise<boolean> {
    const now = Date.now();
    const reserved = (await this.redis.hsetnx(pendingKey, jobId, String(now))) === 1;
    await this.redis.pexpire(pendingKey, PENDING_TTL_MS);
    if (reserved) return true;
    const since = Number(await this.redis.hget(pendingKey, jobId));
    if (now - since < STALE_RESERVATION_MS || (await this.queue.getJob(jobId))) return false;
    await this.redis.hset(pendingKey, jobId, String(now));
    return true;
  }

  /**
   * When other heads of this pull request are pending, asks GitHub for the current head and removes
   * every queued job of another head (including, when the webhooks came out of order, this one).
   * Returns true when this delivery's own job was superseded.
   */
  async #supersede(octokit: ReviewClient, target: JobTarget, jobId: string): Promise<boolean> {
    const pendingKey = pendingKeyOf(target);
    const pending = await this.redis.hkeys(pendingKey);
    if (!pending.some((id) => id !== jobId)) return false;
    const { data } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
    const head = data.head.sha;
    let mine = false;
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
      await completeCheckRun(octokit, job.data.target, job.data.checkRunId, supersededOutput(head)).catch((error: unknown) =>
        this.log?.warn({ err: error, job: id }, 'kms-review: could not complete a superseded check run'),
      );
      this.log?.info({ job: id, by: head }, 'kms-review: queued review superseded');
      if (id === jobId) mine = true;
    }
    return mine;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** Forgets a finished job's reservation: the next delivery of the same head is a new review ("Re-run"). */
export async function releaseReservation(redis: Redis, target: JobTarget, jobId: string): Promise<void> {
  await redis.hdel(pendingKeyOf(target), jobId);
}
