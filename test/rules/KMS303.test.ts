import { describe, expect, it } from 'vitest';
import { kms303 } from '../../src/rules/kms303-deletion-window-short.js';
import { analyseFiles } from '../harness.js';

describe('KMS303 deletion-window-short', () => {
  it('fires below the default threshold of 30 days, with a fix to the threshold', async () => {
    const { findings } = await analyseFiles(
      { 'kms.tf': 'resource "aws_kms_key" "data" {\n  enable_key_rotation     = true\n  deletion_window_in_days = 7\n}\n' },
      { rules: [kms303] },
    );
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('low');
    expect(f.message).toBe(
      'Key aws_kms_key.data is deleted 7 days after deletion is scheduled (deletion_window_in_days at kms.tf:3); the configured minimum is 30 (AWS allows 7–30). Set deletion_window_in_days to 30 to keep time to cancel a mistaken deletion.',
    );
    expect(f.location).toEqual({ file: 'kms.tf', startLine: 3, endLine: 3 });
    expect(f.evidence).toEqual({ deletionWindowDays: 7, threshold: 30, attribute: 'deletion_window_in_days' });
    expect(f.fix).toEqual({
      location: { file: 'kms.tf', startLine: 3, endLine: 3 },
      replacement: '  deletion_window_in_days = 30',
      description: 'Raise the deletion waiting period to 30 days',
    });
  });

  it('uses the configured threshold, and fixes CloudFormation', async () => {
    const template = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      PendingWindowInDays: 10\n';
    const strict = await analyseFiles({ 'template.yaml': template }, { rules: [kms303], config: 'thresholds:\n  deletionWindowDays: 14\n' });
    expect(strict.findings[0].message).toContain('the configured minimum is 14');
    expect(strict.findings[0].fix?.replacement).toBe('      PendingWindowInDays: 14');
    const relaxed = await analyseFiles({ 'template.yaml': template }, { rules: [kms303], config: 'thresholds:\n  deletionWindowDays: 7\n' });
    expect(relaxed.findings).toEqual([]);
  });

  it('gives no fix when the value comes from an expression', async () => {
    const { findings } = await analyseFiles(
      { 'kms.tf': 'locals {\n  window = 7\n}\nresource "aws_kms_key" "data" {\n  deletion_window_in_days = local.window\n}\n' },
      { rules: [kms303] },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].location).toEqual({ file: 'kms.tf', startLine: 5, endLine: 5 });
    expect(findings[0].fix).toBeUndefined();
  });

  it('stays quiet by default (30 days), at the threshold and when unknown', async () => {
    const { findings } = await analyseFiles(
      {
        'kms.tf': `variable "window" {
  type = number
}
resource "aws_kms_key" "default" {
  enable_key_rotation = true
}
resource "aws_kms_key" "thirty" {
  deletion_window_in_days = 30
}
resource "aws_kms_key" "unknown" {
  deletion_window_in_days = var.window
}
`,
      },
      { rules: [kms303] },
    );
    expect(findings).toEqual([]);
  });
});
