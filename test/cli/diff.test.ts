/** `kms-review diff`: two folders, and git refs of a real temporary repository (never checked out). */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../support/cli.js';

const SCENARIOS = 'fixtures/scenarios';
const ENV_WIDE = [`${SCENARIOS}/env-wide-shared-key/before`, `${SCENARIOS}/env-wide-shared-key/after`];
const SAM = [`${SCENARIOS}/sam-app/before`, `${SCENARIOS}/sam-app/after`];

describe('kms-review diff <before-dir> <after-dir>', () => {
  it('prints a verdict, the changed key with blast radius before → after and consumers with file:line, then new findings', async () => {
    const { code, stdout, stderr } = await run(['diff', ...ENV_WIDE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`kms-review diff · ${ENV_WIDE[0]} → ${ENV_WIDE[1]}`);
    expect(lines[1]).toMatch(/^\d+ new findings? \(.*critical.*\) · keys: 1 changed, 0 added, 0 removed · 0 fixed · \d+ unchanged$/);
    expect(stdout).toContain('~ changed envs/prod:aws_kms_key.platform  alias/platform-prod');
    expect(stdout).toContain('blast radius consumers 7 → 9 · services 6 → 7 · workloads 2 · environments 1 → 2 · data classes 2');
    expect(stdout).toContain('gains environment dev; service dynamodb');
    expect(stdout).toContain('new consumer: envs/dev:aws_sqs_queue.billing_replay (sqs)  envs/dev/main.tf:61');
    expect(stdout).toMatch(/New findings: \d+\n {2}envs\/prod:aws_kms_key.platform\n {4}CRITICAL KMS103/);
    expect(stdout).toMatch(/Fixed: 0 · unchanged \(pre-existing\): \d+\n$/);
  });

  it('shows a consumer moved to another key on both keys', async () => {
    const { code, stdout } = await run(['diff', ...SAM]);
    expect(code).toBe(0);
    expect(stdout).toContain('moved out to template.yaml:WorkerFunctionKey: template.yaml:WorkerFunction (lambda)  template.yaml:17 → template.yaml:148');
    expect(stdout).toContain('moved in from template.yaml:FunctionKey: template.yaml:WorkerFunction (lambda)  template.yaml:17 → template.yaml:148');
    expect(stdout).toContain('+ added template.yaml:WorkerFunctionKey  alias/receipts-worker-prod');
  });

  it('prints the JSON contract: both inventories, the changes, findings split new / fixed / unchanged, splits', async () => {
    const { code, stdout, stderr } = await run(['diff', ...ENV_WIDE, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['version', 'base', 'head', 'changes', 'findings', 'splits', 'scope']);
    expect(json.version).toBe(1);
    expect(Object.keys(json.base)).toEqual(['keys', 'aliases', 'unresolved', 'withoutCmk', 'problems', 'live']);
    expect(Object.keys(json.findings)).toEqual(['new', 'fixed', 'unchanged']);
    // The split stage proposes per-workload keys for the over-shared prod key.
    const split = json.splits.find((p: { key: string }) => p.key === 'envs/prod:aws_kms_key.platform');
    expect(split).toBeDefined();
    expect(split.groups.length).toBeGreaterThan(1);
    expect(split).toHaveProperty('newKeys');
    expect(split).toHaveProperty('migration');
    expect(split.patch).toContain('--- ');
    const prod = json.changes.keys.find((k: { key: string }) => k.key === 'envs/prod:aws_kms_key.platform');
    expect(prod).toMatchObject({ change: 'changed', gained: { environments: ['dev'], services: ['dynamodb'] } });
    expect(prod.blastRadius.before.environments).toBe(1);
    expect(prod.blastRadius.after.environments).toBe(2);
    expect(prod.consumers).toContainEqual(
      expect.objectContaining({
        resource: 'envs/dev:aws_sqs_queue.billing_replay',
        change: 'added',
        location: { file: 'envs/dev/main.tf', startLine: 61, endLine: 61 },
      }),
    );
    expect(json.findings.new.map((f: { rule: string }) => f.rule)).toContain('KMS103');
    expect(json.findings.unchanged.length).toBeGreaterThan(0);
  });

  it('prints markdown with a verdict and a section per changed key', async () => {
    const { code, stdout } = await run(['diff', ...ENV_WIDE, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^## KMS key changes · /);
    expect(stdout).toContain('### changed key `envs/prod:aws_kms_key.platform` (`alias/platform-prod`)');
    expect(stdout).toContain('- **gains** environment dev; service dynamodb');
    expect(stdout).toContain('### New findings');
  });

  it('puts only the new findings in SARIF', async () => {
    const [diff, scan] = await Promise.all([run(['diff', ...ENV_WIDE, '--format', 'sarif']), run(['scan', ENV_WIDE[1], '--format', 'sarif'])]);
    const newResults = JSON.parse(diff.stdout).runs[0].results;
    const allResults = JSON.parse(scan.stdout).runs[0].results;
    expect(newResults.length).toBeGreaterThan(0);
    expect(newResults.length).toBeLessThan(allResults.length);
    expect(newResults.map((r: { ruleId: string }) => r.ruleId)).toContain('KMS103');
  });

  it('fails on new findings only', async () => {
    // env-wide-shared-key: the PR adds a critical (KMS103); pre-existing findings are high.
    expect((await run(['diff', ...ENV_WIDE, '--fail-on', 'critical'])).code).toBe(1);
    // sam-app: pre-existing medium findings (KMS404); new is only an info (KMS504 on the new key, conditioned).
    expect((await run(['scan', SAM[1], '--fail-on', 'medium'])).code).toBe(1);
    expect((await run(['diff', ...SAM, '--fail-on', 'low'])).code).toBe(0);
    expect((await run(['diff', ...SAM, '--fail-on', 'info'])).code).toBe(1);
    // The same tree on both sides: nothing is new, whatever the threshold.
    expect((await run(['diff', ENV_WIDE[1], ENV_WIDE[1], '--fail-on', 'info'])).code).toBe(0);
  });

  it('rejects wrong arguments with exit 2', async () => {
    expect((await run(['diff', ENV_WIDE[0]])).code).toBe(2);
    expect((await run(['diff', ENV_WIDE[0], 'no/such/folder'])).code).toBe(2);
    expect((await run(['diff', ...ENV_WIDE, '--head', 'HEAD'])).code).toBe(2);
    expect((await run(['diff', ...ENV_WIDE, '--format', 'xml'])).code).toBe(2);
  });
});

describe('kms-review diff --base <ref> [--head <ref>] [path]', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' })
      .toString()
      .trim();

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'kms-review-diff-'));
    git('init', '-q', '-b', 'main');
    cpSync(`${SCENARIOS}/env-wide-shared-key/before`, join(repo, 'infra'), { recursive: true });
    writeFileSync(join(repo, 'README.md'), 'not infrastructure\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    rmSync(join(repo, 'infra'), { recursive: true });
    cpSync(`${SCENARIOS}/env-wide-shared-key/after`, join(repo, 'infra'), { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('compares two commits without checking anything out', async () => {
    // The work tree is put back to the base: the head must still come from the commit.
    git('checkout', '-q', 'HEAD~1', '--', 'infra');
    try {
      const { code, stdout, stderr } = await run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', join(repo, 'infra'), '--fail-on', 'critical']);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(stdout).toContain('~ changed envs/prod:aws_kms_key.platform');
      expect(stdout).toContain('new consumer: envs/dev:aws_sqs_queue.billing_replay (sqs)  envs/dev/main.tf:61');
      expect(stdout).toMatch(/CRITICAL KMS103/);
      expect(git('status', '--porcelain')).toMatch(/^M {2}infra\//m);
    } finally {
      git('checkout', '-q', 'HEAD', '--', 'infra');
    }
  });

  it('uses the folder on disk as the head without --head', async () => {
    const same = await run(['diff', '--base', 'HEAD', join(repo, 'infra'), '--format', 'json']);
    expect(same.code).toBe(0);
    const json = JSON.parse(same.stdout);
    expect(json.changes.keys.every((k: { change: string }) => k.change === 'unchanged')).toBe(true);
    expect(json.findings.new).toEqual([]);

    const changed = await run(['diff', '--base', 'HEAD~1', join(repo, 'infra'), '--format', 'json', '--fail-on', 'critical']);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout).findings.new.map((f: { rule: string }) => f.rule)).toContain('KMS103');
  });

  it('reviews the whole repository from its root and reports bad refs and non-repositories', async () => {
    const whole = await run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', repo, '--format', 'json']);
    expect(whole.code).toBe(0);
    expect(JSON.parse(whole.stdout).changes.keys.map((k: { key: string }) => k.key)).toContain('infra/envs/prod:aws_kms_key.platform');

    const badRef = await run(['diff', '--base', 'no-such-ref', repo]);
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toContain('no-such-ref');

    const outside = mkdtempSync(join(tmpdir(), 'kms-review-norepo-'));
    try {
      const notRepo = await run(['diff', '--base', 'HEAD', outside]);
      expect(notRepo.code).toBe(2);
      expect(notRepo.stderr).toContain('not inside a git work tree');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
