import { describe, expect, it } from 'vitest';
import { kms302 } from '../../src/rules/kms302-rotation-period-invalid.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms302] })).findings;

describe('KMS302 rotation-period-invalid', () => {
  it('fires below 90 days in Terraform', async () => {
    const [f, ...rest] = await run({
      'kms.tf': 'resource "aws_kms_key" "data" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 30\n}\n',
    });
    expect(rest).toEqual([]);
    expect(f.severity).toBe('high');
    expect(f.message).toBe(
      'Key aws_kms_key.data sets rotation_period_in_days = 30 at kms.tf:3, below the minimum of 90 days: KMS rejects it. Use 90–2560 days (365 is the default).',
    );
    expect(f.location).toEqual({ file: 'kms.tf', startLine: 3, endLine: 3 });
    expect(f.evidence).toEqual({ periodDays: 30, min: 90, max: 2560, attribute: 'rotation_period_in_days' });
  });

  it('fires above 2560 days in CloudFormation', async () => {
    const [f] = await run({
      'template.yaml': 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      RotationPeriodInDays: 3650\n',
    });
    expect(f.message).toBe(
      'Key Key sets RotationPeriodInDays: 3650 at template.yaml:6, above the maximum of 2560 days: KMS rejects it. Use 90–2560 days (365 is the default).',
    );
    expect(f.location).toEqual({ file: 'template.yaml', startLine: 6, endLine: 6 });
  });

  it('stays quiet at the bounds, by default and when unknown', async () => {
    const findings = await run({
      'kms.tf': `variable "period" {
  type = number
}
resource "aws_kms_key" "low" {
  enable_key_rotation     = true
  rotation_period_in_days = 90
}
resource "aws_kms_key" "high" {
  enable_key_rotation     = true
  rotation_period_in_days = 2560
}
resource "aws_kms_key" "default" {
  enable_key_rotation = true
}
resource "aws_kms_key" "unknown" {
  enable_key_rotation     = true
  rotation_period_in_days = var.period
}
`,
    });
    expect(findings).toEqual([]);
  });
});
