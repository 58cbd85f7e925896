/**
 * Every door that is not `probot run` (the container's server, the Lambda handler, the worker)
 * builds its Probot the same way: from the environment (`APP_ID`, `PRIVATE_KEY` or
 * `PRIVATE_KEY_PATH`, `WEBHOOK_SECRET`, `LOG_LEVEL`, `GHE_HOST`/`GHE_PROTOCOL`, `REDIS_URL`) with
 * our Octokit policy. With `REDIS_URL`, Probot's throttling keeps its state in that Redis (replicas
 * share one view of the rate limits) and the webhook handlers queue reviews instead of running them.
 */
import { type ApplicationFunction, createProbot, type Probot } from 'probot';
import { kmsReviewApp, reviewDepsFromEnv } from '../app.js';
import { KmsOctokit } from '../github/octokit.js';
import type { ReviewDeps } from '../github/review.js';
import { IndexProducer } from './index-queue.js';
import { settingsFromEnv } from './jobs.js';
import { ReviewProducer, redisFromUrl, withInstallation } from './producer.js';

export function probotFromEnv(env: NodeJS.ProcessEnv = process.env): Probot {
  if (!env.APP_ID) throw new Error('APP_ID is required');
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) throw new Error('PRIVATE_KEY or PRIVATE_KEY_PATH is required');
  if (!env.WEBHOOK_SECRET) throw new Error('WEBHOOK_SECRET is required');
  return createProbot({ env, overrides: { Octokit: KmsOctokit } });
}

export interface Receiver {
  probot: Probot;
  app: ApplicationFunction;
  /** Set in queue mode. */
  producer?: ReviewProducer;
  close(): Promise<void>;
}

/** The webhook-receiving side: reviews inline, or — with `REDIS_URL` — queued for workers. */
export function receiverFromEnv(env: NodeJS.ProcessEnv = process.env, given: ReviewDeps = {}): Receiver {
  const probot = probotFromEnv(env);
  const deps = reviewDepsFromEnv(env, given);
  if (!env.REDIS_URL) return { probot, app: kmsReviewApp(deps), close: async () => {} };
  const redis = redisFromUrl(env.REDIS_URL);
  const producer = new ReviewProducer(redis, settingsFromEnv(env), probot.log);
  // With the key index too, repositories to index are queued for the workers as well.
  const indexing = deps.indexer ? new IndexProducer(redis) : undefined;
  return {
    probot,
    app: withInstallation(kmsReviewApp({ ...deps, defer: producer.defer, ...(indexing ? { indexer: indexing.indexer } : {}) })),
    producer,
    close: async () => {
      await producer.close();
      await indexing?.close();
      await redis.quit();
    },
  };
}
