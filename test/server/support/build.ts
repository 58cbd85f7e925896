/**
 * The entries under test run as child processes from the built `lib/`: build it first when it is
 * missing or older than `src/` (once, under a lock, as several test files may ask at the same time).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const lib = join(repo, 'lib');

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, e) => {
    const path = join(dir, e.name);
    return Math.max(newest, e.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);
}

const fresh = (entries: string[]) => {
  const src = newestMtime(join(repo, 'src'));
  return entries.every((e) => existsSync(join(lib, e)) && statSync(join(lib, e)).mtimeMs >= src);
};

export async function ensureBuilt(entries: string[] = ['server.js', 'worker.js']): Promise<void> {
  if (fresh(entries)) return;
  const lock = join(repo, 'node_modules', '.kms-review-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for too long`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (fresh(entries)) return;
    }
  }
  try {
    if (fresh(entries)) return;
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: repo, stdio: 'pipe' });
    } catch (error) {
      // tsc still writes the output when some unrelated file has a type error; only missing entries are fatal.
      if (!entries.every((e) => existsSync(join(lib, e)))) throw error;
    }
  } finally {
    rmdirSync(lock);
  }
}
