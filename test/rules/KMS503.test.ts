import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/rules/fingerprint.js';
import { kms503 } from '../../src/rules/kms503-consumer-replacement.js';
import { analyseChangeFolders } from '../harness.js';

const fires = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS503/fires/${name}/before`, `fixtures/rules/KMS503/fires/${name}/after`, { rules: [kms503] });
const quiet = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS503/quiet/${name}/before`, `fixtures/rules/KMS503/quiet/${name}/after`, { rules: [kms503] });

describe('KMS503 consumer-replacement', () => {
  it('an EBS volume moving keys in CloudFormation', async () => {
    const { changeFindings, findings } = await fires('cfn-ebs-volume-moves-key');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS503',
        severity: 'high',
        key: 'template.yaml:BatchKey',
        subjects: ['template.yaml:ScratchVolume'],
        message:
          'ScratchVolume (Amazon EBS storage) moves from PlatformKey to BatchKey (KmsKeyId at template.yaml:17). Amazon EBS cannot change this key in place: the resource will be destroyed and re-created, empty. Safe path: snapshot the volume, copy the snapshot with the new key, create a volume (or AMI) from the copy and swap it in, then delete the old one.',
        evidence: {
          resource: 'template.yaml:ScratchVolume',
          type: 'AWS::EC2::Volume',
          service: 'ebs',
          attribute: 'KmsKeyId',
          fromKey: 'template.yaml:PlatformKey',
          toKey: 'template.yaml:BatchKey',
          protectedFromDeletion: false,
          consumer: {
            resource: 'template.yaml:ScratchVolume',
            service: 'ebs',
            attribute: 'KmsKeyId',
            location: 'template.yaml:17',
          },
        },
        location: {
          file: 'template.yaml',
          startLine: 17,
          endLine: 17,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS503', 'template.yaml:BatchKey', 'template.yaml:ScratchVolume|KmsKeyId'));
  });

  it('an EFS file system moving from the AWS managed key to a customer key', async () => {
    const { changeFindings, findings } = await fires('tf-efs-aws-managed-to-cmk');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS503',
        severity: 'high',
        key: '.:aws_kms_key.files',
        subjects: ['.:aws_efs_file_system.shared'],
        message:
          'aws_efs_file_system.shared (Amazon EFS storage) moves from the AWS managed key to aws_kms_key.files (alias/files-prod) (kms_key_id at main.tf:29). Amazon EFS cannot change this key in place: the resource will be destroyed and re-created, empty. Safe path: create a new file system with the new key beside the old one, copy the data (AWS DataSync or an AWS Backup restore), switch the mounts, then delete the old one.',
        evidence: {
          resource: '.:aws_efs_file_system.shared',
          type: 'aws_efs_file_system',
          service: 'efs',
          attribute: 'kms_key_id',
          fromKey: null,
          toKey: '.:aws_kms_key.files',
          protectedFromDeletion: false,
          consumer: {
            resource: '.:aws_efs_file_system.shared',
            service: 'efs',
            attribute: 'kms_key_id',
            location: 'main.tf:29',
          },
        },
        location: {
          file: 'main.tf',
          startLine: 29,
          endLine: 29,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS503', '.:aws_kms_key.files', '.:aws_efs_file_system.shared|kms_key_id'));
  });

  it('RDS storage moving to another key: destroyed and re-created, with the safe path', async () => {
    const { changeFindings, findings } = await fires('tf-rds-moves-key');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS503',
        severity: 'high',
        key: '.:aws_kms_key.orders',
        subjects: ['.:aws_db_instance.orders'],
        message:
          'aws_db_instance.orders (Amazon RDS / Aurora storage) moves from aws_kms_key.platform (alias/platform-prod) to aws_kms_key.orders (alias/orders-prod) (kms_key_id at main.tf:48). Amazon RDS / Aurora cannot change this key in place: the resource will be destroyed and re-created, empty. Safe path: take a snapshot, copy it with the new key, restore a new instance (or cluster) from the copy and cut over, then retire the old one.',
        evidence: {
          resource: '.:aws_db_instance.orders',
          type: 'aws_db_instance',
          service: 'rds',
          attribute: 'kms_key_id',
          fromKey: '.:aws_kms_key.platform',
          toKey: '.:aws_kms_key.orders',
          protectedFromDeletion: false,
          consumer: {
            resource: '.:aws_db_instance.orders',
            service: 'rds',
            attribute: 'kms_key_id',
            location: 'main.tf:48',
          },
        },
        location: {
          file: 'main.tf',
          startLine: 48,
          endLine: 48,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS503', '.:aws_kms_key.orders', '.:aws_db_instance.orders|kms_key_id'));
  });

  it.each(['in-place-switches', 'key-renamed-with-moved-block', 'new-rds-instance', 'rds-performance-insights-key-only'])('stays quiet: %s', async (name) => {
    const { changeFindings } = await quiet(name);
    expect(changeFindings).toEqual([]);
  });

  it('fires on the plan-json scenario: the RDS instance moves to the new reporting key', async () => {
    const { changeFindings } = await analyseChangeFolders('fixtures/scenarios/plan-json/before', 'fixtures/scenarios/plan-json/after', { rules: [kms503] });
    expect(changeFindings.map((f) => [f.severity, f.subjects, f.location])).toEqual([
      ['high', ['plans/prod.tfplan.json:aws_db_instance.reports'], { file: 'plans/prod.tfplan.json', startLine: 205, endLine: 205 }],
    ]);
  });
});
