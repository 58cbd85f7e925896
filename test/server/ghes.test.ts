/**
 * Every door as a user starts it, on GitHub Enterprise Server: `npm start`, `probot run
 * ./lib/app.js` and `node lib/server.js` (and the queue's server + worker, when Redis is at hand)
 * as child processes configured only by the environment, `GHE_HOST` / `GHE_PROTOCOL` naming a
 * loopback GHES. A signed `pull_request.opened` gets the check run completed with annotations, the
 * review with inline comments and the sticky summary; a `/kms explain` comment gets its answer; and
 * no connection leaves for any host but the loopback GHES (each child records its connections).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_RUN_ID, payload, resetNock } from '../app/harness.js';
import { CommandsFake } from '../commands/harness.js';
import { redis as redisSource, startRedis } from '../queue/support/redis.js';
import { GhesBridge } from './support/bridge.js';
import { ensureBuilt, repo } from './support/build.js';
import { appEnv, type Child, freePort, SECRET, spawnChild, until } from './support/process.js';

const SCENARIO = 'fixtures/scenarios/env-wide-shared-key';
const CONFIG = 'failOn: high\nenvironments:\n  prod: ["envs/prod/**"]\n  dev: ["envs/dev/**"]\n';
const RECORDER = fileURLToPath(new URL('./support/connections.mjs', import.meta.url));
const TIMEOUT = 90_000;

let bridge: GhesBridge;
let fake: CommandsFake;
let scratch: string;
const children: Child[] = [];

beforeAll(async () => {
  await ensureBuilt(['app.js', 'server.js', 'worker.js']);
  bridge = await new GhesBridge().start();
  scratch = mkdtempSync(join(tmpdir(), 'kms-review-ghes-'));
}, 120_000);
afterAll(async () => {
  await bridge?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  resetNock();
  fake = new CommandsFake();
  fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
  fake.config = CONFIG;
  fake.start();
  bridge.received.length = 0;
  bridge.misplaced.length = 0;
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.stop();
    await child.exited;
  }
  resetNock();
});

interface Door {
  name: string;
  command: string;
  args: string[];
}

/** Starts a door against the loopback GHES and waits until it answers on its port. */
async function startDoor(door: Door, extra: Record<string, string> = {}): Promise<{ webhooks: string; connections: string }> {
  const port = await freePort();
  const connections = join(scratch, `${door.name.replace(/\W+/g, '-')}-${port}.jsonl`);
  const env = appEnv(bridge.host, {
    PORT: String(port),
    HOST: '127.0.0.1',
    HOME: scratch,
    NODE_ENV: 'production',
    NODE_OPTIONS: `--import=${RECORDER}`,
    KMS_REVIEW_CONNECTIONS_LOG: connections,
    npm_config_update_notifier: 'false',
    ...extra,
  });
  const child = spawnChild(door.command, door.args, env, repo);
  children.push(child);
  const webhooks = `http://127.0.0.1:${port}/api/github/webhooks`;
  await until(
    'the app to listen',
    () =>
      fetch(webhooks, { method: 'GET' }).then(
        () => true,
        () => false,
      ),
    30_000,
    child.output,
  );
  return { webhooks, connections };
}

async function deliver(webhooks: string, event: string, body: string): Promise<Response> {
  return fetch(webhooks, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': `ghes-${event}-${Math.random()}`,
      'x-hub-signature-256': await sign(SECRET, body),
    },
    body,
  });
}

