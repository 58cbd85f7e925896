/** `dist/` is committed (JavaScript actions run from the repository): it must be what the build makes of the sources now. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('the committed dist/ is the build of the current sources (run `npm run build:action` when this fails)', () => {
  const out = mkdtempSync(join(tmpdir(), 'kms-review-dist-'));
  try {
    execFileSync(process.execPath, ['scripts/build-action.mjs', '--outdir', out, '--quiet'], { stdio: 'pipe' });
    const built = readdirSync(out).sort();
    expect(readdirSync('dist').sort()).toEqual(built);
    expect(built).toEqual(['index.js', 'tree-sitter-terraform.wasm', 'web-tree-sitter.wasm', 'worker.js']);
    for (const file of built) {
      const same = readFileSync(join(out, file)).equals(readFileSync(join('dist', file)));
      expect(same, `dist/${file} is stale: run npm run build:action and commit dist/`).toBe(true);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 60_000);
