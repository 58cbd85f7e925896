/**
 * The AWS services that consume KMS keys: display name, whether the service is high-volume
 * (RULES.md KMS104: its request rate can throttle everything else on a shared key), and the host
 * prefix a key policy names in `kms:ViaService` (`<prefix>.<region>.amazonaws.com`).
 */

export interface ServiceInfo {
  name: string;
  highVolume: boolean;
  /** Absent where the service calls KMS as its own service principal (no `kms:ViaService`) or we are not sure it supports it. */
  viaService?: string;
}

export const SERVICES = {
  s3: { name: 'Amazon S3', highVolume: true, viaService: 's3' },
  // EBS calls KMS through EC2: the condition value is ec2.<region>.amazonaws.com.
  ebs: { name: 'Amazon EBS', highVolume: true, viaService: 'ec2' },
  // Aurora is RDS for key purposes (same API, same ViaService host).
  rds: { name: 'Amazon RDS / Aurora', highVolume: true, viaService: 'rds' },
  dynamodb: { name: 'Amazon DynamoDB', highVolume: true, viaService: 'dynamodb' },
  kinesis: { name: 'Amazon Kinesis Data Streams', highVolume: true, viaService: 'kinesis' },
  efs: { name: 'Amazon EFS', highVolume: true, viaService: 'elasticfilesystem' },
  fsx: { name: 'Amazon FSx', highVolume: false, viaService: 'fsx' },
  sqs: { name: 'Amazon SQS', highVolume: false, viaService: 'sqs' },
  sns: { name: 'Amazon SNS', highVolume: false, viaService: 'sns' },
  secretsmanager: { name: 'AWS Secrets Manager', highVolume: false, viaService: 'secretsmanager' },
  ssm: { name: 'AWS Systems Manager Parameter Store', highVolume: false, viaService: 'ssm' },
  logs: { name: 'Amazon CloudWatch Logs', highVolume: false, viaService: 'logs' },
  lambda: { name: 'AWS Lambda', highVolume: false, viaService: 'lambda' },
  eks: { name: 'Amazon EKS', highVolume: false, viaService: 'eks' },
  ecr: { name: 'Amazon ECR', highVolume: false, viaService: 'ecr' },
  ecs: { name: 'Amazon ECS', highVolume: false },
  firehose: { name: 'Amazon Data Firehose', highVolume: false, viaService: 'firehose' },
  kinesisvideo: { name: 'Amazon Kinesis Video Streams', highVolume: false, viaService: 'kinesisvideo' },
  redshift: { name: 'Amazon Redshift', highVolume: false, viaService: 'redshift' },
  'redshift-serverless': { name: 'Amazon Redshift Serverless', highVolume: false, viaService: 'redshift-serverless' },
  elasticache: { name: 'Amazon ElastiCache', highVolume: false, viaService: 'elasticache' },
  memorydb: { name: 'Amazon MemoryDB', highVolume: false, viaService: 'memorydb' },
  // OpenSearch kept the Elasticsearch service host.
  opensearch: { name: 'Amazon OpenSearch Service', highVolume: false, viaService: 'es' },
  // DocumentDB and Neptune run on RDS infrastructure and call KMS as rds.
  docdb: { name: 'Amazon DocumentDB', highVolume: false, viaService: 'rds' },
  neptune: { name: 'Amazon Neptune', highVolume: false, viaService: 'rds' },
  keyspaces: { name: 'Amazon Keyspaces', highVolume: false, viaService: 'cassandra' },
  timestream: { name: 'Amazon Timestream', highVolume: false, viaService: 'timestream' },
  msk: { name: 'Amazon MSK', highVolume: false, viaService: 'kafka' },
  mq: { name: 'Amazon MQ', highVolume: false, viaService: 'mq' },
  backup: { name: 'AWS Backup', highVolume: false, viaService: 'backup' },
  cloudtrail: { name: 'AWS CloudTrail', highVolume: false },
  config: { name: 'AWS Config', highVolume: false },
  events: { name: 'Amazon EventBridge', highVolume: false },
  glue: { name: 'AWS Glue', highVolume: false, viaService: 'glue' },
  athena: { name: 'Amazon Athena', highVolume: false, viaService: 'athena' },
  sagemaker: { name: 'Amazon SageMaker', highVolume: false, viaService: 'sagemaker' },
  emr: { name: 'Amazon EMR', highVolume: false, viaService: 'elasticmapreduce' },
  codebuild: { name: 'AWS CodeBuild', highVolume: false, viaService: 'codebuild' },
  codeartifact: { name: 'AWS CodeArtifact', highVolume: false, viaService: 'codeartifact' },
  codecommit: { name: 'AWS CodeCommit', highVolume: false, viaService: 'codecommit' },
  // CodePipeline writes artifacts to S3; the KMS calls come through S3.
  codepipeline: { name: 'AWS CodePipeline', highVolume: false, viaService: 's3' },
  states: { name: 'AWS Step Functions', highVolume: false, viaService: 'states' },
  bedrock: { name: 'Amazon Bedrock', highVolume: false, viaService: 'bedrock' },
  // DNSSEC signing uses the dnssec-route53.amazonaws.com service principal, not ViaService.
  route53: { name: 'Amazon Route 53 (DNSSEC)', highVolume: false },
  xray: { name: 'AWS X-Ray', highVolume: false, viaService: 'xray' },
  imagebuilder: { name: 'EC2 Image Builder', highVolume: false, viaService: 'imagebuilder' },
  workspaces: { name: 'Amazon WorkSpaces', highVolume: false, viaService: 'workspaces' },
  qldb: { name: 'Amazon QLDB', highVolume: false, viaService: 'qldb' },
  dms: { name: 'AWS Database Migration Service', highVolume: false, viaService: 'dms' },
  prometheus: { name: 'Amazon Managed Service for Prometheus', highVolume: false, viaService: 'aps' },
  mwaa: { name: 'Amazon MWAA (Managed Airflow)', highVolume: false, viaService: 'airflow' },
  cognito: { name: 'Amazon Cognito', highVolume: false },
  connect: { name: 'Amazon Connect', highVolume: false, viaService: 'connect' },
  apprunner: { name: 'AWS App Runner', highVolume: false },
  guardduty: { name: 'Amazon GuardDuty', highVolume: false },
  // Services added with the catalogue's growth: kms:ViaService hosts left out where we are not sure of them.
  scheduler: { name: 'Amazon EventBridge Scheduler', highVolume: false },
  pipes: { name: 'Amazon EventBridge Pipes', highVolume: false },
  kendra: { name: 'Amazon Kendra', highVolume: false },
  'ssm-incidents': { name: 'AWS Systems Manager Incident Manager', highVolume: false },
  appconfig: { name: 'AWS AppConfig', highVolume: false },
  synthetics: { name: 'Amazon CloudWatch Synthetics', highVolume: false },
  storagegateway: { name: 'AWS Storage Gateway', highVolume: false },
  'network-firewall': { name: 'AWS Network Firewall', highVolume: false },
  geo: { name: 'Amazon Location Service', highVolume: false },
  comprehend: { name: 'Amazon Comprehend', highVolume: false },
  appflow: { name: 'Amazon AppFlow', highVolume: false },
  macie: { name: 'Amazon Macie', highVolume: false },
  kms: { name: 'AWS KMS (direct use)', highVolume: false },
} as const satisfies Record<string, ServiceInfo>;

export type ServiceId = keyof typeof SERVICES;

export const SERVICE_IDS = Object.keys(SERVICES) as ServiceId[];

export function isServiceId(id: string): id is ServiceId {
  return Object.hasOwn(SERVICES, id);
}

export function serviceInfo(id: ServiceId): ServiceInfo {
  return SERVICES[id];
}

/** Services whose key sharing KMS104 flags. */
export const HIGH_VOLUME_SERVICES: ServiceId[] = SERVICE_IDS.filter((id) => SERVICES[id].highVolume);
