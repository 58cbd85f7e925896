/**
 * Queue mode against a real Redis (`REDIS_URL`, else `redis-server` on a free loopback port, else
 * skipped with one line saying how to run it: `support/redis.ts`) and a loopback GitHub
 * behind a proxy that can hold requests: the receiver answers before any GitHub call, then creates
 * the check run `queued` in the background (one job per head, re-deliveries deduplicated, a newer
 * head supersedes the queued older one — even before the older run exists); workers adopt that run
 * (waiting for it, or creating it themselves when the receiver never did), run the reviews (two in
 * parallel, per-installation limit), and a worker killed mid-job (SIGKILL) or stopped (SIGTERM)
 * leaves a job that another worker finishes — every check run completed exactly once.
 */
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Probot } from 'probot';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReviewWorker } from '../../src/queue/consumer.js';
import { probotFromEnv, type Receiver, receiverFromEnv } from '../../src/queue/env.js';
import { DEFAULT_SETTINGS, type JobTarget, jobIdOf, type QueueSettings } from '../../src/queue/jobs.js';
import { redisFromUrl } from '../../src/queue/producer.js';
import { runKeyOf } from '../../src/queue/run-record.js';
import { ensureBuilt, repo } from '../server/support/build.js';
import { LoopbackGithub } from '../server/support/github.js';
import { appEnv, spawnNode, until } from '../server/support/process.js';
import type { Loose } from '../support/loose.js';
import { HoldingProxy } from './support/proxy.js';
import { redis as redisSource, startRedis, type TestRedis } from './support/redis.js';

const noRedis = redisSource.kind === 'none';
if (redisSource.kind === 'none') console.warn(`kms-review: ${redisSource.reason}`);

const template = JSON.parse(readFileSync('fixtures/webhooks/pull_request.opened.json', 'utf8'));
const sha = (n: number) => n.toString(16).padStart(40, 'a');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pullRequest(number: number, head: string, installation = 77): Record<string, Loose> {
  const p = structuredClone(template);
  p.action = 'synchronize';
  p.number = number;
  p.pull_request.number = number;
  p.pull_request.head.sha = head;
  p.installation.id = installation;
  return p;
}

const targetOf = (number: number, head: string): JobTarget => ({
  owner: 'acme',
  repo: 'platform-infra',
  repoUrl: template.repository.html_url,
  pullNumber: number,
  baseSha: template.pull_request.base.sha,
  headSha: head,
  fork: false,
});

let redis: TestRedis;
let github: LoopbackGithub;
let proxy: HoldingProxy;
let env: Record<string, string>;
let receiver: Receiver;
const workers: { worker: ReviewWorker; redis: Redis }[] = [];

const FAST: QueueSettings = { ...DEFAULT_SETTINGS, concurrency: 2, installationLimit: 1, backoffMs: 100, lockMs: 1500, shutdownGraceMs: 300 };

async function startWorker(settings: QueueSettings = FAST): Promise<ReviewWorker> {
  const probot: Probot = probotFromEnv(env);
  await probot.ready();
  const connection = redisFromUrl(redis.url);
  const worker = new ReviewWorker({ probot, redis: connection, settings, stalledIntervalMs: 500 });
  await worker.worker.waitUntilReady();
  workers.push({ worker, redis: connection });
  return worker;
}

const deliver = (payload: Record<string, Loose>, id = `d-${payload.number}-${payload.pull_request.head.sha.slice(0, 6)}`) =>
  receiver.probot.receive({ id, name: 'pull_request', payload } as never);

const producer = () => receiver.producer!;
const runRecord = (number: number, head: string) => redis.client.hgetall(runKeyOf(jobIdOf(targetOf(number, head))));
const runsOf = (head: string) => [...github.runs.values()].filter((r) => r.headSha === head);
const isCheckRunPost = (r: { method: string; path: string }) => r.method === 'POST' && /\/check-runs$/.test(r.path);

// Without Redis the suites below are skipped, and so is their set-up.
beforeAll(async () => {
  if (noRedis) return;
  await ensureBuilt(['worker.js']);
  redis = await startRedis(redisSource);
}, 120_000);
afterAll(async () => redis?.stop());

beforeEach(async () => {
  if (noRedis) return;
  // Not FLUSHALL: Probot's throttling (Bottleneck) keeps its cluster settings in the same Redis, and a REDIS_URL may hold other data.
  await redis.clear();
  github = await new LoopbackGithub().start();
  proxy = await new HoldingProxy(github.port).start();
  env = appEnv(proxy.host, { REDIS_URL: redis.url, LOG_LEVEL: 'fatal' });
  receiver = receiverFromEnv(env);
  await receiver.probot.load(receiver.app);
});

afterEach(async () => {
  if (noRedis) return;
  // Order matters: nothing may still use a connection when it is closed.
  proxy.release();
  for (const { worker, redis: connection } of workers.splice(0)) {
    await worker.close(0);
    await connection.quit();
  }
  await receiver.close(); // waits for the receiver's background GitHub work
  await proxy.stop();
  await github.stop();
});

