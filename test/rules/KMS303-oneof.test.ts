/** KMS303 (and KMS301) on a field that is one of several known values: any option below the minimum counts, with its condition. */
import { describe, expect, it } from 'vitest';
import { kms301 } from '../../src/rules/kms301-rotation-disabled.js';
import { kms303 } from '../../src/rules/kms303-deletion-window-short.js';
import { analyseFiles, analyseFolder } from '../harness.js';

const cfn = (window: string, rotation = 'true') =>
  `Parameters:\n  Environment:\n    Type: String\n    AllowedValues: [dev, prod]\n  Days:\n    Type: Number\n    AllowedValues: [10, 20, 30]\nConditions:\n  IsProd: !Equals [!Ref Environment, prod]\nResources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: ${rotation}\n      PendingWindowInDays: ${window}\n`;

describe('KMS303 with a choice of deletion windows', () => {
  it('cfn-import-value: 7 days when IsProd is false, at the attribute, without a fix', async () => {
    const { findings } = await analyseFolder('fixtures/scenarios/cfn-import-value/after', { rules: [kms303] });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.message).toBe(
      'Key DataKey (alias/payments-staging) is deleted 7 days after deletion is scheduled when IsProd is false (PendingWindowInDays at stacks/keys.yaml:31); the configured minimum is 30 (AWS allows 7–30). Set PendingWindowInDays to 30 to keep time to cancel a mistaken deletion.',
    );
    expect(f.location).toEqual({ file: 'stacks/keys.yaml', startLine: 31, endLine: 31 });
    expect(f.evidence).toEqual({ deletionWindowDays: 7, options: [30, 7], when: ['when IsProd is false'], threshold: 30, attribute: 'PendingWindowInDays' });
    expect(f.fix).toBeUndefined();
  });

  it('names each short option when both branches are short, and Terraform conditions too', async () => {
    const both = await analyseFiles({ 't.yaml': cfn('!If [IsProd, 14, 7]') }, { rules: [kms303] });
    expect(both.findings[0].message).toContain('is deleted 14 days after deletion is scheduled when IsProd is true, 7 days when IsProd is false (');
    const tf = await analyseFiles(
      { 'main.tf': 'variable "prod" {}\nresource "aws_kms_key" "k" {\n  enable_key_rotation     = true\n  deletion_window_in_days = var.prod ? 30 : 7\n}\n' },
      { rules: [kms303] },
    );
    expect(tf.findings[0].message).toContain('is deleted 7 days after deletion is scheduled when var.prod is false (deletion_window_in_days at main.tf:4)');
  });

  it('says what the value depends on when options are not branches of a condition', async () => {
    const { findings } = await analyseFiles({ 't.yaml': cfn('!Ref Days') }, { rules: [kms303] });
    expect(findings[0].message).toContain('is deleted 10 or 20 days after deletion is scheduled depending on parameter Days AllowedValues (');
  });

  it('stays quiet when every option reaches the minimum (an absent option is the default, 30)', async () => {
    for (const window of ['!If [IsProd, 30, 30]', '!If [IsProd, 30, !Ref AWS::NoValue]']) {
      const { findings } = await analyseFiles({ 't.yaml': cfn(window) }, { rules: [kms303] });
      expect(findings).toEqual([]);
    }
    const lower = await analyseFiles({ 't.yaml': cfn('!If [IsProd, 20, 7]') }, { rules: [kms303], config: 'thresholds:\n  deletionWindowDays: 7\n' });
    expect(lower.findings).toEqual([]);
  });
});

describe('KMS301 with a choice of rotation settings', () => {
  it('fires under the condition of the false option', async () => {
    const { findings } = await analyseFiles({ 't.yaml': cfn('30', '!If [IsProd, true, false]') }, { rules: [kms301] });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe(
      'Key Key does not rotate its key material when IsProd is false (EnableKeyRotation at t.yaml:14). Set EnableKeyRotation to true (yearly by default, 90–2560 days with a rotation period).',
    );
    expect(findings[0].evidence).toMatchObject({ enableRotation: false, when: 'when IsProd is false' });
    const on = await analyseFiles({ 't.yaml': cfn('30', '!If [IsProd, true, "true"]') }, { rules: [kms301] });
    expect(on.findings).toEqual([]);
  });

  it('reports a primary that does not rotate once, not again on its replica', async () => {
    const { findings } = await analyseFiles(
      {
        'main.tf':
          'resource "aws_kms_key" "primary" {\n  multi_region = true\n}\nresource "aws_kms_replica_key" "west" {\n  primary_key_arn = aws_kms_key.primary.arn\n}\n',
      },
      { rules: [kms301] },
    );
    expect(findings.map((f) => f.key)).toEqual(['.:aws_kms_key.primary']);
  });
});
