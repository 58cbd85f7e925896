/**
 * No key reference of the scanned tree is dropped. Over every fixture and a small bench corpus,
 * the attributes that hold a key are counted by their TEXT (names from the consumer catalogue for
 * its types, plus any `…kms…key[_id|_arn]` name in any resource), and each occurrence with a
 * value must be covered by a consumer or an `unresolved` entry of the inventory (or belong to a
 * key, alias, grant or key policy, which wire keys themselves, or evaluate to "not set").
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMonorepo } from '../../bench/generate.mjs';
import { CONSUMERS } from '../../src/catalog/consumers.js';
import { aliasTypeSpecFor, GRANT_TYPE, KEY_POLICY_TYPE, keyTypeSpecFor } from '../../src/catalog/keys.js';
import type { Location, Resource, Value } from '../../src/model/types.js';
import { isOneOf, isRecord } from '../../src/model/value.js';
import type { Analysis } from '../../src/pipeline.js';
import { analyseFolder } from '../harness.js';

/** Any resource: an attribute named like a KMS key reference. */
const GENERIC = /kms\w*key(?:_?id|_?arn)?$/i;
/** Names the catalogue reads, per resource type (last segment of each key path). */
const CATALOGUED = new Map<string, Set<string>>();
for (const spec of CONSUMERS) {
  const names = CATALOGUED.get(spec.type) ?? new Set<string>();
  for (const keyPath of spec.keyPaths) names.add(keyPath.path.split('.').pop() as string);
  CATALOGUED.set(spec.type, names);
}
const CANDIDATE_FILE = /\.(?:tf|tf\.json|ya?ml|json|template)$/;
/** `name = value`, `"name": value`, `Name: value` on one line. */
const ATTRIBUTE_LINE = /^\s*"?([A-Za-z_][A-Za-z0-9_]*)"?\s*[=:](?!=)\s*(.*?)\s*,?\s*$/;
const NOT_SET = /^(?:null|""|''|~|false|true|-?\d+(?:\.\d+)?)$/;

interface Occurrence {
  file: string;
  line: number;
  name: string;
  text: string;
}

type Verdict = 'consumer' | 'unresolved' | 'wiring' | 'not set' | 'missing';

/**
 * Lines of a plan's `before` and `prior_state` objects: the state the plan starts from, which the
 * base side's own plan or configuration describes; the head is `after` (and `configuration`).
 */
