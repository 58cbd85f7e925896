/**
 * A real PostgreSQL for the index tests, found in this order (the pattern of test/queue/support/redis.ts):
 *  1. `DATABASE_URL` when set: used as is; each test file creates its own scratch database there
 *     and drops it afterwards, and never stops that server;
 *  2. else Debian's `postgresql` server binaries (`/usr/lib/postgresql/<version>/bin`, or `pg_config --bindir`):
 *     a throwaway cluster (initdb into a temp dir, trust auth, a free loopback port, no fsync), removed
 *     after the tests; as root it runs as the `postgres` user (or `nobody`: postgres refuses to run as root);
 *     `.ci/run` installs the package when missing;
 *  3. else none: the index suites are skipped, with one line saying why and how to run them.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, until } from '../../server/support/process.js';

export type PostgresSource = { kind: 'url'; url: string } | { kind: 'server'; bin: string } | { kind: 'none'; reason: string };

export interface TestPostgres {
  /** A connection string to a fresh, empty database of its own. */
  url: string;
  stop(): Promise<void>;
}

/** The directory holding `initdb` and `postgres`: the newest Debian cluster version, else what `pg_config` says. */
export function postgresBinDir(root = '/usr/lib/postgresql'): string | undefined {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
  }
  try {
    const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (bin && existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
  } catch {
    // No pg_config.
  }
  return undefined;
}

export function postgresSource(env: NodeJS.ProcessEnv = process.env): PostgresSource {
  if (env.DATABASE_URL) return { kind: 'url', url: env.DATABASE_URL };
  const bin = postgresBinDir();
  if (bin) return { kind: 'server', bin };
  return {
    kind: 'none',
    reason:
      'index tests skipped: no PostgreSQL (DATABASE_URL is unset and no initdb/postgres under /usr/lib/postgresql); to run them: apt-get install postgresql, or DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npm test',
  };
}

/** Where the index tests get their PostgreSQL; a skip reason is printed once, by the file that asks. */
export const postgres = postgresSource();

/** Prints the skip line once per test file when there is no PostgreSQL; returns whether there is one. */
export function hasPostgres(): boolean {
  if (postgres.kind === 'none') console.warn(postgres.reason);
  return postgres.kind !== 'none';
}

/** The unprivileged user the server runs as when we are root: its uid and gid. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { uid, gid };
    } catch {
      // No such user.
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

export async function startPostgres(source: PostgresSource = postgres): Promise<TestPostgres> {
  if (source.kind === 'none') throw new Error(source.reason);
  if (source.kind === 'url') return scratchDatabase(source.url, async () => {});
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'kms-review-pg-'));
  const data = join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  // As root, node starts the binaries as that user itself (spawn's uid/gid), so signals reach postgres directly.
  const asUser = user ? { uid: user.uid, gid: user.gid, cwd: dir } : {};
  try {
    execFileSync(join(source.bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--no-locale'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...asUser,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`initdb failed: ${e.stderr?.toString() || e.message}`);
  }
  const port = await freePort();
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=100', 'shared_buffers=64MB'];
  const args = ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, ...settings.flatMap((s) => ['-c', s])];
  const child: ChildProcess = spawn(join(source.bin, 'postgres'), args, { stdio: ['ignore', 'pipe', 'pipe'], ...asUser });
  let out = '';
  let failed: Error | undefined;
  child.on('error', (error) => (failed = error));
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const accepts = async () => {
    if (failed) throw new Error(`could not start postgres: ${failed.message}`);
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}\n--- output ---\n${out}`);
    const client = new pg.Client({ connectionString: admin });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  };
  await until('postgres', accepts, 30_000, () => out);
  return scratchDatabase(admin, async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // SIGINT: postgres's "fast" shutdown.
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });
}

/** A database of its own on the server behind `adminUrl`, dropped on stop. */
async function scratchDatabase(adminUrl: string, stopServer: () => Promise<void>): Promise<TestPostgres> {
  const name = `kms_review_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      try {
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
      } catch {
        // The server may be gone already.
      } finally {
        await client.end().catch(() => {});
      }
      await stopServer();
    },
  };
}
