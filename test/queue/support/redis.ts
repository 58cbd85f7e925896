/**
 * A real Redis for queue tests, found in this order:
 *  1. `REDIS_URL` when set: used as is (point it at a scratch database, e.g. `redis://127.0.0.1:6379/15`);
 *     the tests delete only the app's own keys there and never stop that server;
 *  2. else Debian's `redis-server` when on PATH: started on a free loopback port, no persistence,
 *     stopped after the tests (`.ci/run` installs it when missing);
 *  3. else none: the queue suites are skipped, with one line saying why and how to run them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';
import { KEY_PREFIX, QUEUE_NAME } from '../../../src/queue/jobs.js';
import { freePort, until } from '../../server/support/process.js';

export interface TestRedis {
  url: string;
  client: Redis;
  /** Deletes the app's keys (BullMQ's `bull:<queue>:*` and ours); other keys — Probot's throttling among them — stay. */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

export type RedisSource = { kind: 'url'; url: string } | { kind: 'server'; command: string } | { kind: 'none'; reason: string };

/** The first executable `name` on `path` (the lookup `spawn` does), or undefined. */
export function onPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

export function redisSource(env: NodeJS.ProcessEnv = process.env): RedisSource {
  if (env.REDIS_URL) return { kind: 'url', url: env.REDIS_URL };
  const command = onPath('redis-server', env.PATH);
  if (command) return { kind: 'server', command };
  return {
    kind: 'none',
    reason:
      'queue tests skipped: no Redis (REDIS_URL is unset and redis-server is not on PATH); to run them: apt-get install redis-server, or REDIS_URL=redis://127.0.0.1:6379/15 npm test',
  };
}

/** Where the queue tests get their Redis; a skip reason is printed once, by the file that asks. */
export const redis = redisSource();

export async function startRedis(source: RedisSource = redis): Promise<TestRedis> {
  if (source.kind === 'none') throw new Error(source.reason);
  if (source.kind === 'url') {
    const client = new Redis(source.url, { maxRetriesPerRequest: null });
    await client.ping();
    return withClient(source.url, client, async () => {});
  }
  const port = await freePort();
  const child: ChildProcess = spawn(source.command, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let failed: Error | undefined;
  child.on('error', (error) => (failed = error));
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const accepts = () =>
    new Promise<boolean>((resolve, reject) => {
      if (failed) return reject(new Error(`could not start ${source.command}: ${failed.message}`));
      if (child.exitCode !== null) return reject(new Error(`${source.command} exited with ${child.exitCode}\n--- output ---\n${out}`));
      const socket = connect(port, '127.0.0.1', () => resolve(!!socket.end()));
      socket.on('error', () => resolve(false));
    });
  await until('redis-server', accepts, 10_000, () => out);
  const url = `redis://127.0.0.1:${port}`;
  return withClient(url, new Redis(url, { maxRetriesPerRequest: null }), async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  });
}

function withClient(url: string, client: Redis, stopServer: () => Promise<void>): TestRedis {
  return {
    url,
    client,
    clear: async () => {
      for (const pattern of [`bull:${QUEUE_NAME}:*`, `${KEY_PREFIX}:*`]) {
        for await (const keys of client.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
          if (keys.length) await client.del(...keys);
        }
      }
    },
    stop: async () => {
      await client.quit().catch(() => {});
      await stopServer();
    },
  };
}
