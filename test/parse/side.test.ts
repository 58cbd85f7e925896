/**
 * The self-contained parsers on a worker thread (src/parse/side.ts), from the built `lib/` (the
 * worker is compiled JavaScript): the same output as on the main thread, the registry's order, and
 * a worker that dies or fails handled as the main thread would handle it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Limits, SourceFile } from '../../src/model/source.js';
import type { ParseOutput, SourceKind } from '../../src/model/types.js';
import type { ParseContext, ParserPlugin } from '../../src/parse/plugin.js';
import type { SideJob, SideRequest } from '../../src/parse/side.js';
import { ensureBuilt, lib, repo } from '../server/support/build.js';
import { sourceFilesUnder } from '../support/tree.js';

interface Built {
  PARSERS: readonly ParserPlugin[];
  parseFiles(files: SourceFile[], ctx: ParseContext): Promise<ParseOutput>;
  initParsers(): Promise<void>;
  DEFAULT_LIMITS: Limits;
  worthSideThread(jobs: readonly SideJob[]): boolean;
  parseOnSideThread(request: SideRequest, workerUrl?: URL): Promise<Map<SourceKind, ParseOutput | Error>>;
}
let built: Built;
let scratch: string;
let files: SourceFile[];

const load = (path: string) => import(pathToFileURL(join(lib, path)).href);

beforeAll(async () => {
  await ensureBuilt(['parse/side-worker.js', 'parse/registry.js']);
  const [registry, source, side] = await Promise.all([load('parse/registry.js'), load('model/source.js'), load('parse/side.js')]);
  built = { ...registry, ...source, ...side } as Built;
  await built.initParsers();
  scratch = mkdtempSync(join(tmpdir(), 'kms-review-side-'));
  const { generateMonorepo } = await import(pathToFileURL(join(repo, 'bench/generate.mjs')).href);
  generateMonorepo(join(scratch, 'repo'), { roots: 4, templates: 120 });
  // Policy files and a plan beside the templates, so every self-contained parser has work.
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }],
  };
  const extra: SourceFile[] = Array.from({ length: 20 }, (_, i) => {
    const text = JSON.stringify(policy, null, 2);
    return { path: `policies/key-${i}.json`, text, size: text.length };
  });
  files = [...sourceFilesUnder(join(scratch, 'repo')), ...extra].sort((a, b) => a.path.localeCompare(b.path));
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function jobsOf(all: SourceFile[]): SideJob[] {
  return built.PARSERS.filter((p) => p.selfContained).map((p) => ({ parser: p.name, files: all.filter((f) => built.PARSERS.find((q) => q.claims(f)) === p) }));
}

describe('self-contained parsers on a side thread', () => {
  it('give what they give on the main thread, and the registry keeps its order', async () => {
    const jobs = jobsOf(files);
    expect(jobs.map((j) => [j.parser, j.files.length > 0])).toEqual([
      ['plan', false],
      ['cloudformation', true],
      ['policy', true],
    ]);
    expect(built.worthSideThread(jobs)).toBe(true);
    const request = { jobs: jobs.filter((j) => j.files.length > 0), limits: built.DEFAULT_LIMITS, scpPaths: [] };
    const replies = await built.parseOnSideThread(request);
    for (const job of request.jobs) {
      const parser = built.PARSERS.find((p) => p.name === job.parser) as ParserPlugin;
      const here = parser.parse(job.files, { files: new Map(), limits: built.DEFAULT_LIMITS, scpPaths: [] });
      expect(here.resources.length).toBeGreaterThan(0);
      expect(replies.get(job.parser)).toEqual(here);
    }
    // The whole registry: Terraform here, the rest there, gathered in registry order.
    const ctx = { files: new Map(files.map((f) => [f.path, f])), limits: built.DEFAULT_LIMITS, scpPaths: [] };
    const all = await built.parseFiles(files, ctx);
    const kinds = all.resources.map((r) => r.source);
    expect([...new Set(kinds)]).toEqual(['terraform', 'cloudformation', 'policy']);
    expect(kinds.lastIndexOf('terraform')).toBeLessThan(kinds.indexOf('cloudformation'));
  }, 60_000);

  it('a worker that dies answers nothing; one whose parser fails answers with the error', async () => {
    const dying = join(scratch, 'dying.mjs');
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => process.exit(3));\n");
    const failing = join(scratch, 'failing.mjs');
    writeFileSync(
      failing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', ({ jobs }) => { for (const j of jobs) parentPort.postMessage({ parser: j.parser, error: 'boom' }); });\n",
    );
    const request = { jobs: jobsOf(files).filter((j) => j.files.length > 0), limits: built.DEFAULT_LIMITS, scpPaths: [] };
    expect((await built.parseOnSideThread(request, pathToFileURL(dying))).size).toBe(0);
    const failed = await built.parseOnSideThread(request, pathToFileURL(failing));
    expect([...failed.values()].map((e) => (e instanceof Error ? e.message : 'output'))).toEqual(['boom', 'boom']);
  }, 60_000);

  it('small sets stay on the main thread', () => {
    expect(built.worthSideThread(jobsOf(files.filter((f) => f.path.startsWith('policies/'))))).toBe(false);
  });
});
