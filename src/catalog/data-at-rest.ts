/**
 * What happens to the data a consumer already holds when it is pointed at another key (KMS501).
 * Few services re-encrypt what they stored: most encrypt only new writes with the new key and keep
 * every older item under the key it was written with, so deleting that key loses them. Some cannot
 * change the key at all: the resource is replaced and the data moves only through a copy.
 *
 * - `left`: data written before stays under the old key (S3 objects, queued messages, log events…).
 * - `replaced`: the key change replaces the resource; its data, snapshots and backups stay under the old key.
 * - `re-encrypted`: the service re-encrypts what it holds with the new key (DynamoDB, Lambda environment).
 * - `none`: nothing is kept at rest under the key (SNS delivers and forgets).
 */
import type { ServiceId } from './services.js';

export type AfterRepoint = 'left' | 'replaced' | 're-encrypted' | 'none';

/** Where the code says how long the data stays (absent: the service default, `forever` when it keeps data until deleted). */
export interface RetentionSpec {
  /** Resource type (Terraform or CloudFormation). */
  type: string;
  attribute: string;
  unit: 'seconds' | 'hours' | 'days';
  /** In `unit`; absent: kept until deleted. */
  default?: number;
  /** A value that means "kept until deleted" (CloudWatch Logs `retention_in_days = 0`). */
  forever?: number;
}

export interface DataAtRest {
  after: AfterRepoint;
  /** What stays under the old key, or why nothing does; a sentence without the final period. */
  stays: string;
  /** What to do before the old key goes (for `left` and `replaced`). */
  migrate?: string;
  retention?: RetentionSpec[];
}

const KEEP = 'or keep the old key until';

const S3_COPY = `copy them in place with the new key (S3 Batch Operations Copy), ${KEEP} they expire`;

