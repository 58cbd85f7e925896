/**
 * JSON templates through the direct JSON reader against the `yaml` path: wherever the direct
 * reader reads a template, `loadTemplate` must give the same tree (values, lines, entry order and
 * key lines) as `yaml` does. Inputs: every JSON fixture, the bench's generated JSON stacks,
 * generated documents and seeded mutants.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMonorepo } from '../../../bench/generate.mjs';
import { DEFAULT_LIMITS } from '../../../src/model/source.js';
import { Budget } from '../../../src/parse/cloudformation/budget.js';
import { loadTemplate } from '../../../src/parse/cloudformation/load.js';
import type { TreeNode } from '../../../src/parse/cloudformation/tree.js';
import { readJson } from '../../../src/parse/json-direct.js';
import { seeded } from '../../support/seeded.js';
import { filesUnder } from '../../support/tree.js';
import { type Agreement, agreement, failures, jsonDocument } from '../support/json-fuzz.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** A tree as plain data, map entries in order. */
function plain(node: TreeNode): unknown {
  if (node.kind === 'scalar') return { lines: node.lines, value: node.value };
  if (node.kind === 'seq') return { lines: node.lines, items: node.items.map(plain) };
  return { lines: node.lines, entries: [...node.entries.values()].map((e) => [e.key, e.keyLine, plain(e.value)]) };
}

function load(text: string, reader: 'direct-first' | 'yaml') {
  const result = loadTemplate(text, DEFAULT_LIMITS, new Budget(DEFAULT_LIMITS.maxEvalSteps, DEFAULT_LIMITS.maxParseMillisPerFile), reader);
  return result.ok ? { ok: true, root: plain(result.root) } : result;
}

function compare(text: string): Agreement {
  if (readJson(text, Date.now() + 60_000) === undefined) return 'yaml only';
  return agreement(load(text, 'direct-first'), load(text, 'yaml'));
}

let bench: string;
beforeAll(() => {
  bench = mkdtempSync(join(tmpdir(), 'kms-review-json-templates-'));
  generateMonorepo(bench, { roots: 2, templates: 60 });
});
afterAll(() => rmSync(bench, { recursive: true, force: true }));

describe('JSON templates: direct reader = yaml', () => {
  it('every JSON fixture and the bench generator’s JSON stacks load into the same tree', () => {
    const files = [...filesUnder(join(repo, 'fixtures')), ...filesUnder(bench)].filter((p) => p.endsWith('.json'));
    const results = files.map((p): [string, string] => [relative(repo, p), compare(readFileSync(p, 'utf8'))]);
    expect(failures(results)).toEqual([]);
    expect(results.filter(([, r]) => r === 'same').length).toBeGreaterThan(70);
  });

  it('generated documents and seeded mutants', () => {
    const next = seeded(31).below;
    const results: [string, string][] = [];
    for (let i = 0; i < 1500; i++) {
      const text = jsonDocument(next);
      results.push([`generated-${i}`, compare(text)]);
      const at = next(text.length + 1);
      results.push([`mutant-${i}`, compare(text.slice(0, at) + [',', '}', '"', ' ', '\\', '1'][next(6)] + text.slice(at + next(3)))]);
    }
    expect(failures(results)).toEqual([]);
    expect(results.filter(([, r]) => r === 'same').length).toBeGreaterThan(1200);
  });

  it('YAML templates and JSON nested past the limit go through yaml, whose messages they keep', () => {
    expect(readJson('Resources:\n  K:\n    Type: AWS::KMS::Key\n', Date.now() + 1000)).toBeUndefined();
    const deep = `${'['.repeat(DEFAULT_LIMITS.maxDepth + 1)}${']'.repeat(DEFAULT_LIMITS.maxDepth + 1)}`;
    expect(load(deep, 'direct-first')).toEqual(load(deep, 'yaml'));
    expect(load(deep, 'direct-first')).toMatchObject({ ok: false, message: `nesting deeper than ${DEFAULT_LIMITS.maxDepth} levels` });
  });
});
