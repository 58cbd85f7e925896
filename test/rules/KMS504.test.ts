import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/rules/fingerprint.js';
import { kms504 } from '../../src/rules/kms504-new-decrypt-access.js';
import { analyseChangeFolders } from '../harness.js';

const fires = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS504/fires/${name}/before`, `fixtures/rules/KMS504/fires/${name}/after`, { rules: [kms504] });
const quiet = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS504/quiet/${name}/before`, `fixtures/rules/KMS504/quiet/${name}/after`, { rules: [kms504] });

describe('KMS504 new-decrypt-access', () => {
  it("an IAM policy through the key policy's delegation to the account", async () => {
    const { changeFindings, findings } = await fires('iam-policy-through-delegation');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS504',
        severity: 'high',
        key: '.:aws_kms_key.ledger',
        subjects: ['.:aws_iam_role_policy.support_decrypt'],
        message:
          'aws_iam_role.support can now use key aws_kms_key.ledger (alias/ledger-prod) (a production key with financial data): kms:Decrypt, via IAM policy aws_iam_role_policy.support_decrypt (statement "DecryptStatements") (main.tf:78) with no condition. Before this PR it could not use the key; check that it needs this access and that conditions (kms:ViaService, kms:CallerAccount, encryption context) confine it.',
        evidence: {
          principal: 'aws_iam_role.support',
          principalKind: 'iam',
          principalResource: '.:aws_iam_role.support',
          group: 'usage',
          actions: ['kms:Decrypt'],
          via: [
            {
              kind: 'iam',
              policy: '.:aws_iam_role_policy.support_decrypt',
              statement: 'DecryptStatements',
              location: 'main.tf:78',
            },
          ],
          conditions: [],
          restrictedBy: [],
          production: true,
          dataClasses: ['financial'],
          newKey: false,
        },
        location: {
          file: 'main.tf',
          startLine: 78,
          endLine: 83,
        },
      },
    ]);
  });

  it('a new grant constrained by encryption context: one step lower', async () => {
    const { changeFindings, findings } = await fires('new-grant');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS504',
        severity: 'medium',
        key: '.:aws_kms_key.ledger',
        subjects: ['.:aws_kms_grant.reconciliation'],
        message:
          'arn:aws:iam::111122223333:role/reconciliation-batch can now use key aws_kms_key.ledger (alias/ledger-prod) (a production key with financial data): kms:Decrypt, via grant aws_kms_grant.reconciliation (main.tf:64) under StringEquals kms:EncryptionContext:pipeline = reconciliation. Before this PR it could not use the key; check that it needs this access and that conditions (kms:ViaService, kms:CallerAccount, encryption context) confine it.',
        evidence: {
          principal: 'arn:aws:iam::111122223333:role/reconciliation-batch',
          principalKind: 'iam',
          group: 'usage',
          actions: ['kms:Decrypt'],
          via: [
            {
              kind: 'grant',
              grant: '.:aws_kms_grant.reconciliation',
              location: 'main.tf:64',
            },
          ],
          conditions: ['StringEquals kms:EncryptionContext:pipeline = reconciliation'],
          restrictedBy: ['kms:EncryptionContext:pipeline'],
          production: true,
          dataClasses: ['financial'],
          newKey: false,
        },
        location: {
          file: 'main.tf',
          startLine: 64,
          endLine: 74,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS504', '.:aws_kms_key.ledger', 'arn:aws:iam::111122223333:role/reconciliation-batch|usage'));
  });

  it('a new key-policy statement without conditions on a prod financial key: high', async () => {
    const { changeFindings, findings } = await fires('new-role-statement');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS504',
        severity: 'high',
        key: '.:aws_kms_key.ledger',
        subjects: [],
        message:
          'arn:aws:iam::111122223333:role/analytics-warehouse-loader can now use key aws_kms_key.ledger (alias/ledger-prod) (a production key with financial data): kms:Decrypt, via statement "WarehouseLoader" (main.tf:31) with no condition. Before this PR it could not use the key; check that it needs this access and that conditions (kms:ViaService, kms:CallerAccount, encryption context) confine it.',
        evidence: {
          principal: 'arn:aws:iam::111122223333:role/analytics-warehouse-loader',
          principalKind: 'iam',
          group: 'usage',
          actions: ['kms:Decrypt'],
          via: [
            {
              kind: 'key-policy',
              statement: 'WarehouseLoader',
              location: 'main.tf:31',
            },
          ],
          conditions: [],
          restrictedBy: [],
          production: true,
          dataClasses: ['financial'],
          newKey: false,
        },
        location: {
          file: 'main.tf',
          startLine: 31,
          endLine: 37,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(
      fingerprint('KMS504', '.:aws_kms_key.ledger', 'arn:aws:iam::111122223333:role/analytics-warehouse-loader|usage'),
    );
  });

  it.each(['new-admin-only', 'new-principal-on-other-key', 'reordered-statements'])('stays quiet: %s', async (name) => {
    const { changeFindings } = await quiet(name);
    expect(changeFindings).toEqual([]);
  });

  it('fires on the scenarios that grant new decrypt access', async () => {
    const central = await analyseChangeFolders(
      'fixtures/scenarios/central-security-account-key/before',
      'fixtures/scenarios/central-security-account-key/after',
      {
        rules: [kms504],
      },
    );
    expect(central.changeFindings.map((f) => [f.severity, f.evidence.principal, f.location?.startLine])).toEqual([
      ['high', 'arn:aws:iam::777788889999:root', 71],
    ]);
    const modules = await analyseChangeFolders('fixtures/scenarios/tf-modules-tfvars/before', 'fixtures/scenarios/tf-modules-tfvars/after', {
      rules: [kms504],
    });
    expect(modules.changeFindings.map((f) => [f.severity, f.evidence.principal]).sort()).toEqual([
      ['high', 'arn:aws:iam::111122223333:role/analytics-warehouse-loader'],
      ['high', 'arn:aws:iam::444455556666:role/analytics-warehouse-loader'],
    ]);
  });
});
