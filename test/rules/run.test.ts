/** The runner: configured severities and `off`, fingerprints, config ignores (scope, expiry) and inline suppressions. */
import { describe, expect, it } from 'vitest';
import { kms301 } from '../../src/rules/kms301-rotation-disabled.js';
import { kms303 } from '../../src/rules/kms303-deletion-window-short.js';
import { analyseFiles } from '../harness.js';

const KEYS = {
  'envs/prod/kms.tf': [
    'resource "aws_kms_key" "orders" {',
    '  enable_key_rotation     = false',
    '  deletion_window_in_days = 7',
    '}',
    '',
    'resource "aws_kms_alias" "orders" {',
    '  name          = "alias/orders-prod"',
    '  target_key_id = aws_kms_key.orders.key_id',
    '}',
    '',
    '# kms-review:ignore KMS301 reason="HSM team rotates this key by hand"',
    'resource "aws_kms_key" "hsm" {',
    '  enable_key_rotation = false',
    '}',
    '',
    'resource "aws_kms_key" "ledger" { # kms-review:ignore KMS301',
    '  enable_key_rotation = false',
    '}',
    '',
  ].join('\n'),
};

describe('rule runner', () => {
  it('fires with the default severity and a stable fingerprint', async () => {
    const first = await analyseFiles(KEYS, { rules: [kms301] });
    const moved = await analyseFiles({ 'envs/prod/keys-moved.tf': `\n\n\n${KEYS['envs/prod/kms.tf']}` }, { rules: [kms301] });
    const orders = first.findings.find((f) => f.key === 'envs/prod:aws_kms_key.orders');
    expect(orders?.severity).toBe('medium');
    expect(moved.findings.find((f) => f.key === 'envs/prod:aws_kms_key.orders')?.fingerprint).toBe(orders?.fingerprint);
  });

  it('honours an inline suppression with a reason, and reports one without a reason', async () => {
    const { findings, inventory } = await analyseFiles(KEYS, { rules: [kms301] });
    const hsm = findings.find((f) => f.key === 'envs/prod:aws_kms_key.hsm');
    expect(hsm?.suppressed).toEqual({
      by: 'inline',
      reason: 'HSM team rotates this key by hand',
      location: { file: 'envs/prod/kms.tf', startLine: 11, endLine: 11 },
    });
    expect(findings.find((f) => f.key === 'envs/prod:aws_kms_key.ledger')?.suppressed).toBeUndefined();
    expect(inventory.problems).toContainEqual({
      rule: 'KMS000',
      message: 'kms-review:ignore KMS301 has no reason="…": it suppresses nothing',
      location: { file: 'envs/prod/kms.tf', startLine: 16, endLine: 16 },
    });
  });

  it('applies configured severities and turns rules off', async () => {
    const config = 'rules:\n  KMS301: high\n  KMS303: off\n';
    const { findings } = await analyseFiles(KEYS, { rules: [kms301, kms303], config });
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['KMS301']));
    expect(findings.every((f) => f.severity === 'high')).toBe(true);
  });

  it('applies config ignores by key alias, by resource, and only until they expire', async () => {
    const config = [
      'ignores:',
      '  - rule: KMS303',
      '    key: alias/orders-prod',
      '    reason: short window agreed for the migration',
      '    expires: 2026-12-31',
      '  - rule: KMS301',
      '    resource: aws_kms_key.orders',
      '    reason: expired exception',
      '    expires: 2026-01-31',
      '',
    ].join('\n');
    const { findings } = await analyseFiles(KEYS, { rules: [kms301, kms303], config, today: '2026-11-22' });
    const window = findings.find((f) => f.rule === 'KMS303');
    expect(window?.suppressed).toEqual({ by: 'config', reason: 'short window agreed for the migration', expires: '2026-12-31' });
    const rotation = findings.find((f) => f.rule === 'KMS301' && f.key === 'envs/prod:aws_kms_key.orders');
    expect(rotation?.suppressed).toBeUndefined();
    const later = await analyseFiles(KEYS, { rules: [kms303], config, today: '2027-01-01' });
    expect(later.findings.find((f) => f.rule === 'KMS303')?.suppressed).toBeUndefined();
    const byResource = await analyseFiles(KEYS, { rules: [kms301], config, today: '2026-01-15' });
    expect(byResource.findings.find((f) => f.key === 'envs/prod:aws_kms_key.orders')?.suppressed).toEqual({
      by: 'config',
      reason: 'expired exception',
      expires: '2026-01-31',
    });
  });

  it('rejects an ignore without a reason in the config', async () => {
    await expect(analyseFiles(KEYS, { rules: [kms301], config: 'ignores:\n  - rule: KMS301\n    reason: ""\n' })).rejects.toThrow(/an ignore needs a reason/);
  });
});
