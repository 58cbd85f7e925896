/**
 * Which attribute of which resource type holds a KMS key, for Terraform and CloudFormation (SAM
 * included). `replacement` says whether pointing the attribute at another key replaces the
 * resource (Terraform ForceNew / CloudFormation "Update requires: Replacement"): that is what
 * turns a key split into a migration (KMS503). Where the provider docs leave doubt, a comment says so.
 */
import type { SourceKind, Value } from '../model/types.js';
import { asBoolean, isOneOf, isRecord, isRef, isUnknown } from '../model/value.js';
import { walkAttributes } from '../model/walk.js';
import { type CatalogSource, catalogSourceOf } from './keys.js';
import type { ServiceId } from './services.js';

/** What protects the data when no key is written. */
export type WhenAbsent = 'aws-owned' | 'aws-managed' | 'unencrypted';

/**
 * What a value of an encryption switch means: `on` (the key attribute's key if one is given, else
 * what the type uses without one), another protection (`AES256`: AWS owned), or `null` when there is
 * no data the key would protect (an SSM `String` parameter).
 */
export type SwitchMeaning = 'on' | WhenAbsent | null;

/**
 * The attribute that turns encryption on. A boolean switch means `on` when true and `whenOff`
 * (default: unencrypted) when false; a switch with `modes` is an enumeration (`encryption_type`,
 * `sse_algorithm`), compared without case, whose unlisted values cannot be told. Without `default`,
 * an absent switch cannot be told either (an S3 object inherits its bucket's default encryption).
 */
export interface EncryptionSwitch {
  path: string;
  default?: boolean | string;
  whenOff?: WhenAbsent;
  modes?: Readonly<Record<string, SwitchMeaning>>;
  /** The key attribute alone does not turn encryption on: the switch decides even when a key is given (Kinesis, Glue). */
  keyNeedsSwitch?: boolean;
}

export interface KeyPathSpec {
  /** Dotted attribute path; nested blocks and lists are walked without indexes. */
  path: string;
  purpose: string;
  replacement: boolean;
  encryptedBy?: EncryptionSwitch;
  /**
   * For a key path after the first: what protects its data when no key is given, when KMS404
   * judges it too (Glue security configuration logs, SageMaker job volumes). The first key path
   * uses the row's `whenAbsent`.
   */
  whenAbsent?: WhenAbsent;
}

export interface ConsumerSpec {
  type: string;
  source: CatalogSource;
  service: ServiceId;
  keyPaths: KeyPathSpec[];
  /** For the first (main data) key path: what AWS uses when no key is given and encryption is on. */
  whenAbsent?: WhenAbsent;
  /**
   * Attributes that make the resource take its data and its encryption from elsewhere (a snapshot,
   * a source instance, its cluster): when one is set, what protects the data cannot be told here.
   */
  dataFrom?: string[];
  /**
   * Where the main data is, when the resource may have none (Lambda: environment variables): the
   * first key path is judged only when this attribute holds something known.
   */
  dataIn?: string;
}

type ConsumerRow = Omit<ConsumerSpec, 'source'>;

const REPLACES = true;
const IN_PLACE = false;

function at(path: string, purpose: string, replacement: boolean, encryptedBy?: EncryptionSwitch, whenAbsent?: WhenAbsent): KeyPathSpec {
  return { path, purpose, replacement, ...(encryptedBy ? { encryptedBy } : {}), ...(whenAbsent ? { whenAbsent } : {}) };
}
function off(path: string): EncryptionSwitch {
  return { path, default: false };
}
/** DynamoDB: SSE with KMS is opt-in; without it the table is still encrypted, with an AWS owned key. */
function kmsOptIn(path: string): EncryptionSwitch {
  return { path, default: false, whenOff: 'aws-owned' };
}
/** An enumeration switch; `on` lists the values that turn KMS encryption on. */
function mode(path: string, modes: Record<string, SwitchMeaning>, options: { default?: string; keyNeedsSwitch?: boolean } = {}): EncryptionSwitch {
  return { path, modes, ...options };
}
/** S3 server-side encryption: SSE-KMS (and dual-layer DSSE-KMS) take a key; AES256 is SSE-S3, an AWS owned key. */
const S3_SSE_MODES: Record<string, SwitchMeaning> = { 'aws:kms': 'on', 'aws:kms:dsse': 'on', AES256: 'aws-owned' };
/** An S3 bucket without SSE settings encrypts with SSE-S3 (since January 2023). */
const s3BucketSse = (path: string) => mode(path, S3_SSE_MODES, { default: 'AES256' });
/** ECR repositories: AES256 is the default; KMS and dual-layer KMS_DSSE take a key. */
const ecrSse = (path: string) => mode(path, { KMS: 'on', KMS_DSSE: 'on', AES256: 'aws-owned' }, { default: 'AES256' });
/** An S3 object without SSE settings takes its bucket's default encryption: absent, it cannot be told here. */
const s3ObjectSse = mode('server_side_encryption', S3_SSE_MODES);

const TF_S3_SSE_RULE = 'rule.apply_server_side_encryption_by_default.kms_master_key_id';
const TF_S3_SSE_ALGORITHM = 'rule.apply_server_side_encryption_by_default.sse_algorithm';
const TF_S3_BACKUP = 's3_configuration.kms_key_arn';
/** Glue catalog encryption: SSE-KMS-WITH-SERVICE-ROLE also encrypts with the given key. */
const GLUE_CATALOG_MODES: Record<string, SwitchMeaning> = { 'SSE-KMS': 'on', 'SSE-KMS-WITH-SERVICE-ROLE': 'on', DISABLED: 'unencrypted' };
const GLUE_S3_MODES: Record<string, SwitchMeaning> = { 'SSE-KMS': 'on', 'SSE-S3': 'aws-owned', DISABLED: 'unencrypted' };
const GLUE_KMS_MODES: Record<string, SwitchMeaning> = { 'SSE-KMS': 'on', DISABLED: 'unencrypted' };
const GLUE_BOOKMARK_MODES: Record<string, SwitchMeaning> = { 'CSE-KMS': 'on', DISABLED: 'unencrypted' };
/** Network Firewall: an AWS owned key unless `type` is CUSTOMER_KMS. */
const FIREWALL_KEY = (prefix: string) =>
  at(
    `${prefix}encryption_configuration.key_id`,
    'firewall configuration',
    IN_PLACE,
    mode(`${prefix}encryption_configuration.type`, { CUSTOMER_KMS: 'on', AWS_OWNED_KMS_KEY: 'aws-owned' }, { default: 'AWS_OWNED_KMS_KEY' }),
  );

