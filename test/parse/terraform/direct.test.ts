/**
 * The direct reader against tree-sitter: wherever the direct reader reads a file, tree-sitter must
 * read it without a problem into the same AST (byte-identical JSON: nodes, spans, values, key
 * order); wherever tree-sitter finds an error, the direct reader must have given up. Inputs: every
 * HCL file of the fixtures, a generated monorepo, and seeded mutants and generated files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMonorepo } from '../../../bench/generate.mjs';
import { DEFAULT_LIMITS } from '../../../src/model/source.js';
import { readDirect } from '../../../src/parse/terraform/direct.js';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { parseHclFile } from '../../../src/parse/terraform/syntax.js';
import { filesUnder, sourceFilesUnder } from '../../support/tree.js';
import { generatedFiles, mutants } from './support/hcl-fuzz.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const HCL = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json|\.hcl)$/;

beforeAll(() => terraformParser.init?.());

interface Verdict {
  path: string;
  /** The direct reader read it. */
  direct: boolean;
  /** tree-sitter read it without a problem. */
  clean: boolean;
  /** Both read it and the ASTs differ (or the direct reader read a file tree-sitter finds wrong). */
  differs: boolean;
}

function compare(path: string, text: string): Verdict {
  const direct = readDirect(text, path, DEFAULT_LIMITS);
  const tree = parseHclFile({ path, text, size: Buffer.byteLength(text) }, DEFAULT_LIMITS, 'tree-sitter');
  const clean = tree.problems.length === 0;
  const read = direct !== undefined && direct !== 'out of time';
  return { path, direct: read, clean, differs: read && (!clean || JSON.stringify(direct) !== JSON.stringify(tree.body)) };
}

/** A readable failure: the first differing inputs, not thousands of lines. */
function differing(verdicts: Verdict[], texts: (path: string) => string): string[] {
  return verdicts
    .filter((v) => v.differs)
    .slice(0, 3)
    .map((v) => `${v.path}:\n${texts(v.path)}`);
}

describe('direct reader = tree-sitter', () => {
  it('every HCL fixture: the same AST, and read directly wherever tree-sitter reads it cleanly without template directives', () => {
    const files = [...filesUnder(join(repo, 'fixtures')), ...filesUnder(join(repo, 'test/parse/terraform/ast-inputs'))].filter((p) => HCL.test(p));
    const texts = new Map(files.map((p) => [relative(repo, p), readFileSync(p, 'utf8')]));
    const verdicts = [...texts].map(([path, text]) => compare(path, text));
    expect(differing(verdicts, (p) => texts.get(p) ?? '')).toEqual([]);
    const leftToTreeSitter = verdicts.filter((v) => v.clean && !v.direct && !texts.get(v.path)?.includes('%{')).map((v) => v.path);
    expect(leftToTreeSitter).toEqual([]);
    expect(verdicts.filter((v) => v.direct).length).toBeGreaterThan(500);
  });

  describe('a generated monorepo', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-review-direct-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is read directly, file for file, into the same AST', () => {
      generateMonorepo(dir, { roots: 6, templates: 0 });
      const texts = new Map(sourceFilesUnder(dir).flatMap((f) => (HCL.test(f.path) ? [[f.path, f.text] as const] : [])));
      const verdicts = [...texts].map(([path, text]) => compare(path, text));
      expect(differing(verdicts, (p) => texts.get(p) ?? '')).toEqual([]);
      expect(verdicts.filter((v) => !v.direct).map((v) => v.path)).toEqual([]);
      expect(verdicts.length).toBeGreaterThan(200);
    });
  });

  it('seeded mutants of the fixtures: the direct reader gives up wherever tree-sitter finds an error, and agrees elsewhere', () => {
    const seeds = filesUnder(join(repo, 'fixtures'))
      .filter((p) => /\.(tf|tfvars|hcl)$/.test(p))
      .map((p) => readFileSync(p, 'utf8'))
      .filter((t) => t.length < 6000);
    const inputs = mutants(seeds, 3000, 1);
    const verdicts = inputs.map((text, i) => compare(`mutant-${i}.tf`, text));
    expect(differing(verdicts, (p) => inputs[Number(p.slice(7, -3))])).toEqual([]);
    // Enough of them stay readable for the agreement to mean something.
    expect(verdicts.filter((v) => v.direct).length).toBeGreaterThan(500);
    expect(verdicts.filter((v) => !v.clean).length).toBeGreaterThan(1000);
  });

  it('names too long to quote whole: a variable text is cut as any span text is', () => {
    const name = `v${'x'.repeat(130)}`;
    const verdict = compare('long-name.tf', `locals {\n  a = ${name}\n  b = ${name}.attr\n}\n`);
    expect(verdict).toEqual({ path: 'long-name.tf', direct: true, clean: true, differs: false });
  });

  it('seeded generated files (odd but legal spacing, comments, chains, splats, heredocs, escapes)', () => {
    const inputs = generatedFiles(3000, 7);
    const verdicts = inputs.map((text, i) => compare(`generated-${i}.tf`, text));
    expect(differing(verdicts, (p) => inputs[Number(p.slice(10, -3))])).toEqual([]);
    const clean = verdicts.filter((v) => v.clean);
    // Two in three legal ones are read directly (68 %); the generator puts template directives, Unicode
    // names and `EOFX` heredoc lines, which tree-sitter reads, in many of the others.
    expect(clean.filter((v) => v.direct).length / clean.length).toBeGreaterThan(0.6);
  });
});
