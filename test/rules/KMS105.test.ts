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

  it('fires on the same deploy-time principal written twice (terraform-aws-modules/kms administrators and users)', async () => {
    const [finding, ...rest] = await findingsFor(kms105, 'fires/tf-module-same-expression');
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Key alias/orders-prod: arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/platform-admin (written the same way in both; its account is known only at deploy time) can administer it (kms:CancelKeyDeletion, kms:CreateAlias, kms:CreateCustomKeyStore and 19 more via statement "KeyAdministration") and use it (kms:Decrypt, kms:Encrypt, kms:GenerateDataKey and 5 more via statement "KeyUsage"). Give administration and usage to different principals.',
    );
    expect(finding.evidence).toMatchObject({
      principal: { kind: 'iam', id: 'arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/platform-admin' },
    });
    expect((finding.evidence.principal as { account?: string }).account).toBeUndefined();
  });

  it.each([
    ['cfn-sub-same-role', 'template.yaml', 18, 29],
    ['cfn-json-same-role', 'template.json', 18, 24],
  ])('fires on %s: ${AWS::AccountId} roles spelt with !Sub and Fn::Join are one principal', async (name, file, startLine, endLine) => {
    const [finding, ...rest] = await findingsFor(kms105, `fires/${name}`);
    expect(rest).toEqual([]);
    expect(finding.message).toMatch(
      /^Key alias\/orders-prod: arn:aws:iam::\$\{AWS::AccountId\}:role\/platform-admin \(written the same way in both; its account is known only at deploy time\) can administer it \(.* via statement "KeyAdministrators"\) and use it \(kms:Decrypt, kms:Encrypt, kms:GenerateDataKey and 3 more via statement "KeyUsers"\)\./,
    );
    expect(finding.location).toMatchObject({ file, startLine, endLine });
  });

  it('does not add the deploy-time note when one statement holds both duties', async () => {
    const [finding] = await findingsFor(kms105, 'fires/cfn-single-statement');
    expect(finding.message).not.toContain('written the same way');
  });

  it.each(quietCases('KMS105'))('stays quiet on %s', async (name) => {
    expect(await findingsFor(kms105, `quiet/${name}`)).toEqual([]);
  });
});
