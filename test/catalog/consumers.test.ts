import { describe, expect, it } from 'vitest';
import {
  CONSUMERS,
  type ConsumerSpec,
  consumerSpecFor,
  isServiceId,
  moduleKeyInputPattern,
  S3_BUCKET_KEY_PATHS,
  unprotectedData,
  unreadKeyAttributes,
  valuesAtPath,
} from '../../src/catalog/index.js';
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
      if (keyPath.encryptedBy) {
        expect(keyPath.encryptedBy.path).toMatch(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/);
        const modes = Object.values(keyPath.encryptedBy.modes ?? { true: 'on' });
        expect(modes).toContain('on');
        if (keyPath.encryptedBy.modes && keyPath.encryptedBy.default !== undefined) {
          expect(Object.keys(keyPath.encryptedBy.modes)).toContain(keyPath.encryptedBy.default);
        }
      }
    }
    // Only paths after the first carry their own whenAbsent; the first uses the row's.
    expect(spec.keyPaths[0].whenAbsent).toBeUndefined();
    for (const path of spec.dataFrom ?? []) expect(path).toMatch(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/);
    if (spec.dataFrom) expect(spec.whenAbsent).toBeDefined();
    expect(new Set(spec.keyPaths.map((keyPath) => keyPath.path)).size).toBe(spec.keyPaths.length);
    const typePattern = spec.source === 'terraform' ? /^aws_[a-z0-9_]+$/ : /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
    expect(spec.type).toMatch(typePattern);
  });

  it('has no type twice per source', () => {
    const ids = CONSUMERS.map((spec) => `${spec.source}:${spec.type}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers at least 120 Terraform and 95 CloudFormation types', () => {
    expect(CONSUMERS.filter((spec) => spec.source === 'terraform').length).toBeGreaterThanOrEqual(120);
    expect(CONSUMERS.filter((spec) => spec.source === 'cloudformation').length).toBeGreaterThanOrEqual(95);
  });

  it('lists no key path twice under another spelling and no switch that is also a key path', () => {
    for (const spec of CONSUMERS) {
      const keyPaths = new Set(spec.keyPaths.map((keyPath) => keyPath.path.toLowerCase()));
      expect(keyPaths.size).toBe(spec.keyPaths.length);
      for (const keyPath of spec.keyPaths) if (keyPath.encryptedBy) expect(keyPaths.has(keyPath.encryptedBy.path.toLowerCase())).toBe(false);
    }
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
    'aws_s3_bucket_object',
    'aws_s3_object_copy',
    'aws_s3_bucket_replication_configuration',
    'aws_sagemaker_data_quality_job_definition',
    'aws_sagemaker_flow_definition',
    'aws_sagemaker_feature_group',
    'aws_scheduler_schedule',
    'aws_kendra_index',
    'aws_dynamodb_table_export',
    'aws_cloudwatch_event_archive',
    'aws_pipes_pipe',
    'aws_networkfirewall_firewall',
    'aws_storagegateway_nfs_file_share',
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
    'AWS::SageMaker::NotebookInstance',
    'AWS::SageMaker::EndpointConfig',
    'AWS::SageMaker::Domain',
    'AWS::SageMaker::FeatureGroup',
    'AWS::SageMaker::DataQualityJobDefinition',
    'AWS::SageMaker::ModelQualityJobDefinition',
    'AWS::SageMaker::ModelBiasJobDefinition',
    'AWS::SageMaker::ModelExplainabilityJobDefinition',
    'AWS::SageMaker::MonitoringSchedule',
    'AWS::Scheduler::Schedule',
    'AWS::Glue::DataCatalogEncryptionSettings',
    'AWS::Glue::SecurityConfiguration',
    'AWS::Kendra::Index',
    'AWS::Events::Archive',
    'AWS::Pipes::Pipe',
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
      dataFrom: ['replicate_source_db', 'snapshot_identifier', 'restore_to_point_in_time'],
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
    // With sse_algorithm = "aws:kms" and no key: aws/s3. Without SSE settings the switch's default (AES256) says AWS owned.
    ['aws_s3_bucket', 'aws-managed'],
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

describe('unprotectedData: what protects the data when no customer managed key is written', () => {
  const spec = (source: 'terraform' | 'cloudformation', type: string): ConsumerSpec => {
    const found = consumerSpecFor(source, type);
    if (!found) throw new Error(`no row for ${type}`);
    return found;
  };
  const tf = (type: string, attrs: Record<string, Value>) => unprotectedData(attrs, spec('terraform', type));
  const cfn = (type: string, attrs: Record<string, Value>) => unprotectedData(attrs, spec('cloudformation', type));
  const unknownValue: Unknown = { $kind: 'unknown', expr: 'var.x', reason: 'variable x has no default' };

  it('Kinesis: encryption_type NONE or absent leaves records unencrypted even with a key; KMS with a key is protected', () => {
    const key = ref('aws_kms_key.k');
    expect(tf('aws_kinesis_stream', { shard_count: 1, kms_key_id: key })).toMatchObject({ path: 'kms_key_id', protection: 'unencrypted' });
    expect(tf('aws_kinesis_stream', { encryption_type: 'NONE', kms_key_id: key })?.switchOff?.path).toBe('encryption_type');
    expect(tf('aws_kinesis_stream', { encryption_type: 'KMS', kms_key_id: key })).toBeUndefined();
    expect(tf('aws_kinesis_stream', { encryption_type: unknownValue, kms_key_id: key })).toBeUndefined();
    expect(cfn('AWS::Kinesis::Stream', { ShardCount: 1 })).toMatchObject({ protection: 'unencrypted' });
    expect(cfn('AWS::Kinesis::Stream', { StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/orders' } })).toBeUndefined();
  });

  it('SSM: only SecureString parameters hold encrypted data; an unknown type cannot be told', () => {
    expect(tf('aws_ssm_parameter', { type: 'SecureString', value: 'x' })).toEqual({ path: 'key_id', protection: 'aws-managed' });
    expect(tf('aws_ssm_parameter', { type: 'securestring' })).toMatchObject({ protection: 'aws-managed' });
    expect(tf('aws_ssm_parameter', { type: 'SecureString', key_id: 'alias/app' })).toBeUndefined();
    expect(tf('aws_ssm_parameter', { type: 'String', value: 'x' })).toBeUndefined();
    expect(tf('aws_ssm_parameter', { type: 'StringList', value: 'a,b' })).toBeUndefined();
    expect(tf('aws_ssm_parameter', { type: unknownValue })).toBeUndefined();
    expect(tf('aws_ssm_parameter', { type: 'Secret' })).toBeUndefined();
  });

  it('S3 objects: AES256 is AWS owned, aws:kms without a key is aws/s3, no SSE setting takes the bucket default (cannot be told)', () => {
    for (const type of ['aws_s3_object', 'aws_s3_bucket_object', 'aws_s3_object_copy']) {
      expect(tf(type, { server_side_encryption: 'AES256' })).toMatchObject({ protection: 'aws-owned' });
      expect(tf(type, { server_side_encryption: 'aws:kms' })).toEqual({ path: 'kms_key_id', protection: 'aws-managed' });
      expect(tf(type, { server_side_encryption: 'aws:kms', kms_key_id: ref('aws_kms_key.k') })).toBeUndefined();
      expect(tf(type, { bucket: 'b', key: 'k' })).toBeUndefined();
    }
  });

  it('S3 buckets: no SSE settings is SSE-S3; aws:kms without a key is the AWS managed key', () => {
    expect(tf('aws_s3_bucket', { bucket: 'b' })).toMatchObject({ protection: 'aws-owned' });
    const sse = (algorithm: string) => ({ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: algorithm }] }] });
    expect(tf('aws_s3_bucket_server_side_encryption_configuration', sse('aws:kms'))).toMatchObject({ protection: 'aws-managed' });
    expect(tf('aws_s3_bucket_server_side_encryption_configuration', sse('AES256'))).toMatchObject({ protection: 'aws-owned' });
    expect(cfn('AWS::S3::Bucket', {})).toMatchObject({ protection: 'aws-owned' });
  });

  it('Glue: a DISABLED mode is unencrypted whatever key is written; every judged part is looked at', () => {
    const catalog = (
      mode: string,
      key?: string,
      passwords: Record<string, Value> = { return_connection_password_encrypted: true, aws_kms_key_id: 'alias/glue' },
    ) => ({
      data_catalog_encryption_settings: [
        { encryption_at_rest: [{ catalog_encryption_mode: mode, ...(key ? { sse_aws_kms_key_id: key } : {}) }], connection_password_encryption: [passwords] },
      ],
    });
    expect(tf('aws_glue_data_catalog_encryption_settings', catalog('DISABLED', 'alias/glue'))).toMatchObject({ protection: 'unencrypted' });
    expect(tf('aws_glue_data_catalog_encryption_settings', catalog('SSE-KMS'))).toMatchObject({ protection: 'aws-managed' });
    expect(tf('aws_glue_data_catalog_encryption_settings', catalog('SSE-KMS', 'alias/glue'))).toBeUndefined();
    expect(tf('aws_glue_data_catalog_encryption_settings', catalog('SSE-KMS', 'alias/glue', { return_connection_password_encrypted: false }))).toEqual({
      path: 'data_catalog_encryption_settings.connection_password_encryption.aws_kms_key_id',
      protection: 'unencrypted',
      switchOff: expect.objectContaining({ path: 'data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted' }),
    });
    const security = (cloudwatch: string) => ({
      encryption_configuration: [
        {
          s3_encryption: [{ s3_encryption_mode: 'SSE-KMS', kms_key_arn: 'alias/glue' }],
          cloudwatch_encryption: [{ cloudwatch_encryption_mode: cloudwatch, kms_key_arn: 'alias/glue' }],
          job_bookmarks_encryption: [{ job_bookmarks_encryption_mode: 'CSE-KMS', kms_key_arn: 'alias/glue' }],
        },
      ],
    });
    expect(tf('aws_glue_security_configuration', security('SSE-KMS'))).toBeUndefined();
    expect(tf('aws_glue_security_configuration', security('DISABLED'))).toMatchObject({
      path: 'encryption_configuration.cloudwatch_encryption.kms_key_arn',
      protection: 'unencrypted',
    });
    expect(cfn('AWS::Glue::SecurityConfiguration', { EncryptionConfiguration: { S3Encryptions: [{ S3EncryptionMode: 'SSE-S3' }] } })).toMatchObject({
      protection: 'aws-owned',
    });
  });

  it('judges a later key path only when its block is written', () => {
    expect(tf('aws_sagemaker_endpoint_configuration', { kms_key_arn: 'alias/sm' })).toBeUndefined();
    expect(tf('aws_sagemaker_endpoint_configuration', { kms_key_arn: 'alias/sm', data_capture_config: [{ initial_sampling_percentage: 10 }] })).toMatchObject({
      path: 'data_capture_config.kms_key_id',
      protection: 'aws-managed',
    });
    expect(tf('aws_sagemaker_feature_group', { online_store_config: [{ enable_online_store: true }] })).toMatchObject({ protection: 'aws-owned' });
    expect(tf('aws_sagemaker_feature_group', { offline_store_config: [{ s3_storage_config: [{ s3_uri: 's3://b' }] }] })).toBeUndefined();
  });

  it('says nothing when the data comes from elsewhere (cluster member, replica, snapshot)', () => {
    expect(cfn('AWS::RDS::DBInstance', { Engine: 'aurora-postgresql' })).toMatchObject({ protection: 'unencrypted' });
    expect(cfn('AWS::RDS::DBInstance', { Engine: 'aurora-postgresql', DBClusterIdentifier: ref('Cluster', 'Ref') })).toBeUndefined();
    expect(tf('aws_db_instance', { replicate_source_db: ref('aws_db_instance.primary', 'identifier') })).toBeUndefined();
    expect(tf('aws_ebs_volume', { snapshot_id: 'snap-0123' })).toBeUndefined();
    expect(tf('aws_ebs_volume', { size: 10 })).toMatchObject({ protection: 'unencrypted' });
  });

  it('says nothing when a key-named attribute the catalogue does not list holds a value', () => {
    const queue = spec('cloudformation', 'AWS::SQS::Queue');
    expect(unreadKeyAttributes({ KmsMasterKeyId: 'alias/q', RedrivePolicy: { deadLetterTargetArn: 'arn' } }, queue)).toEqual([]);
    expect(unreadKeyAttributes({ Extra: { CustomerKmsKeyArn: ref('Key', 'Arn') }, KmsDataKeyReusePeriodSeconds: 300 }, queue)).toEqual([
      'Extra.CustomerKmsKeyArn',
    ]);
    expect(cfn('AWS::SQS::Queue', { Extra: { CustomerKmsKeyArn: ref('Key', 'Arn') } })).toBeUndefined();
    // Free-form maps (tags, environment variables, policies) and switches are not key attributes.
    const lambda = spec('terraform', 'aws_lambda_function');
    expect(unreadKeyAttributes({ environment: [{ variables: { KMS_KEY_ID: 'alias/x' } }], tags: { kms_key_id: 'x' } }, lambda)).toEqual([]);
    expect(unreadKeyAttributes({ kms_encrypted: true, sse_kms_enabled: 'true', encryption_type: 'KMS' }, lambda)).toEqual([]);
  });

  it('SQS: SSE-SQS is on unless switched off; switched off without a key the messages are unencrypted', () => {
    expect(tf('aws_sqs_queue', {})).toMatchObject({ protection: 'aws-owned' });
    expect(tf('aws_sqs_queue', { sqs_managed_sse_enabled: false })).toMatchObject({ protection: 'unencrypted' });
    expect(tf('aws_sqs_queue', { sqs_managed_sse_enabled: false, kms_master_key_id: 'alias/q' })).toBeUndefined();
    expect(cfn('AWS::SQS::Queue', { SqsManagedSseEnabled: 'false' })).toMatchObject({ protection: 'unencrypted' });
  });

  it('a choice whose branches disagree cannot be told; one that agrees can', () => {
    const choice = (a: Value, b: Value): OneOf => ({ $kind: 'oneOf', options: [a, b], reason: 'Fn::If Encrypt' });
    expect(cfn('AWS::RDS::DBInstance', { StorageEncrypted: choice(true, false) })).toBeUndefined();
    expect(cfn('AWS::RDS::DBInstance', { StorageEncrypted: choice(false, 'false') })).toMatchObject({ protection: 'unencrypted' });
  });

  it('Lambda: only environment variables are protected; a function without known ones has nothing to judge', () => {
    expect(tf('aws_lambda_function', { function_name: 'f' })).toBeUndefined();
    expect(tf('aws_lambda_function', { environment: [{ variables: {} }] })).toBeUndefined();
    expect(tf('aws_lambda_function', { environment: unknownValue })).toBeUndefined();
    expect(tf('aws_lambda_function', { environment: [{ variables: { STAGE: 'prod' } }] })).toEqual({ path: 'kms_key_arn', protection: 'aws-managed' });
    expect(cfn('AWS::Lambda::Function', { Environment: { Variables: { STAGE: 'prod' } }, KmsKeyArn: 'alias/fn' })).toBeUndefined();
  });

  it('ECR: AES256 by default is AWS owned; KMS without a key is aws/ecr', () => {
    expect(tf('aws_ecr_repository', { name: 'r' })).toMatchObject({ protection: 'aws-owned' });
    expect(tf('aws_ecr_repository', { encryption_configuration: [{ encryption_type: 'KMS' }] })).toMatchObject({ protection: 'aws-managed' });
    expect(cfn('AWS::ECR::Repository', { EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: 'alias/images' } })).toBeUndefined();
  });

  it('Firehose: no server-side encryption is unencrypted; a Kinesis source decides for the stream', () => {
    expect(tf('aws_kinesis_firehose_delivery_stream', { name: 'logs' })).toMatchObject({ protection: 'unencrypted' });
    expect(tf('aws_kinesis_firehose_delivery_stream', { server_side_encryption: [{ enabled: true }] })).toMatchObject({ protection: 'aws-owned' });
    expect(tf('aws_kinesis_firehose_delivery_stream', { kinesis_source_configuration: [{ kinesis_stream_arn: 'arn' }] })).toBeUndefined();
    expect(cfn('AWS::KinesisFirehose::DeliveryStream', {})).toMatchObject({ protection: 'unencrypted' });
    expect(cfn('AWS::KinesisFirehose::DeliveryStream', { DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } })).toMatchObject({
      protection: 'aws-owned',
    });
  });

  it('DynamoDB without server_side_encryption is AWS owned; enabled without a key is the AWS managed key', () => {
    expect(tf('aws_dynamodb_table', { name: 't' })).toMatchObject({ protection: 'aws-owned' });
    expect(tf('aws_dynamodb_table', { server_side_encryption: [{ enabled: true }] })).toMatchObject({ protection: 'aws-managed' });
    expect(tf('aws_dynamodb_table', { server_side_encryption: [{ enabled: true, kms_key_arn: ref('aws_kms_key.k') }] })).toBeUndefined();
  });
});
