import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './support/cli.js';

const DEMO = 'fixtures/scenarios/env-wide-shared-key/after';

describe('kms-review scan', () => {
  it('prints the inventory as text without colour when not on a TTY', async () => {
    const { code, stdout, stderr } = await run(['scan', DEMO]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('● envs/prod:aws_kms_key.platform  alias/platform-prod');
    expect(stdout).toContain('envs/dev:aws_sqs_queue.billing_replay');
    expect(stdout).not.toContain('\u001b[');
  });

  it('prints the stable JSON contract', async () => {
    const { code, stdout } = await run(['scan', DEMO, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['version', 'keys', 'aliases', 'unresolved', 'withoutCmk', 'problems', 'findings', 'live']);
    expect(json.version).toBe(1);
    const prod = json.keys.find((k: { id: string }) => k.id === 'envs/prod:aws_kms_key.platform');
    expect(prod).toMatchObject({ declared: true, aliases: ['alias/platform-prod'], location: { file: 'envs/prod/kms.tf', startLine: 5 } });
    expect(prod.blastRadius.environments).toBe(2);
  });

  it('prints markdown', async () => {
    const { code, stdout } = await run(['scan', DEMO, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^## KMS key inventory/);
    expect(stdout).toContain('| `envs/prod:aws_kms_key.platform` | alias/platform-prod |');
  });

  it('rejects an unknown format, command, severity and a missing folder with exit 2', async () => {
    expect((await run(['scan', DEMO, '--format', 'xml'])).code).toBe(2);
    expect((await run(['lint', DEMO])).code).toBe(2);
    expect((await run(['scan', DEMO, '--fail-on', 'severe'])).code).toBe(2);
    const missing = await run(['scan', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such folder');
  });

  it('reports an invalid config with file, line and path, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-review-cli-'));
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/kms-review.yml'), 'thresholds:\n  grants: lots\n');
    const { code, stderr } = await run(['scan', dir]);
    expect(code).toBe(2);
    expect(stderr).toBe(`${join(dir, '.github/kms-review.yml')}:2: thresholds.grants: Invalid input: expected number, received string\n`);
  });

  it('prints help and version', async () => {
    expect((await run(['--help'])).stdout).toContain('kms-review scan [dir]');
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('goes on past a broken file and reports it as KMS000', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-review-cli-'));
    writeFileSync(join(dir, 'broken.tf'), 'resource "aws_kms_key" "a" {\n  description = \n');
    writeFileSync(join(dir, 'ok.tf'), 'resource "aws_kms_key" "b" {\n  enable_key_rotation = true\n}\n');
    const { code, stdout } = await run(['scan', dir, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.keys.map((k: { id: string }) => k.id)).toContain('.:aws_kms_key.b');
    expect(json.problems.length).toBeGreaterThan(0);
    expect(json.problems[0]).toMatchObject({ rule: 'KMS000', location: { file: 'broken.tf' } });
  });
});
