import { describe, expect, it } from 'vitest';
import { kms000 } from '../../src/rules/kms000-parse-problem.js';
import { analyseFiles } from '../harness.js';

const active = async (files: Record<string, string>) =>
  (await analyseFiles(files, { rules: [kms000] })).findings.filter((f) => f.rule === 'KMS000' && !f.suppressed);

describe('KMS000 parse-problem', () => {
  it('reports a Terraform syntax error at its line, as info, and keeps analysing the rest', async () => {
    const analysis = await analyseFiles(
      {
        'main.tf': 'resource "aws_kms_key" "a" {\n  enable_key_rotation = true\n}\n',
        'broken.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n',
      },
      { rules: [kms000] },
    );
    const [finding, ...rest] = analysis.findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'KMS000',
      severity: 'info',
      subjects: [],
      message: 'syntax error: missing }',
      location: { file: 'broken.tf', startLine: 3, endLine: 3 },
      evidence: { file: 'broken.tf', line: 3 },
    });
    expect(finding.key).toBeUndefined();
    expect(analysis.inventory.keys.map((k) => k.id)).toEqual(['.:aws_kms_key.a']);
  });

  it('reports an inline suppression without a reason', async () => {
    const findings = await active({ 'main.tf': '# kms-review:ignore KMS301\nresource "aws_kms_key" "legacy" {}\n' });
    expect(findings.map((f) => [f.message, f.location])).toEqual([
      ['kms-review:ignore KMS301 has no reason="…": it suppresses nothing', { file: 'main.tf', startLine: 1, endLine: 1 }],
    ]);
  });

  it('reports invalid CloudFormation YAML', async () => {
    const findings = await active({
      'template.yaml':
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n     Description: \"x\n",
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].location?.file).toBe('template.yaml');
    expect(findings[0].message).toMatch(/^syntax error: /);
  });

  it('fingerprints by file and message, not by line', async () => {
    const a = await active({ 'broken.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n' });
    const b = await active({ 'broken.tf': '\n\n\nresource "aws_sqs_queue" "q" {\n  name = "q"\n' });
    expect(a[0].location?.startLine).not.toBe(b[0].location?.startLine);
    expect(a[0].fingerprint).toBe(b[0].fingerprint);
  });

  it('stays quiet on valid files', async () => {
    expect(await active({ 'main.tf': 'resource "aws_kms_key" "a" {\n  enable_key_rotation = true\n}\n' })).toEqual([]);
  });
});