/** One row per service id of `services.ts` (the type requires it); a consumer of another service (an unread module) is reported as not known. */
export const DATA_AT_REST: Record<ServiceId, DataAtRest> = {
  s3: { after: 'left', stays: 'objects written before stay encrypted under the old key (default encryption applies to new writes only)', migrate: S3_COPY },
  ebs: {
    after: 'replaced',
    stays: 'a volume cannot change its key: the volumes and their snapshots stay under the old key until they are replaced',
    migrate: `copy the snapshots with the new key (aws ec2 copy-snapshot --kms-key-id) and create the volumes from the copies, ${KEEP} the snapshots are deleted`,
  },
  rds: {
    after: 'replaced',
    stays: 'the key change replaces the database: the new one starts empty, and the old storage, automated backups and snapshots stay under the old key',
    migrate:
      'move the data through a snapshot: copy it with the new key (aws rds copy-db-snapshot, or copy-db-cluster-snapshot for Aurora, with --kms-key-id) and restore from the copy (snapshot_identifier); keep the old key until the old snapshots are deleted',
  },
  dynamodb: { after: 're-encrypted', stays: 'DynamoDB re-encrypts the table in place when its key changes' },
  kinesis: {
    after: 'left',
    stays: 'records written before stay encrypted under the old key until the stream drops them',
    migrate: 'keep the old key until the records expire',
    retention: [
      { type: 'aws_kinesis_stream', attribute: 'retention_period', unit: 'hours', default: 24 },
      { type: 'AWS::Kinesis::Stream', attribute: 'RetentionPeriodHours', unit: 'hours', default: 24 },
    ],
  },
  efs: {
    after: 'replaced',
    stays: 'the key change replaces the file system: the files stay on the old one, under the old key',
    migrate: 'copy the files to the new file system (AWS DataSync, or an AWS Backup restore with the new key) before the old one goes',
  },
  fsx: {
    after: 'replaced',
    stays: 'the key change replaces the file system: its files and backups stay under the old key',
    migrate: 'restore a backup into the new file system (backup_id) or copy the files across, then keep the old key until the old backups are deleted',
  },
  sqs: {
    after: 'left',
    stays: 'messages sent before stay encrypted under the old key until they are received or expire',
    migrate: `drain the queue, ${KEEP} the messages expire`,
    retention: [
      { type: 'aws_sqs_queue', attribute: 'message_retention_seconds', unit: 'seconds', default: 345600 },
      { type: 'AWS::SQS::Queue', attribute: 'MessageRetentionPeriod', unit: 'seconds', default: 345600 },
    ],
  },
  sns: { after: 'none', stays: 'SNS keeps no message at rest once it is delivered' },
  secretsmanager: {
    after: 'left',
    stays: 'Secrets Manager re-encrypts only the AWSCURRENT, AWSPENDING and AWSPREVIOUS versions: older versions stay under the old key',
    migrate: 'keep the old key while the older versions may be needed (or delete them)',
  },
  ssm: {
    after: 'left',
    stays: 'each parameter version stays encrypted with the key it was written with: earlier versions (the parameter history) stay under the old key',
    migrate: 'write the value again with the new key and keep the old key while earlier versions may be read',
  },
  logs: {
    after: 'left',
    stays: 'log events ingested before stay encrypted under the old key (CloudWatch Logs encrypts only new events with the new key)',
    migrate: 'export the events you need first, or keep the old key as long as they are kept',
    retention: [
      { type: 'aws_cloudwatch_log_group', attribute: 'retention_in_days', unit: 'days', forever: 0 },
      { type: 'AWS::Logs::LogGroup', attribute: 'RetentionInDays', unit: 'days' },
    ],
  },
  lambda: { after: 're-encrypted', stays: 'Lambda encrypts the environment variables again with the new key when the function is updated' },
  eks: {
    after: 'replaced',
    stays: 'the key change replaces the cluster: the Kubernetes secrets of the old cluster stay under the old key and are not carried over',
    migrate: 'create the secrets again in the new cluster before the old one goes',
  },
  ecr: {
    after: 'replaced',
    stays: 'the key change replaces the repository: the images stay in the old one, under the old key',
    migrate: 'push the images to the new repository (pull and push, or ECR replication) before the old one goes',
  },
  ecs: {
    after: 'left',
    stays: 'running tasks keep their ephemeral storage and sessions under the old key until they are replaced',
    migrate: 'force a new deployment of the services before the old key goes',
  },
  firehose: {
    after: 'left',
    stays: 'objects delivered before stay under the old key in the destination bucket (and buffered records until delivered)',
    migrate: S3_COPY,
  },
  kinesisvideo: {
    after: 'replaced',
    stays: 'the key change replaces the stream: the media it stored stays under the old key',
    migrate: 'keep the old key until the data retention of the old stream has passed',
  },
  redshift: {
    after: 'left',
    stays: 'Redshift re-encrypts the cluster itself, but the snapshots taken before stay under the old key',
    migrate: 'restore and snapshot again the snapshots you keep, or keep the old key until they are deleted',
  },
  'redshift-serverless': {
    after: 'left',
    stays: 'snapshots and recovery points taken before stay under the old key',
    migrate: 'keep the old key until they are deleted, or restore and snapshot again the ones you keep',
  },
  elasticache: {
    after: 'replaced',
    stays: 'the key change replaces the cache: its data and snapshots stay under the old key',
    migrate: 'copy a snapshot with the new key (aws elasticache copy-snapshot --kms-key-id) and restore the new cache from it (snapshot_name / snapshot_arns)',
  },
  memorydb: {
    after: 'replaced',
    stays: 'the key change replaces the cluster: its data and snapshots stay under the old key',
    migrate: 'copy a snapshot with the new key (aws memorydb copy-snapshot --kms-key-id) and restore the new cluster from it (snapshot_arns)',
  },
  opensearch: {
    after: 'replaced',
    stays: 'the key change replaces the domain: its indices and automated snapshots stay under the old key',
    migrate: 'restore a manual snapshot into the new domain, or reindex from the source',
  },
  docdb: {
    after: 'replaced',
    stays: 'the key change replaces the cluster: the old storage and its snapshots stay under the old key',
    migrate: 'copy a cluster snapshot with the new key (aws docdb copy-db-cluster-snapshot --kms-key-id) and restore from it (snapshot_identifier)',
  },
  neptune: {
    after: 'replaced',
    stays: 'the key change replaces the cluster: the old storage and its snapshots stay under the old key',
    migrate: 'copy a cluster snapshot with the new key (aws neptune copy-db-cluster-snapshot --kms-key-id) and restore from it (snapshot_identifier)',
  },
  keyspaces: { after: 're-encrypted', stays: 'Keyspaces re-encrypts the table in place when its key changes' },
  timestream: {
    after: 'left',
    stays: 'records written before stay under the old key',
    migrate: 'keep the old key until the records age out of the memory and magnetic stores',
  },
  msk: {
    after: 'replaced',
    stays: 'the key change replaces the cluster: the topics stay on the old brokers, under the old key',
    migrate: 'mirror the topics to the new cluster (MirrorMaker 2) before the old one goes',
  },
  mq: {
    after: 'replaced',
    stays: 'the key change replaces the broker: the messages on the old one stay under the old key',
    migrate: 'drain the old broker before it goes',
  },
  backup: {
    after: 'replaced',
    stays: 'the key change replaces the vault: the recovery points in the old vault stay under the old key',
    migrate: `copy the recovery points to a vault with the new key (aws backup start-copy-job), ${KEEP} their retention ends`,
  },
  cloudtrail: {
    after: 'left',
    stays: 'log files and events delivered before stay under the old key',
    migrate: `copy the log files in place with the new key, ${KEEP} they are deleted`,
  },
  config: {
    after: 'left',
    stays: 'configuration snapshots and history delivered before stay under the old key in the bucket',
    migrate: S3_COPY,
  },
  events: {
    after: 'left',
    stays: 'archived events and connection secrets written before stay under the old key',
    migrate: `replay or re-create what you keep, ${KEEP} the archive retention has passed`,
  },
  glue: {
    after: 'left',
    stays: 'catalog objects, connection passwords and job output written before stay under the old key until they are rewritten',
    migrate: 'update the tables and connections (and rerun the jobs) so they are written again with the new key, or keep the old key',
  },
  athena: {
    after: 'left',
    stays: 'query results written before stay under the old key in the results bucket',
    migrate: S3_COPY,
  },
  sagemaker: {
    after: 'left',
    stays: 'storage volumes, captured data and job output written before stay under the old key',
    migrate: 'copy what you keep to storage under the new key, or keep the old key',
  },
  emr: {
    after: 'left',
    stays: 'logs and data written before stay under the old key',
    migrate: 'copy what you keep with the new key, or keep the old key',
  },
  codebuild: {
    after: 'left',
    stays: 'build artifacts and caches written before stay under the old key',
    migrate: 'rebuild what you keep, or keep the old key until the artifacts are deleted',
  },
  codeartifact: {
    after: 'replaced',
    stays: 'the key change replaces the domain: its packages stay under the old key',
    migrate: 'publish the packages again to the new domain before the old one goes',
  },
  codecommit: { after: 're-encrypted', stays: 'CodeCommit re-encrypts the repository with the new key' },
  codepipeline: {
    after: 'left',
    stays: 'pipeline artifacts written before stay under the old key in the artifact bucket',
    migrate: S3_COPY,
  },
  states: {
    after: 'left',
    stays: 'executions started before and their history stay under the old key',
    migrate: 'keep the old key until the running executions have finished and their history has expired',
  },
  bedrock: {
    after: 'left',
    stays: 'agent data, guardrails and custom models written before stay under the old key',
    migrate: 'recreate or copy what you keep with the new key, or keep the old key',
  },
  // A signing key encrypts nothing; its own hazard is the DS record rollover, not data at rest.
  route53: { after: 'none', stays: 'a DNSSEC signing key encrypts no data' },
  xray: {
    after: 'left',
    stays: 'traces stored before stay under the old key until they expire (30 days)',
    migrate: 'keep the old key for 30 days after the change',
  },
  imagebuilder: {
    after: 'left',
    stays: 'images (AMIs and their snapshots) built before stay under the old key',
    migrate: 'copy the AMIs you keep with the new key (aws ec2 copy-image --kms-key-id), or keep the old key',
  },
  workspaces: {
    after: 'replaced',
    stays: 'the key change replaces the WorkSpace: the user and root volumes of the old one stay under the old key',
    migrate: "move the users' data to the new WorkSpace before the old one goes",
  },
  qldb: { after: 're-encrypted', stays: 'QLDB re-encrypts the ledger with the new key' },
  // A replication instance keeps only task logs and cached changes: the replacement starts anew.
  dms: { after: 'none', stays: 'DMS keeps no data of its own beyond the running tasks' },
  prometheus: {
    after: 'replaced',
    stays: 'the key change replaces the workspace: its stored metrics stay under the old key',
    migrate: 'keep the old key until the metrics retention of the old workspace has passed, or send the metrics again',
  },
  mwaa: {
    after: 'replaced',
    stays: 'the key change replaces the environment: its metadata database stays under the old key',
    migrate: 'export the variables, connections and history and import them into the new environment',
  },
  cognito: { after: 'none', stays: 'custom sender codes are encrypted per message and not kept' },
  connect: {
    after: 'left',
    stays: 'recordings, transcripts and media stored before stay under the old key',
    migrate: S3_COPY,
  },
  apprunner: { after: 'none', stays: 'App Runner builds the new service again from its source' },
  guardduty: {
    after: 'left',
    stays: 'findings exported before stay under the old key in the bucket',
    migrate: S3_COPY,
  },
  // Scheduler and Pipes keep only their own definition (Pipes passes events through): an update writes it again under the new key.
  scheduler: {
    after: 're-encrypted',
    stays: 'EventBridge Scheduler stores the schedule, its target input included, again under the new key when it is updated',
  },
  pipes: {
    after: 're-encrypted',
    stays: 'EventBridge Pipes stores the pipe (filter, enrichment and target parameters) again under the new key; the events pass through and are not kept',
  },
  kendra: {
    after: 'replaced',
    stays: 'the key change replaces the index: the new one starts empty, and the documents, FAQs and thesauri of the old one stay under the old key',
    migrate: 'sync the data sources into the new index and add again the documents, FAQs and thesauri uploaded directly, before the old one goes',
  },
  'ssm-incidents': {
    after: 'left',
    stays: 'incident records, timeline events and related items written before stay under the old key',
    migrate: 'keep the old key as long as the incidents are kept (Incident Manager keeps them until they are deleted)',
  },
  appconfig: {
    after: 'left',
    stays: 'hosted configuration versions created before stay under the old key (the profile key encrypts new versions only)',
    migrate: 'create the versions you still deploy again as new versions, or keep the old key while they may be deployed',
  },
  synthetics: {
    after: 'left',
    stays: 'canary artifacts (screenshots, HAR files, logs) written before stay under the old key in the artifact bucket',
    migrate: S3_COPY,
  },
  storagegateway: { after: 'left', stays: 'objects the file share wrote before stay under the old key in the bucket', migrate: S3_COPY },
  'network-firewall': { after: 're-encrypted', stays: 'Network Firewall encrypts the firewall, policy or rule group again with the new key' },
  geo: {
    after: 'replaced',
    stays: 'the key change replaces the geofence collection: the geofences stay in the old one, under the old key',
    migrate: 'put the geofences into the new collection (BatchPutGeofence) before the old one goes',
  },
  comprehend: {
    after: 'replaced',
    stays: 'the key change trains a new model version: the versions trained before stay under the old key',
    migrate: 'move the endpoints and jobs to the version trained with the new key and delete the older versions, or keep the old key',
  },
  appflow: { after: 'left', stays: 'objects the flow delivered before to an S3 destination stay under the old key', migrate: S3_COPY },
  macie: { after: 'left', stays: 'findings exported before stay under the old key in the bucket', migrate: S3_COPY },
  kms: {
    after: 'left',
    stays: 'ciphertext made with the old key can be decrypted only by it',
    migrate: 'decrypt and encrypt again with the new key (aws kms re-encrypt) wherever the ciphertext is stored',
  },
};

