/**
 * Queue mode for the organisation's key index (with `DATABASE_URL` and `REDIS_URL`): the webhook
 * side queues one `index` job per repository (installation, push to the default branch), the
 * workers index them (src/index/indexer.ts), and a BullMQ job scheduler adds a `sweep` job every
 * night that queues every repository of every installation.
 *
 * - Job id = repository + commit (`head` when the commit is read at run time): a re-delivered push
 *   while its job waits adds nothing; finished jobs are removed, so the next push or night queues again.
 * - A failing job is retried with exponential backoff; the review never waits for the index.
 */
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type IndexClient, type IndexTarget, indexRepository } from '../index/indexer.js';
import type { KeyIndex } from '../index/reader.js';
import type { BlobCache } from '../sources/blob-cache.js';

export const INDEX_QUEUE_NAME = 'kms-review-index';
export const NIGHTLY_SCHEDULER = 'kms-review-nightly-index';
/** Every night at 03:00 UTC unless `KMS_REVIEW_INDEX_CRON` says otherwise (`off`: no nightly run). */
export const DEFAULT_INDEX_CRON = '0 3 * * *';

export interface IndexJobData {
  installationId?: number;
  target?: IndexTarget;
}

type Log = { info(o: object, m?: string): void; warn(o: object, m?: string): void };

/** `acme/infra@<sha>` (BullMQ forbids `:` in custom ids). */
export const indexJobIdOf = (t: IndexTarget): string => `${t.owner}/${t.repo}@${t.sha ?? 'head'}`.replaceAll(':', '_');

const JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: 100 } as const;

export class IndexProducer {
  readonly queue: Queue<IndexJobData>;

  constructor(redis: Redis) {
    this.queue = new Queue<IndexJobData>(INDEX_QUEUE_NAME, { connection: redis });
  }

  /** The handlers' `indexer` in queue mode: one job per repository, nothing read from GitHub here. */
  readonly indexer = async (_octokit: unknown, installationId: number, targets: IndexTarget[], log: Log): Promise<void> => {
    await this.add(installationId, targets);
    log.info({ installationId, repositories: targets.map((t) => `${t.owner}/${t.repo}`) }, 'kms-review: repositories queued for the key index');
  };

  async add(installationId: number, targets: readonly IndexTarget[]): Promise<void> {
    if (targets.length === 0) return;
    await this.queue.addBulk(
      targets.map((target) => ({ name: 'index', data: { installationId, target }, opts: { ...JOB_OPTIONS, jobId: indexJobIdOf(target) } })),
    );
  }

  /** The nightly sweep (idempotent: one scheduler however many workers start); `off` removes it. */
  async scheduleNightly(pattern: string = DEFAULT_INDEX_CRON): Promise<void> {
    if (pattern === 'off') {
      await this.queue.removeJobScheduler(NIGHTLY_SCHEDULER);
      return;
    }
    await this.queue.upsertJobScheduler(
      NIGHTLY_SCHEDULER,
      { pattern, tz: 'UTC' },
      { name: 'sweep', data: {}, opts: { removeOnComplete: true, removeOnFail: 10 } },
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/** What the worker needs of a Probot: an installation's client, and the app's own (no id) to list installations. */
export type AppAuth = (installationId?: number) => Promise<unknown>;

interface AppClient {
  paginate<T>(route: unknown, params?: object): Promise<T[]>;
  rest: { apps: { listInstallations: unknown; listReposAccessibleToInstallation: unknown } };
}

export interface IndexWorkerOptions {
  auth: AppAuth;
  redis: Redis;
  index: Pick<KeyIndex, 'db'>;
  cache: BlobCache;
  log: Log;
  /** Repositories indexed at once by this worker (default 1: indexing is a full scan). */
  concurrency?: number;
}

export class IndexWorker {
  readonly worker: Worker<IndexJobData>;
  readonly producer: IndexProducer;

  constructor(private readonly options: IndexWorkerOptions) {
    this.producer = new IndexProducer(options.redis);
    this.worker = new Worker<IndexJobData>(INDEX_QUEUE_NAME, (job) => this.#process(job), {
      connection: options.redis,
      concurrency: options.concurrency ?? 1,
      drainDelay: 1,
      autorun: true,
    });
    this.worker.on('failed', (job, error) => options.log.warn({ err: error, job: job?.id, attempt: job?.attemptsMade }, 'kms-review: index job failed'));
    this.worker.on('error', (error) => options.log.warn({ err: error }, 'kms-review: index worker error'));
  }

  async #process(job: Job<IndexJobData>): Promise<unknown> {
    if (job.name === 'sweep') return { queued: await this.#sweep() };
    const { installationId, target } = job.data;
    if (!installationId || !target) throw new Error(`index job ${job.id} has no installation or repository`);
    const octokit = (await this.options.auth(installationId)) as IndexClient;
    const done = await indexRepository(octokit, { ...target, installationId }, this.options.index, { cache: this.options.cache });
    this.options.log.info({ ...done }, `kms-review: indexed ${done.repository} at ${done.commit.slice(0, 12)}`);
    return { repository: done.repository, commit: done.commit, keys: done.keys };
  }

  /** Every repository of every installation, queued (their default branch head is read when each runs). */
  async #sweep(): Promise<number> {
    const app = (await this.options.auth()) as AppClient;
    const installations = await app.paginate<{ id: number }>(app.rest.apps.listInstallations, { per_page: 100 });
    let queued = 0;
    for (const installation of installations) {
      const octokit = (await this.options.auth(installation.id)) as AppClient;
      const repos = await octokit.paginate<{ full_name: string; private: boolean; archived?: boolean }>(octokit.rest.apps.listReposAccessibleToInstallation, {
        per_page: 100,
      });
      const targets = repos
        .filter((r) => !r.archived)
        .map((r) => {
          const [owner, repo] = r.full_name.split('/');
          return { owner, repo, private: r.private };
        });
      await this.producer.add(installation.id, targets);
      queued += targets.length;
    }
    this.options.log.info({ installations: installations.length, repositories: queued }, 'kms-review: nightly index sweep queued');
    return queued;
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.producer.close();
  }
}
