import { describe, expect, it } from 'vitest';
import { kms205 } from '../../src/rules/kms205-lockout-safety-bypass.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS205', () => {
  it('fires on key-bypass', async () => {
    const [finding, ...rest] = await findingsFor(kms205, 'fires/key-bypass');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'aws_kms_key.vault sets bypass_policy_lockout_safety_check = true for key alias/vault-prod: KMS will accept a policy that locks everyone out of the key. Remove the attribute (it defaults to false).',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 5, endLine: 5 });
    expect(finding.evidence).toMatchObject({ attribute: 'bypass_policy_lockout_safety_check' });
  });

  it('fires on key-policy-resource-bypass', async () => {
    const [finding, ...rest] = await findingsFor(kms205, 'fires/key-policy-resource-bypass');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'aws_kms_key_policy.vault sets bypass_policy_lockout_safety_check = true for key aws_kms_key.vault: KMS will accept a policy that locks everyone out of the key. Remove the attribute (it defaults to false).',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 8, endLine: 8 });
  });

  it('fires on cfn-bypass', async () => {
    const [finding, ...rest] = await findingsFor(kms205, 'fires/cfn-bypass');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'VaultKey sets BypassPolicyLockoutSafetyCheck = true for key alias/vaultkey-prod: KMS will accept a policy that locks everyone out of the key. Remove the attribute (it defaults to false).',
    );
    expect(finding.severity).toBe('high');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 10, endLine: 10 });
  });

  it.each(quietCases('KMS205'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms205, `quiet/${name}`)).toEqual([]);
  });
});
