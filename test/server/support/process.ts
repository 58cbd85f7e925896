/** Child processes for tests: free loopback ports, a node entry with env, waiting for readiness. */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';

export const SECRET = 'webhook-secret-for-tests';

export const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Child {
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  /** Signals the child's whole process group (`npm start` runs the app in a grandchild). */
  stop(signal?: NodeJS.Signals): void;
}

/** A command in a process group of its own, with only PATH and `env` in its environment. */
export function spawnChild(command: string, args: string[], env: Record<string, string>, cwd: string): Child {
  const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  return { process: child, output: () => out, exited, stop };
}

export function spawnNode(args: string[], env: Record<string, string>, cwd: string): Child {
  return spawnChild(process.execPath, args, env, cwd);
}

export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
  output?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${output ? `\n--- output ---\n${output()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The app's environment against the loopback GitHub. */
export function appEnv(githubHost: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ID: '1',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: githubHost,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...extra,
  };
}
