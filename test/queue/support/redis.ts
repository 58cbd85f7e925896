/**
 * A real Redis for queue tests: Debian's `redis-server` on a free loopback port, no persistence,
 * stopped after the tests (`.ci/run` installs it when missing).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { freePort, until } from '../../server/support/process.js';

export interface TestRedis {
  url: string;
  client: Redis;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = `redis://127.0.0.1:${port}`;
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(!!socket.end()));
      socket.on('error', () => resolve(false));
    });
  await until('redis-server', accepts, 10_000, () => out);
  const client = new Redis(url, { maxRetriesPerRequest: null });
  return {
    url,
    client,
    stop: async () => {
      await client.quit().catch(() => {});
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
