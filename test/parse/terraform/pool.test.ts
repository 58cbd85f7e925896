/**
 * The syntax stage on worker threads (`pool.ts`). Workers run compiled JavaScript, so this test
 * imports the built `lib/` (built first when it is missing or older than `src/`, under the shared
 * lock of test/server/support/build.ts) and checks the parallel path against the single-threaded
 * one of the same build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Limits, SourceFile } from '../../../src/model/source.js';
import type { ParserPlugin } from '../../../src/parse/plugin.js';
import type { parseInPool as ParseInPool, shareParserPool as ShareParserPool, worthParallel as WorthParallel } from '../../../src/parse/terraform/pool.js';
import type { ParsedFile, syntaxStageFailure as SyntaxStageFailure } from '../../../src/parse/terraform/syntax.js';
import { ensureBuilt, lib, repo } from '../../server/support/build.js';
import { sourceFilesUnder } from '../../support/tree.js';

interface Built {
  terraformParser: ParserPlugin;
  DEFAULT_LIMITS: Limits;
  parseInPool: typeof ParseInPool;
  shareParserPool: typeof ShareParserPool;
  idleParserWorkers: () => number;
  worthParallel: typeof WorthParallel;
  parseHclFile: (file: SourceFile, limits: Limits) => ParsedFile;
  readHclDirect: (file: SourceFile, limits: Limits) => ParsedFile | undefined;
  syntaxStageFailure: typeof SyntaxStageFailure;
}
let built: Built;
let scratch: string;

const load = (path: string) => import(pathToFileURL(join(lib, path)).href);

beforeAll(async () => {
  await ensureBuilt(['parse/terraform/worker.js', 'parse/terraform/index.js']);
  const [index, source, pool, syntax] = await Promise.all([
    load('parse/terraform/index.js'),
    load('model/source.js'),
    load('parse/terraform/pool.js'),
    load('parse/terraform/syntax.js'),
  ]);
  built = { ...index, ...source, ...pool, ...syntax } as Built;
  await built.terraformParser.init?.();
  scratch = mkdtempSync(join(tmpdir(), 'kms-review-pool-'));
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('terraform syntax pool', () => {
  it('gives the same resources, units and problems as the single-threaded path on a generated repo that tree-sitter reads', async () => {
    const dir = join(scratch, 'repo');
    const { generateMonorepo } = await import(pathToFileURL(join(repo, 'bench/generate.mjs')).href);
    generateMonorepo(dir, { roots: 16, templates: 0 });
    // A template directive in every .tf file: the direct reader leaves them all to tree-sitter, so the pool reads them.
    const all = sourceFilesUnder(dir).map((f, i) =>
      f.path.endsWith('.tf') ? { ...f, text: `${f.text}\nlocals {\n  directive_${i} = "%{ if true }x%{ endif }"\n}\n` } : f,
    );
    const claimed = all.filter((f) => built.terraformParser.claims(f));
    const forTreeSitter = claimed.filter((f) => built.readHclDirect(f, built.DEFAULT_LIMITS) === undefined);
    expect(forTreeSitter.length).toBe(claimed.filter((f) => f.path.endsWith('.tf')).length);
    expect(built.worthParallel(forTreeSitter)).toBe(true);
    const ctx = { files: new Map(all.map((f) => [f.path, f])), limits: built.DEFAULT_LIMITS, scpPaths: [] };
    const single = built.terraformParser.parse(claimed, ctx);
    const parallel = await built.terraformParser.parseAsync?.(claimed, ctx);
    expect(single.resources.length).toBeGreaterThan(1000);
    expect(parallel).toEqual(single);
  }, 120_000);

  it('honours the limits and keeps bad files to themselves, with any number of workers', async () => {
    const limits = { ...built.DEFAULT_LIMITS, maxFileBytes: 4096, maxDepth: 12 };
    const files: SourceFile[] = [
      { path: 'ok.tf', text: 'resource "aws_kms_key" "k" {\n  description = "x"\n}\n', size: 0 },
      { path: 'big.tf', text: `a = "${'x'.repeat(5000)}"\n`, size: 5006 },
      { path: 'nul.tf', text: 'a = "\0"\n', size: 0 },
      { path: 'deep.tf', text: `a = ${'['.repeat(50)}1${']'.repeat(50)}\n`, size: 0 },
      { path: 'broken.tf', text: 'resource "a" "b" {\n  x = \n', size: 0 },
      // Not even a string: the worker's parse throws, the file gets a KMS000, the batch goes on.
      { path: 'weird.tf', text: 42 as unknown as string, size: 0 },
      ...Array.from({ length: 30 }, (_, i) => ({ path: `m${i}.tf`, text: `locals {\n  v${i} = ${i}\n}\n`, size: 0 })),
    ];
    const expected = new Map(files.map((f) => [f.path, safeParse(f, limits)]));
    expect(expected.get('weird.tf')?.problems[0].message).toMatch(/^terraform parser failed/);
    for (const workers of [1, 2]) {
      let counted = 0;
      const got = await built.parseInPool(files, limits, { workers, onFile: () => counted++ });
      expect(new Map([...got].sort())).toEqual(new Map([...expected].sort()));
      // The progress count: once per file, whichever thread parsed it.
      expect(counted).toBe(files.length);
    }
  }, 60_000);

  it('a shared pool serves two calls with the same workers, then stops them', async () => {
    const files = Array.from({ length: 40 }, (_, i) => ({ path: `s${i}.tf`, text: `locals {\n  v${i} = "${'x'.repeat(4000)}"\n}\n`, size: 4020 }));
    const expected = new Map(files.map((f) => [f.path, safeParse(f, built.DEFAULT_LIMITS)]));
    let between = -1;
    const [first, second] = await built.shareParserPool(async () => {
      const a = await built.parseInPool(files, built.DEFAULT_LIMITS, { workers: 1, mainThread: false });
      between = built.idleParserWorkers();
      const b = await built.parseInPool(files, built.DEFAULT_LIMITS, { workers: 1, mainThread: false });
      return [a, b];
    });
    // Kept ready after the first call (the grammar loaded), reused by the second, stopped at the end.
    expect(between).toBe(1);
    expect(built.idleParserWorkers()).toBe(0);
    expect(new Map([...first].sort())).toEqual(new Map([...expected].sort()));
    expect(new Map([...second].sort())).toEqual(new Map([...expected].sort()));
    // Without a shared pool nothing is kept.
    await built.parseInPool(files, built.DEFAULT_LIMITS, { workers: 1 });
    expect(built.idleParserWorkers()).toBe(0);
  }, 60_000);

  it('survives a worker that dies: the file it was reading gets a KMS000, the rest are parsed', async () => {
    const crashing = join(scratch, 'crashing-worker.mjs');
    writeFileSync(
      crashing,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ batch, files }) => {
  parentPort.postMessage({ kind: 'file', batch, parsed: { path: files[0].path, body: { attributes: [], blocks: [] }, problems: [] } });
  process.exit(3);
});
parentPort.postMessage({ kind: 'ready' });
`,
    );
    const files = Array.from({ length: 12 }, (_, i) => ({ path: `f${i}.tf`, text: `a${i} = ${i}\n${' '.repeat(40_000)}\n`, size: 40_010 }));
    const got = await built.parseInPool(files, built.DEFAULT_LIMITS, { workers: 2, mainThread: false, workerUrl: pathToFileURL(crashing) });
    expect(got.size).toBe(12);
    const failed = [...got.values()].filter((p) => p.problems.some((q) => q.rule === 'KMS000' && /terraform parser failed/.test(q.message)));
    expect(failed.length).toBe(2);
    for (const parsed of got.values()) {
      if (failed.includes(parsed) || parsed.body.attributes.length === 0) continue;
      expect(parsed).toEqual(built.parseHclFile(files.find((f) => f.path === parsed.path) as SourceFile, built.DEFAULT_LIMITS));
    }
    // Every file is accounted for: parsed by the main thread, faked by the crashing worker, or blamed.
    expect([...got.keys()].sort()).toEqual(files.map((f) => f.path).sort());
  }, 60_000);
});

function safeParse(file: SourceFile, limits: Limits): ParsedFile {
  try {
    return built.parseHclFile(file, limits);
  } catch (error) {
    return built.syntaxStageFailure(file.path, error);
  }
}
