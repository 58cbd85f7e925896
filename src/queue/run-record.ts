/**
 * A job's check run, as the receiver, the worker and the superseding path share it: the receiver
 * answers the webhook before the run exists, so the run lives in a Redis hash
 * `kms-review:run:<job id>` rather than in the job:
 *
 * - `by`, `at`: who creates the run and since when (Redis time). Whoever comes first claims it:
 *   the receiver right before its write, or a worker that starts the job before that (it creates
 *   the run at once instead of waiting). A worker waits for a receiver's claim for `runWaitMs`, then
 *   takes it over (the receiver died, or its instance froze); the receiver sends nothing after half
 *   of that, so the two never both write the run.
 * - `id`: the run, once created (the first recorded id wins).
 * - `end`: the output the run must be completed with, set when the job ended without running
 *   (superseded while queued, or every attempt failed).
 *
 * Setting `id` or `end` reads the other in the same transaction, so exactly one side finds both and
 * completes the run: a run ends exactly once, whichever of "created" and "ended" happens first.
 */
import type { Redis } from 'ioredis';
import type { ReviewClient } from '../github/review.js';
import type { CheckRunOutput } from '../report/check-run.js';
import { completeCheckRun, createQueuedCheckRun } from './check-runs.js';
import { type JobTarget, KEY_PREFIX, PENDING_TTL_MS } from './jobs.js';

export const runKeyOf = (jobId: string): string => `${KEY_PREFIX}:run:${jobId}`;

const CLAIM = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local id = redis.call('HGET', KEYS[1], 'id')
if id then return id end
if redis.call('HEXISTS', KEYS[1], 'end') == 1 then return 'skip' end
local by = redis.call('HGET', KEYS[1], 'by')
if ARGV[1] == 'receiver' and by then return 'skip' end
if ARGV[1] == 'worker' and by == 'receiver' and now < tonumber(redis.call('HGET', KEYS[1], 'at')) + tonumber(ARGV[2]) then return 'wait' end
redis.call('HSET', KEYS[1], 'by', ARGV[1], 'at', now)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 'create'`;

/**
 * What the caller is to do about the job's run: use the recorded one (its id), `create` it (claimed),
 * `wait` (a worker only: the receiver is creating it), or `skip` (the job ended; for the receiver
 * also: a worker has it).
 */
export async function claimRun(redis: Redis, jobId: string, by: 'receiver' | 'worker', runWaitMs: number): Promise<number | 'create' | 'wait' | 'skip'> {
  const reply = String(await redis.eval(CLAIM, 1, runKeyOf(jobId), by, runWaitMs, PENDING_TTL_MS));
  return /^\d+$/.test(reply) ? Number(reply) : (reply as 'create' | 'wait' | 'skip');
}

/** Records the run's id; returns the recorded one and, when this call recorded it after the job ended, the output to complete it with. */
export async function recordRun(redis: Redis, jobId: string, id: number): Promise<{ id: number; end?: CheckRunOutput }> {
  const key = runKeyOf(jobId);
  const replies = await redis.multi().hsetnx(key, 'id', String(id)).hget(key, 'id').hget(key, 'end').pexpire(key, PENDING_TTL_MS).exec();
  const [recorded, current, end] = (replies ?? []).map(([, value]) => value);
  // Only the call that introduced the id may act on `end`: an id recorded earlier was seen by whoever set `end`.
  return { id: Number(current), ...(recorded === 1 && typeof end === 'string' ? { end: JSON.parse(end) as CheckRunOutput } : {}) };
}

/** Marks the job ended with this output; returns the run's id when it exists and the caller must complete it now. */
export async function endRun(redis: Redis, jobId: string, output: CheckRunOutput): Promise<number | undefined> {
  const key = runKeyOf(jobId);
  const replies = await redis.multi().hsetnx(key, 'end', JSON.stringify(output)).hget(key, 'id').pexpire(key, PENDING_TTL_MS).exec();
  const [ended, id] = (replies ?? []).map(([, value]) => value);
  return ended === 1 && typeof id === 'string' ? Number(id) : undefined;
}

/**
 * After a claim: creates (or adopts) the job's run `queued` and records it; when the job ended
 * meanwhile, completes it at once. Undefined: the run was completed here.
 */
export async function openRun(octokit: ReviewClient, redis: Redis, target: JobTarget, jobId: string, signal?: AbortSignal): Promise<number | undefined> {
  const { id, end } = await recordRun(redis, jobId, await createQueuedCheckRun(octokit, target, signal));
  if (!end) return id;
  await completeCheckRun(octokit, target, id, end);
  return undefined;
}
