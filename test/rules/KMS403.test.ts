import { describe, expect, it } from 'vitest';
import { kms403 } from '../../src/rules/kms403-alias-naming.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>, config?: string) =>
  (await analyseFiles(files, { rules: [kms403], ...(config ? { config } : {}) })).findings.filter((f) => f.rule === 'KMS403');

const DEFAULT_PATTERN = '^alias/[a-z0-9-]+-(prod|production|staging|stage|dev|test|qa|sandbox)$';
const tf = (aliasAttr: string, tags = '') =>
  `variable "svc" {}\nresource "aws_kms_key" "orders" {\n  enable_key_rotation = true\n  ${tags}\n}\n\nresource "aws_kms_alias" "orders" {\n  ${aliasAttr}\n  target_key_id = aws_kms_key.orders.key_id\n}\n`;

describe('KMS403 alias-naming', () => {
  it('fires on an alias outside the convention and suggests one from the key classification', async () => {
    const [finding, ...rest] = await run({ 'main.tf': tf('name = "alias/OrdersKey"', 'tags = { Environment = "production", Application = "orders" }') });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'info',
      key: '.:aws_kms_key.orders',
      subjects: ['.:aws_kms_alias.orders'],
      message: `Alias alias/OrdersKey does not match the alias convention ${DEFAULT_PATTERN}. Rename it to alias/orders-prod; callers that use the old name must follow.`,
      location: { file: 'main.tf', startLine: 7, endLine: 10 },
      evidence: { alias: 'alias/OrdersKey', pattern: DEFAULT_PATTERN, suggestedAlias: 'alias/orders-prod' },
    });
  });

  it('does not suggest a name the configured convention would reject', async () => {
    const config = "thresholds:\n  aliasPattern: '^alias/acme/[a-z]+/(prod|dev)$'\n";
    const [finding] = await run({ 'main.tf': tf('name = "alias/orders-prod"', 'tags = { Environment = "prod", Application = "orders" }') }, config);
    expect(finding.message).toBe(
      'Alias alias/orders-prod does not match the alias convention ^alias/acme/[a-z]+/(prod|dev)$. Rename it after the key’s workload and environment; callers that use the old name must follow.',
    );
    expect(await run({ 'main.tf': tf('name = "alias/acme/orders/prod"') }, config)).toEqual([]);
  });

  it('skips name_prefix and names not known statically', async () => {
    expect(await run({ 'main.tf': tf('name_prefix = "alias/Orders"') })).toEqual([]);
    expect(await run({ 'main.tf': tf('name = "alias/${var.svc}"') })).toEqual([]);
  });

  it('judges CloudFormation AliasName', async () => {
    const template = (name: string) =>
      `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  K:\n    Type: AWS::KMS::Key\n  A:\n    Type: AWS::KMS::Alias\n    Properties:\n      AliasName: ${name}\n      TargetKeyId: !Ref K\n`;
    const [finding] = await run({ 'template.yaml': template('alias/invoices') });
    expect(finding.location).toEqual({ file: 'template.yaml', startLine: 5, endLine: 9 });
    expect(await run({ 'template.yaml': template('alias/invoices-dev') })).toEqual([]);
  });

  it('judges nothing when the configured pattern is not a regular expression', async () => {
    expect(await run({ 'main.tf': tf('name = "alias/OrdersKey"') }, "thresholds:\n  aliasPattern: '(unclosed'\n")).toEqual([]);
  });
});
