/** `kms-review worker`: the queue-mode worker (`src/worker.ts`), configured by the environment. */
import { EXIT, type Io, UsageError } from './common.js';

export const WORKER_USAGE = `kms-review worker

  Queue mode: runs the reviews the webhook receiver queued (BullMQ on REDIS_URL) until SIGTERM,
  then stops taking jobs and lets the running ones finish (or hands them back to the queue).
  Environment: REDIS_URL, APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST;
  KMS_REVIEW_CONCURRENCY (reviews at once, default 4), KMS_REVIEW_INSTALLATION_LIMIT (per
  installation across all workers, default 2).`;

export async function workerCommand(args: string[], _options: Record<string, string | undefined>, io: Io): Promise<number> {
  if (args.length > 0) throw new UsageError('worker takes no arguments (it is configured by the environment)');
  if (!io.env.REDIS_URL) throw new UsageError('worker needs REDIS_URL (the queue)');
  const { runWorkerUntilSignal } = await import('../worker.js');
  await runWorkerUntilSignal(io.env);
  return EXIT.ok;
}
