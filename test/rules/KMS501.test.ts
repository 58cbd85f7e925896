import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/rules/fingerprint.js';
import { kms501 } from '../../src/rules/kms501-key-removed-while-used.js';
import { analyseChangeFolders } from '../harness.js';

const fires = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS501/fires/${name}/before`, `fixtures/rules/KMS501/fires/${name}/after`, { rules: [kms501] });
const quiet = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS501/quiet/${name}/before`, `fixtures/rules/KMS501/quiet/${name}/after`, { rules: [kms501] });

describe('KMS501 key-removed-while-used', () => {
  it('names the consumers another root still has, found through an alias lookup', async () => {
    const { changeFindings, findings } = await fires('alias-lookup-in-other-root');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS501',
        severity: 'critical',
        key: 'kms:aws_kms_key.orders',
        subjects: ['app:aws_secretsmanager_secret.orders_db', 'app:aws_sqs_queue.orders'],
        message:
          'This PR removes key aws_kms_key.orders (alias/orders-prod), so Terraform schedules its deletion (30-day waiting period, deletion_window_in_days at kms/main.tf:13) while 2 resources still use it: aws_secretsmanager_secret.orders_db (secretsmanager secret) at app/main.tf:25 and aws_sqs_queue.orders (sqs messages) at app/main.tf:16. Once the key is deleted their data cannot be decrypted. Move them to another key and re-encrypt their data first (or remove them too), then remove the key.',
        evidence: {
          change: 'removed',
          baseLocation: 'kms/main.tf:10',
          deletionWindowDays: 30,
          protectedFromDeletion: false,
          protection: null,
          consumers: [
            {
              resource: 'app:aws_secretsmanager_secret.orders_db',
              service: 'secretsmanager',
              attribute: 'kms_key_id',
              location: 'app/main.tf:25',
            },
            {
              resource: 'app:aws_sqs_queue.orders',
              service: 'sqs',
              attribute: 'kms_master_key_id',
              location: 'app/main.tf:16',
            },
          ],
        },
        location: {
          file: 'app/main.tf',
          startLine: 25,
          endLine: 25,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS501', 'kms:aws_kms_key.orders', 'removed'));
  });

  it('says that DeletionPolicy: Retain keeps the key (high, still reported)', async () => {
    const { changeFindings, findings } = await fires('cfn-retained-key-removed');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS501',
        severity: 'high',
        key: 'stacks/keys.yaml:DataKey',
        subjects: ['stacks/app.yaml:PaymentsQueue'],
        message:
          'This PR removes key DataKey (alias/payments-prod) from the template while 1 resource still uses it: PaymentsQueue (sqs messages) at stacks/app.yaml:6. DeletionPolicy: Retain protects it: CloudFormation leaves the key in the account instead of deleting it, so the consumers keep working, but nothing manages the key any more — keep it in the template until they have moved. Move them to another key and re-encrypt their data first (or remove them too), then remove the key.',
        evidence: {
          change: 'removed',
          baseLocation: 'stacks/keys.yaml:3',
          deletionWindowDays: 30,
          protectedFromDeletion: true,
          protection: 'DeletionPolicy: Retain',
          consumers: [
            {
              resource: 'stacks/app.yaml:PaymentsQueue',
              service: 'sqs',
              attribute: 'KmsMasterKeyId',
              location: 'stacks/app.yaml:6',
            },
          ],
        },
        location: {
          file: 'stacks/app.yaml',
          startLine: 6,
          endLine: 6,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS501', 'stacks/keys.yaml:DataKey', 'removed'));
  });

  it('fires when the key is disabled and its window lowered while consumers stay', async () => {
    const { changeFindings, findings } = await fires('disabled-window-lowered');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS501',
        severity: 'critical',
        key: '.:aws_kms_key.legacy',
        subjects: ['.:aws_s3_bucket_server_side_encryption_configuration.reports'],
        message:
          'This PR disables key aws_kms_key.legacy (is_enabled = false at main.tf:14) and lowers deletion_window_in_days from 30 to 7 days (the way to a quick deletion), while 1 resource still uses it: aws_s3_bucket_server_side_encryption_configuration.reports (s3 storage) at main.tf:26. Every request with the key fails from then on, and deleting it loses their data. Move them to another key and re-encrypt first.',
        evidence: {
          change: 'disabled',
          attribute: 'is_enabled',
          deletionWindowDays: {
            before: 30,
            after: 7,
          },
          protectedFromDeletion: false,
          consumers: [
            {
              resource: '.:aws_s3_bucket_server_side_encryption_configuration.reports',
              service: 's3',
              attribute: 'rule.apply_server_side_encryption_by_default.kms_master_key_id',
              location: 'main.tf:26',
            },
          ],
        },
        location: {
          file: 'main.tf',
          startLine: 14,
          endLine: 14,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS501', '.:aws_kms_key.legacy', 'disabled'));
  });

  it.each(['moved-block-rename', 'removed-with-consumers'])('stays quiet: %s', async (name) => {
    const { changeFindings } = await quiet(name);
    expect(changeFindings).toEqual([]);
  });
});
