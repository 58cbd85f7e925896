import { describe, expect, it } from 'vitest';
import { kms401 } from '../../src/rules/kms401-missing-alias.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>, config?: string) =>
  (await analyseFiles(files, { rules: [kms401], ...(config ? { config } : {}) })).findings.filter((f) => f.rule === 'KMS401');

const KEY = `resource "aws_kms_key" "orders" {
  description         = "orders"
  enable_key_rotation = true
  tags = {
    Environment = "prod"
    Application = "orders"
  }
}
`;

describe('KMS401 missing-alias', () => {
  it('fires on a Terraform key without alias, suggesting a name from its classification', async () => {
    const [finding, ...rest] = await run({ 'main.tf': KEY });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'low',
      key: '.:aws_kms_key.orders',
      subjects: ['.:aws_kms_key.orders'],
      message: 'Key aws_kms_key.orders has no alias. Add an aws_kms_alias named like alias/orders-prod so people, logs and policies can tell what it protects.',
      location: { file: 'main.tf', startLine: 1, endLine: 8 },
      evidence: { aliases: [], suggestedAlias: 'alias/orders-prod' },
    });
  });

  it('fires on a CloudFormation key and names the CloudFormation alias type', async () => {
    const [finding] = await run({
      'template.yaml':
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n",
    });
    expect(finding.message).toBe(
      'Key DataKey has no alias. Add an AWS::KMS::Alias named like alias/<workload>-<env> so people, logs and policies can tell what it protects.',
    );
    expect(finding.location).toEqual({ file: 'template.yaml', startLine: 3, endLine: 6 });
    expect(finding.evidence).toEqual({ aliases: [] });
  });

  it('stays quiet with an alias by name or by name_prefix', async () => {
    const alias = (attr: string) => `${KEY}resource "aws_kms_alias" "a" {\n  ${attr}\n  target_key_id = aws_kms_key.orders.key_id\n}\n`;
    expect(await run({ 'main.tf': alias('name = "alias/orders-prod"') })).toEqual([]);
    expect(await run({ 'main.tf': alias('name_prefix = "alias/orders-"') })).toEqual([]);
  });

  it('stays quiet when an alias in the same root targets a key it cannot resolve', async () => {
    const files = { 'main.tf': `variable "key_id" {}\n${KEY}resource "aws_kms_alias" "a" {\n  name = "alias/orders-prod"\n  target_key_id = var.key_id\n}\n` };
    expect(await run(files)).toEqual([]);
  });

  it('ignores keys only referenced, and AWS managed keys', async () => {
    const files = { 'main.tf': 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = "alias/aws/sns"\n}\n' };
    expect(await run(files)).toEqual([]);
  });

  it('is suppressed inline above the key and by config, and stays visible', async () => {
    const inline = await run({ 'main.tf': `# kms-review:ignore KMS401 reason="legacy key, aliased by the platform team"\n${KEY}` });
    expect(inline[0].suppressed).toMatchObject({ by: 'inline', reason: 'legacy key, aliased by the platform team' });
    const config = await run({ 'main.tf': KEY }, 'ignores:\n  - rule: KMS401\n    resource: aws_kms_key.orders\n    reason: migrating\n');
    expect(config[0].suppressed).toMatchObject({ by: 'config', reason: 'migrating' });
  });
});