/** Every outgoing connection of the children went to the loopback GHES (or the given ports). */
function expectOnlyLoopback(connections: string, allowedPorts: number[]): void {
  const lines = readFileSync(connections, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  expect(lines.length).toBeGreaterThan(0);
  for (const c of lines) {
    expect({ host: c.host, allowed: allowedPorts.includes(Number(c.port)) }).toEqual({ host: '127.0.0.1', allowed: true });
  }
  expect(bridge.misplaced).toEqual([]);
  expect(bridge.received.every((r) => / \/api\/(v3\/|graphql$)/.test(r))).toBe(true);
}

async function reviewsThePullRequest(webhooks: string, output: () => string): Promise<void> {
  const res = await deliver(webhooks, 'pull_request', JSON.stringify(payload('pull_request.opened')));
  expect(res.status).toBe(200);
  await until('the sticky summary', () => fake.bodies('POST', '/issues/42/comments').length > 0, TIMEOUT, output);
  const requests = fake.requests();
  expect(requests[0]).toBe('POST /app/installations/77/access_tokens');
  const completed = fake.bodies('PATCH', `/check-runs/${CHECK_RUN_ID}`).filter((b) => b.status === 'completed');
  expect(completed).toHaveLength(1);
  expect(completed[0]).toMatchObject({ conclusion: 'failure', output: { title: expect.stringMatching(/^2 new findings · /) } });
  expect(completed[0].output.annotations.map((a: { title: string }) => a.title.split(' ')[0]).sort()).toEqual(expect.arrayContaining(['KMS103', 'KMS505']));
  const [review] = fake.bodies('POST', '/pulls/42/reviews');
  expect(review).toMatchObject({ commit_id: '2'.repeat(40), event: 'COMMENT' });
  expect(review.comments.length).toBeGreaterThan(0);
  expect(review.comments[0].body).toMatch(/^<!-- kms-review:finding /);
  const [sticky] = fake.bodies('POST', '/issues/42/comments');
  expect(sticky.body).toMatch(/^<!-- kms-review:summary -->\n/);
}

async function answersExplain(webhooks: string, output: () => string): Promise<void> {
  const before = fake.replies().length;
  const body = JSON.stringify(payload('issue_comment.created', (p) => (p.comment.body = '/kms explain alias/platform-prod')));
  expect((await deliver(webhooks, 'issue_comment', body)).status).toBe(200);
  const reply = await until(
    'the /kms explain reply',
    () =>
      fake
        .replies()
        .slice(before)
        .find((r) => r.includes('alias/platform-prod')),
    TIMEOUT,
    output,
  );
  expect(reply).toContain('aws_kms_key.platform');
  expect(fake.reactions()).toEqual(expect.arrayContaining(['eyes', 'rocket']));
}

/** No log line at error level or above, and no sign of the public API. */
function expectCleanOutput(output: string): void {
  expect(output).not.toContain('api.github.com');
  const errors = output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l))
    .filter((l) => l.level >= 50);
  expect(errors).toEqual([]);
}

const DOORS: Door[] = [
  { name: 'npm start', command: 'npm', args: ['start', '--silent'] },
  { name: 'probot run ./lib/app.js', command: process.execPath, args: ['node_modules/probot/bin/probot.js', 'run', './lib/app.js'] },
  { name: 'node lib/server.js', command: process.execPath, args: ['lib/server.js'] },
];

describe.each(DOORS)('GitHub Enterprise Server: $name', (door) => {
  it('reviews a pull request end to end and answers /kms explain, talking only to GHE_HOST', { timeout: 3 * TIMEOUT }, async () => {
    const { webhooks, connections } = await startDoor(door);
    const child = children.at(-1)!;
    await reviewsThePullRequest(webhooks, child.output);
    await answersExplain(webhooks, child.output);
    expectOnlyLoopback(connections, [bridge.port]);
    expectCleanOutput(child.output());
  });
});

describe.skipIf(redisSource.kind === 'none')('GitHub Enterprise Server: queue mode (node lib/server.js + node lib/worker.js)', () => {
  it('the receiver queues, the worker reviews end to end; /kms explain is answered; only GHE_HOST and Redis are contacted', {
    timeout: 3 * TIMEOUT,
  }, async () => {
    const redis = await startRedis(redisSource);
    try {
      await redis.clear();
      const queue = { REDIS_URL: redis.url };
      const receiver = await startDoor({ name: 'queue receiver', command: process.execPath, args: ['lib/server.js'] }, queue);
      const worker = await startWorker(queue);
      const output = () => `${children[0]?.output()}\n--- worker ---\n${worker.child.output()}`;
      await reviewsThePullRequest(receiver.webhooks, output);
      // The receiver created the run queued; the worker took it over and completed it.
      expect(fake.bodies('POST', '/check-runs')[0]).toMatchObject({ status: 'queued' });
      await answersExplain(receiver.webhooks, output);
      const redisPort = Number(new URL(redis.url).port);
      expectOnlyLoopback(receiver.connections, [bridge.port, redisPort]);
      expectOnlyLoopback(worker.connections, [bridge.port, redisPort]);
      for (const child of children) expectCleanOutput(child.output());
    } finally {
      for (const child of children.splice(0)) {
        child.stop();
        await child.exited;
      }
      await redis.stop();
    }
  });
});

/** `node lib/worker.js`, as the container runs it in queue mode; ready when it says so. */
async function startWorker(extra: Record<string, string>): Promise<{ child: Child; connections: string }> {
  const connections = join(scratch, `worker-${Date.now()}.jsonl`);
  const env = appEnv(bridge.host, {
    HOME: scratch,
    NODE_ENV: 'production',
    NODE_OPTIONS: `--import=${RECORDER}`,
    KMS_REVIEW_CONNECTIONS_LOG: connections,
    LOG_LEVEL: 'info',
    ...extra,
  });
  const child = spawnChild(process.execPath, ['lib/worker.js'], env, repo);
  children.push(child);
  await until('the worker', () => child.output().includes('kms-review worker ready'), 30_000, child.output);
  return { child, connections };
}