describe.skipIf(noRedis)('the receiver', () => {
  it('answers before any GitHub call, then creates the check run queued; one job per head; a re-delivered webhook adds nothing', async () => {
    proxy.hold(() => true);
    const payload = pullRequest(42, sha(1));
    const started = Date.now();
    await deliver(payload);
    await deliver(payload); // GitHub's "Redeliver": same delivery, same head
    expect(Date.now() - started).toBeLessThan(1000);
    // Both answered while GitHub was unreachable: the answer path is Redis only.
    expect(github.requests).toEqual([]);
    const job = await producer().queue.getJob(jobIdOf(targetOf(42, sha(1))));
    expect(job?.data).toMatchObject({ installationId: 77, target: { pullNumber: 42, headSha: sha(1) } });
    expect(await producer().queue.getJobCounts('waiting', 'active', 'delayed')).toMatchObject({ waiting: 1, active: 0, delayed: 0 });
    await until('the background work calling GitHub', () => proxy.held > 0);
    expect(await runRecord(42, sha(1))).toEqual({ by: 'receiver', at: expect.any(String) });

    proxy.release();
    await producer().idle();
    const runs = [...github.runs.values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'queued', installation: 77, headSha: sha(1), externalId: 'pr-42' });
    expect(await runRecord(42, sha(1))).toMatchObject({ id: String(runs[0].id), by: 'receiver' });
    // The token and the run, once (the re-delivery stopped at the reservation): no review work in the receiver.
    expect(github.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{40}/, '<sha>')}`)).toEqual([
      'POST /app/installations/77/access_tokens',
      'GET /repos/acme/platform-infra/commits/<sha>/check-runs',
      'POST /repos/acme/platform-infra/check-runs',
    ]);
  });

  it('a newer head of the same pull request supersedes the queued older one', async () => {
    await deliver(pullRequest(42, sha(1)));
    await producer().idle();
    github.heads.set(42, sha(2));
    await deliver(pullRequest(42, sha(2)));
    await producer().idle();
    const [older, newer] = [...github.runs.values()];
    expect(older).toMatchObject({
      headSha: sha(1),
      status: 'completed',
      conclusion: 'cancelled',
      title: `Superseded by ${sha(2).slice(0, 7)}`,
      completions: 1,
    });
    expect(newer).toMatchObject({ headSha: sha(2), status: 'queued' });
    const waiting = await producer().queue.getJobs(['waiting']);
    expect(waiting.map((j) => j.data.target.headSha)).toEqual([sha(2)]);
    // A worker then reviews only the newer head.
    await startWorker();
    await until('the newer review', () => newer.status === 'completed');
    expect(newer).toMatchObject({ conclusion: 'success', completions: 1 });
    expect(older.completions).toBe(1);
  });

  it('a head superseded before its check run exists: the run is completed as superseded right after it is created', async () => {
    proxy.hold((r) => isCheckRunPost(r) && r.body?.head_sha === sha(1));
    await deliver(pullRequest(42, sha(1)));
    await until('the older run on its way to GitHub', () => proxy.held === 1);
    github.heads.set(42, sha(2));
    await deliver(pullRequest(42, sha(2)));
    // The older job is gone and marked ended while its run does not exist yet.
    await until('the older job superseded', async () => (await runRecord(42, sha(1))).end);
    expect((await producer().queue.getJobs(['waiting'])).map((j) => j.data.target.headSha)).toEqual([sha(2)]);
    expect(runsOf(sha(1))).toEqual([]);
    expect(await runRecord(42, sha(1))).not.toHaveProperty('id');

    proxy.release();
    await producer().idle();
    expect(runsOf(sha(1))).toEqual([
      expect.objectContaining({ status: 'completed', conclusion: 'cancelled', title: `Superseded by ${sha(2).slice(0, 7)}`, completions: 1 }),
    ]);
    expect(runsOf(sha(2))).toEqual([expect.objectContaining({ status: 'queued', completions: 0 })]);
  });
});

describe.skipIf(noRedis)('workers', () => {
  it('a worker that takes a job while the receiver is creating its check run waits for it, then adopts it', async () => {
    proxy.hold(isCheckRunPost);
    await deliver(pullRequest(44, sha(9)));
    await until('the receiver creating the run', () => proxy.held === 1);
    await startWorker();
    const job = (await producer().queue.getJob(jobIdOf(targetOf(44, sha(9)))))!;
    await until('the worker holding the job', async () => (await job.getState()) === 'active');
    await sleep(500);
    expect(github.runs.size).toBe(0);
    proxy.release();
    await until('the run completed', () => github.completed().length === 1);
    await sleep(300);
    expect([...github.runs.values()]).toEqual([expect.objectContaining({ headSha: sha(9), conclusion: 'success', completions: 1 })]);
    // One run, the receiver's: the worker created none of its own.
    expect(github.requests.filter(isCheckRunPost)).toHaveLength(1);
  });

  it('a worker that takes a job before the receiver started creating its run creates it at once; the receiver then leaves it', async () => {
    // The receiver creates one run at a time per installation: while the first is held, the second waits its turn.
    proxy.hold((r) => isCheckRunPost(r) && r.body?.head_sha === sha(12));
    await deliver(pullRequest(47, sha(12)));
    await until('the receiver creating the first run', () => proxy.held === 1);
    await deliver(pullRequest(48, sha(13)));
    await startWorker({ ...FAST, installationLimit: 2 });
    await until('the second run completed', () => runsOf(sha(13))[0]?.status === 'completed');
    expect(runsOf(sha(12))).toEqual([]);
    proxy.release();
    await until('the first run completed', () => runsOf(sha(12))[0]?.status === 'completed');
    await producer().idle();
    await sleep(300);
    expect([...github.runs.values()].map((r) => [r.headSha, r.conclusion, r.completions])).toEqual([
      [sha(13), 'success', 1],
      [sha(12), 'success', 1],
    ]);
    expect(github.requests.filter(isCheckRunPost)).toHaveLength(2);
  });

  it('a job whose receiver never got to its background work (gone after answering): the worker creates the check run', async () => {
    const target = targetOf(45, sha(10));
    await producer().queue.add('review', { installationId: 77, target, enqueuedAt: Date.now() }, { jobId: jobIdOf(target) });
    await startWorker();
    await until('the run completed', () => github.completed().length === 1);
    await sleep(300);
    expect([...github.runs.values()]).toEqual([expect.objectContaining({ headSha: sha(10), externalId: 'pr-45', conclusion: 'success', completions: 1 })]);
  });

  it('a receiver whose check run write waited past half of runWaitMs never sends it: the worker takes over after runWaitMs', async () => {
    await receiver.close();
    receiver = receiverFromEnv({ ...env, KMS_REVIEW_RUN_WAIT_MS: '1200' });
    await receiver.probot.load(receiver.app);
    proxy.hold(isCheckRunPost);
    const delivered = Date.now();
    await deliver(pullRequest(46, sha(11)));
    await until('the receiver creating the run', () => proxy.held === 1);
    await startWorker({ ...FAST, runWaitMs: 1200 });
    await until('the receiver giving up', () => proxy.held === 0);
    await producer().idle();
    proxy.release();
    await until('the run completed', () => github.completed().length === 1);
    expect(Date.now() - delivered).toBeGreaterThanOrEqual(1200);
    await sleep(300);
    expect([...github.runs.values()]).toEqual([expect.objectContaining({ headSha: sha(11), conclusion: 'success', completions: 1 })]);
    // The receiver's write never reached GitHub; the worker's did.
    expect(github.requests.filter(isCheckRunPost)).toHaveLength(1);
  });

  it('two workers in parallel review every queued head once, one review per installation at a time', async () => {
    github.filesDelayMs = 150;
    const [a, b] = [await startWorker(), await startWorker()];
    const done = new Map<ReviewWorker, number>([
      [a, 0],
      [b, 0],
    ]);
    for (const w of [a, b]) w.worker.on('completed', () => done.set(w, (done.get(w) ?? 0) + 1));
    for (let n = 1; n <= 8; n++) await deliver(pullRequest(100 + n, sha(100 + n), n % 2 ? 77 : 88));
    await until('8 completed runs', () => github.completed().length === 8, 40_000);
    expect(github.runs.size).toBe(8);
    expect([...github.runs.values()].every((r) => r.completions === 1 && r.conclusion === 'success')).toBe(true);
    expect(github.maxInProgress.get(77)).toBe(1);
    expect(github.maxInProgress.get(88)).toBe(1);
    await until('both workers report', () => (done.get(a) ?? 0) + (done.get(b) ?? 0) === 8);
    expect(done.get(a)).toBeGreaterThan(0);
    expect(done.get(b)).toBeGreaterThan(0);
    // Finished jobs leave no reservation: the same head can be reviewed again ("Re-run").
    expect((await Promise.all((await redis.client.keys('kms-review:pending:*')).map((k) => redis.client.hlen(k)))).every((n) => n === 0)).toBe(true);
  }, 60_000);

  it('a worker killed mid-review (SIGKILL): the job is retried by another worker, the check run completes once', async () => {
    github.filesDelayMs = 2000;
    const child = spawnNode(['lib/worker.js'], { ...env, KMS_REVIEW_LOCK_MS: '1500', KMS_REVIEW_STALLED_INTERVAL_MS: '500', LOG_LEVEL: 'warn' }, repo);
    await deliver(pullRequest(42, sha(7)));
    const [run] = await until('the check run', () => github.runs.size === 1 && [...github.runs.values()]);
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
    const [run] = await until('the check run', () => github.runs.size === 1 && [...github.runs.values()]);
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
