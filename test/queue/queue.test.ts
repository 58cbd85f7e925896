/**
 * Queue mode against a real Redis (`redis-server` on a free loopback port) and a loopback GitHub:
 * the receiver queues (check run `queued`, one job per head, re-deliveries deduplicated, a newer
 * head supersedes the queued older one), workers run the reviews (two in parallel, per-installation
 * limit), a worker killed mid-job (SIGKILL) or stopped (SIGTERM) leaves a job that another worker
 * finishes — every check run completed exactly once.
 */
import { readFileSync } from 'node:fs';
import type { Probot } from 'probot';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReviewWorker } from '../../src/queue/consumer.js';
import { probotFromEnv, type Receiver, receiverFromEnv } from '../../src/queue/env.js';
import { DEFAULT_SETTINGS, jobIdOf, type QueueSettings } from '../../src/queue/jobs.js';
import { redisFromUrl } from '../../src/queue/producer.js';
import { ensureBuilt, repo } from '../server/support/build.js';
import { LoopbackGithub } from '../server/support/github.js';
import { appEnv, spawnNode, until } from '../server/support/process.js';
import { startRedis, type TestRedis } from './support/redis.js';

const template = JSON.parse(readFileSync('fixtures/webhooks/pull_request.opened.json', 'utf8'));
const sha = (n: number) => n.toString(16).padStart(40, 'a');

function pullRequest(number: number, head: string, installation = 77): Record<string, any> {
  const p = structuredClone(template);
  p.action = 'synchronize';
  p.number = number;
  p.pull_request.number = number;
  p.pull_request.head.sha = head;
  p.installation.id = installation;
  return p;
}

let redis: TestRedis;
let github: LoopbackGithub;
let env: Record<string, string>;
let receiver: Receiver;
const workers: ReviewWorker[] = [];

const FAST: QueueSettings = { ...DEFAULT_SETTINGS, concurrency: 2, installationLimit: 1, backoffMs: 100, lockMs: 1500, shutdownGraceMs: 300 };

async function startWorker(settings: QueueSettings = FAST): Promise<ReviewWorker> {
  const probot: Probot = probotFromEnv(env);
  await probot.ready();
  const worker = new ReviewWorker({ probot, redis: redisFromUrl(redis.url), settings, stalledIntervalMs: 500 });
  await worker.worker.waitUntilReady();
  workers.push(worker);
  return worker;
}

const deliver = (payload: Record<string, any>, id = `d-${payload.number}-${payload.pull_request.head.sha.slice(0, 6)}`) =>
  receiver.probot.receive({ id, name: 'pull_request', payload } as never);

beforeAll(async () => {
  await ensureBuilt(['worker.js']);
  redis = await startRedis();
}, 120_000);
afterAll(async () => redis?.stop());

beforeEach(async () => {
  // Not FLUSHALL: Probot's throttling (Bottleneck) keeps its cluster settings in the same Redis.
  const keys = [...(await redis.client.keys('bull:*')), ...(await redis.client.keys('kms-review:*'))];
  if (keys.length) await redis.client.del(...keys);
  github = await new LoopbackGithub().start();
  env = appEnv(github.host, { REDIS_URL: redis.url, LOG_LEVEL: 'fatal' });
  receiver = receiverFromEnv(env);
  await receiver.probot.load(receiver.app);
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close(0)));
  await receiver.close();
  await github.stop();
});

