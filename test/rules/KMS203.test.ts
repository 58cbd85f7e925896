import { describe, expect, it } from 'vitest';
import { kms203 } from '../../src/rules/kms203-cross-account-unconstrained.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS203', () => {
  it('fires on partner-account-decrypt', async () => {
    const [finding, ...rest] = await findingsFor(kms203, 'fires/partner-account-decrypt');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/reports-prod (account 111122223333): statement "PartnerRead" lets arn:aws:iam::777788889999:root in account 777788889999 use it (kms:Decrypt) with no kms:CallerAccount, kms:ViaService, aws:PrincipalOrgID or encryption-context condition. Add one.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 30 });
    expect(finding.evidence).toMatchObject({ keyAccount: '111122223333', account: '777788889999', actions: ['kms:Decrypt'] });
  });

  it('fires on cfn-other-account-role', async () => {
    const [finding, ...rest] = await findingsFor(kms203, 'fires/cfn-other-account-role');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/reportskey-prod (account 111122223333): statement "AnalyticsRole" lets arn:aws:iam::444455556666:role/analytics-reader in account 444455556666 use it (kms:Decrypt) with no kms:CallerAccount, kms:ViaService, aws:PrincipalOrgID or encryption-context condition. Add one.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 19, endLine: 25 });
  });

  it.each(quietCases('KMS203'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms203, `quiet/${name}`)).toEqual([]);
  });
});
