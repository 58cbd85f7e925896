/**
 * Which attribute of which resource type holds a KMS key, for Terraform and CloudFormation (SAM
 * included). `replacement` says whether pointing the attribute at another key replaces the
 * resource (Terraform ForceNew / CloudFormation "Update requires: Replacement"): that is what
 * turns a key split into a migration (KMS503). Where the provider docs leave doubt, a comment says so.
 */
import type { SourceKind, Value } from '../model/types.js';
import { isOneOf, isRecord, isRef, isUnknown } from '../model/value.js';
import { type CatalogSource, catalogSourceOf } from './keys.js';
import type { ServiceId } from './services.js';

/** What protects the data when no key is written. */
export type WhenAbsent = 'aws-owned' | 'aws-managed' | 'unencrypted';

/**
 * The boolean that turns KMS encryption on. While it is false there is no key to speak of: the
 * data is unencrypted, or (DynamoDB) encrypted with an AWS owned key (`whenOff`).
 */
export interface EncryptionSwitch {
  path: string;
  default: boolean;
  whenOff?: WhenAbsent;
}

export interface KeyPathSpec {
  /** Dotted attribute path; nested blocks and lists are walked without indexes. */
  path: string;
  purpose: string;
  replacement: boolean;
  encryptedBy?: EncryptionSwitch;
}

export interface ConsumerSpec {
  type: string;
  source: CatalogSource;
  service: ServiceId;
  keyPaths: KeyPathSpec[];
  /** For the first (main data) key path: what AWS uses when no key is given and encryption is on. */
  whenAbsent?: WhenAbsent;
}

type ConsumerRow = Omit<ConsumerSpec, 'source'>;

const REPLACES = true;
const IN_PLACE = false;

function at(path: string, purpose: string, replacement: boolean, encryptedBy?: EncryptionSwitch): KeyPathSpec {
  return encryptedBy ? { path, purpose, replacement, encryptedBy } : { path, purpose, replacement };
}
function off(path: string): EncryptionSwitch {
  return { path, default: false };
}
/** DynamoDB: SSE with KMS is opt-in; without it the table is still encrypted, with an AWS owned key. */
function kmsOptIn(path: string): EncryptionSwitch {
  return { path, default: false, whenOff: 'aws-owned' };
}

const TF_S3_SSE_RULE = 'rule.apply_server_side_encryption_by_default.kms_master_key_id';
const TF_S3_BACKUP = 's3_configuration.kms_key_arn';

