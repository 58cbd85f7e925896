import { describe, expect, it } from 'vitest';
import { kms301 } from '../../src/rules/kms301-rotation-disabled.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms301] })).findings;

describe('KMS301 rotation-disabled', () => {
  it('fires on rotation written as false, with a fix that keeps alignment', async () => {
    const findings = await run({
      'kms.tf': `resource "aws_kms_key" "orders" {
  description             = "orders"
  enable_key_rotation     = false # TODO
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "orders" {
  name          = "alias/orders-prod"
  target_key_id = aws_kms_key.orders.key_id
}
`,
    });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('medium');
    expect(f.key).toBe('.:aws_kms_key.orders');
    expect(f.message).toBe(
      'Key aws_kms_key.orders (alias/orders-prod) never rotates its key material: enable_key_rotation is false at kms.tf:3. Set enable_key_rotation to true (yearly by default, 90–2560 days with a rotation period).',
    );
    expect(f.location).toEqual({ file: 'kms.tf', startLine: 3, endLine: 3 });
    expect(f.evidence).toMatchObject({ enableRotation: false, written: true, attribute: 'enable_key_rotation', spec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS' });
    expect(f.fix).toEqual({
      location: { file: 'kms.tf', startLine: 3, endLine: 3 },
      replacement: '  enable_key_rotation     = true # TODO',
      description: 'Turn on automatic rotation (enable_key_rotation)',
    });
  });

  it('fires when rotation is absent and inserts it after the resource line', async () => {
    const [f] = await run({ 'main.tf': 'resource "aws_kms_key" "logs" {\n    description = "logs"\n}\n' });
    expect(f.message).toContain('enable_key_rotation is not set, and rotation is off by default');
    expect(f.location).toEqual({ file: 'main.tf', startLine: 1, endLine: 1 });
    expect(f.fix?.location).toEqual({ file: 'main.tf', startLine: 1, endLine: 1 });
    expect(f.fix?.replacement).toBe('resource "aws_kms_key" "logs" {\n    enable_key_rotation = true');
  });

  it('fixes CloudFormation YAML under Properties, and JSON in place', async () => {
    const yaml = await run({
      'stack.yaml': `Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      Description: data
`,
    });
    expect(yaml[0].location).toEqual({ file: 'stack.yaml', startLine: 4, endLine: 4 });
    expect(yaml[0].fix?.replacement).toBe('    Properties:\n      EnableKeyRotation: true');
    const json = await run({
      'stack.json': JSON.stringify({ Resources: { DataKey: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: false, Description: 'x' } } } }, null, 2),
    });
    expect(json[0].message).toContain('EnableKeyRotation is false at stack.json:6');
    expect(json[0].fix?.replacement).toBe('        "EnableKeyRotation": true,');
  });

  it('inserts into CloudFormation JSON with a trailing comma', async () => {
    const [f] = await run({
      'stack.json': JSON.stringify({ Resources: { DataKey: { Type: 'AWS::KMS::Key', Properties: { Description: 'x' } } } }, null, 2),
    });
    expect(f.fix?.replacement).toBe('      "Properties": {\n        "EnableKeyRotation": true,');
  });

  it('stays quiet for asymmetric, HMAC, imported, replica, custom key store, enabled and unknown rotation', async () => {
    const findings = await run({
      'main.tf': `variable "rotate" {
  type = bool
}
resource "aws_kms_key" "sign" {
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}
resource "aws_kms_key" "mac" {
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}
resource "aws_kms_external_key" "byok" {
  description = "imported"
}
resource "aws_kms_key" "primary" {
  multi_region        = true
  enable_key_rotation = true
}
resource "aws_kms_replica_key" "replica" {
  primary_key_arn = aws_kms_key.primary.arn
}
resource "aws_kms_key" "hsm" {
  custom_key_store_id = "cks-1234567890abcdef0"
}
resource "aws_kms_key" "unknown" {
  enable_key_rotation = var.rotate
}
`,
    });
    expect(findings).toEqual([]);
  });
});

describe('KMS301 through a registry module', () => {
  it('fires when terraform-aws-modules/kms turns rotation off: the module passes custom_key_store_id = null, which is no key store', async () => {
    const findings = await run({
      'main.tf':
        'module "kms" {\n  source              = "terraform-aws-modules/kms/aws"\n  enable_key_rotation = false\n  aliases             = ["orders-prod"]\n}\n',
    });
    expect(findings.map((f) => [f.key, f.evidence.enableRotation])).toEqual([['.:module.kms.aws_kms_key.this[0]', false]]);
  });

  it('stays quiet when the module call names a custom key store', async () => {
    const findings = await run({
      'main.tf':
        'module "kms" {\n  source              = "terraform-aws-modules/kms/aws"\n  enable_key_rotation = false\n  custom_key_store_id = "cks-1234567890abcdef0"\n}\n',
    });
    expect(findings).toEqual([]);
  });
});

describe('KMS301 suppressions', () => {
  it('honours a config ignore scoped by alias, and keeps the finding visible as suppressed', async () => {
    const { findings } = await analyseFiles(
      {
        'kms.tf':
          'resource "aws_kms_key" "archive" {\n  description = "archive"\n}\nresource "aws_kms_alias" "archive" {\n  name          = "alias/archive-prod"\n  target_key_id = aws_kms_key.archive.key_id\n}\n',
      },
      { rules: [kms301], config: 'ignores:\n  - rule: KMS301\n    key: alias/archive-prod\n    reason: "Re-keyed yearly by the archive job"\n' },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].suppressed).toEqual({ by: 'config', reason: 'Re-keyed yearly by the archive job' });
  });
});