function priorStateLines(lines: string[]): Set<number> {
  const skipped = new Set<number>();
  lines.forEach((line, start) => {
    if (!/"(?:before|prior_state)"\s*:\s*\{/.test(line)) return;
    let depth = 0;
    for (let i = start; i < lines.length; i++) {
      depth += (lines[i].match(/\{/g) ?? []).length - (lines[i].match(/\}/g) ?? []).length;
      skipped.add(i);
      if (depth <= 0) break;
    }
  });
  return skipped;
}

function occurrencesIn(root: string, file: string): Occurrence[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const hcl = file.endsWith('.tf');
  const yaml = /\.ya?ml$/.test(file);
  const prior = file.endsWith('.json') && lines.some((l) => l.includes('"resource_changes"')) ? priorStateLines(lines) : new Set<number>();
  const out: Occurrence[] = [];
  lines.forEach((line, i) => {
    if (/^\s*(?:#|\/\/)/.test(line) || prior.has(i)) return;
    const m = ATTRIBUTE_LINE.exec(line);
    if (!m) return;
    const [, name, rawValue] = m;
    if (!GENERIC.test(name) && ![...CATALOGUED.values()].some((names) => names.has(name))) return;
    let value = rawValue.replace(/\s+#.*$/, '');
    // YAML: the value (an intrinsic) may start on the next, deeper line.
    if (yaml && value === '' && (lines[i + 1]?.search(/\S/) ?? -1) > line.search(/\S/)) value = lines[i + 1].trim();
    if (value === '' || NOT_SET.test(value)) return;
    // An HCL object or list holds its own attributes, counted on their lines.
    if (hcl && /^[{[]\s*$/.test(value)) return;
    out.push({ file, line: i + 1, name, text: line.trim() });
  });
  return out;
}

const covers = (l: Location, o: Occurrence) => l.file === o.file && l.startLine <= o.line && o.line <= l.endLine;
const span = (l: Location) => l.endLine - l.startLine;

function wiresKeys(r: Resource): boolean {
  return (
    keyTypeSpecFor(r.source, r.type) !== undefined ||
    aliasTypeSpecFor(r.source, r.type) !== undefined ||
    r.type === GRANT_TYPE.type ||
    r.type === KEY_POLICY_TYPE.type
  );
}

/** Every value of an attribute named `name`, at any depth. */
function valuesNamed(attrs: Record<string, Value>, name: string): Value[] {
  const found: Value[] = [];
  const walk = (value: Value, depth: number): void => {
    if (depth > 32) return;
    if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else if (isOneOf(value)) for (const option of value.options) walk(option, depth + 1);
    else if (isRecord(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === name) found.push(inner);
        walk(inner, depth + 1);
      }
    }
  };
  walk(attrs, 0);
  return found;
}

/**
 * The verdict for one occurrence, or undefined when it is not a resource attribute: outside every
 * managed resource and module call (variables, locals, outputs, tfvars, data sources), or in one
 * of a type the catalogue reads under other names.
 */
function verdict(analysis: Analysis, o: Occurrence): Verdict | undefined {
  const enclosing = analysis.resources
    .filter((r) => r.mode === 'managed' && r.type !== 'moved' && covers(r.location, o))
    .sort((a, b) => span(a.location) - span(b.location));
  const resource = enclosing[0];
  if (!resource) return undefined;
  const catalogued = CATALOGUED.get(resource.type);
  if (!GENERIC.test(o.name) && !catalogued?.has(o.name) && resource.type !== 'module') return undefined;
  if (wiresKeys(resource)) return 'wiring';
  if (analysis.inventory.keys.some((k) => k.consumers.some((c) => covers(c.location, o)))) return 'consumer';
  if (analysis.inventory.unresolved.some((u) => covers(u.location, o))) return 'unresolved';
  // `kms_key_id = var.kms_key_id` whose default is null: every resource written there has it unset.
  const here = enclosing.filter((r) => r.location.startLine === resource.location.startLine);
  const values = here.flatMap((r) => valuesNamed(r.attrs, o.name));
  if (values.every((v) => v === null || v === '' || typeof v === 'boolean' || typeof v === 'number')) return 'not set';
  return 'missing';
}

function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : CANDIDATE_FILE.test(path) ? [path] : [];
  });
}

/** The folders analysed as one repository each: every rule case (both sides of a change case), scenario side, parse and live fixture. */
function fixtureRoots(): string[] {
  const roots: string[] = [];
  const walk = (dir: string, depth: number) => {
    const entries = readdirSync(dir);
    const isCase = entries.some((e) => !statSync(join(dir, e)).isDirectory()) || depth === 0;
    if (depth > 0 && isCase && !entries.includes('before')) {
      roots.push(dir);
      return;
    }
    for (const e of entries) if (statSync(join(dir, e)).isDirectory()) walk(join(dir, e), depth + 1);
  };
  for (const top of ['rules', 'scenarios', 'parse', 'live']) walk(join('fixtures', top), 0);
  return roots;
}

async function census(root: string, drop?: (analysis: Analysis) => void): Promise<{ counts: Record<Verdict, number>; missing: string[] }> {
  const analysis = await analyseFolder(root, { rules: [] });
  drop?.(analysis);
  const parsedFiles = new Set(analysis.resources.map((r) => r.location.file));
  const counts: Record<Verdict, number> = { consumer: 0, unresolved: 0, wiring: 0, 'not set': 0, missing: 0 };
  const missing: string[] = [];
  for (const file of filesUnder(root).filter((f) => parsedFiles.has(f))) {
    for (const o of occurrencesIn(root, file)) {
      const v = verdict(analysis, o);
      if (!v) continue;
      counts[v]++;
      if (v === 'missing') missing.push(`${root}/${o.file}:${o.line}: ${o.text}`);
    }
  }
  return { counts, missing };
}

describe('key reference census', () => {
  it('names the file and line of every reference the inventory lacks', async () => {
    const dir = 'fixtures/rules/KMS102/fires/opaque-module-nested-key';
    const whole = await census(dir);
    expect(whole.missing).toEqual([]);
    // `key = …` (line 37) is not named like a key: the census does not count it, the inventory still does.
    expect(whole.counts.consumer).toBe(1);
    const dropped = await census(dir, (analysis) => {
      for (const key of analysis.inventory.keys) key.consumers = key.consumers.filter((c) => c.resource !== '.:module.invoices_bucket');
    });
    expect(dropped.missing).toEqual([`${dir}/main.tf:19: kms_master_key_id = aws_kms_key.data.arn`]);
  });

  const bench = mkdtempSync(join(tmpdir(), 'kms-census-'));
  afterAll(() => rmSync(bench, { recursive: true, force: true }));

  it('every key reference of every fixture is a consumer or unresolved', async () => {
    const totals: Record<Verdict, number> = { consumer: 0, unresolved: 0, wiring: 0, 'not set': 0, missing: 0 };
    const missing: string[] = [];
    for (const root of fixtureRoots()) {
      const result = await census(root);
      for (const [k, n] of Object.entries(result.counts)) totals[k as Verdict] += n;
      missing.push(...result.missing);
    }
    expect(missing, `key references missing from consumers and unresolved:\n${missing.join('\n')}`).toEqual([]);
    // The census counts something: the fixtures hold hundreds of consumers.
    expect(totals.consumer).toBeGreaterThan(250);
    expect(totals.unresolved).toBeGreaterThan(0);
  }, 120_000);

  it('every key reference of the bench corpus is a consumer or unresolved', async () => {
    generateMonorepo(bench, { roots: 6, filesPerRoot: 24, templates: 12 });
    const { counts, missing } = await census(bench);
    expect(missing, `key references missing from consumers and unresolved:\n${missing.join('\n')}`).toEqual([]);
    expect(counts.consumer).toBeGreaterThan(50);
  }, 120_000);
});
