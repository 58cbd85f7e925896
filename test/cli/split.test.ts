import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../support/cli.js';

const DEMO = 'fixtures/scenarios/env-wide-shared-key/after';
const tmp = mkdtempSync(join(tmpdir(), 'kms-split-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('kms-review split', () => {
  it('finds the key by unique address suffix and prints groups, new keys, edits, migration and the patch', async () => {
    const { code, stdout, stderr } = await run(['split', 'envs/prod:aws_kms_key.platform', DEMO]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const order = ['Groups', 'New keys', 'Consumer edits', 'Migration', 'Patch (git apply)'].map((h) => stdout.indexOf(`\n${h}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(stdout).toContain('alias/orders-pii-prod');
    expect(stdout).toContain('CHANGING THE KEY REPLACES THE DATABASE');
    expect(stdout).toContain('+++ b/envs/prod/kms-orders-prod.tf');
  });

  it('finds the key by alias, writes --patch and prints JSON', async () => {
    const patch = join(tmp, 'out.patch');
    const { code, stdout } = await run(['split', 'alias/platform-prod', DEMO, '--patch', patch, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { version: number; split: { key: string; patch: string; newKeys: unknown[]; migration: unknown[] } };
    expect(json.version).toBe(1);
    expect(json.split.key).toBe('envs/prod:aws_kms_key.platform');
    expect(json.split.newKeys).toHaveLength(5);
    expect(readFileSync(patch, 'utf8')).toBe(json.split.patch);
  });

  it('asks for one key when an address suffix is ambiguous', async () => {
    const { code, stderr } = await run(['split', 'aws_kms_key.platform', DEMO]);
    expect(code).toBe(2);
    expect(stderr).toContain('matches 2 keys');
    expect(stderr).toContain('envs/dev:aws_kms_key.platform');
  });

  it('renders markdown with the migration and a collapsed patch', async () => {
    const { code, stdout } = await run(['split', 'DataKey', 'fixtures/scenarios/cfn-import-value/after', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('### Split of `stacks/keys.yaml:DataKey`');
    expect(stdout).toContain('`alias/payments-pci-staging`');
    expect(stdout).toContain('```diff');
  });

  it('says why there is no split for a key of one group', async () => {
    const { code, stdout } = await run(['split', 'alias/ledger-logs-prod', 'fixtures/scenarios/tf-modules-tfvars/after']);
    expect(code).toBe(0);
    expect(stdout).toContain('No split: All consumers of alias/ledger-logs-prod belong to one group');
  });

  it('rejects a missing key and an unknown format', async () => {
    expect((await run(['split'])).code).toBe(2);
    expect((await run(['split', 'alias/nope', DEMO])).stderr).toContain('no key "alias/nope"');
    expect((await run(['split', 'alias/platform-prod', DEMO, '--format', 'sarif'])).code).toBe(2);
  });
});
