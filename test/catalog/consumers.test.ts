import { describe, expect, it } from 'vitest';
import { CONSUMERS, consumerSpecFor, isServiceId, moduleKeyInputPattern, S3_BUCKET_KEY_PATHS, valuesAtPath } from '../../src/catalog/index.js';
import type { OneOf, Ref, Unknown, Value } from '../../src/model/types.js';

const ref = (address: string, attr = 'arn'): Ref => ({ $kind: 'ref', unit: 'envs/prod', address, attr });

describe('consumer table shape', () => {
  it.each(CONSUMERS.map((spec) => [`${spec.source} ${spec.type}`, spec] as const))('%s is well formed', (_name, spec) => {
    expect(isServiceId(spec.service)).toBe(true);
    expect(spec.keyPaths.length).toBeGreaterThan(0);
    for (const keyPath of spec.keyPaths) {
      expect(keyPath.path).toMatch(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/);
      expect(keyPath.purpose).not.toBe('');
      expect(typeof keyPath.replacement).toBe('boolean');
      if (keyPath.encryptedBy) expect(keyPath.encryptedBy.path).toMatch(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/);
    }
    expect(new Set(spec.keyPaths.map((keyPath) => keyPath.path)).size).toBe(spec.keyPaths.length);
    const typePattern = spec.source === 'terraform' ? /^aws_[a-z0-9_]+$/ : /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
    expect(spec.type).toMatch(typePattern);
  });

  it('has no type twice per source', () => {
    const ids = CONSUMERS.map((spec) => `${spec.source}:${spec.type}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers at least 60 Terraform and 45 CloudFormation types', () => {
    expect(CONSUMERS.filter((spec) => spec.source === 'terraform').length).toBeGreaterThanOrEqual(60);
    expect(CONSUMERS.filter((spec) => spec.source === 'cloudformation').length).toBeGreaterThanOrEqual(45);
  });

  it.each([
    'aws_s3_bucket',
    'aws_s3_bucket_server_side_encryption_configuration',
    'aws_s3_object',
    'aws_db_instance',
    'aws_rds_cluster',
    'aws_rds_cluster_instance',
    'aws_ebs_volume',
    'aws_ebs_default_kms_key',
    'aws_ebs_snapshot_copy',
    'aws_launch_template',
    'aws_instance',
    'aws_efs_file_system',
    'aws_fsx_windows_file_system',
    'aws_fsx_lustre_file_system',
    'aws_fsx_ontap_file_system',
    'aws_fsx_openzfs_file_system',
    'aws_dynamodb_table',
    'aws_sqs_queue',
    'aws_sns_topic',
    'aws_secretsmanager_secret',
    'aws_ssm_parameter',
    'aws_cloudwatch_log_group',
    'aws_lambda_function',
    'aws_eks_cluster',
    'aws_ecr_repository',
    'aws_kinesis_stream',
    'aws_kinesis_firehose_delivery_stream',
    'aws_kinesis_video_stream',
    'aws_redshift_cluster',
    'aws_redshiftserverless_namespace',
    'aws_elasticache_replication_group',
    'aws_elasticache_serverless_cache',
    'aws_memorydb_cluster',
    'aws_opensearch_domain',
    'aws_docdb_cluster',
    'aws_neptune_cluster',
    'aws_keyspaces_table',
    'aws_timestreamwrite_database',
    'aws_msk_cluster',
    'aws_backup_vault',
    'aws_cloudtrail',
    'aws_config_delivery_channel',
    'aws_glue_data_catalog_encryption_settings',
    'aws_glue_security_configuration',
    'aws_athena_workgroup',
    'aws_sagemaker_notebook_instance',
    'aws_sagemaker_endpoint_configuration',
    'aws_sagemaker_domain',
    'aws_emr_security_configuration',
    'aws_codebuild_project',
    'aws_codeartifact_domain',
    'aws_codepipeline',
    'aws_sfn_state_machine',
    'aws_route53_key_signing_key',
    'aws_xray_encryption_config',
    'aws_workspaces_workspace',
    'aws_qldb_ledger',
    'aws_dms_replication_instance',
    'aws_mwaa_environment',
    'aws_prometheus_workspace',
    'aws_kms_ciphertext',
    'aws_kms_secrets',
  ])('covers Terraform %s', (type) => {
    expect(consumerSpecFor('terraform', type)?.type).toBe(type);
  });

  it.each([
    'AWS::S3::Bucket',
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'AWS::EC2::Volume',
    'AWS::EC2::LaunchTemplate',
    'AWS::EFS::FileSystem',
    'AWS::FSx::FileSystem',
    'AWS::DynamoDB::Table',
    'AWS::SQS::Queue',
    'AWS::SNS::Topic',
    'AWS::SecretsManager::Secret',
    'AWS::Logs::LogGroup',
    'AWS::Lambda::Function',
    'AWS::EKS::Cluster',
    'AWS::ECR::Repository',
    'AWS::Kinesis::Stream',
    'AWS::KinesisFirehose::DeliveryStream',
    'AWS::MSK::Cluster',
    'AWS::Backup::BackupVault',
    'AWS::CloudTrail::Trail',
    'AWS::EMR::SecurityConfiguration',
    'AWS::Serverless::Function',
    'AWS::Serverless::SimpleTable',
    'AWS::Route53::KeySigningKey',
  ])('covers CloudFormation %s', (type) => {
    expect(consumerSpecFor('cloudformation', type)?.type).toBe(type);
  });
});

describe('consumer rows that later stages depend on', () => {
  it('records replacement, purpose and the encryption switch of an RDS instance', () => {
    expect(consumerSpecFor('terraform', 'aws_db_instance')).toEqual({
      type: 'aws_db_instance',
      source: 'terraform',
      service: 'rds',
      keyPaths: [
        { path: 'kms_key_id', purpose: 'storage', replacement: true, encryptedBy: { path: 'storage_encrypted', default: false } },
        { path: 'performance_insights_kms_key_id', purpose: 'performance insights', replacement: false },
        { path: 'master_user_secret_kms_key_id', purpose: 'master user secret', replacement: false },
      ],
      whenAbsent: 'aws-managed',
    });
  });

  it.each([
    ['terraform', 'aws_rds_cluster', 'kms_key_id', true],
    ['terraform', 'aws_ebs_volume', 'kms_key_id', true],
    ['terraform', 'aws_efs_file_system', 'kms_key_id', true],
    ['terraform', 'aws_elasticache_replication_group', 'kms_key_id', true],
    ['terraform', 'aws_eks_cluster', 'encryption_config.provider.key_arn', true],
    ['terraform', 'aws_instance', 'root_block_device.kms_key_id', true],
    ['terraform', 'aws_sqs_queue', 'kms_master_key_id', false],
    ['terraform', 'aws_sns_topic', 'kms_master_key_id', false],
    ['terraform', 'aws_secretsmanager_secret', 'replica.kms_key_id', false],
    ['terraform', 'aws_cloudwatch_log_group', 'kms_key_id', false],
    ['terraform', 'aws_dynamodb_table', 'server_side_encryption.kms_key_arn', false],
    ['terraform', 'aws_dynamodb_table', 'replica.kms_key_arn', false],
    ['terraform', 'aws_s3_bucket_server_side_encryption_configuration', 'rule.apply_server_side_encryption_by_default.kms_master_key_id', false],
    ['terraform', 'aws_kinesis_stream', 'kms_key_id', false],
    ['terraform', 'aws_redshift_cluster', 'kms_key_id', false],
    ['terraform', 'aws_launch_template', 'block_device_mappings.ebs.kms_key_id', false],
    ['terraform', 'aws_msk_cluster', 'encryption_info.encryption_at_rest_kms_key_arn', true],
    ['cloudformation', 'AWS::RDS::DBInstance', 'KmsKeyId', true],
    ['cloudformation', 'AWS::S3::Bucket', 'BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID', false],
    ['cloudformation', 'AWS::Serverless::Function', 'KmsKeyArn', false],
  ] as const)('%s %s %s replaces the resource: %s', (source, type, path, replacement) => {
    expect(consumerSpecFor(source, type)?.keyPaths.find((keyPath) => keyPath.path === path)?.replacement).toBe(replacement);
  });

  it.each([
    ['aws_s3_bucket', 'aws-owned'],
    ['aws_sqs_queue', 'aws-owned'],
    // KMS SSE switched on without a key: the AWS managed key; switched off: AWS owned (see the switch test).
    ['aws_dynamodb_table', 'aws-managed'],
    ['aws_cloudwatch_log_group', 'aws-owned'],
    ['aws_db_instance', 'aws-managed'],
    ['aws_ebs_volume', 'aws-managed'],
    ['aws_secretsmanager_secret', 'aws-managed'],
    ['aws_sns_topic', 'unencrypted'],
    ['aws_kinesis_stream', 'unencrypted'],
  ])('without a key, %s data is %s', (type, whenAbsent) => {
    expect(consumerSpecFor('terraform', type)?.whenAbsent).toBe(whenAbsent);
  });

  it('DynamoDB: KMS encryption is opt-in; switched off, the table still has an AWS owned key', () => {
    for (const [source, type, path] of [
      ['terraform', 'aws_dynamodb_table', 'server_side_encryption.enabled'],
      ['cloudformation', 'AWS::DynamoDB::Table', 'SSESpecification.SSEEnabled'],
      ['cloudformation', 'AWS::Serverless::SimpleTable', 'SSESpecification.SSEEnabled'],
    ] as const) {
      expect(consumerSpecFor(source, type)?.keyPaths[0].encryptedBy).toEqual({ path, default: false, whenOff: 'aws-owned' });
      expect(consumerSpecFor(source, type)?.whenAbsent).toBe('aws-managed');
    }
  });

  it('looks plan resources up as Terraform and knows nothing of policy files', () => {
    expect(consumerSpecFor('plan', 'aws_sqs_queue')?.source).toBe('terraform');
    expect(consumerSpecFor('policy', 'aws_sqs_queue')).toBeUndefined();
    expect(consumerSpecFor('cloudformation', 'aws_sqs_queue')).toBeUndefined();
    expect(consumerSpecFor('terraform', 'aws_iam_role')).toBeUndefined();
  });

  it('lists where S3 bucket keys are switched on', () => {
    expect(S3_BUCKET_KEY_PATHS.map((spec) => `${spec.type} ${spec.path}`)).toEqual([
      'aws_s3_bucket server_side_encryption_configuration.rule.bucket_key_enabled',
      'aws_s3_bucket_server_side_encryption_configuration rule.bucket_key_enabled',
      'aws_s3_object bucket_key_enabled',
      'AWS::S3::Bucket BucketEncryption.ServerSideEncryptionConfiguration.BucketKeyEnabled',
    ]);
    for (const spec of S3_BUCKET_KEY_PATHS) expect(consumerSpecFor(spec.source, spec.type)?.service).toBe('s3');
  });
});

describe('moduleKeyInputPattern', () => {
  it.each([
    'kms_key',
    'kms_key_id',
    'kms_key_arn',
    'kms_master_key_id',
    'cloudwatch_kms_key_id',
    'cloudwatch_log_group_kms_key_id',
    's3_kms_key_arn',
    'performance_insights_kms_key_id',
    'logs_kms_key',
  ])('%s is a key reference', (name) => {
    expect(moduleKeyInputPattern.test(name)).toBe(true);
  });

  it.each([
    'enable_kms_key_rotation',
    'create_kms_key',
    'kms_key_deletion_window',
    'kms_key_enabled',
    'use_kms_key',
    'kms_key_alias',
    'kms_key_description',
    'kms_key_administrators',
    'bucket_name',
    'sse_algorithm',
    'KmsKeyId',
  ])('%s is not a key reference', (name) => {
    expect(moduleKeyInputPattern.test(name)).toBe(false);
  });
});

describe('valuesAtPath', () => {
  it('walks Terraform nested blocks (lists of objects) and drops the indexes from the path', () => {
    const attrs: Record<string, Value> = {
      server_side_encryption_configuration: [
        {
          rule: [
            { apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'alias/data-prod' }] },
            { apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key.data') }] },
          ],
        },
      ],
    };
    expect(valuesAtPath(attrs, 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id')).toEqual([
      { value: 'alias/data-prod', path: 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id' },
      { value: ref('aws_kms_key.data'), path: 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id' },
    ]);
  });

  it('walks CloudFormation lists of objects', () => {
    const attrs: Record<string, Value> = {
      ReplicaRegions: [{ Region: 'eu-west-1', KmsKeyId: 'alias/a' }, { Region: 'us-east-1' }, { Region: 'us-west-2', KmsKeyId: 'alias/b' }],
    };
    expect(valuesAtPath(attrs, 'ReplicaRegions.KmsKeyId')).toEqual([
      { value: 'alias/a', path: 'ReplicaRegions.KmsKeyId' },
      { value: 'alias/b', path: 'ReplicaRegions.KmsKeyId' },
    ]);
  });

  it('walks into every option of a OneOf, at the leaf and on the way', () => {
    const leaf: OneOf = { $kind: 'oneOf', options: [ref('ProdKey', 'Arn'), 'alias/aws/rds'], reason: 'Fn::If IsProd' };
    expect(valuesAtPath({ KmsKeyId: leaf }, 'KmsKeyId')).toEqual([
      { value: ref('ProdKey', 'Arn'), path: 'KmsKeyId' },
      { value: 'alias/aws/rds', path: 'KmsKeyId' },
    ]);
    const block: OneOf = { $kind: 'oneOf', options: [{ KeyId: 'alias/a' }, { KeyId: 'alias/b' }], reason: 'Fn::If UseA' };
    expect(valuesAtPath({ StreamEncryption: block }, 'StreamEncryption.KeyId')).toEqual([
      { value: 'alias/a', path: 'StreamEncryption.KeyId' },
      { value: 'alias/b', path: 'StreamEncryption.KeyId' },
    ]);
  });

  it('stops at Unknown and Ref values and returns them with the path walked so far', () => {
    const unknownBlock: Unknown = { $kind: 'unknown', expr: 'var.encryption', reason: 'variable encryption has no default' };
    expect(valuesAtPath({ encrypt_at_rest: unknownBlock }, 'encrypt_at_rest.kms_key_id')).toEqual([{ value: unknownBlock, path: 'encrypt_at_rest' }]);
    expect(valuesAtPath({ EncryptionConfig: ref('Config', 'Ref') }, 'EncryptionConfig.Provider.KeyArn')).toEqual([
      { value: ref('Config', 'Ref'), path: 'EncryptionConfig' },
    ]);
  });

  it('returns nothing when the path is absent or runs into a scalar, and returns an explicit null', () => {
    expect(valuesAtPath({ name: 'queue' }, 'kms_master_key_id')).toEqual([]);
    expect(valuesAtPath({ encrypt_at_rest: 'yes' }, 'encrypt_at_rest.kms_key_id')).toEqual([]);
    expect(valuesAtPath({ server_side_encryption: [] }, 'server_side_encryption.kms_key_arn')).toEqual([]);
    expect(valuesAtPath({ kms_key_id: null }, 'kms_key_id')).toEqual([{ value: null, path: 'kms_key_id' }]);
  });
});
