import { describe, expect, it } from 'vitest';
import { kms105 } from '../../src/rules/kms105-admin-and-user-same-principal.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS105', () => {
  it('fires on admin-role-also-decrypts', async () => {
    const [finding, ...rest] = await findingsFor(kms105, 'fires/admin-role-also-decrypts');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/orders-prod: arn:aws:iam::111122223333:role/platform-admin can administer it (kms:CancelKeyDeletion, kms:DisableKey, kms:DisableKeyRotation and 10 more via statement "KeyAdministrators") and use it (kms:Decrypt via statement "PlatformAdminDecrypt"). Give administration and usage to different principals.',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 38 });
    expect(finding.evidence).toMatchObject({
      principal: { kind: 'iam', id: 'arn:aws:iam::111122223333:role/platform-admin' },
      usage: { actions: ['kms:Decrypt'] },
    });
  });

  it.each(quietCases('KMS105'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms105, `quiet/${name}`)).toEqual([]);
  });
});
