/** `dist/` is committed (JavaScript actions run from the repository): it must be what the build makes of the sources now, and its workers must run. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/model/source.js';

it('the committed dist/ is the build of the current sources (run `npm run build:action` when this fails)', () => {
  const out = mkdtempSync(join(tmpdir(), 'kms-review-dist-'));
  try {
    execFileSync(process.execPath, ['scripts/build-action.mjs', '--outdir', out, '--quiet'], { stdio: 'pipe' });
    const built = readdirSync(out).sort();
    expect(readdirSync('dist').sort()).toEqual(built);
    expect(built).toEqual(['index.js', 'side-worker.js', 'tree-sitter-terraform.wasm', 'web-tree-sitter.wasm', 'worker.js']);
    for (const file of built) {
      const same = readFileSync(join(out, file)).equals(readFileSync(join('dist', file)));
      expect(same, `dist/${file} is stale: run npm run build:action and commit dist/`).toBe(true);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 60_000);

/** Runs a bundled worker on one request and gathers its replies until it has `count` of them. */
function ask(entry: string, request: unknown, count: number, ready = false): Promise<unknown[]> {
  const worker = new Worker(resolve(entry));
  const replies: unknown[] = [];
  return new Promise<unknown[]>((done, fail) => {
    worker.on('message', (reply: unknown) => {
      if (ready && (reply as { kind?: string }).kind === 'ready') return void worker.postMessage(request);
      replies.push(reply);
      if (replies.length === count) done(replies);
    });
    worker.on('error', fail);
    if (!ready) worker.postMessage(request);
  }).finally(() => worker.terminate());
}

it('the bundled workers run from dist/: the Terraform syntax pool worker and the self-contained parsers worker', async () => {
  const template = readFileSync('fixtures/scenarios/env-wide-shared-key/after/envs/prod/kms.tf', 'utf8');
  const [file, batch] = await ask(
    'dist/worker.js',
    { batch: 0, files: [{ path: 'kms.tf', text: template, size: template.length }], limits: DEFAULT_LIMITS },
    2,
    true,
  );
  expect(file).toMatchObject({ kind: 'file', parsed: { path: 'kms.tf', problems: [] } });
  expect(batch).toEqual({ kind: 'batch', batch: 0 });
  const stack = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n';
  const [reply] = await ask(
    'dist/side-worker.js',
    { jobs: [{ parser: 'cloudformation', files: [{ path: 'stack.yaml', text: stack, size: stack.length }] }], limits: DEFAULT_LIMITS, scpPaths: [] },
    1,
  );
  expect(reply).toMatchObject({
    parser: 'cloudformation',
    output: { problems: [], resources: [{ type: 'AWS::KMS::Key', attrs: { EnableKeyRotation: true } }] },
  });
}, 60_000);
