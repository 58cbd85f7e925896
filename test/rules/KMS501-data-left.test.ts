/**
 * KMS501, data left under the old key: a PR that removes (or disables) a key after pointing its
 * consumers at another key, while those consumers keep data written under the old one.
 */
import { describe, expect, it } from 'vitest';
import { dataAtRestFor } from '../../src/catalog/data-at-rest.js';
import { fingerprint } from '../../src/rules/fingerprint.js';
import { kms501 } from '../../src/rules/kms501-key-removed-while-used.js';
import { analyseChangeFolders } from '../harness.js';

const run = (kind: 'fires' | 'quiet', name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS501/${kind}/${name}/before`, `fixtures/rules/KMS501/${kind}/${name}/after`, { rules: [kms501] });

const FIRST = 'A key pending deletion decrypts nothing: do this first, and remove the key in a later PR.';

describe('KMS501 data left under a removed key', () => {
  it('S3 (Terraform): objects written before stay under the removed key, critical in prod', async () => {
    const { changeFindings, findings } = await run('fires', 's3-repointed-key-removed');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS501',
        severity: 'critical',
        key: '.:aws_kms_key.exports',
        subjects: ['.:aws_s3_bucket_server_side_encryption_configuration.exports'],
        message:
          'This PR removes key aws_kms_key.exports (alias/exports-prod), so Terraform schedules its deletion (30-day waiting period, deletion_window_in_days at main.tf:13), but 1 resource it moves to another key keeps data written under this one: ' +
          'aws_s3_bucket_server_side_encryption_configuration.exports (s3 storage) at main.tf:30, environment prod, now on aws_kms_key.archive (alias/archive-prod): ' +
          'objects written before stay encrypted under the old key (default encryption applies to new writes only); copy them in place with the new key (S3 Batch Operations Copy), or keep the old key until they expire. ' +
          FIRST,
        evidence: {
          change: 'data-left',
          consumers: [
            {
              resource: '.:aws_s3_bucket_server_side_encryption_configuration.exports',
              service: 's3',
              attribute: 'rule.apply_server_side_encryption_by_default.kms_master_key_id',
              location: 'main.tf:30',
              toKey: '.:aws_kms_key.archive',
              environment: 'prod',
              after: 'left',
              retention: null,
            },
          ],
          unknown: [],
        },
        location: { file: 'main.tf', startLine: 30, endLine: 30 },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS501', '.:aws_kms_key.exports', 'data-left'));
  });

  it('S3 (CloudFormation): high outside prod, located on the new KMSMasterKeyID line', async () => {
    const { changeFindings } = await run('fires', 'cfn-s3-repointed-key-removed');
    expect(changeFindings).toHaveLength(1);
    const [f] = changeFindings;
    expect(f.severity).toBe('high');
    expect(f.key).toBe('stacks/exports.yaml:ExportsKey');
    expect(f.subjects).toEqual(['stacks/exports.yaml:ExportsBucket']);
    expect(f.location).toEqual({ file: 'stacks/exports.yaml', startLine: 19, endLine: 19 });
    expect(f.message).toContain(
      'removes key ExportsKey, so CloudFormation schedules its deletion (30-day waiting period, PendingWindowInDays at stacks/exports.yaml:7)',
    );
    expect(f.message).toContain(
      'ExportsBucket (s3 storage) at stacks/exports.yaml:19, environment staging, now on ArchiveKey: objects written before stay encrypted',
    );
  });

  it('SQS: names the queue retention read from the code as how long to keep the old key', async () => {
    const { changeFindings } = await run('fires', 'sqs-moved-key-removed');
    expect(changeFindings.map((f) => [f.severity, f.subjects])).toEqual([['critical', ['.:aws_sqs_queue.orders']]]);
    expect(changeFindings[0].message).toContain(
      'aws_sqs_queue.orders (sqs messages) at main.tf:29, environment prod, now on aws_kms_key.orders (alias/orders-prod): messages sent before stay encrypted under the old key until they are received or expire — kept 14 days (message_retention_seconds = 1209600 at main.tf:28); drain the queue, or keep the old key until the messages expire.',
    );
    expect((changeFindings[0].evidence.consumers as { retention: unknown }[])[0].retention).toEqual({
      attribute: 'message_retention_seconds',
      value: 1209600,
      days: 14,
    });
  });

  it('CloudWatch Logs: a group with retention_in_days and one that keeps its events until deleted', async () => {
    const { changeFindings } = await run('fires', 'logs-repointed-key-removed');
    expect(changeFindings).toHaveLength(1);
    const [f] = changeFindings;
    expect(f.subjects).toEqual(['.:aws_cloudwatch_log_group.api', '.:aws_cloudwatch_log_group.audit']);
    expect(f.message).toContain('2 resources it moves to another key keep data written under this one');
    expect(f.message).toContain('aws_cloudwatch_log_group.api (logs) at main.tf:24, environment prod');
    expect(f.message).toContain('— kept 90 days (retention_in_days = 90 at main.tf:23)');
    expect(f.message).toContain('aws_cloudwatch_log_group.audit (logs) at main.tf:29, environment prod');
    expect(f.message).toContain(
      '— kept until deleted (retention_in_days not set); export the events you need first, or keep the old key as long as they are kept.',
    );
    expect((f.evidence.consumers as { retention: unknown }[]).map((c) => c.retention)).toEqual([
      { attribute: 'retention_in_days', value: 90, days: 90 },
      { attribute: 'retention_in_days', value: null, days: null },
    ]);
  });

  it('Secrets Manager: a key disabled after the secret moved still holds its older versions', async () => {
    const { changeFindings } = await run('fires', 'secret-repointed-key-disabled');
    expect(changeFindings.map((f) => [f.severity, f.subjects, f.evidence.change])).toEqual([['critical', ['.:aws_secretsmanager_secret.db'], 'data-left']]);
    const [f] = changeFindings;
    expect(f.message).toMatch(/^This PR disables key aws_kms_key\.secrets \(is_enabled = false at main\.tf:13\), but 1 resource it moves/);
    expect(f.message).toContain('older versions stay under the old key');
    expect(f.message).toMatch(/A disabled key decrypts nothing: do this first, and disable the key in a later PR\.$/);
    expect(f.fingerprint).toBe(fingerprint('KMS501', '.:aws_kms_key.secrets', 'data-left'));
  });

  it('EBS and AWS Backup: volumes, snapshots and recovery points stay; the copy step is named (high in dev)', async () => {
    const { changeFindings } = await run('fires', 'ebs-backup-repointed-key-removed');
    expect(changeFindings).toHaveLength(1);
    const [f] = changeFindings;
    expect(f.severity).toBe('high');
    expect(f.subjects).toEqual(['.:aws_backup_vault.main', '.:aws_ebs_volume.data']);
    expect(f.message).toContain('aws_ebs_volume.data (ebs storage) at main.tf:20, environment dev');
    expect(f.message).toContain('copy the snapshots with the new key (aws ec2 copy-snapshot --kms-key-id)');
    expect(f.message).toContain(
      'the recovery points in the old vault stay under the old key; copy the recovery points to a vault with the new key (aws backup start-copy-job)',
    );
    expect((f.evidence.consumers as { after: string }[]).map((c) => c.after)).toEqual(['replaced', 'replaced']);
  });

  it('RDS: the key change replaces the database, so the data moves only through a snapshot copied with the new key', async () => {
    const { changeFindings } = await run('fires', 'rds-repointed-key-removed');
    expect(changeFindings.map((f) => [f.severity, f.subjects])).toEqual([['critical', ['.:aws_db_instance.orders']]]);
    expect(changeFindings[0].message).toContain(
      'aws_db_instance.orders (rds storage) at main.tf:27, environment prod, now on aws_kms_key.db_v2 (alias/db-v2-prod): the key change replaces the database: the new one starts empty, and the old storage, automated backups and snapshots stay under the old key; move the data through a snapshot: copy it with the new key (aws rds copy-db-snapshot',
    );
  });

  it('services added to the catalogue: canary artifacts, hosted configuration versions and a replaced Kendra index stay; a schedule is re-encrypted', async () => {
    const { changeFindings } = await run('fires', 'newer-services-repointed-key-removed');
    expect(changeFindings.map((f) => [f.severity, f.subjects])).toEqual([
      ['critical', ['.:aws_appconfig_configuration_profile.flags', '.:aws_kendra_index.docs', '.:aws_synthetics_canary.checkout']],
    ]);
    const [f] = changeFindings;
    expect((f.evidence.consumers as { service: string; after: string }[]).map((c) => [c.service, c.after])).toEqual([
      ['appconfig', 'left'],
      ['kendra', 'replaced'],
      ['synthetics', 'left'],
    ]);
    // The schedule is stored again under the new key: neither named nor "not known".
    expect(f.evidence.unknown).toEqual([]);
    expect(f.message).not.toContain('aws_scheduler_schedule');
    expect(f.message).toContain(
      'aws_synthetics_canary.checkout (synthetics canary artifacts) at main.tf:34, environment prod, now on aws_kms_key.ops_v2 (alias/ops-v2-prod): canary artifacts (screenshots, HAR files, logs) written before stay under the old key in the artifact bucket; copy them in place with the new key',
    );
    expect(f.message).toContain('hosted configuration versions created before stay under the old key (the profile key encrypts new versions only)');
    expect(f.message).toContain('the key change replaces the index: the new one starts empty');
  });

  it('an unknown environment is high and says so', async () => {
    const { changeFindings } = await run('fires', 'unknown-environment');
    expect(changeFindings.map((f) => f.severity)).toEqual(['high']);
    expect(changeFindings[0].message).toContain('at storage/main.tf:20, environment unknown, now on aws_kms_key.archive');
    expect((changeFindings[0].evidence.consumers as { environment: unknown }[])[0].environment).toBeNull();
  });

  it('a module the tool cannot read is reported as not known (info), never guessed', async () => {
    const { changeFindings } = await run('fires', 'module-repointed-not-known');
    expect(changeFindings.map((f) => [f.severity, f.subjects])).toEqual([['info', ['.:module.warehouse']]]);
    expect(changeFindings[0].message).toContain('whether it keeps data written under this one is not known: module.warehouse (');
    expect(changeFindings[0].message).toMatch(/Check what it keeps before the key goes\.$/);
    expect(changeFindings[0].evidence).toMatchObject({ consumers: [], unknown: [{ resource: '.:module.warehouse', toKey: '.:aws_kms_key.warehouse_v2' }] });
  });

  it.each([
    // DynamoDB re-encrypts the table in place.
    'dynamodb-repointed-key-removed',
    // SNS keeps nothing at rest; Lambda encrypts its environment again with the new key.
    'no-data-at-rest-repointed',
    // Scheduler, Pipes and Network Firewall store their definitions again under the new key; Comprehend training volumes exist only while a model trains.
    're-encrypting-services-repointed',
    // The old key stays: it still decrypts what was written under it.
    'repointed-old-key-kept',
    // DeletionPolicy: Retain leaves the key in the account, still able to decrypt.
    'cfn-retained-key-repointed',
  ])('stays quiet: %s', async (name) => {
    const { changeFindings } = await run('quiet', name);
    expect(changeFindings).toEqual([]);
  });
});

describe('data at rest after a key change (catalog)', () => {
  it('tells services that leave data from those that re-encrypt or keep none', () => {
    expect(dataAtRestFor('s3')?.after).toBe('left');
    expect(dataAtRestFor('rds', 'storage')?.after).toBe('replaced');
    expect(dataAtRestFor('dynamodb')?.after).toBe('re-encrypted');
    expect(dataAtRestFor('sns')?.after).toBe('none');
    expect(dataAtRestFor('lambda')?.after).toBe('re-encrypted');
  });

  it('reads purposes that behave unlike the service storage', () => {
    expect(dataAtRestFor('rds', 'master user secret')?.stays).toContain('Secrets Manager');
    expect(dataAtRestFor('ebs', 'account default for new volumes')?.stays).toContain('new volumes only');
  });

  it('knows nothing of unknown services (nor of object prototype names)', () => {
    for (const service of ['module', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(dataAtRestFor(service)).toBeUndefined();
      expect(dataAtRestFor('rds', service)?.after).toBe('replaced');
    }
  });
});