describe('the receiver', () => {
  it('creates the check run queued and one job per head; a re-delivered webhook adds nothing', async () => {
    const payload = pullRequest(42, sha(1));
    const started = Date.now();
    await deliver(payload);
    await deliver(payload); // GitHub's "Redeliver": same delivery, same head
    expect(Date.now() - started).toBeLessThan(3000);
    const runs = [...github.runs.values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'queued', installation: 77, headSha: sha(1) });
    const counts = await receiver.producer!.queue.getJobCounts('waiting', 'active', 'delayed');
    expect(counts).toMatchObject({ waiting: 1, active: 0, delayed: 0 });
    const job = await receiver.producer!.queue.getJob(jobIdOf({ owner: 'acme', repo: 'platform-infra', pullNumber: 42, headSha: sha(1) }));
    expect(job?.data).toMatchObject({ installationId: 77, checkRunId: runs[0].id, target: { pullNumber: 42, headSha: sha(1) } });
    // Nothing but the token and the run (the re-delivery stops at the reservation): no review work in the receiver.
    expect(github.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{40}/, '<sha>')}`)).toEqual([
      'POST /app/installations/77/access_tokens',
      'GET /repos/acme/platform-infra/commits/<sha>/check-runs',
      'POST /repos/acme/platform-infra/check-runs',
    ]);
  });

  it('a newer head of the same pull request supersedes the queued older one', async () => {
    await deliver(pullRequest(42, sha(1)));
    github.heads.set(42, sha(2));
    await deliver(pullRequest(42, sha(2)));
    const [older, newer] = [...github.runs.values()];
    expect(older).toMatchObject({
      headSha: sha(1),
      status: 'completed',
      conclusion: 'cancelled',
      title: `Superseded by ${sha(2).slice(0, 7)}`,
      completions: 1,
    });
    expect(newer).toMatchObject({ headSha: sha(2), status: 'queued' });
    const waiting = await receiver.producer!.queue.getJobs(['waiting']);
    expect(waiting.map((j) => j.data.target.headSha)).toEqual([sha(2)]);
    // A worker then reviews only the newer head.
    await startWorker();
    await until('the newer review', () => newer.status === 'completed');
    expect(newer).toMatchObject({ conclusion: 'success', completions: 1 });
    expect(older.completions).toBe(1);
  });
});

describe('workers', () => {
  it('two workers in parallel review every queued head once, one review per installation at a time', async () => {
    github.filesDelayMs = 150;
    const [a, b] = [await startWorker(), await startWorker()];
    const done = new Map<ReviewWorker, number>([
      [a, 0],
      [b, 0],
    ]);
    for (const w of [a, b]) w.worker.on('completed', () => done.set(w, (done.get(w) ?? 0) + 1));
    for (let n = 1; n <= 8; n++) await deliver(pullRequest(100 + n, sha(100 + n), n % 2 ? 77 : 88));
    await until('8 completed runs', () => github.completed().length === 8, 20_000);
    expect([...github.runs.values()].every((r) => r.completions === 1 && r.conclusion === 'success')).toBe(true);
    expect(github.maxInProgress.get(77)).toBe(1);
    expect(github.maxInProgress.get(88)).toBe(1);
    await until('both workers report', () => (done.get(a) ?? 0) + (done.get(b) ?? 0) === 8);
    expect(done.get(a)).toBeGreaterThan(0);
    expect(done.get(b)).toBeGreaterThan(0);
    // Finished jobs leave no reservation: the same head can be reviewed again ("Re-run").
    expect((await Promise.all((await redis.client.keys('kms-review:pending:*')).map((k) => redis.client.hlen(k)))).every((n) => n === 0)).toBe(true);
  });

  it('a worker killed mid-review (SIGKILL): the job is retried by another worker, the check run completes once', async () => {
    github.filesDelayMs = 2000;
    const child = spawnNode(['lib/worker.js'], { ...env, KMS_REVIEW_LOCK_MS: '1500', KMS_REVIEW_STALLED_INTERVAL_MS: '500', LOG_LEVEL: 'warn' }, repo);
    await deliver(pullRequest(42, sha(7)));
    const [run] = [...github.runs.values()];
    await until(
      'the review in progress',
      () => run.status === 'in_progress' && github.requests.some((r) => r.path.endsWith('/pulls/42/files')),
      15_000,
      child.output,
    );
    child.process.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');
    github.filesDelayMs = 0;
    await startWorker();
    await until('the run completed', () => run.status === 'completed', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run).toMatchObject({ conclusion: 'success', completions: 1 });
    expect(github.requests.filter((r) => r.path.endsWith('/pulls/42/files'))).toHaveLength(2);
    expect(github.runs.size).toBe(1);
  });

  it('SIGTERM: the worker stops taking jobs, hands the running review back and exits 0; another worker finishes it once', async () => {
    github.filesDelayMs = 3000;
    const child = spawnNode(['lib/worker.js'], { ...env, KMS_REVIEW_SHUTDOWN_GRACE_MS: '200', LOG_LEVEL: 'info' }, repo);
    await deliver(pullRequest(43, sha(8)));
    const [run] = [...github.runs.values()];
    await until('the review in progress', () => run.status === 'in_progress', 15_000, child.output);
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain('handed back to the queue');
    expect(run.status).toBe('in_progress');
    github.filesDelayMs = 0;
    await startWorker();
    await until('the run completed', () => run.status === 'completed', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run).toMatchObject({ conclusion: 'success', completions: 1 });
  });
});
