import { describe, expect, it } from 'vitest';
import { kms206 } from '../../src/rules/kms206-default-key-policy.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS206', () => {
  it('fires on no-policy', async () => {
    const [finding, ...rest] = await findingsFor(kms206, 'fires/no-policy');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      "Key alias/platform-dev has no key policy, so AWS's default applies: the account root gets kms:* and any IAM policy in the account can grant access. Write a policy that names the key administrators and users.",
    );
    expect(finding.severity).toBe('low');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 1, endLine: 5 });
  });

  it('fires on cfn-no-key-policy', async () => {
    const [finding, ...rest] = await findingsFor(kms206, 'fires/cfn-no-key-policy');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      "Key PlatformKey has no key policy, so AWS's default applies: the account root gets kms:* and any IAM policy in the account can grant access. Write a policy that names the key administrators and users.",
    );
    expect(finding.severity).toBe('low');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 3, endLine: 7 });
  });

  it.each(quietCases('KMS206'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms206, `quiet/${name}`)).toEqual([]);
  });
});