/**
 * Purposes of a service whose data behaves unlike the service's main storage (the purpose text of
 * `consumers.ts`): an RDS master user secret is a Secrets Manager secret, the EBS account default and
 * launch templates apply to new volumes only.
 */
export const DATA_AT_REST_BY_PURPOSE: Partial<Record<ServiceId, Record<string, DataAtRest>>> = {
  rds: {
    'master user secret': {
      after: 'left',
      stays: 'the secret versions rotated out stay under the old key (Secrets Manager re-encrypts only the labelled versions)',
      migrate: 'keep the old key while the older versions may be needed',
    },
    'performance insights': {
      after: 'left',
      stays: 'Performance Insights data collected before stays under the old key until its retention ends',
      migrate: 'keep the old key until the retention period (performance_insights_retention_period) has passed',
    },
  },
  appconfig: {
    'deployed configuration': {
      after: 'replaced',
      stays: 'a deployment cannot change its key: the configuration deployed before stays under the old key, and a rollback goes back to it',
      migrate: 'keep the old key until a deployment under the new key has completed and will not be rolled back',
    },
  },
  storagegateway: {
    volume: {
      after: 'replaced',
      stays: 'the key change replaces the volume: its data and the snapshots taken from it stay under the old key',
      migrate:
        'create the new volume from a snapshot of the old one (snapshot_id) or copy the data across, then keep the old key until the old snapshots are deleted',
    },
  },
  geo: {
    'device positions': {
      after: 'replaced',
      stays: 'the key change replaces the tracker: the position history of the old one (kept 30 days) stays under the old key and is not carried over',
      migrate: 'read what you need of the position history (GetDevicePositionHistory) before the old tracker goes',
    },
  },
  comprehend: {
    // ML storage volumes exist only while the model trains.
    'training volumes': { after: 'none', stays: 'the training volumes exist only while a model trains' },
    'training output': {
      after: 'left',
      stays: 'training output written before (the confusion matrix, output.tar.gz) stays under the old key in the output bucket',
      migrate: S3_COPY,
    },
  },
  ebs: {
    'account default for new volumes': {
      after: 'left',
      stays: 'the default applies to new volumes only: existing volumes and snapshots stay under the old key',
      migrate: 'copy the snapshots with the new key (aws ec2 copy-snapshot --kms-key-id) and replace the volumes from them, or keep the old key',
    },
    volumes: {
      after: 'left',
      stays: 'the volumes of running instances (and their snapshots) stay under the old key until the instances are replaced',
      migrate: 'replace the instances (instance refresh) and copy the snapshots you keep with the new key, or keep the old key',
    },
  },
};

/** How a consumer's existing data behaves when it moves to another key; undefined when the catalog does not know the service. */
export function dataAtRestFor(service: string, purpose?: string): DataAtRest | undefined {
  if (!Object.hasOwn(DATA_AT_REST, service)) return undefined;
  const id = service as ServiceId;
  const purposes = DATA_AT_REST_BY_PURPOSE[id];
  return (purpose !== undefined && purposes && Object.hasOwn(purposes, purpose) ? purposes[purpose] : undefined) ?? DATA_AT_REST[id];
}

/** Whether the data written before stays under the old key (what KMS501 warns about). */
export function leavesDataBehind(row: DataAtRest): boolean {
  return row.after === 'left' || row.after === 'replaced';
}

export function retentionSpecFor(row: DataAtRest, type: string): RetentionSpec | undefined {
  return row.retention?.find((r) => r.type === type);
}
