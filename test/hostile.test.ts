/**
 * Hostile pull-request content, all in one repository: every bad file gives a located KMS000,
 * the good files are still analysed. A hang would hit the test timeout (vitest.config.ts).
 */
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseFolder } from './harness.js';

function hostileRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kms-review-hostile-'));
  const write = (path: string, body: string | Buffer) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  };
  write(
    'good/main.tf',
    'resource "aws_kms_key" "good" {\n  enable_key_rotation = true\n}\n\nresource "aws_sqs_queue" "q" {\n  kms_master_key_id = aws_kms_key.good.arn\n}\n',
  );
  write('bad/malformed.tf', 'resource "aws_kms_key" "half" {\n  description = "unterminated\n  policy = jsonencode({\n');
  write('bad/malformed.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties: {Description: [unclosed\n');
  write('bad/malformed.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"K": {"Type": "AWS::KMS::Key",}}');
  write('bad/binary.tf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff]));
  write('bad/latin1.tf', Buffer.from('resource "aws_kms_key" "caf\xe9" {}\n', 'latin1'));
  const bombLines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:', '  a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) bombLines.push(`  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(',')}]`);
  bombLines.push('Resources:', '  K:', '    Type: AWS::KMS::Key', '    Properties:', '      Description: *a11');
  write('bad/bomb.yaml', `${bombLines.join('\n')}\n`);
  write('bad/deep.tf', `locals {\n  x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}\n`);
  write('bad/deep.json', `{"AWSTemplateFormatVersion":"2010-09-09","Resources":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`);
  const huge = join(dir, 'bad/huge.tf');
  writeFileSync(huge, '');
  truncateSync(huge, 50 * 1024 * 1024);
  symlinkSync('/etc/passwd', join(dir, 'bad/escape.tf'));
  return dir;
}

describe('hostile input', () => {
  it('reports each bad file as KMS000 with its location and still analyses the good one', async () => {
    const dir = hostileRepo();
    const { inventory, findings } = await analyseFolder(dir);

    const good = inventory.keys.find((k) => k.id === 'good:aws_kms_key.good');
    expect(good?.consumers.map((c) => c.resource)).toEqual(['good:aws_sqs_queue.q']);

    const problemFiles = new Set(inventory.problems.map((p) => p.location.file));
    for (const file of [
      'bad/malformed.tf',
      'bad/malformed.yaml',
      'bad/malformed.json',
      'bad/binary.tf',
      'bad/latin1.tf',
      'bad/bomb.yaml',
      'bad/deep.tf',
      'bad/deep.json',
      'bad/huge.tf',
      'bad/escape.tf',
    ]) {
      expect(problemFiles, `${file} should be reported`).toContain(file);
    }
    for (const p of inventory.problems) {
      expect(p.rule).toBe('KMS000');
      expect(p.location.startLine).toBeGreaterThanOrEqual(1);
      expect(p.message.length).toBeGreaterThan(5);
    }
    const huge = inventory.problems.find((p) => p.location.file === 'bad/huge.tf');
    expect(huge?.message).toMatch(/50(\.0)? MB.*limit/);
    const malformed = inventory.problems.find((p) => p.location.file === 'bad/malformed.json');
    expect(malformed?.location.startLine).toBe(1);
    // Parse problems surface as KMS000 findings once that rule is registered.
    expect(findings.filter((f) => f.rule === 'KMS000').length).toBe(findings.some((f) => f.rule === 'KMS000') ? inventory.problems.length : 0);
  });
});