const TERRAFORM_ROWS: ConsumerRow[] = [
  // S3: SSE-S3 (AWS owned) is the default for every bucket since January 2023; `aws:kms` without a key is aws/s3.
  {
    type: 'aws_s3_bucket',
    service: 's3',
    keyPaths: [
      at(
        `server_side_encryption_configuration.${TF_S3_SSE_RULE}`,
        'storage',
        IN_PLACE,
        s3BucketSse(`server_side_encryption_configuration.${TF_S3_SSE_ALGORITHM}`),
      ),
      at('replication_configuration.rules.destination.replica_kms_key_id', 'replicated objects', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_s3_bucket_server_side_encryption_configuration',
    service: 's3',
    keyPaths: [at(TF_S3_SSE_RULE, 'storage', IN_PLACE, s3BucketSse(TF_S3_SSE_ALGORITHM))],
    whenAbsent: 'aws-managed',
  },
  // Changing the key re-uploads the object in place. `aws_s3_bucket_object` is the provider's older name.
  { type: 'aws_s3_object', service: 's3', keyPaths: [at('kms_key_id', 'storage', IN_PLACE, s3ObjectSse)], whenAbsent: 'aws-managed' },
  { type: 'aws_s3_bucket_object', service: 's3', keyPaths: [at('kms_key_id', 'storage', IN_PLACE, s3ObjectSse)], whenAbsent: 'aws-managed' },
  { type: 'aws_s3_object_copy', service: 's3', keyPaths: [at('kms_key_id', 'storage', IN_PLACE, s3ObjectSse)], whenAbsent: 'aws-managed' },
  {
    type: 'aws_s3_bucket_replication_configuration',
    service: 's3',
    keyPaths: [at('rule.destination.encryption_configuration.replica_kms_key_id', 'replicated objects', IN_PLACE)],
  },
  { type: 'aws_s3_bucket_inventory', service: 's3', keyPaths: [at('destination.bucket.encryption.sse_kms.key_id', 'inventory reports', IN_PLACE)] },
  // S3 Tables: SSE-S3 unless `sse_algorithm = "aws:kms"`. Believed updatable in place.
  {
    type: 'aws_s3tables_table_bucket',
    service: 's3',
    keyPaths: [at('encryption_configuration.kms_key_arn', 'tables', IN_PLACE, s3BucketSse('encryption_configuration.sse_algorithm'))],
    whenAbsent: 'aws-managed',
  },
  // A replica or a restore takes the encryption of its source: `storage_encrypted` is not what decides.
  {
    type: 'aws_db_instance',
    service: 'rds',
    keyPaths: [
      at('kms_key_id', 'storage', REPLACES, off('storage_encrypted')),
      at('performance_insights_kms_key_id', 'performance insights', IN_PLACE),
      at('master_user_secret_kms_key_id', 'master user secret', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
    dataFrom: ['replicate_source_db', 'snapshot_identifier', 'restore_to_point_in_time'],
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
    dataFrom: ['snapshot_identifier', 'replication_source_identifier', 'global_cluster_identifier', 'restore_to_point_in_time', 'source_region'],
  },
  {
    type: 'aws_rds_cluster_instance',
    service: 'rds',
    keyPaths: [at('performance_insights_kms_key_id', 'performance insights', IN_PLACE)],
    whenAbsent: 'aws-managed',
  },
  { type: 'aws_db_snapshot_copy', service: 'rds', keyPaths: [at('kms_key_id', 'snapshots', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_db_instance_automated_backups_replication', service: 'rds', keyPaths: [at('kms_key_id', 'replicated backups', REPLACES)] },
  { type: 'aws_db_cluster_snapshot_copy', service: 'rds', keyPaths: [at('kms_key_id', 'snapshots', REPLACES)] },
  { type: 'aws_rds_cluster_activity_stream', service: 'rds', keyPaths: [at('kms_key_id', 'activity stream', REPLACES)] },
  { type: 'aws_rds_export_task', service: 'rds', keyPaths: [at('kms_key_id', 'exported snapshot data', REPLACES)] },
  { type: 'aws_rds_integration', service: 'rds', keyPaths: [at('kms_key_id', 'zero-ETL integration', REPLACES)] },
  // EBS: the account's "encryption by default" setting can encrypt a volume whose `encrypted` is false.
  // A volume made from a snapshot takes the snapshot's encryption.
  {
    type: 'aws_ebs_volume',
    service: 'ebs',
    keyPaths: [at('kms_key_id', 'storage', REPLACES, off('encrypted'))],
    whenAbsent: 'aws-managed',
    dataFrom: ['snapshot_id'],
  },
  { type: 'aws_ebs_default_kms_key', service: 'ebs', keyPaths: [at('key_arn', 'account default for new volumes', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_ebs_snapshot_copy', service: 'ebs', keyPaths: [at('kms_key_id', 'snapshots', REPLACES, off('encrypted'))], whenAbsent: 'aws-managed' },
  { type: 'aws_ebs_snapshot_import', service: 'ebs', keyPaths: [at('kms_key_id', 'snapshots', REPLACES, off('encrypted'))], whenAbsent: 'aws-managed' },
  { type: 'aws_ami_copy', service: 'ebs', keyPaths: [at('kms_key_id', 'snapshots', REPLACES, off('encrypted'))], whenAbsent: 'aws-managed' },
  // A spot instance request has the block devices of an instance; with a launch template, the template's volumes apply.
  ...['aws_instance', 'aws_spot_instance_request'].map(
    (type): ConsumerRow => ({
      type,
      service: 'ebs',
      keyPaths: [
        at('root_block_device.kms_key_id', 'root volume', REPLACES, off('root_block_device.encrypted')),
        at('ebs_block_device.kms_key_id', 'data volumes', REPLACES, off('ebs_block_device.encrypted')),
      ],
      whenAbsent: 'aws-managed',
      dataFrom: ['launch_template'],
    }),
  ),
  {
    type: 'aws_spot_fleet_request',
    service: 'ebs',
    keyPaths: [
      at('launch_specification.root_block_device.kms_key_id', 'root volumes', REPLACES),
      at('launch_specification.ebs_block_device.kms_key_id', 'data volumes', REPLACES),
    ],
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
  { type: 'aws_efs_replication_configuration', service: 'efs', keyPaths: [at('destination.kms_key_id', 'replica file system', REPLACES)] },
  // FSx file systems are always encrypted; without a key the aws/fsx managed key is used.
  { type: 'aws_fsx_windows_file_system', service: 'fsx', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_lustre_file_system', service: 'fsx', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_ontap_file_system', service: 'fsx', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_openzfs_file_system', service: 'fsx', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_backup', service: 'fsx', keyPaths: [at('kms_key_id', 'backups', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_fsx_file_cache', service: 'fsx', keyPaths: [at('kms_key_id', 'cache storage', REPLACES)], whenAbsent: 'aws-managed' },
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
  // An export is a one-off task: every argument is ForceNew. Without a key the export uses the bucket's encryption.
  { type: 'aws_dynamodb_table_export', service: 'dynamodb', keyPaths: [at('s3_sse_kms_key_id', 'exported data', REPLACES)] },
  // SSE-SQS (AWS owned) is on by default for new queues; `sqs_managed_sse_enabled = false` without a key leaves messages unencrypted.
  {
    type: 'aws_sqs_queue',
    service: 'sqs',
    keyPaths: [at('kms_master_key_id', 'messages', IN_PLACE, { path: 'sqs_managed_sse_enabled', default: true })],
    whenAbsent: 'aws-owned',
  },
  { type: 'aws_sns_topic', service: 'sns', keyPaths: [at('kms_master_key_id', 'messages', IN_PLACE)], whenAbsent: 'unencrypted' },
  {
    type: 'aws_secretsmanager_secret',
    service: 'secretsmanager',
    keyPaths: [at('kms_key_id', 'secret', IN_PLACE), at('replica.kms_key_id', 'replica secret', IN_PLACE)],
    whenAbsent: 'aws-managed',
  },
  // Only SecureString parameters are encrypted (the default key is alias/aws/ssm); String and StringList hold no secret.
  {
    type: 'aws_ssm_parameter',
    service: 'ssm',
    keyPaths: [at('key_id', 'secure string', IN_PLACE, mode('type', { SecureString: 'on', String: null, StringList: null }))],
    whenAbsent: 'aws-managed',
  },
  { type: 'aws_ssm_resource_data_sync', service: 'ssm', keyPaths: [at('s3_destination.kms_key_arn', 'inventory data', REPLACES)] },
  {
    type: 'aws_ssmincidents_replication_set',
    service: 'ssm-incidents',
    keyPaths: [at('region.kms_key_arn', 'incident data', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  { type: 'aws_cloudwatch_log_group', service: 'logs', keyPaths: [at('kms_key_id', 'logs', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_cloudwatch_log_anomaly_detector', service: 'logs', keyPaths: [at('kms_key_id', 'anomaly data', IN_PLACE)], whenAbsent: 'aws-owned' },
  // The key protects environment variables only: a function without them has nothing to protect.
  {
    type: 'aws_lambda_function',
    service: 'lambda',
    keyPaths: [at('kms_key_arn', 'environment variables', IN_PLACE)],
    whenAbsent: 'aws-managed',
    dataIn: 'environment.variables',
  },
  { type: 'aws_lambda_event_source_mapping', service: 'lambda', keyPaths: [at('kms_key_arn', 'filter criteria', IN_PLACE)] },
  // The EKS API cannot change the secrets key of a cluster, so the provider marks it ForceNew.
  // Without one, clusters on Kubernetes 1.28+ envelope-encrypt secrets with an AWS owned key.
  { type: 'aws_eks_cluster', service: 'eks', keyPaths: [at('encryption_config.provider.key_arn', 'kubernetes secrets', REPLACES)], whenAbsent: 'aws-owned' },
  // ECR: AES256 (AWS owned) unless encryption_type is KMS; KMS without a key is aws/ecr.
  {
    type: 'aws_ecr_repository',
    service: 'ecr',
    keyPaths: [at('encryption_configuration.kms_key', 'images', REPLACES, ecrSse('encryption_configuration.encryption_type'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_ecr_repository_creation_template',
    service: 'ecr',
    keyPaths: [at('encryption_configuration.kms_key', 'images of created repositories', IN_PLACE, ecrSse('encryption_configuration.encryption_type'))],
    whenAbsent: 'aws-managed',
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
  // `encryption_type` defaults to NONE: a kms_key_id alone encrypts nothing.
  {
    type: 'aws_kinesis_stream',
    service: 'kinesis',
    keyPaths: [at('kms_key_id', 'records', IN_PLACE, mode('encryption_type', { KMS: 'on', NONE: 'unencrypted' }, { default: 'NONE', keyNeedsSwitch: true }))],
    whenAbsent: 'unencrypted',
  },
  {
    type: 'aws_kinesis_firehose_delivery_stream',
    service: 'firehose',
    keyPaths: [
      // Without server-side encryption the buffered records are not encrypted at rest; enabled, key_type
      // defaults to AWS_OWNED_CMK. A stream reading from Kinesis or MSK cannot enable it: the source's encryption applies.
      at('server_side_encryption.key_arn', 'stream buffer', IN_PLACE, off('server_side_encryption.enabled')),
      at('extended_s3_configuration.kms_key_arn', 's3 destination', IN_PLACE),
      at('extended_s3_configuration.s3_backup_configuration.kms_key_arn', 's3 backup', IN_PLACE),
      at(`redshift_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
      at(`opensearch_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
      at(`elasticsearch_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
      at(`splunk_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
      at(`http_endpoint_configuration.${TF_S3_BACKUP}`, 's3 backup', IN_PLACE),
    ],
    whenAbsent: 'aws-owned',
    dataFrom: ['kinesis_source_configuration', 'msk_source_configuration'],
  },
  { type: 'aws_kinesis_video_stream', service: 'kinesisvideo', keyPaths: [at('kms_key_id', 'media', REPLACES)], whenAbsent: 'aws-managed' },
  // AWS encrypts new clusters by default since 2025 (provider 6 defaults `encrypted` to true).
  {
    type: 'aws_redshift_cluster',
    service: 'redshift',
    keyPaths: [at('kms_key_id', 'storage', IN_PLACE, { path: 'encrypted', default: true })],
    whenAbsent: 'aws-managed',
    dataFrom: ['snapshot_identifier', 'snapshot_arn'],
  },
  { type: 'aws_redshift_snapshot_copy_grant', service: 'redshift', keyPaths: [at('kms_key_id', 'cross-region snapshot copies', REPLACES)] },
  { type: 'aws_redshiftserverless_namespace', service: 'redshift-serverless', keyPaths: [at('kms_key_id', 'storage', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'aws_elasticache_replication_group',
    service: 'elasticache',
    keyPaths: [at('kms_key_id', 'storage', REPLACES, off('at_rest_encryption_enabled'))],
    whenAbsent: 'aws-owned',
    // A member of a global datastore takes the primary's encryption.
    dataFrom: ['global_replication_group_id'],
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
  {
    type: 'aws_docdb_cluster',
    service: 'docdb',
    keyPaths: [at('kms_key_id', 'storage', REPLACES, off('storage_encrypted'))],
    whenAbsent: 'aws-managed',
    dataFrom: ['snapshot_identifier', 'global_cluster_identifier'],
  },
  { type: 'aws_docdb_elastic_cluster', service: 'docdb', keyPaths: [at('kms_key_id', 'storage', REPLACES)] },
  {
    type: 'aws_neptune_cluster',
    service: 'neptune',
    keyPaths: [at('kms_key_arn', 'storage', REPLACES, off('storage_encrypted'))],
    whenAbsent: 'aws-managed',
    dataFrom: ['snapshot_identifier', 'replication_source_identifier', 'global_cluster_identifier'],
  },
  { type: 'aws_neptunegraph_graph', service: 'neptune', keyPaths: [at('kms_key_identifier', 'graph data', REPLACES)], whenAbsent: 'aws-owned' },
  {
    type: 'aws_keyspaces_table',
    service: 'keyspaces',
    keyPaths: [at('encryption_specification.kms_key_identifier', 'storage', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  { type: 'aws_timestreamwrite_database', service: 'timestream', keyPaths: [at('kms_key_id', 'storage', IN_PLACE)], whenAbsent: 'aws-managed' },
  {
    type: 'aws_timestreamwrite_table',
    service: 'timestream',
    keyPaths: [at('magnetic_store_write_properties.magnetic_store_rejected_data_location.s3_configuration.kms_key_id', 'rejected records', IN_PLACE)],
  },
  { type: 'aws_msk_cluster', service: 'msk', keyPaths: [at('encryption_info.encryption_at_rest_kms_key_arn', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_mq_broker', service: 'mq', keyPaths: [at('encryption_options.kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_backup_vault', service: 'backup', keyPaths: [at('kms_key_arn', 'backups', REPLACES)], whenAbsent: 'aws-managed' },
  { type: 'aws_cloudtrail', service: 'cloudtrail', keyPaths: [at('kms_key_id', 'logs', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_cloudtrail_event_data_store', service: 'cloudtrail', keyPaths: [at('kms_key_id', 'events', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_config_delivery_channel', service: 'config', keyPaths: [at('s3_kms_key_arn', 'configuration snapshots', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_cloudwatch_event_bus', service: 'events', keyPaths: [at('kms_key_identifier', 'events', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_cloudwatch_event_archive', service: 'events', keyPaths: [at('kms_key_identifier', 'archived events', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_cloudwatch_event_connection', service: 'events', keyPaths: [at('kms_key_identifier', 'connection secret', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'aws_pipes_pipe', service: 'pipes', keyPaths: [at('kms_key_identifier', 'pipe data', IN_PLACE)], whenAbsent: 'aws-owned' },
  // EventBridge Scheduler encrypts schedules with an AWS owned key unless given one.
  { type: 'aws_scheduler_schedule', service: 'scheduler', keyPaths: [at('kms_key_arn', 'schedule target input', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'aws_glue_data_catalog_encryption_settings',
    service: 'glue',
    keyPaths: [
      at(
        'data_catalog_encryption_settings.encryption_at_rest.sse_aws_kms_key_id',
        'data catalog',
        IN_PLACE,
        mode('data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode', GLUE_CATALOG_MODES, { default: 'DISABLED', keyNeedsSwitch: true }),
      ),
      at(
        'data_catalog_encryption_settings.connection_password_encryption.aws_kms_key_id',
        'connection passwords',
        IN_PLACE,
        { path: 'data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted', default: false, keyNeedsSwitch: true },
        'aws-managed',
      ),
    ],
    // SSE-KMS without a key uses aws/glue.
    whenAbsent: 'aws-managed',
  },
  // Security configurations cannot be updated at all. Each mode defaults to DISABLED.
  {
    type: 'aws_glue_security_configuration',
    service: 'glue',
    keyPaths: [
      at(
        'encryption_configuration.s3_encryption.kms_key_arn',
        's3 data',
        REPLACES,
        mode('encryption_configuration.s3_encryption.s3_encryption_mode', GLUE_S3_MODES, { default: 'DISABLED', keyNeedsSwitch: true }),
      ),
      at(
        'encryption_configuration.cloudwatch_encryption.kms_key_arn',
        'logs',
        REPLACES,
        mode('encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode', GLUE_KMS_MODES, { default: 'DISABLED', keyNeedsSwitch: true }),
        'aws-managed',
      ),
      at(
        'encryption_configuration.job_bookmarks_encryption.kms_key_arn',
        'job bookmarks',
        REPLACES,
        mode('encryption_configuration.job_bookmarks_encryption.job_bookmarks_encryption_mode', GLUE_BOOKMARK_MODES, {
          default: 'DISABLED',
          keyNeedsSwitch: true,
        }),
        'aws-managed',
      ),
    ],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_athena_workgroup',
    service: 'athena',
    keyPaths: [at('configuration.result_configuration.encryption_configuration.kms_key_arn', 'query results', IN_PLACE)],
  },
  { type: 'aws_athena_database', service: 'athena', keyPaths: [at('encryption_configuration.kms_key', 'query results', REPLACES)] },
  // SageMaker: without a key, storage volumes use an AWS managed key and S3 outputs the account's aws/s3 key
  // (the API docs say "the default KMS key for Amazon S3"); instance types with NVMe instance storage take no volume key.
  { type: 'aws_sagemaker_notebook_instance', service: 'sagemaker', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  // Endpoint configurations are immutable: every argument is ForceNew.
  {
    type: 'aws_sagemaker_endpoint_configuration',
    service: 'sagemaker',
    keyPaths: [
      at('kms_key_arn', 'storage', REPLACES),
      at('data_capture_config.kms_key_id', 'captured data', REPLACES, undefined, 'aws-managed'),
      at('async_inference_config.output_config.kms_key_id', 'inference output', REPLACES, undefined, 'aws-managed'),
    ],
    whenAbsent: 'aws-managed',
  },
  // Monitoring job definitions and flow definitions cannot be updated: every argument is ForceNew.
  {
    type: 'aws_sagemaker_data_quality_job_definition',
    service: 'sagemaker',
    keyPaths: [
      at('data_quality_job_output_config.kms_key_id', 'monitoring results', REPLACES),
      at('job_resources.cluster_config.volume_kms_key_id', 'job volumes', REPLACES, undefined, 'aws-managed'),
    ],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'aws_sagemaker_flow_definition',
    service: 'sagemaker',
    keyPaths: [at('output_config.kms_key_id', 'human review output', REPLACES)],
    whenAbsent: 'aws-managed',
  },
  { type: 'aws_sagemaker_device_fleet', service: 'sagemaker', keyPaths: [at('output_config.kms_key_id', 'device data', IN_PLACE)] },
  { type: 'aws_sagemaker_domain', service: 'sagemaker', keyPaths: [at('kms_key_id', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  // Either store may be absent, so neither is judged without its block: only a written store without a key is.
  {
    type: 'aws_sagemaker_feature_group',
    service: 'sagemaker',
    keyPaths: [
      at('offline_store_config.s3_storage_config.kms_key_id', 'offline store', REPLACES),
      at('online_store_config.security_config.kms_key_id', 'online store', REPLACES, undefined, 'aws-owned'),
    ],
  },
  // Kendra cannot move an index to another key.
  {
    type: 'aws_kendra_index',
    service: 'kendra',
    keyPaths: [at('server_side_encryption_configuration.kms_key_id', 'index', REPLACES)],
    whenAbsent: 'aws-owned',
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
  { type: 'aws_appconfig_configuration_profile', service: 'appconfig', keyPaths: [at('kms_key_identifier', 'hosted configuration', IN_PLACE)] },
  // A deployment cannot be changed once started.
  { type: 'aws_appconfig_deployment', service: 'appconfig', keyPaths: [at('kms_key_identifier', 'deployed configuration', REPLACES)] },
  { type: 'aws_synthetics_canary', service: 'synthetics', keyPaths: [at('artifact_config.s3_encryption.kms_key_arn', 'canary artifacts', IN_PLACE)] },
  { type: 'aws_codebuild_report_group', service: 'codebuild', keyPaths: [at('export_config.s3_destination.encryption_key', 'exported reports', IN_PLACE)] },
  // File shares write to S3 with SSE-S3 unless `kms_encrypted` is true.
  {
    type: 'aws_storagegateway_nfs_file_share',
    service: 'storagegateway',
    keyPaths: [at('kms_key_arn', 'file share objects', IN_PLACE, kmsOptIn('kms_encrypted'))],
    whenAbsent: 'aws-owned',
  },
  {
    type: 'aws_storagegateway_smb_file_share',
    service: 'storagegateway',
    keyPaths: [at('kms_key_arn', 'file share objects', IN_PLACE, kmsOptIn('kms_encrypted'))],
    whenAbsent: 'aws-owned',
  },
  { type: 'aws_storagegateway_cached_iscsi_volume', service: 'storagegateway', keyPaths: [at('kms_key', 'volume', REPLACES, kmsOptIn('kms_encrypted'))] },
  { type: 'aws_networkfirewall_firewall', service: 'network-firewall', keyPaths: [FIREWALL_KEY('')], whenAbsent: 'aws-owned' },
  { type: 'aws_networkfirewall_firewall_policy', service: 'network-firewall', keyPaths: [FIREWALL_KEY('')], whenAbsent: 'aws-owned' },
  { type: 'aws_networkfirewall_rule_group', service: 'network-firewall', keyPaths: [FIREWALL_KEY('')], whenAbsent: 'aws-owned' },
  { type: 'aws_location_tracker', service: 'geo', keyPaths: [at('kms_key_id', 'device positions', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'aws_location_geofence_collection', service: 'geo', keyPaths: [at('kms_key_id', 'geofences', REPLACES)], whenAbsent: 'aws-owned' },
  // A changed key trains a new model version; the provider treats it as an update, the old version keeps its key.
  {
    type: 'aws_comprehend_document_classifier',
    service: 'comprehend',
    keyPaths: [
      at('model_kms_key_id', 'model', REPLACES),
      at('volume_kms_key_id', 'training volumes', REPLACES),
      at('output_data_config.kms_key_id', 'training output', REPLACES),
    ],
  },
  {
    type: 'aws_comprehend_entity_recognizer',
    service: 'comprehend',
    keyPaths: [at('model_kms_key_id', 'model', REPLACES), at('volume_kms_key_id', 'training volumes', REPLACES)],
  },
  {
    type: 'aws_dms_s3_endpoint',
    service: 'dms',
    keyPaths: [at('kms_key_arn', 'connection parameters', REPLACES), at('server_side_encryption_kms_key_id', 'target objects', IN_PLACE)],
  },
  { type: 'aws_dms_replication_config', service: 'dms', keyPaths: [at('compute_config.kms_key_id', 'replication storage', REPLACES)] },
  { type: 'aws_appflow_flow', service: 'appflow', keyPaths: [at('kms_arn', 'flow data', IN_PLACE)], whenAbsent: 'aws-managed' },
  { type: 'aws_macie2_classification_export_configuration', service: 'macie', keyPaths: [at('s3_destination.kms_key_arn', 'exported findings', IN_PLACE)] },
  { type: 'aws_imagebuilder_workflow', service: 'imagebuilder', keyPaths: [at('kms_key_id', 'workflow', REPLACES)] },
  { type: 'aws_guardduty_publishing_destination', service: 'guardduty', keyPaths: [at('kms_key_arn', 'exported findings', IN_PLACE)] },
  // Direct use of a key by Terraform itself: the ciphertext resource and the decrypting data source.
  { type: 'aws_kms_ciphertext', service: 'kms', keyPaths: [at('key_id', 'ciphertext', REPLACES)] },
  { type: 'aws_kms_secrets', service: 'kms', keyPaths: [at('secret.key_id', 'decrypted secrets', IN_PLACE)] },
];

const CFN_S3_KMS = 'EncryptionConfiguration.KMSEncryptionConfig.AWSKMSKeyARN';
const CFN_S3_SSE = 'BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault';

const CLOUDFORMATION_ROWS: ConsumerRow[] = [
  {
    type: 'AWS::S3::Bucket',
    service: 's3',
    keyPaths: [
      at(`${CFN_S3_SSE}.KMSMasterKeyID`, 'storage', IN_PLACE, s3BucketSse(`${CFN_S3_SSE}.SSEAlgorithm`)),
      at('ReplicationConfiguration.Rules.Destination.EncryptionConfiguration.ReplicaKmsKeyID', 'replicated objects', IN_PLACE),
    ],
    whenAbsent: 'aws-managed',
  },
  // Not sure of the property names of this newer type: EncryptionConfiguration with SSEAlgorithm and KMSKeyArn.
  {
    type: 'AWS::S3Tables::TableBucket',
    service: 's3',
    keyPaths: [at('EncryptionConfiguration.KMSKeyArn', 'tables', IN_PLACE, s3BucketSse('EncryptionConfiguration.SSEAlgorithm'))],
    whenAbsent: 'aws-managed',
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
    // An Aurora instance stores nothing itself (its cluster does); replicas and restores take their source's encryption.
    dataFrom: [
      'DBClusterIdentifier',
      'SourceDBInstanceIdentifier',
      'DBSnapshotIdentifier',
      'SourceDBInstanceAutomatedBackupsArn',
      'SourceDbiResourceId',
      'RestoreTime',
    ],
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
    dataFrom: [
      'SnapshotIdentifier',
      'SourceDBClusterIdentifier',
      'ReplicationSourceIdentifier',
      'GlobalClusterIdentifier',
      'SourceDbClusterResourceId',
      'RestoreToTime',
    ],
  },
  { type: 'AWS::RDS::Integration', service: 'rds', keyPaths: [at('KMSKeyId', 'zero-ETL integration', REPLACES)] },
  // Documented as "Some interruptions", but existing data cannot move to another key: a new volume is made.
  {
    type: 'AWS::EC2::Volume',
    service: 'ebs',
    keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('Encrypted'))],
    whenAbsent: 'aws-managed',
    dataFrom: ['SnapshotId'],
  },
  {
    type: 'AWS::EC2::Instance',
    service: 'ebs',
    keyPaths: [at('BlockDeviceMappings.Ebs.KmsKeyId', 'volumes', REPLACES, off('BlockDeviceMappings.Ebs.Encrypted'))],
    whenAbsent: 'aws-managed',
    dataFrom: ['LaunchTemplate'],
  },
  {
    type: 'AWS::EC2::LaunchTemplate',
    service: 'ebs',
    keyPaths: [at('LaunchTemplateData.BlockDeviceMappings.Ebs.KmsKeyId', 'volumes', IN_PLACE, off('LaunchTemplateData.BlockDeviceMappings.Ebs.Encrypted'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::EFS::FileSystem',
    service: 'efs',
    keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('Encrypted')), at('ReplicationConfiguration.Destinations.KmsKeyId', 'replica file system', REPLACES)],
    whenAbsent: 'aws-managed',
  },
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
  {
    type: 'AWS::SQS::Queue',
    service: 'sqs',
    keyPaths: [at('KmsMasterKeyId', 'messages', IN_PLACE, { path: 'SqsManagedSseEnabled', default: true })],
    whenAbsent: 'aws-owned',
  },
  { type: 'AWS::SNS::Topic', service: 'sns', keyPaths: [at('KmsMasterKeyId', 'messages', IN_PLACE)], whenAbsent: 'unencrypted' },
  {
    type: 'AWS::SecretsManager::Secret',
    service: 'secretsmanager',
    keyPaths: [at('KmsKeyId', 'secret', IN_PLACE), at('ReplicaRegions.KmsKeyId', 'replica secret', IN_PLACE)],
    whenAbsent: 'aws-managed',
  },
  { type: 'AWS::Logs::LogGroup', service: 'logs', keyPaths: [at('KmsKeyId', 'logs', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Logs::LogAnomalyDetector', service: 'logs', keyPaths: [at('KmsKeyId', 'anomaly data', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'AWS::Lambda::Function',
    service: 'lambda',
    keyPaths: [at('KmsKeyArn', 'environment variables', IN_PLACE)],
    whenAbsent: 'aws-managed',
    dataIn: 'Environment.Variables',
  },
  { type: 'AWS::Lambda::EventSourceMapping', service: 'lambda', keyPaths: [at('KmsKeyArn', 'filter criteria', IN_PLACE)] },
  // Globals may add variables the parser does not merge into the function: then the function says nothing.
  {
    type: 'AWS::Serverless::Function',
    service: 'lambda',
    keyPaths: [at('KmsKeyArn', 'environment variables', IN_PLACE)],
    whenAbsent: 'aws-managed',
    dataIn: 'Environment.Variables',
  },
  {
    type: 'AWS::Serverless::SimpleTable',
    service: 'dynamodb',
    keyPaths: [at('SSESpecification.KMSMasterKeyId', 'storage', IN_PLACE, kmsOptIn('SSESpecification.SSEEnabled'))],
    whenAbsent: 'aws-managed',
  },
  // Kept as Replacement like Terraform: EKS cannot change the secrets key of a cluster.
  { type: 'AWS::EKS::Cluster', service: 'eks', keyPaths: [at('EncryptionConfig.Provider.KeyArn', 'kubernetes secrets', REPLACES)], whenAbsent: 'aws-owned' },
  {
    type: 'AWS::ECR::Repository',
    service: 'ecr',
    keyPaths: [at('EncryptionConfiguration.KmsKey', 'images', REPLACES, ecrSse('EncryptionConfiguration.EncryptionType'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::ECR::RepositoryCreationTemplate',
    service: 'ecr',
    keyPaths: [at('EncryptionConfiguration.KmsKey', 'images of created repositories', IN_PLACE, ecrSse('EncryptionConfiguration.EncryptionType'))],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::ECS::Cluster',
    service: 'ecs',
    keyPaths: [
      at('Configuration.ExecuteCommandConfiguration.KmsKeyId', 'exec sessions', IN_PLACE),
      at('Configuration.ManagedStorageConfiguration.KmsKeyId', 'managed storage', IN_PLACE),
      at('Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId', 'fargate ephemeral storage', IN_PLACE),
    ],
  },
  // Without StreamEncryption (or its EncryptionType) the stream is not encrypted.
  {
    type: 'AWS::Kinesis::Stream',
    service: 'kinesis',
    keyPaths: [
      at(
        'StreamEncryption.KeyId',
        'records',
        IN_PLACE,
        mode('StreamEncryption.EncryptionType', { KMS: 'on', NONE: 'unencrypted' }, { default: 'NONE', keyNeedsSwitch: true }),
      ),
    ],
    whenAbsent: 'unencrypted',
  },
  {
    type: 'AWS::KinesisFirehose::DeliveryStream',
    service: 'firehose',
    keyPaths: [
      // No DeliveryStreamEncryptionConfigurationInput: no server-side encryption ("NONE" stands for the absent block).
      at(
        'DeliveryStreamEncryptionConfigurationInput.KeyARN',
        'stream buffer',
        IN_PLACE,
        mode(
          'DeliveryStreamEncryptionConfigurationInput.KeyType',
          { CUSTOMER_MANAGED_CMK: 'on', AWS_OWNED_CMK: 'aws-owned', NONE: 'unencrypted' },
          { default: 'NONE' },
        ),
      ),
      at(`ExtendedS3DestinationConfiguration.${CFN_S3_KMS}`, 's3 destination', IN_PLACE),
      at(`ExtendedS3DestinationConfiguration.S3BackupConfiguration.${CFN_S3_KMS}`, 's3 backup', IN_PLACE),
      at(`S3DestinationConfiguration.${CFN_S3_KMS}`, 's3 destination', IN_PLACE),
    ],
    whenAbsent: 'aws-owned',
    dataFrom: ['KinesisStreamSourceConfiguration', 'MSKSourceConfiguration'],
  },
  // Not sure of the documented update behaviour; kept as Replacement like Terraform's ForceNew.
  { type: 'AWS::KinesisVideo::Stream', service: 'kinesisvideo', keyPaths: [at('KmsKeyId', 'media', REPLACES)], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::Redshift::Cluster',
    service: 'redshift',
    keyPaths: [at('KmsKeyId', 'storage', IN_PLACE, { path: 'Encrypted', default: true })],
    whenAbsent: 'aws-managed',
    dataFrom: ['SnapshotIdentifier', 'SnapshotArn'],
  },
  { type: 'AWS::RedshiftServerless::Namespace', service: 'redshift-serverless', keyPaths: [at('KmsKeyId', 'storage', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'AWS::ElastiCache::ReplicationGroup',
    service: 'elasticache',
    keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('AtRestEncryptionEnabled'))],
    whenAbsent: 'aws-owned',
    dataFrom: ['GlobalReplicationGroupId'],
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
  {
    type: 'AWS::DocDB::DBCluster',
    service: 'docdb',
    keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('StorageEncrypted'))],
    whenAbsent: 'aws-managed',
    dataFrom: ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'GlobalClusterIdentifier'],
  },
  { type: 'AWS::DocDBElastic::Cluster', service: 'docdb', keyPaths: [at('KmsKeyId', 'storage', REPLACES)] },
  {
    type: 'AWS::Neptune::DBCluster',
    service: 'neptune',
    keyPaths: [at('KmsKeyId', 'storage', REPLACES, off('StorageEncrypted'))],
    whenAbsent: 'aws-managed',
    dataFrom: ['SnapshotIdentifier', 'SourceDBClusterIdentifier'],
  },
  {
    type: 'AWS::Cassandra::Table',
    service: 'keyspaces',
    keyPaths: [at('EncryptionSpecification.KmsKeyIdentifier', 'storage', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  { type: 'AWS::Timestream::Database', service: 'timestream', keyPaths: [at('KmsKeyId', 'storage', IN_PLACE)], whenAbsent: 'aws-managed' },
  {
    type: 'AWS::Timestream::Table',
    service: 'timestream',
    keyPaths: [at('MagneticStoreWriteProperties.MagneticStoreRejectedDataLocation.S3Configuration.KmsKeyId', 'rejected records', IN_PLACE)],
  },
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
  { type: 'AWS::Events::Archive', service: 'events', keyPaths: [at('KmsKeyIdentifier', 'archived events', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Events::Connection', service: 'events', keyPaths: [at('KmsKeyIdentifier', 'connection secret', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Pipes::Pipe', service: 'pipes', keyPaths: [at('KmsKeyIdentifier', 'pipe data', IN_PLACE)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Scheduler::Schedule', service: 'scheduler', keyPaths: [at('KmsKeyArn', 'schedule target input', IN_PLACE)], whenAbsent: 'aws-owned' },
  {
    type: 'AWS::Glue::DataCatalogEncryptionSettings',
    service: 'glue',
    keyPaths: [
      at(
        'DataCatalogEncryptionSettings.EncryptionAtRest.SseAwsKmsKeyId',
        'data catalog',
        IN_PLACE,
        mode('DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode', GLUE_CATALOG_MODES, { default: 'DISABLED', keyNeedsSwitch: true }),
      ),
      at(
        'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.KmsKeyId',
        'connection passwords',
        IN_PLACE,
        { path: 'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted', default: false, keyNeedsSwitch: true },
        'aws-managed',
      ),
    ],
    whenAbsent: 'aws-managed',
  },
  {
    type: 'AWS::Glue::SecurityConfiguration',
    service: 'glue',
    keyPaths: [
      at(
        'EncryptionConfiguration.S3Encryptions.KmsKeyArn',
        's3 data',
        REPLACES,
        mode('EncryptionConfiguration.S3Encryptions.S3EncryptionMode', GLUE_S3_MODES, { default: 'DISABLED', keyNeedsSwitch: true }),
      ),
      at(
        'EncryptionConfiguration.CloudWatchEncryption.KmsKeyArn',
        'logs',
        REPLACES,
        mode('EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode', GLUE_KMS_MODES, { default: 'DISABLED', keyNeedsSwitch: true }),
        'aws-managed',
      ),
      at(
        'EncryptionConfiguration.JobBookmarksEncryption.KmsKeyArn',
        'job bookmarks',
        REPLACES,
        mode('EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode', GLUE_BOOKMARK_MODES, { default: 'DISABLED', keyNeedsSwitch: true }),
        'aws-managed',
      ),
    ],
    whenAbsent: 'aws-managed',
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
      at('DataCaptureConfig.KmsKeyId', 'captured data', REPLACES, undefined, 'aws-managed'),
      at('AsyncInferenceConfig.OutputConfig.KmsKeyId', 'inference output', REPLACES, undefined, 'aws-managed'),
    ],
    whenAbsent: 'aws-managed',
  },
  { type: 'AWS::SageMaker::Domain', service: 'sagemaker', keyPaths: [at('KmsKeyId', 'storage', REPLACES)], whenAbsent: 'aws-managed' },
  // The four monitoring job definitions (Terraform has only the data quality one) cannot be updated.
  ...['DataQuality', 'ModelQuality', 'ModelBias', 'ModelExplainability'].map(
    (kind): ConsumerRow => ({
      type: `AWS::SageMaker::${kind}JobDefinition`,
      service: 'sagemaker',
      keyPaths: [
        at(`${kind}JobOutputConfig.KmsKeyId`, 'monitoring results', REPLACES),
        at('JobResources.ClusterConfig.VolumeKmsKeyId', 'job volumes', REPLACES, undefined, 'aws-managed'),
      ],
      whenAbsent: 'aws-managed',
    }),
  ),
  // A schedule may name a job definition instead of holding one, so nothing is judged here.
  {
    type: 'AWS::SageMaker::MonitoringSchedule',
    service: 'sagemaker',
    keyPaths: [
      at('MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringOutputConfig.KmsKeyId', 'monitoring results', IN_PLACE),
      at('MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringResources.ClusterConfig.VolumeKmsKeyId', 'job volumes', IN_PLACE),
    ],
  },
  {
    type: 'AWS::SageMaker::FeatureGroup',
    service: 'sagemaker',
    keyPaths: [
      at('OfflineStoreConfig.S3StorageConfig.KmsKeyId', 'offline store', REPLACES),
      at('OnlineStoreConfig.SecurityConfig.KmsKeyId', 'online store', REPLACES, undefined, 'aws-owned'),
    ],
  },
  { type: 'AWS::SageMaker::DeviceFleet', service: 'sagemaker', keyPaths: [at('OutputConfig.KmsKeyId', 'device data', IN_PLACE)] },
  { type: 'AWS::Kendra::Index', service: 'kendra', keyPaths: [at('ServerSideEncryptionConfiguration.KmsKeyId', 'index', REPLACES)], whenAbsent: 'aws-owned' },
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
  { type: 'AWS::CodeBuild::ReportGroup', service: 'codebuild', keyPaths: [at('ExportConfig.S3Destination.EncryptionKey', 'exported reports', IN_PLACE)] },
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
  { type: 'AWS::AppConfig::ConfigurationProfile', service: 'appconfig', keyPaths: [at('KmsKeyIdentifier', 'hosted configuration', IN_PLACE)] },
  { type: 'AWS::AppConfig::Deployment', service: 'appconfig', keyPaths: [at('KmsKeyIdentifier', 'deployed configuration', REPLACES)] },
  { type: 'AWS::Synthetics::Canary', service: 'synthetics', keyPaths: [at('ArtifactConfig.S3Encryption.KmsKeyArn', 'canary artifacts', IN_PLACE)] },
  { type: 'AWS::Location::Tracker', service: 'geo', keyPaths: [at('KmsKeyId', 'device positions', REPLACES)], whenAbsent: 'aws-owned' },
  { type: 'AWS::Location::GeofenceCollection', service: 'geo', keyPaths: [at('KmsKeyId', 'geofences', REPLACES)], whenAbsent: 'aws-owned' },
  {
    type: 'AWS::Comprehend::DocumentClassifier',
    service: 'comprehend',
    keyPaths: [
      at('ModelKmsKeyId', 'model', REPLACES),
      at('VolumeKmsKeyId', 'training volumes', REPLACES),
      at('OutputDataConfig.KmsKeyId', 'training output', REPLACES),
    ],
  },
  {
    type: 'AWS::SSMIncidents::ReplicationSet',
    service: 'ssm-incidents',
    keyPaths: [at('Regions.RegionConfiguration.SseKmsKeyId', 'incident data', IN_PLACE)],
    whenAbsent: 'aws-owned',
  },
  { type: 'AWS::AppFlow::Flow', service: 'appflow', keyPaths: [at('KMSArn', 'flow data', IN_PLACE)], whenAbsent: 'aws-managed' },
  { type: 'AWS::DMS::ReplicationConfig', service: 'dms', keyPaths: [at('ComputeConfig.KmsKeyId', 'replication storage', REPLACES)] },
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
  const { parts, prefixes } = segmentsOf(path);
  const found: { value: Value; path: string }[] = [];
  const walk = (value: Value, depth: number): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth);
    } else if (isOneOf(value)) {
      for (const option of value.options) walk(option, depth);
    } else if (depth === parts.length || isUnknown(value) || isRef(value)) {
      found.push({ value, path: prefixes[depth] });
    } else if (isRecord(value) && Object.hasOwn(value, parts[depth])) {
      walk(value[parts[depth]], depth + 1);
    }
    // A scalar with path left over holds nothing.
  };
  walk(attrs, 0);
  return found;
}

/** A dotted path's segments and the path walked after each (`a.b.c` → '', a, a.b, a.b.c), made once per path. */
const SEGMENTS = new Map<string, { parts: string[]; prefixes: string[] }>();
/** The catalogue's paths are a few hundred; a path from elsewhere past the bound is split each time. */
const MAX_SEGMENTED_PATHS = 4096;

function segmentsOf(path: string): { parts: string[]; prefixes: string[] } {
  let segments = SEGMENTS.get(path);
  if (!segments) {
    const parts = path.split('.');
    segments = { parts, prefixes: parts.map((_, i) => parts.slice(0, i).join('.')).concat(path) };
    if (SEGMENTS.size < MAX_SEGMENTED_PATHS) SEGMENTS.set(path, segments);
  }
  return segments;
}

/** What protects a resource's data where no customer managed key is written, and which key path says so. */
export interface Unprotected {
  path: string;
  protection: WhenAbsent;
  /** The switch that must change too: present when it is off (`encrypted = false`, `encryption_type = "NONE"`). */
  switchOff?: EncryptionSwitch;
}

/**
 * The first judged key path (the row's first, then each with its own `whenAbsent` whose top-level
 * block is written) whose data no key protects; undefined when every judged path has a key, or
 * what protects the data cannot be told: an unknown switch, a choice whose branches disagree, data
 * taken from elsewhere (`dataFrom`), or a key-named attribute the catalogue does not list (the key
 * may be set there, so "no key" would be a guess).
 */
export function unprotectedData(attrs: Record<string, Value>, spec: ConsumerSpec): Unprotected | undefined {
  const judged = spec.keyPaths.flatMap((keyPath, index) => {
    const whenAbsent = index === 0 ? spec.whenAbsent : keyPath.whenAbsent;
    if (!whenAbsent || (index > 0 && !Object.hasOwn(attrs, keyPath.path.split('.')[0]))) return [];
    if (index === 0 && spec.dataIn && !valuesAtPath(attrs, spec.dataIn).some(({ value }) => holdsData(value))) return [];
    return [{ keyPath, whenAbsent }];
  });
  if (judged.length === 0) return undefined;
  if (spec.dataFrom?.some((path) => valuesAtPath(attrs, path).some(({ value }) => isWritten(value) && value !== false))) return undefined;
  for (const { keyPath, whenAbsent } of judged) {
    const found = pathProtection(attrs, keyPath, whenAbsent);
    if (found) return unreadKeyAttributes(attrs, spec).length > 0 ? undefined : { path: keyPath.path, ...found };
  }
  return undefined;
}

function pathProtection(attrs: Record<string, Value>, keyPath: KeyPathSpec, whenAbsent: WhenAbsent): Omit<Unprotected, 'path'> | undefined {
  const keySet = valuesAtPath(attrs, keyPath.path).some(({ value }) => isWritten(value));
  const sw = keyPath.encryptedBy;
  if (!sw) return keySet ? undefined : { protection: whenAbsent };
  if (keySet && !sw.keyNeedsSwitch) return undefined;
  const written = valuesAtPath(attrs, sw.path).map(({ value }) => value);
  const states = (written.length > 0 ? written : sw.default !== undefined ? [sw.default] : []).map((value) => switchMeaning(value, sw));
  const state = states[0];
  if (state === undefined || state === null || states.some((s) => s !== state)) return undefined;
  if (state === 'on') return keySet ? undefined : { protection: whenAbsent };
  return { protection: state, switchOff: sw };
}

/** What one value of a switch means; undefined when it cannot be told (unknown, a reference, an unlisted mode). */
function switchMeaning(value: Value, sw: EncryptionSwitch): SwitchMeaning | undefined {
  if (sw.modes) {
    if (typeof value !== 'string') return undefined;
    const entry = Object.entries(sw.modes).find(([name]) => name.toLowerCase() === value.toLowerCase());
    return entry ? entry[1] : undefined;
  }
  const on = asBoolean(value);
  if (on === undefined) return undefined;
  return on ? 'on' : (sw.whenOff ?? 'unencrypted');
}

/** The value of a switch that turns encryption on, as written in the docs (`KMS`, `SSE-KMS`, `aws:kms`, `true`). */
export function switchOnValue(sw: EncryptionSwitch): string {
  return Object.entries(sw.modes ?? {}).find(([, meaning]) => meaning === 'on')?.[0] ?? 'true';
}

/**
 * A name that says it holds a key: `kms_key_id`, `KMSMasterKeyID`, `cmk_arn`, `encryption_key`,
 * `VolumeEncryptionKey`, `key_arn`. Switches and settings (`kms_encrypted`, `sse_kms_enabled`,
 * `encryption_type`) do not end like that; booleans and numbers are never keys.
 */
const KEY_ATTRIBUTE_NAME = /(?:kms|cmk)\w*?(?:key|arn|id|identifier)$|encryption_?key(?:_?(?:id|arn))?$|^key_?(?:id|arn)$/i;
/** Free-form maps and documents whose entries are the user's names, not the resource's attributes. */
const FREE_FORM = new Set(['tags', 'tags_all', 'Tags', 'variables', 'Variables', 'policy', 'Policy', 'PolicyDocument', 'environment_variables']);
const MAX_WALK = 2000;

/**
 * Key-named attributes of a resource, at any depth, that hold a value and are not among the
 * catalogue's key paths of its type: a key may be set there (an attribute we do not read yet).
 * Paths are dotted without list indexes, like `valuesAtPath`.
 */
export function unreadKeyAttributes(attrs: Record<string, Value>, spec: ConsumerSpec): string[] {
  const known = new Set(spec.keyPaths.map((keyPath) => keyPath.path));
  const found = new Set<string>();
  walkAttributes(
    attrs,
    (value, path, name) => {
      if (!known.has(path) && KEY_ATTRIBUTE_NAME.test(name) && isWritten(value) && typeof value !== 'boolean' && typeof value !== 'number') found.add(path);
    },
    { skip: (name) => FREE_FORM.has(name), maxVisits: MAX_WALK },
  );
  return [...found];
}

/** A known, non-empty value; an unknown or a reference may be empty, so it does not count. */
function holdsData(value: Value): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return typeof value === 'string' ? value !== '' : typeof value === 'number' || typeof value === 'boolean';
}

/** Null and the empty string are what Terraform and CloudFormation write for "not set". */
function isWritten(value: Value): boolean {
  return value !== null && value !== '';
}
