/**
 * Round-trip guarantee: the split patch applies with real `git apply` to a copy of the scenario,
 * and the engine run on the result finds the consumers on the new keys, the split key's principle
 * findings gone, and no new finding of severity medium or above.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_PATH, parseConfig } from '../../src/config/load.js';
import type { Analysis } from '../../src/pipeline.js';
import { atLeast } from '../../src/rules/run.js';
import { planSplit, SPLIT_RULES } from '../../src/split/index.js';
import { analyseFolder } from '../harness.js';

const SCENARIOS = [
  { name: 'env-wide-shared-key', side: 'after', key: 'envs/prod:aws_kms_key.platform', language: 'HCL' },
  { name: 'cfn-import-value', side: 'after', key: 'stacks/keys.yaml:DataKey', language: 'CloudFormation YAML' },
  { name: 'cdk-synth', side: 'after', key: 'cdk.out/OrdersStack.template.json:DataKey3E1B5A1C', language: 'CloudFormation JSON' },
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
    return parseConfig(execFileSync('cat', [join(dir, CONFIG_PATH)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).config;
  } catch {
    return parseConfig('').config;
  }
}

const serious = (a: Analysis) => a.findings.filter((f) => !f.suppressed && atLeast(f.severity, 'medium'));

describe.each(SCENARIOS)('split round trip: $name/$side ($language)', ({ name, side, key }) => {
  it('applies with git apply and removes the split key’s principle findings without new medium+ findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), `kms-split-${name}-`));
    temps.push(dir);
    cpSync(join('fixtures/scenarios', name, side), dir, { recursive: true });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'scenario');

    const before = await analyseFolder(dir);
    const plan = planSplit(key, before, configOf(dir));
    expect(plan.reason).toBeUndefined();
    expect(plan.newKeys.length).toBeGreaterThan(1);
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

    // Every consumer now points at its new key.
    for (const newKey of plan.newKeys) {
      const declared = after.inventory.keys.find((k) => k.aliases.includes(newKey.alias));
      expect(declared, `new key ${newKey.alias} is declared`).toBeDefined();
      expect(declared?.rotation.enabled).toBe(true);
      expect(declared?.deletionWindowDays).toBe(30);
      expect([...new Set(declared?.consumers.map((c) => c.resource))].sort()).toEqual([...newKey.group.consumers].sort());
    }
    const old = after.inventory.keys.find((k) => k.id === key);
    expect(old?.consumers ?? []).toEqual([]);

    // The split key's principle findings are gone.
    expect(after.findings.filter((f) => f.key === key && (SPLIT_RULES as readonly string[]).includes(f.rule))).toEqual([]);

    // No new finding of severity medium or above.
    const known = new Set(serious(before).map((f) => f.fingerprint));
    const added = serious(after).filter((f) => !known.has(f.fingerprint));
    expect(added.map((f) => `${f.rule} ${f.severity} ${f.key ?? ''}: ${f.message}`)).toEqual([]);

    // The new keys raise none of the lifecycle / governance findings they were built to avoid.
    const newIds = new Set(after.inventory.keys.filter((k) => plan.newKeys.some((n) => k.aliases.includes(n.alias))).map((k) => k.id));
    const governance = after.findings.filter((f) => f.key && newIds.has(f.key) && ['KMS301', 'KMS303', 'KMS401', 'KMS402', 'KMS206'].includes(f.rule));
    expect(governance.map((f) => `${f.rule} ${f.key}: ${f.message}`)).toEqual([]);
  });
});