const TERRAFORM_ROWS: ConsumerRow[] = [
  // S3: SSE-S3 (AWS owned) is the default for every bucket since January 2023.
  {
    type: 'aws_s3_bucket',
    service: 's3',
    keyPaths: [at(`server_side_encryption_configuration.${TF_S3_SSE_RULE}`, 'storage', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  { type: 'aws_s3_bucket_server_side_encryption_configuration', service: 's3', keyPaths: [at(TF_S3_SSE_RULE, 'storage', IN_PLACE)], whenAbsent: 'aws-owned' },
  // Changing the key re-uploads the object in place.
  { type: 'aws_s3_object', service: 's3', keyPaths: [at('kms_key_id', 'storage', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'aws_db_instance',
    service: 'rds',
    keyPaths: [
      at('kms_key_id', 'storage', REPLACES, off('storage_encrypted')),
      at('performance_insights_kms_key_id', 'performance insights', IN_PLACE),
      at('master_user_secret_kms_key_id', 'master user secret', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_rds_cluster',
    service: 'rds',
    keyPaths: [
      at('kms_key_id', 'storage', REPLACES, off('storage_encrypted')),
      at('performance_insights_kms_key_id', 'performance insights', IN_PLACE),
      at('master_user_secret_kms_key_id', 'master user secret', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_rds_cluster_instance',
    service: 'rds',
    keyPaths: [at('performance_insights_kms_key_id', 'performance insights', IN_PLACE)],
    whenAbsent: 'aws-managed',
  },
  { type: 'aws_db_snapshot_copy', service: 'rds', keyPaths: [at('kms_key_id', 'snapshots', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_db_instance_automated_backups_replication', service: 'rds', keyPaths: [at('kms_key_id', 'replicated backups', REPLACES)] },
  // EBS: the account's "encryption by default" setting can encrypt a volume whose `encrypted` is false.
  { type: 'aws_ebs_volume', service: 'ebs', keyPaths: [at('kms_key_id', 'storage', REPLACES, off('encrypted'))], whenAbsent: 'aws-managed' },
  { type: 'aws_ebs_default_kms_key', service: 'ebs', keyPaths: [at('key_arn', 'account default for new volumes', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_ebs_snapshot_copy', service: 'ebs', keyPaths: [at('kms_key_id', 'snapshots', REPLACES, off('encrypted'))], whenAbsent: 'aws-managed' },
  { type: 'aws_ebs_snapshot_import', service: 'ebs', keyPaths: [at('kms_key_id', 'snapshots', REPLACES, off('encrypted'))], whenAbsent: 'aws-managed' },
  { type: 'aws_ami_copy', service: 'ebs', keyPaths: [at('kms_key_id', 'snapshots', REPLACES, off('encrypted'))], whenAbsent: 'aws-managed' },
  {
    type: 'aws_instance',
    service: 'ebs',
    keyPaths: [
      at('root_block_device.kms_key_id', 'root volume', REPLACES, off('root_block_device.encrypted')),
      at('ebs_block_device.kms_key_id', 'data volumes', REPLACES, off('ebs_block_device.encrypted')),
    ],
    whenAbsent: 'aws-managed',
  },
  // A change makes a new template version; running instances keep their volumes.
  {
    type: 'aws_launch_template',
    service: 'ebs',
    keyPaths: [at('block_device_mappings.ebs.kms_key_id', 'volumes', IN_PLACE, off('block_device_mappings.ebs.encrypted'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_dlm_lifecycle_policy',
    service: 'ebs',
    keyPaths: [at('policy_details.schedule.cross_region_copy_rule.cmk_arn', 'cross-region snapshot copies', IN_PLACE)],
  },
  { type: 'aws_efs_file_system', service: 'efs', keyPaths: [at('kms_key_id', 'storage', REPLACES, off('encrypted'))], whenAbsent: 'aws-managed' },
  // FSx file systems are always encrypted; without a key the aws/fsx managed key is used.
  { type: 'aws_fsx_windows_file_system', service: 'fsx', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_lustre_file_system', service: 'fsx', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_ontap_file_system', service: 'fsx', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_openzfs_file_system', service: 'fsx', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_backup', service: 'fsx', keyPaths: [at('kms_key_id', 'backups', REPLACES)], whenAbsent: 'aws-managed' },
  {
    type: 'aws_dynamodb_table',
    service: 'dynamodb',
    keyPaths: [
      at('server_side_encryption.kms_key_arn', 'storage', IN_PLACE, kmsOptIn('server_side_encryption.enabled')),
      // The provider re-creates the replica (not the table) when its key changes.
      at('replica.kms_key_arn', 'replica storage', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
  },
  // Believed ForceNew in the provider schema; not verified against its source.
  { type: 'aws_dynamodb_table_replica', service: 'dynamodb', keyPaths: [at('kms_key_arn', 'replica storage', REPLACES)], whenAbsent: 'aws-owned' },
  // SSE-SQS (AWS owned) is on by default for new queues.
  { type: 'aws_sqs_queue', service: 'sqs', keyPaths: [at('kms_master_key_id', 'messages', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_sns_topic', service: 'sns', keyPaths: [at('kms_master_key_id', 'messages', IN_PLACE)], whenAbsent: 'unencrypted' },
  {
    type: 'aws_secretsmanager_secret',
    service: 'secretsmanager',
    keyPaths: [at('kms_key_id', 'secret', IN_PLACE), at('replica.kms_key_id', 'replica secret', IN_PLACE)],
    whenAbsent: 'aws-managed',
  },
  // Only SecureString parameters are encrypted; the default key is alias/aws/ssm.
  { type: 'aws_ssm_parameter', service: 'ssm', keyPaths: [at('key_id', 'secure string', IN_PLACE)], whenAbsent: 'aws-managed' },
  { type: 'aws_cloudwatch_log_group', service: 'logs', keyPaths: [at('kms_key_id', 'logs', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_lambda_function', service: 'lambda', keyPaths: [at('kms_key_arn', 'environment variables', IN_PLACE)], whenAbsent: 'aws-managed' },
  // The EKS API cannot change the secrets key of a cluster, so the provider marks it ForceNew.
  // Without one, clusters on Kubernetes 1.28+ envelope-encrypt secrets with an AWS owned key.
  { type: 'aws_eks_cluster', service: 'eks', keyPaths: [at('encryption_config.provider.key_arn', 'kubernetes secrets', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_ecr_repository', service: 'ecr', keyPaths: [at('encryption_configuration.kms_key', 'images', REPLACES)], whenAbsent: 'aws-owned' },
  {
    type: 'aws_ecr_repository_creation_template',
    service: 'ecr',
    keyPaths: [at('encryption_configuration.kms_key', 'images of created repositories', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  {
    type: 'aws_ecs_cluster',
    service: 'ecs',
    keyPaths: [
      at('configuration.execute_command_configuration.kms_key_id', 'exec sessions', IN_PLACE),
      at('configuration.managed_storage_configuration.kms_key_id', 'managed storage', IN_PLACE),
      at('configuration.managed_storage_configuration.fargate_ephemeral_storage_kms_key_id', 'fargate ephemeral storage', IN_PLACE),
    ],
  },
  { type: 'aws_kinesis_stream', service: 'kinesis', keyPaths: [at('kms_key_id', 'records', IN_PLACE)], whenAbsent: 'unencrypted' },
  {
    type: 'aws_kinesis_firehose_delivery_stream',
    service: 'firehose',
    keyPaths: [
      at('server_side_encryption.key_arn', 'stream buffer', IN_PLACE),
      at('extended_s3_configuration.kms_key_arn', 's3 destination', IN_PLACE),
      at('extended_s3_configuration.s3_backup_configuration.kms_key_arn', 's3 backup', IN_PLACE),
      at(`redshift_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
      at(`opensearch_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
      at(`elasticsearch_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
      at(`splunk_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
      at(`http_endpoint_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
    ],
  },
  { type: 'aws_kinesis_video_stream', service: 'kinesisvideo', keyPaths: [at('kms_key_id', 'media', REPLACES)], whenAbsent: 'aws-managed' },
  // AWS encrypts new clusters by default since 2025 (provider 6 defaults `encrypted` to true).
  {
    type: 'aws_redshift_cluster',
    service: 'redshift',
    keyPaths: [at('kms_key_id', 'storage', IN_PLACE, { path: 'encrypted', default: true })],
    whenAbsent: 'aws-managed',
  },
  { type: 'aws_redshift_snapshot_copy_grant', service: 'redshift', keyPaths: [at('kms_key_id', 'cross-region snapshot copies', REPLACES)] },
  { type: 'aws_redshiftserverless_namespace', service: 'redshift-serverless', keyPaths: [at('kms_key_id', 'storage', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'aws_elasticache_replication_group',
    service: 'elasticache',
    keyPaths: [at('kms_key_id', 'storage', REPLACES, off('at_rest_encryption_enabled'))],
    whenAbsent: 'aws-owned',
  },
  { type: 'aws_elasticache_serverless_cache', service: 'elasticache', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_memorydb_cluster', service: 'memorydb', keyPaths: [at('kms_key_arn', 'storage', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_memorydb_snapshot', service: 'memorydb', keyPaths: [at('kms_key_arn', 'snapshots', REPLACES)], whenAbsent: 'aws-owned' },
  {
    type: 'aws_opensearch_domain',
    service: 'opensearch',
    keyPaths: [at('encrypt_at_rest.kms_key_id', 'storage', REPLACES, off('encrypt_at_rest.enabled'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_elasticsearch_domain',
    service: 'opensearch',
    keyPaths: [at('encrypt_at_rest.kms_key_id', 'storage', REPLACES, off('encrypt_at_rest.enabled'))],
    whenAbsent: 'aws-managed',
  },
  { type: 'aws_docdb_cluster', service: 'docdb', keyPaths: [at('kms_key_id', 'storage', REPLACES, off('storage_encrypted'))], whenAbsent: 'aws-managed' },
  { type: 'aws_docdb_elastic_cluster', service: 'docdb', keyPaths: [at('kms_key_id', 'storage', REPLACES)] },
  { type: 'aws_neptune_cluster', service: 'neptune', keyPaths: [at('kms_key_arn', 'storage', REPLACES, off('storage_encrypted'))], whenAbsent: 'aws-managed' },
  {
    type: 'aws_keyspaces_table',
    service: 'keyspaces',
    keyPaths: [at('encryption_specification.kms_key_identifier', 'storage', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  { type: 'aws_timestreamwrite_database', service: 'timestream', keyPaths: [at('kms_key_id', 'storage', IN_PLACE)], whenAbsent: 'aws-managed' },
  { type: 'aws_msk_cluster', service: 'msk', keyPaths: [at('encryption_info.encryption_at_rest_kms_key_arn', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_mq_broker', service: 'mq', keyPaths: [at('encryption_options.kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_backup_vault', service: 'backup', keyPaths: [at('kms_key_arn', 'backups', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_cloudtrail', service: 'cloudtrail', keyPaths: [at('kms_key_id', 'logs', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_cloudtrail_event_data_store', service: 'cloudtrail', keyPaths: [at('kms_key_id', 'events', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_config_delivery_channel', service: 'config', keyPaths: [at('s3_kms_key_arn', 'configuration snapshots', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_cloudwatch_event_bus', service: 'events', keyPaths: [at('kms_key_identifier', 'events', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'aws_glue_data_catalog_encryption_settings',
    service: 'glue',
    keyPaths: [
      at('data_catalog_encryption_settings.encryption_at_rest.sse_aws_kms_key_id', 'data catalog', IN_PLACE),
      at('data_catalog_encryption_settings.connection_password_encryption.aws_kms_key_id', 'connection passwords', IN_PLACE),
    ],
    whenAbsent: 'unencrypted',
  },
  // Security configurations cannot be updated at all.
  {
    type: 'aws_glue_security_configuration',
    service: 'glue',
    keyPaths: [
      at('encryption_configuration.s3_encryption.kms_key_arn', 's3 data', REPLACES),
      at('encryption_configuration.cloudwatch_encryption.kms_key_arn', 'logs', REPLACES),
      at('encryption_configuration.job_bookmarks_encryption.kms_key_arn', 'job bookmarks', REPLACES),
    ],
  },
  {
    type: 'aws_athena_workgroup',
    service: 'athena',
    keyPaths: [at('configuration.result_configuration.encryption_configuration.kms_key_arn', 'query results', IN_PLACE)],
  },
  { type: 'aws_athena_database', service: 'athena', keyPaths: [at('encryption_configuration.kms_key', 'query results', REPLACES)] },
  { type: 'aws_sagemaker_notebook_instance', service: 'sagemaker', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  // Endpoint configurations are immutable: every argument is ForceNew.
  {
    type: 'aws_sagemaker_endpoint_configuration',
    service: 'sagemaker',
    keyPaths: [
      at('kms_key_arn', 'storage', REPLACES),
      at('data_capture_config.kms_key_id', 'captured data', REPLACES),
      at('async_inference_config.output_config.kms_key_id', 'inference output', REPLACES),
    ],
  },
  { type: 'aws_sagemaker_domain', service: 'sagemaker', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  {
    type: 'aws_sagemaker_feature_group',
    service: 'sagemaker',
    keyPaths: [
      at('offline_store_config.s3_storage_config.kms_key_id', 'offline store', REPLACES),
      at('online_store_config.security_config.kms_key_id', 'online store', REPLACES),
    ],
  },
  // The key ARNs sit inside the JSON document `configuration`; callers parse it.
  { type: 'aws_emr_security_configuration', service: 'emr', keyPaths: [at('configuration', 'at-rest encryption (JSON document)', REPLACES)] },
  { type: 'aws_emr_cluster', service: 'emr', keyPaths: [at('log_encryption_kms_key_id', 'logs', REPLACES)] },
  { type: 'aws_codebuild_project', service: 'codebuild', keyPaths: [at('encryption_key', 'build artifacts', IN_PLACE)], whenAbsent: 'aws-managed' },
  { type: 'aws_codeartifact_domain', service: 'codeartifact', keyPaths: [at('encryption_key', 'packages', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_codecommit_repository', service: 'codecommit', keyPaths: [at('kms_key_id', 'repository', IN_PLACE)], whenAbsent: 'aws-managed' },
  {
    type: 'aws_codepipeline',
    service: 'codepipeline',
    keyPaths: [at('artifact_store.encryption_key.id', 'pipeline artifacts', IN_PLACE)],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_sfn_state_machine',
    service: 'states',
    keyPaths: [at('encryption_configuration.kms_key_id', 'execution data', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  // Activities only update tags, as far as we know, so the key is ForceNew.
  { type: 'aws_sfn_activity', service: 'states', keyPaths: [at('encryption_configuration.kms_key_id', 'task data', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_bedrockagent_agent', service: 'bedrock', keyPaths: [at('customer_encryption_key_arn', 'agent data', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_bedrock_guardrail', service: 'bedrock', keyPaths: [at('kms_key_arn', 'guardrail', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_bedrock_custom_model', service: 'bedrock', keyPaths: [at('custom_model_kms_key_id', 'custom model', REPLACES)], whenAbsent: 'aws-owned' },
  // An asymmetric ECC_NIST_P256 signing key, not at-rest encryption.
  { type: 'aws_route53_key_signing_key', service: 'route53', keyPaths: [at('key_management_service_arn', 'dnssec signing', REPLACES)] },
  { type: 'aws_xray_encryption_config', service: 'xray', keyPaths: [at('key_id', 'traces', IN_PLACE)], whenAbsent: 'aws-owned' },
  // Image Builder recipes and components are immutable versions.
  { type: 'aws_imagebuilder_image_recipe', service: 'imagebuilder', keyPaths: [at('block_device_mapping.ebs.kms_key_id', 'image volumes', REPLACES)] },
  { type: 'aws_imagebuilder_container_recipe', service: 'imagebuilder', keyPaths: [at('kms_key_id', 'container recipe', REPLACES)] },
  { type: 'aws_imagebuilder_component', service: 'imagebuilder', keyPaths: [at('kms_key_id', 'component', REPLACES)] },
  {
    type: 'aws_imagebuilder_distribution_configuration',
    service: 'imagebuilder',
    keyPaths: [at('distribution.ami_distribution_configuration.kms_key_id', 'distributed AMIs', IN_PLACE)],
  },
  { type: 'aws_workspaces_workspace', service: 'workspaces', keyPaths: [at('volume_encryption_key', 'volumes', REPLACES)], whenAbsent: 'unencrypted' },
  { type: 'aws_qldb_ledger', service: 'qldb', keyPaths: [at('kms_key', 'journal', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_dms_replication_instance', service: 'dms', keyPaths: [at('kms_key_arn', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_dms_endpoint', service: 'dms', keyPaths: [at('kms_key_arn', 'connection parameters', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_prometheus_workspace', service: 'prometheus', keyPaths: [at('kms_key_arn', 'metrics', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_mwaa_environment', service: 'mwaa', keyPaths: [at('kms_key', 'environment data', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_cognito_user_pool', service: 'cognito', keyPaths: [at('lambda_config.kms_key_id', 'custom sender codes', IN_PLACE)] },
  {
    type: 'aws_connect_instance_storage_config',
    service: 'connect',
    keyPaths: [
      at('storage_config.s3_config.encryption_config.key_id', 'recordings and transcripts', IN_PLACE),
      at('storage_config.kinesis_video_stream_config.encryption_config.key_id', 'media streams', IN_PLACE),
    ],
  },
  {
    type: 'aws_apprunner_service',
    service: 'apprunner',
    keyPaths: [at('encryption_configuration.kms_key', 'source and configuration', REPLACES)],
    whenAbsent: 'aws-owned',
  },
  { type: 'aws_guardduty_publishing_destination', service: 'guardduty', keyPaths: [at('kms_key_arn', 'exported findings', IN_PLACE)] },
  // Direct use of a key by Terraform itself: the ciphertext resource and the decrypting data source.
  { type: 'aws_kms_ciphertext', service: 'kms', keyPaths: [at('key_id', 'ciphertext', REPLACES)] },
  { type: 'aws_kms_secrets', service: 'kms', keyPaths: [at('secret.key_id', 'decrypted secrets', IN_PLACE)] },
];

const CFN_S3_KMS = 'EncryptionConfiguration.KMSEncryptionConfig.AWSKMSKeyARN';

const CLOUDFORMATION_ROWS: ConsumerRow[] = [
  {
    type: 'AWS::S3::Bucket',
    service: 's3',
    keyPaths: [at('BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID', 'storage', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  {
    type: 'AWS::RDS::DBInstance',
    service: 'rds',
    keyPaths: [
      at('KmsKeyId', 'storage', REPLACES, off('StorageEncrypted')),
      // Older docs said Replacement; ModifyDBInstance accepts a new key, and current docs say No interruption.
      at('PerformanceInsightsKMSKeyId', 'performance insights', IN_PLACE),
      at('MasterUserSecret.KmsKeyId', 'master user secret', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::RDS::DBCluster',
    service: 'rds',
    keyPaths: [
      at('KmsKeyId', 'storage', REPLACES, off('StorageEncrypted')),
      at('PerformanceInsightsKmsKeyId', 'performance insights', IN_PLACE),
      at('MasterUserSecret.KmsKeyId', 'master user secret', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
  },
  // Documented as "Some interruptions", but existing data cannot move to another key: a new volume is made.
  { type: 'AWS::EC2::Volume', service: 'ebs', keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('Encrypted'))], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::EC2::Instance',
    service: 'ebs',
    keyPaths: [at('BlockDeviceMappings.Ebs.KmsKeyId', 'volumes', REPLACES, off('BlockDeviceMappings.Ebs.Encrypted'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::EC2::LaunchTemplate',
    service: 'ebs',
    keyPaths: [at('LaunchTemplateData.BlockDeviceMappings.Ebs.KmsKeyId', 'volumes', IN_PLACE, off('LaunchTemplateData.BlockDeviceMappings.Ebs.Encrypted'))],
    whenAbsent: 'aws-managed',
  },
  { type: 'AWS::EFS::FileSystem', service: 'efs', keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('Encrypted'))], whenAbsent: 'aws-managed' },
  // One type for Windows, Lustre, ONTAP and OpenZFS.
  { type: 'AWS::FSx::FileSystem', service: 'fsx', keyPaths: [at('KmsKeyId', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::DynamoDB::Table',
    service: 'dynamodb',
    keyPaths: [at('SSESpecification.KMSMasterKeyId', 'storage', IN_PLACE, kmsOptIn('SSESpecification.SSEEnabled'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::DynamoDB::GlobalTable',
    service: 'dynamodb',
    keyPaths: [at('Replicas.SSESpecification.KMSMasterKeyId', 'replica storage', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  { type: 'AWS::SQS::Queue', service: 'sqs', keyPaths: [at('KmsMasterKeyId', 'messages', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::SNS::Topic', service: 'sns', keyPaths: [at('KmsMasterKeyId', 'messages', IN_PLACE)], whenAbsent: 'unencrypted' },
  {
    type: 'AWS::SecretsManager::Secret',
    service: 'secretsmanager',
    keyPaths: [at('KmsKeyId', 'secret', IN_PLACE), at('ReplicaRegions.KmsKeyId', 'replica secret', IN_PLACE)],
    whenAbsent: 'aws-managed',
  },
  { type: 'AWS::Logs::LogGroup', service: 'logs', keyPaths: [at('KmsKeyId', 'logs', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Lambda::Function', service: 'lambda', keyPaths: [at('KmsKeyArn', 'environment variables', IN_PLACE)], whenAbsent: 'aws-managed' },
  { type: 'AWS::Serverless::Function', service: 'lambda', keyPaths: [at('KmsKeyArn', 'environment variables', IN_PLACE)], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::Serverless::SimpleTable',
    service: 'dynamodb',
    keyPaths: [at('SSESpecification.KMSMasterKeyId', 'storage', IN_PLACE, kmsOptIn('SSESpecification.SSEEnabled'))],
    whenAbsent: 'aws-managed',
  },
  // Kept as Replacement like Terraform: EKS cannot change the secrets key of a cluster.
  { type: 'AWS::EKS::Cluster', service: 'eks', keyPaths: [at('EncryptionConfig.Provider.KeyArn', 'kubernetes secrets', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'AWS::ECR::Repository', service: 'ecr', keyPaths: [at('EncryptionConfiguration.KmsKey', 'images', REPLACES)], whenAbsent: 'aws-owned' },
  {
    type: 'AWS::ECS::Cluster',
    service: 'ecs',
    keyPaths: [
      at('Configuration.ExecuteCommandConfiguration.KmsKeyId', 'exec sessions', IN_PLACE),
      at('Configuration.ManagedStorageConfiguration.KmsKeyId', 'managed storage', IN_PLACE),
      at('Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId', 'fargate ephemeral storage', IN_PLACE),
    ],
  },
  { type: 'AWS::Kinesis::Stream', service: 'kinesis', keyPaths: [at('StreamEncryption.KeyId', 'records', IN_PLACE)], whenAbsent: 'unencrypted' },
  {
    type: 'AWS::KinesisFirehose::DeliveryStream',
    service: 'firehose',
    keyPaths: [
      at('DeliveryStreamEncryptionConfigurationInput.KeyARN', 'stream buffer', IN_PLACE),
      at(`ExtendedS3DestinationConfiguration.${CFN_S3_KMS}`, 's3 destination', IN_PLACE),
      at(`ExtendedS3DestinationConfiguration.S3BackupConfiguration.${CFN_S3_KMS}`, 's3 backup', IN_PLACE),
      at(`S3DestinationConfiguration.${CFN_S3_KMS}`, 's3 destination', IN_PLACE),
    ],
  },
  // Not sure of the documented update behaviour; kept as Replacement like Terraform's ForceNew.
  { type: 'AWS::KinesisVideo::Stream', service: 'kinesisvideo', keyPaths: [at('KmsKeyId', 'media', REPLACES)], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::Redshift::Cluster',
    service: 'redshift',
    keyPaths: [at('KmsKeyId', 'storage', IN_PLACE, { path: 'Encrypted', default: true })],
    whenAbsent: 'aws-managed',
  },
  { type: 'AWS::RedshiftServerless::Namespace', service: 'redshift-serverless', keyPaths: [at('KmsKeyId', 'storage', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'AWS::ElastiCache::ReplicationGroup',
    service: 'elasticache',
    keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('AtRestEncryptionEnabled'))],
    whenAbsent: 'aws-owned',
  },
  { type: 'AWS::ElastiCache::ServerlessCache', service: 'elasticache', keyPaths: [at('KmsKeyId', 'storage', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'AWS::MemoryDB::Cluster', service: 'memorydb', keyPaths: [at('KmsKeyId', 'storage', REPLACES)], whenAbsent: 'aws-owned' },
  // Encryption at rest can now be switched on in place, but not moved to another key.
  {
    type: 'AWS::OpenSearchService::Domain',
    service: 'opensearch',
    keyPaths: [at('EncryptionAtRestOptions.KmsKeyId', 'storage', REPLACES, off('EncryptionAtRestOptions.Enabled'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::Elasticsearch::Domain',
    service: 'opensearch',
    keyPaths: [at('EncryptionAtRestOptions.KmsKeyId', 'storage', REPLACES, off('EncryptionAtRestOptions.Enabled'))],
    whenAbsent: 'aws-managed',
  },
  { type: 'AWS::DocDB::DBCluster', service: 'docdb', keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('StorageEncrypted'))], whenAbsent: 'aws-managed' },
  { type: 'AWS::DocDBElastic::Cluster', service: 'docdb', keyPaths: [at('KmsKeyId', 'storage', REPLACES)] },
  { type: 'AWS::Neptune::DBCluster', service: 'neptune', keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('StorageEncrypted'))], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::Cassandra::Table',
    service: 'keyspaces',
    keyPaths: [at('EncryptionSpecification.KmsKeyIdentifier', 'storage', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  { type: 'AWS::Timestream::Database', service: 'timestream', keyPaths: [at('KmsKeyId', 'storage', IN_PLACE)], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::MSK::Cluster',
    service: 'msk',
    keyPaths: [at('EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId', 'storage', REPLACES)],
    whenAbsent: 'aws-managed',
  },
  { type: 'AWS::AmazonMQ::Broker', service: 'mq', keyPaths: [at('EncryptionOptions.KmsKeyId', 'storage', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Backup::BackupVault', service: 'backup', keyPaths: [at('EncryptionKeyArn', 'backups', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'AWS::CloudTrail::Trail', service: 'cloudtrail', keyPaths: [at('KMSKeyId', 'logs', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::CloudTrail::EventDataStore', service: 'cloudtrail', keyPaths: [at('KmsKeyId', 'events', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Config::DeliveryChannel', service: 'config', keyPaths: [at('S3KmsKeyArn', 'configuration snapshots', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Events::EventBus', service: 'events', keyPaths: [at('KmsKeyIdentifier', 'events', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'AWS::Glue::DataCatalogEncryptionSettings',
    service: 'glue',
    keyPaths: [
      at('DataCatalogEncryptionSettings.EncryptionAtRest.SseAwsKmsKeyId', 'data catalog', IN_PLACE),
      at('DataCatalogEncryptionSettings.ConnectionPasswordEncryption.KmsKeyId', 'connection passwords', IN_PLACE),
    ],
    whenAbsent: 'unencrypted',
  },
  {
    type: 'AWS::Glue::SecurityConfiguration',
    service: 'glue',
    keyPaths: [
      at('EncryptionConfiguration.S3Encryptions.KmsKeyArn', 's3 data', REPLACES),
      at('EncryptionConfiguration.CloudWatchEncryption.KmsKeyArn', 'logs', REPLACES),
      at('EncryptionConfiguration.JobBookmarksEncryption.KmsKeyArn', 'job bookmarks', REPLACES),
    ],
  },
  {
    type: 'AWS::Athena::WorkGroup',
    service: 'athena',
    keyPaths: [at('WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.KmsKey', 'query results', IN_PLACE)],
  },
  { type: 'AWS::SageMaker::NotebookInstance', service: 'sagemaker', keyPaths: [at('KmsKeyId', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::SageMaker::EndpointConfig',
    service: 'sagemaker',
    keyPaths: [
      at('KmsKeyId', 'storage', REPLACES),
      at('DataCaptureConfig.KmsKeyId', 'captured data', REPLACES),
      at('AsyncInferenceConfig.OutputConfig.KmsKeyId', 'inference output', REPLACES),
    ],
  },
  { type: 'AWS::SageMaker::Domain', service: 'sagemaker', keyPaths: [at('KmsKeyId', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  // SecurityConfiguration is a JSON object in templates; a template that writes it as a string hides these paths.
  {
    type: 'AWS::EMR::SecurityConfiguration',
    service: 'emr',
    keyPaths: [
      at('SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey', 's3 data', REPLACES),
      at('SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey', 'local disks', REPLACES),
    ],
  },
  { type: 'AWS::EMR::Cluster', service: 'emr', keyPaths: [at('LogEncryptionKmsKeyId', 'logs', REPLACES)] },
  { type: 'AWS::CodeBuild::Project', service: 'codebuild', keyPaths: [at('EncryptionKey', 'build artifacts', IN_PLACE)], whenAbsent: 'aws-managed' },
  { type: 'AWS::CodeArtifact::Domain', service: 'codeartifact', keyPaths: [at('EncryptionKey', 'packages', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'AWS::CodeCommit::Repository', service: 'codecommit', keyPaths: [at('KmsKeyId', 'repository', IN_PLACE)], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::CodePipeline::Pipeline',
    service: 'codepipeline',
    keyPaths: [
      at('ArtifactStore.EncryptionKey.Id', 'pipeline artifacts', IN_PLACE),
      at('ArtifactStores.ArtifactStore.EncryptionKey.Id', 'pipeline artifacts', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::StepFunctions::StateMachine',
    service: 'states',
    keyPaths: [at('EncryptionConfiguration.KmsKeyId', 'execution data', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  // Unsure: kept as Replacement like Terraform's ForceNew.
  {
    type: 'AWS::StepFunctions::Activity',
    service: 'states',
    keyPaths: [at('EncryptionConfiguration.KmsKeyId', 'task data', REPLACES)],
    whenAbsent: 'aws-owned',
  },
  { type: 'AWS::Bedrock::Agent', service: 'bedrock', keyPaths: [at('CustomerEncryptionKeyArn', 'agent data', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Bedrock::Guardrail', service: 'bedrock', keyPaths: [at('KmsKeyArn', 'guardrail', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Route53::KeySigningKey', service: 'route53', keyPaths: [at('KeyManagementServiceArn', 'dnssec signing', REPLACES)] },
  { type: 'AWS::ImageBuilder::ImageRecipe', service: 'imagebuilder', keyPaths: [at('BlockDeviceMappings.Ebs.KmsKeyId', 'image volumes', REPLACES)] },
  { type: 'AWS::ImageBuilder::ContainerRecipe', service: 'imagebuilder', keyPaths: [at('KmsKeyId', 'container recipe', REPLACES)] },
  { type: 'AWS::ImageBuilder::Component', service: 'imagebuilder', keyPaths: [at('KmsKeyId', 'component', REPLACES)] },
  {
    type: 'AWS::ImageBuilder::DistributionConfiguration',
    service: 'imagebuilder',
    keyPaths: [at('Distributions.AmiDistributionConfiguration.KmsKeyId', 'distributed AMIs', IN_PLACE)],
  },
  { type: 'AWS::WorkSpaces::Workspace', service: 'workspaces', keyPaths: [at('VolumeEncryptionKey', 'volumes', REPLACES)], whenAbsent: 'unencrypted' },
  { type: 'AWS::QLDB::Ledger', service: 'qldb', keyPaths: [at('KmsKey', 'journal', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::DMS::ReplicationInstance', service: 'dms', keyPaths: [at('KmsKeyId', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'AWS::DMS::Endpoint', service: 'dms', keyPaths: [at('KmsKeyId', 'connection parameters', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'AWS::APS::Workspace', service: 'prometheus', keyPaths: [at('KmsKeyArn', 'metrics', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'AWS::MWAA::Environment', service: 'mwaa', keyPaths: [at('KmsKey', 'environment data', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Cognito::UserPool', service: 'cognito', keyPaths: [at('LambdaConfig.KMSKeyID', 'custom sender codes', IN_PLACE)] },
  {
    type: 'AWS::Connect::InstanceStorageConfig',
    service: 'connect',
    keyPaths: [
      at('S3Config.EncryptionConfig.KeyId', 'recordings and transcripts', IN_PLACE),
      at('KinesisVideoStreamConfig.EncryptionConfig.KeyId', 'media streams', IN_PLACE),
    ],
  },
  {
    type: 'AWS::AppRunner::Service',
    service: 'apprunner',
    keyPaths: [at('EncryptionConfiguration.KmsKey', 'source and configuration', REPLACES)],
    whenAbsent: 'aws-owned',
  },
];

function withSource(source: CatalogSource, rows: ConsumerRow[]): ConsumerSpec[] {
  return rows.map((row) => ({ ...row, source }));
}

export const CONSUMERS: readonly ConsumerSpec[] = [...withSource('terraform', TERRAFORM_ROWS), ...withSource('cloudformation', CLOUDFORMATION_ROWS)];

const BY_SOURCE_AND_TYPE = new Map(CONSUMERS.map((spec) => [`${spec.source}:${spec.type}`, spec]));

/** The consumer row for a resource type; plan resources use the Terraform rows. */
export function consumerSpecFor(source: SourceKind, type: string): ConsumerSpec | undefined {
  return BY_SOURCE_AND_TYPE.get(`${catalogSourceOf(source)}:${type}`);
}

/** Where S3 records that SSE-KMS uses an S3 Bucket Key (KMS309); absent means disabled. */
export interface BucketKeySpec {
  type: string;
  source: CatalogSource;
  path: string;
}

export const S3_BUCKET_KEY_PATHS: readonly BucketKeySpec[] = [
  { type: 'aws_s3_bucket', source: 'terraform', path: 'server_side_encryption_configuration.rule.bucket_key_enabled' },
  { type: 'aws_s3_bucket_server_side_encryption_configuration', source: 'terraform', path: 'rule.bucket_key_enabled' },
  { type: 'aws_s3_object', source: 'terraform', path: 'bucket_key_enabled' },
  { type: 'AWS::S3::Bucket', source: 'cloudformation', path: 'BucketEncryption.ServerSideEncryptionConfiguration.BucketKeyEnabled' },
];

/**
 * A module input name that passes a key reference: `kms_key`, `kms_key_id`, `kms_key_arn`,
 * `kms_master_key_id`, and any `<prefix>_kms_key_id|arn` such as `cloudwatch_kms_key_id`.
 * Switches and settings about a key (`create_kms_key`, `enable_kms_key_rotation`,
 * `kms_key_deletion_window`, `kms_key_enabled`) are not references.
 */
export const moduleKeyInputPattern = /^(?!(?:create|enable|disable|use|manage|attach)_)(?:[a-z0-9]+_)*kms_(?:master_)?key(?:_id|_arn)?$/;

/**
 * Every value at a dotted path. Lists are walked into (Terraform blocks are lists of objects),
 * as are the options of a OneOf; the returned path is the dotted path without indexes.
 * Unknown and Ref values are leaves: met before the end of the path, they are returned with the
 * path walked so far, so a caller can tell "the enclosing block is unknown" from "absent".
 */
export function valuesAtPath(attrs: Record<string, Value>, path: string): { value: Value; path: string }[] {
  const found: { value: Value; path: string }[] = [];
  const walk = (value: Value, rest: string[], walked: string[]): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, rest, walked);
    } else if (isOneOf(value)) {
      for (const option of value.options) walk(option, rest, walked);
    } else if (rest.length === 0 || isUnknown(value) || isRef(value)) {
      found.push({ value, path: walked.join('.') });
    } else if (isRecord(value) && Object.hasOwn(value, rest[0])) {
      walk(value[rest[0]], rest.slice(1), [...walked, rest[0]]);
    }
    // A scalar with path left over holds nothing.
  };
  walk(attrs, path.split('.'), []);
  return found;
}
