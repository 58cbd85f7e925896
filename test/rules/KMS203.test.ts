import { describe, expect, it } from 'vitest';
import { kms203 } from '../../src/rules/kms203-cross-account-unconstrained.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS203', () => {
  it('fires on partner-account-decrypt', async () => {
    const [finding, ...rest] = await findingsFor(kms203, 'fires/partner-account-decrypt');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/reports-prod (account 111122223333): statement "PartnerRead" lets arn:aws:iam::777788889999:root use it (kms:Decrypt) with no condition on caller account, service, organisation or encryption context. Add aws:PrincipalOrgID, or kms:ViaService <service>.<region>.amazonaws.com together with kms:CallerAccount 777788889999.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 30 });
    expect(finding.evidence).toMatchObject({ keyAccount: '111122223333', account: '777788889999', actions: ['kms:Decrypt'] });
  });

  it('fires on cfn-other-account-role', async () => {
    const [finding, ...rest] = await findingsFor(kms203, 'fires/cfn-other-account-role');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/reportskey-prod (account 111122223333): statement "AnalyticsRole" lets arn:aws:iam::444455556666:role/analytics-reader use it (kms:Decrypt) with no condition on caller account, service, organisation or encryption context. Add aws:PrincipalOrgID, or kms:ViaService <service>.<region>.amazonaws.com together with kms:CallerAccount 444455556666.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 19, endLine: 25 });
  });

  it("names kms:ViaService from the services of the key's consumers and its region", async () => {
    const { analyseFolder } = await import('../harness.js');
    const [finding] = (await analyseFolder('fixtures/scenarios/central-security-account-key/after', { rules: [kms203] })).findings;
    expect(finding.message).toMatch(
      / Add aws:PrincipalOrgID, or kms:ViaService secretsmanager\.eu-west-1\.amazonaws\.com and sqs\.eu-west-1\.amazonaws\.com together with kms:CallerAccount 777788889999\.$/,
    );
  });

  it.each(quietCases('KMS203'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms203, `quiet/${name}`)).toEqual([]);
  });
});
