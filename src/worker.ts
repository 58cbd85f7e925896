/**
 * The worker's entry (`node lib/worker.js`, also `kms-review worker`): runs queued reviews until
 * SIGTERM/SIGINT, then shuts down gracefully (`src/queue/consumer.ts`). Needs `REDIS_URL` and the
 * same app environment as the server.
 */
import { pathToFileURL } from 'node:url';
import { reviewDepsFromEnv, sharedKeyIndex } from './app.js';
import { blobCacheOf } from './github/review.js';
import { databaseUrlOf } from './index/db.js';
import { ReviewWorker } from './queue/consumer.js';
import { probotFromEnv } from './queue/env.js';
import { DEFAULT_INDEX_CRON, IndexWorker } from './queue/index-queue.js';
import { settingsFromEnv } from './queue/jobs.js';
import { redisFromUrl } from './queue/producer.js';

export interface RunningWorker {
  worker: ReviewWorker;
  /** Graceful stop; resolves when running reviews finished or were handed back. */
  stop(): Promise<void>;
}

export async function startWorker(env: NodeJS.ProcessEnv = process.env): Promise<RunningWorker> {
  if (!env.REDIS_URL) throw new Error('REDIS_URL is required: the worker takes its jobs from Redis');
  const probot = probotFromEnv(env);
  await probot.ready();
  const redis = redisFromUrl(env.REDIS_URL);
  const settings = settingsFromEnv(env);
  const stalled = env.KMS_REVIEW_STALLED_INTERVAL_MS ? Number(env.KMS_REVIEW_STALLED_INTERVAL_MS) : undefined;
  const reviewDeps = reviewDepsFromEnv(env);
  const worker = new ReviewWorker({ probot, redis, settings, reviewDeps, ...(stalled ? { stalledIntervalMs: stalled } : {}) });
  await worker.worker.waitUntilReady();
  // With DATABASE_URL the workers also keep the key index: queued repositories, and the nightly sweep.
  const indexer = reviewDeps.index
    ? new IndexWorker({ auth: (id) => probot.auth(id), redis, index: sharedKeyIndex(databaseUrlOf(env)!), cache: blobCacheOf(reviewDeps), log: probot.log })
    : undefined;
  if (indexer) {
    await indexer.worker.waitUntilReady();
    await indexer.producer.scheduleNightly(env.KMS_REVIEW_INDEX_CRON || DEFAULT_INDEX_CRON);
  }
  probot.log.info({ concurrency: settings.concurrency, installationLimit: settings.installationLimit }, 'kms-review worker ready');
  return {
    worker,
    stop: async () => {
      await worker.close();
      await indexer?.close();
      await redis.quit();
    },
  };
}

/** Runs until a signal; resolves after the graceful shutdown. */
export async function runWorkerUntilSignal(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const running = await startWorker(env);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      running.worker.log.info({ signal }, 'kms-review worker stopping: no new jobs, finishing the running ones');
      void running.stop().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runWorkerUntilSignal();
  process.exit(0);
}
