import { describe, expect, it } from 'vitest';
import { kms203 } from '../../src/rules/kms203-cross-account-unconstrained.js';
import { findingsFor, quietCases } from '../access/rule-case.js';

describe('KMS203', () => {
  it('fires on partner-account-decrypt', async () => {
    const [finding, ...rest] = await findingsFor(kms203, 'fires/partner-account-decrypt');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/reports-prod (account 111122223333): statement "PartnerRead" (kms.tf:19) lets arn:aws:iam::777788889999:root use it (kms:Decrypt) with no condition on caller account, service, organisation or encryption context. Add aws:PrincipalOrgID, or kms:ViaService <service>.<region>.amazonaws.com together with kms:CallerAccount 777788889999.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'kms.tf', startLine: 19, endLine: 30 });
    expect(finding.evidence).toMatchObject({ keyAccount: '111122223333', account: '777788889999', actions: ['kms:Decrypt'] });
  });

  it('fires on cfn-other-account-role', async () => {
    const [finding, ...rest] = await findingsFor(kms203, 'fires/cfn-other-account-role');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/reportskey-prod (account 111122223333): statement "AnalyticsRole" (template.yaml:19) lets arn:aws:iam::444455556666:role/analytics-reader use it (kms:Decrypt) with no condition on caller account, service, organisation or encryption context. Add aws:PrincipalOrgID, or kms:ViaService <service>.<region>.amazonaws.com together with kms:CallerAccount 444455556666.',
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

  it('fires on a literal account from a parameter default when the key account is ${AWS::AccountId}', async () => {
    const [finding, ...rest] = await findingsFor(kms203, 'fires/cfn-sub-parameter-default');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/payments-prod (its account is known only at deploy time): statement "WorkloadUse" (template.yaml:23) lets arn:aws:iam::222233334444:root use it (kms:Decrypt, kms:Encrypt, kms:GenerateDataKey, kms:GenerateDataKeyPair and 2 more) with no condition on caller account, service, organisation or encryption context. 222233334444 is not in accounts: of .github/kms-review.yml; if it is one of yours, list it there, else add aws:PrincipalOrgID, or kms:ViaService <service>.<region>.amazonaws.com together with kms:CallerAccount 222233334444.',
    );
    expect(finding.severity).toBe('medium');
    expect(finding.location).toMatchObject({ file: 'template.yaml', startLine: 23, endLine: 31 });
    expect(finding.evidence).toMatchObject({ keyAccount: null, account: '222233334444', listedAccounts: [], statement: 'WorkloadUse' });
  });

  it.each([
    ['cfn-json-parameter-default', 'template.json:21', 'arn:aws:iam::222233334444:root'],
    ['tf-variable-default-caller-identity', 'kms.tf:22', 'arn:aws:iam::222233334444:role/payments-api'],
    ['literal-account-own-account-unknown', 'template.yaml:16', 'arn:aws:iam::777788889999:root'],
  ])('fires on %s', async (name, line, principal) => {
    const [finding, ...rest] = await findingsFor(kms203, `fires/${name}`);
    expect(rest).toEqual([]);
    expect(finding.message).toContain(`(its account is known only at deploy time): statement "`);
    expect(finding.message).toContain(`(${line}) lets ${principal} use it`);
    expect(finding.evidence).toMatchObject({ keyAccount: null, principal: { id: principal } });
  });

  it("takes the key's account from its administrators when the policy does not write it", async () => {
    const [finding, ...rest] = await findingsFor(kms203, 'fires/tf-module-users-in-another-account');
    expect(rest).toEqual([]);
    expect(finding.message).toMatch(
      /^Key alias\/ledger-prod \(account 111122223333, where its administrators are\): statement "KeyUsage" \(main\.tf:1\) lets arn:aws:iam::222233334444:role\/reporting use it \(.*\) with no condition on caller account, service, organisation or encryption context\. Add aws:PrincipalOrgID, .* kms:CallerAccount 222233334444\.$/,
    );
    expect(finding.evidence).toMatchObject({ keyAccount: '111122223333', keyAccountFrom: 'administrators', account: '222233334444' });
  });

  it('infers no account when administrators sit in several accounts', async () => {
    const { analyseFiles } = await import('../harness.js');
    const { findings } = await analyseFiles(
      {
        'main.tf': `module "k" {
  source             = "terraform-aws-modules/kms/aws"
  aliases            = ["ledger-prod"]
  key_administrators = ["arn:aws:iam::111122223333:role/admin", "arn:aws:iam::333344445555:role/admin"]
  key_users          = ["arn:aws:iam::111122223333:role/ledger-api"]
}
`,
      },
      { rules: [kms203] },
    );
    // 111122223333 may be the key's account or not: with nothing listed, it is reported as another one.
    expect(findings.map((f) => [f.evidence.keyAccount, f.evidence.account])).toEqual([[null, '111122223333']]);
  });

  it('accounts: silences only the accounts it lists', async () => {
    const { analyseFolder } = await import('../harness.js');
    const dir = 'fixtures/rules/KMS203/fires/cfn-sub-parameter-default';
    const run = async (config: string) => (await analyseFolder(dir, { rules: [kms203], config })).findings.filter((f) => f.rule === 'KMS203');
    expect(await run('accounts: ["222233334444"]')).toEqual([]);
    expect(await run('accounts: [{id: "222233334444", name: payments-prod}]')).toEqual([]);
    // Another account listed, or the id without its last digit: still another account.
    expect(await run('accounts: ["222233334445"]')).toHaveLength(1);
    expect(await run('accounts: ["022223333444"]')).toHaveLength(1);
  });

  it('accounts: also silences a listed account when the key account is known', async () => {
    const { analyseFolder } = await import('../harness.js');
    const dir = 'fixtures/rules/KMS203/fires/partner-account-decrypt';
    expect((await analyseFolder(dir, { rules: [kms203], config: 'accounts: ["777788889999"]' })).findings.filter((f) => f.rule === 'KMS203')).toEqual([]);
  });

  it.each(quietCases('KMS203'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms203, `quiet/${name}`)).toEqual([]);
  });
});
