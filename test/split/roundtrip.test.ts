/**
 * Round-trip guarantee: the split patch applies with real `git apply` to a copy of the tree, and
 * the engine run on the result finds every consumer on its new key (in every environment a root
 * is deployed to), the split key without consumers and without principle findings, the new keys
 * without any finding at all (a generated key is exemplary), and no new finding of severity medium
 * or above anywhere. Shapes: one root per environment (HCL), workspaces, tfvars files, a local
 * module input, a module the tool does not read, CloudFormation YAML with Fn::ImportValue across
 * stacks, CloudFormation JSON (CDK output).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_PATH, parseConfig } from '../../src/config/load.js';
import type { Key } from '../../src/inventory/types.js';
import type { Analysis } from '../../src/pipeline.js';
import { atLeast } from '../../src/rules/run.js';
import { planSplit, SPLIT_RULES } from '../../src/split/index.js';
import { analyseFolder } from '../harness.js';

const CASES = [
  {
    name: 'env-wide-shared-key',
    dir: 'fixtures/scenarios/env-wide-shared-key/after',
    key: 'envs/prod:aws_kms_key.platform',
    shape: 'HCL, a root per environment',
  },
  {
    name: 'cfn-import-value',
    dir: 'fixtures/scenarios/cfn-import-value/after',
    key: 'stacks/keys.yaml:DataKey',
    shape: 'CloudFormation YAML, Fn::ImportValue',
  },
  {
    name: 'cdk-synth',
    dir: 'fixtures/scenarios/cdk-synth/after',
    key: 'cdk.out/OrdersStack.template.json:DataKey3E1B5A1C',
    shape: 'CloudFormation JSON',
  },
  { name: 'workspace-per-env', dir: 'fixtures/scenarios/workspace-per-env/after', key: '.#prod:aws_kms_key.app', shape: 'workspaces, KMS107 per workspace' },
  { name: 'workspace-shared-key', dir: 'fixtures/split/workspace-shared-key', key: '.#prod:aws_kms_key.shared', shape: 'workspaces, two workloads' },
  { name: 'tfvars-shared-key', dir: 'fixtures/split/tfvars-shared-key', key: '.#prod:aws_kms_key.media', shape: 'tfvars files, two data classes' },
  { name: 'local-module-input', dir: 'fixtures/split/local-module-input', key: '.:aws_kms_key.commerce', shape: 'local module input' },
  { name: 'registry-module-consumer', dir: 'fixtures/split/registry-module-consumer', key: '.:aws_kms_key.data', shape: 'module not read' },
] as const;

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=kms-review', '-c', 'user.email=kms-review@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function configOf(dir: string) {
  try {
    return parseConfig(readFileSync(join(dir, CONFIG_PATH), 'utf8')).config;
  } catch {
    return parseConfig('').config;
  }
}

const serious = (a: Analysis) => a.findings.filter((f) => !f.suppressed && atLeast(f.severity, 'medium'));
const line = (f: Analysis['findings'][number]) => `${f.rule} ${f.severity} ${f.key ?? ''}: ${f.message}`;

/** The key and, for a root deployed per environment, its instances in the other environments. */
function instancesOf(a: Analysis, id: string): Key[] {
  const key = a.inventory.keys.find((k) => k.id === id);
  if (!key?.unit?.includes('#')) return key ? [key] : [];
  const root = key.unit.slice(0, key.unit.lastIndexOf('#'));
  const address = id.slice(key.unit.length);
  return a.inventory.keys.filter((k) => k.unit?.startsWith(`${root}#`) && k.id.slice(k.unit.length) === address);
}

describe.each(CASES)('split round trip: $name ($shape)', ({ name, dir: source, key }) => {
  it('applies with git apply; consumers move, the principle findings go, the new keys raise nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), `kms-split-${name}-`));
    temps.push(dir);
    cpSync(source, dir, { recursive: true });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'scenario');

    const before = await analyseFolder(dir);
    expect(before.findings.some((f) => f.key === key && (SPLIT_RULES as readonly string[]).includes(f.rule))).toBe(true);
    const plan = planSplit(key, before, configOf(dir));
    expect(plan.reason).toBeUndefined();
    expect(plan.newKeys.length).toBeGreaterThan(1);
    // Every proposed key is predicted clean, and every consumer is moved by the patch.
    expect(plan.newKeys.flatMap((k) => k.notes.filter((n) => n.includes('does not clear')))).toEqual([]);
    expect(plan.migration.filter((m) => m.manual).map((m) => `${m.resource}: ${m.manual}`)).toEqual([]);
    await expect(plan.patch).toMatchFileSnapshot(`__golden__/${name}.patch`);

    writeFileSync(join(dir, 'split.patch'), plan.patch);
    git(dir, 'apply', '--check', 'split.patch');
    git(dir, 'apply', 'split.patch');
    rmSync(join(dir, 'split.patch'));
    expect(git(dir, 'status', '--porcelain')).not.toBe('');

    const after = await analyseFolder(dir);
    // Parses without new problems.
    const problems = (a: Analysis) => a.findings.filter((f) => f.rule === 'KMS000').map((f) => f.message);
    expect(problems(after)).toEqual(problems(before));
    expect(after.inventory.unresolved.length).toBeLessThanOrEqual(before.inventory.unresolved.length);

    // The planned instance: each consumer on its new key.
    for (const newKey of plan.newKeys) {
      const declared = after.inventory.keys.find((k) => k.aliases.includes(newKey.alias));
      expect(declared, `new key ${newKey.alias} is declared`).toBeDefined();
      expect([...new Set(declared?.consumers.map((c) => c.resource))].sort()).toEqual([...newKey.group.consumers].sort());
    }
    // Every instance (every environment of a root deployed per environment): the old key has no consumer left.
    const olds = instancesOf(before, key).map((k) => k.id);
    expect(olds.length).toBeGreaterThan(0);
    for (const id of olds) expect(after.inventory.keys.find((k) => k.id === id)?.consumers ?? [], id).toEqual([]);
    const known = new Set(before.inventory.keys.map((k) => k.id));
    const added = after.inventory.keys.filter((k) => !known.has(k.id));
    expect(added.length).toBeGreaterThanOrEqual(plan.newKeys.length * olds.length);
    for (const k of added) {
      expect(k.rotation.enabled, k.id).toBe(true);
      expect(k.deletionWindowDays, k.id).toBe(30);
      expect(k.consumers.length, `${k.id} has consumers`).toBeGreaterThan(0);
    }

    // The split key's principle findings are gone, in every instance.
    expect(after.findings.filter((f) => f.key && olds.includes(f.key) && (SPLIT_RULES as readonly string[]).includes(f.rule)).map(line)).toEqual([]);
    // A generated key is exemplary: no finding of any rule on it.
    const addedIds = new Set(added.map((k) => k.id));
    expect(after.findings.filter((f) => f.key && addedIds.has(f.key)).map(line)).toEqual([]);
    // No new finding of severity medium or above anywhere.
    const seen = new Set(serious(before).map((f) => f.fingerprint));
    expect(
      serious(after)
        .filter((f) => !seen.has(f.fingerprint))
        .map(line),
    ).toEqual([]);
  });
});
