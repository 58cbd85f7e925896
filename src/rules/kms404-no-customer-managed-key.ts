/**
 * KMS404: a key-consuming resource is protected by no customer managed key — no encryption, an
 * AWS owned key, or an AWS managed key (`alias/aws/*`). Low; medium when the resource is in
 * production or holds data of a known class other than public / internal-only.
 */
import { consumerSpecFor, type EncryptionSwitch, switchOnValue, unprotectedData } from '../catalog/consumers.js';
import type { Classifications, Location } from '../model/types.js';
import { attributeName, classificationEvidence, isClassifiedData, isProduction, nameOf, serviceName } from './support/governance.js';
import { resourceById } from './support/lookup.js';
import type { FindingDraft, Rule, RuleContext, Severity } from './types.js';

export const kms404: Rule = {
  id: 'KMS404',
  name: 'no-customer-managed-key',
  principle: 'governance',
  defaultSeverity: 'low',
  rationale:
    'With no encryption, an AWS owned key or an AWS managed key, you cannot write the key policy, separate workloads or data classes, choose rotation, or disable access in an incident: only a customer managed key gives that control.',
  check(ctx) {
    const unprotected = ctx.inventory.withoutCmk.map((entry) => {
      const resource = resourceById(ctx.resources, entry.resource);
      const spec = consumerSpecFor(resource?.source ?? 'terraform', entry.type);
      const found = resource && spec ? unprotectedData(resource.attrs, spec) : undefined;
      const attribute = found?.path ?? spec?.keyPaths[0]?.path ?? 'the key attribute';
      const main = found === undefined || found.path === spec?.keyPaths[0]?.path;
      const how = (main ? ADVICE[entry.type]?.how : undefined) ?? adviceFor(attribute, found?.switchOff);
      const purpose = main ? undefined : spec?.keyPaths.find((keyPath) => keyPath.path === attribute)?.purpose;
      const switchLine = found?.switchOff ? resource?.attrLocations[found.switchOff.path] : undefined;
      return draft(ctx, {
        resource: entry.resource,
        service: entry.service,
        classes: entry,
        state: `${PROTECTION[entry.protection]}${purpose ? ` for its ${purpose}` : ''}`,
        how,
        location: switchLine ?? entry.location,
        evidence: { protection: entry.protection, attribute, ...(found?.switchOff ? { switch: found.switchOff.path } : {}) },
        identity: entry.resource,
      });
    });
    const awsManaged = ctx.inventory.keys
      .filter((key) => key.manager === 'aws')
      .flatMap((key) =>
        key.consumers.map((consumer) =>
          draft(ctx, {
            key: key.id,
            resource: consumer.resource,
            service: consumer.service,
            classes: consumer,
            state: `uses the AWS managed key ${key.aliases[0] ?? key.id}${consumer.conditional ? ` (${consumer.conditional})` : ''}`,
            how: ADVICE[consumer.type]?.always ? ADVICE[consumer.type].how : `Point ${attributeName(consumer.attribute)} at ${CMK}`,
            location: consumer.location,
            evidence: { protection: 'aws-managed', via: consumer.via, ...(consumer.conditional ? { conditional: consumer.conditional } : {}) },
            identity: `${consumer.resource}#${consumer.attribute}`,
          }),
        ),
      );
    return [...unprotected, ...awsManaged];
  },
};

const CMK = 'a customer managed key of its workload and environment';

/** "Set <key path> to …", with the switch turned on first when it is off. */
function adviceFor(attribute: string, switchOff: EncryptionSwitch | undefined): string {
  if (!switchOff) return `Set ${attribute} to ${CMK}`;
  if (!switchOff.modes) return `Turn on ${switchOff.path} and set ${attribute} to ${CMK}`;
  return `Set ${switchOff.path} to ${switchOnValue(switchOff)} and ${attribute} to ${CMK}`;
}

/**
 * Advice for the types where setting the catalog's key attribute is not the whole story: a switch
 * or encryption type must change too, the key goes on another resource, or (SAM SimpleTable) the
 * type cannot take a customer managed key at all (`always`: also when it names an AWS managed key).
 * Every other type gets "Set <key path> to …", with "Turn on <switch> and" when encryption is off.
 */
const ADVICE: Record<string, { how: string; always?: boolean }> = {
  aws_s3_bucket: {
    how: `Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = "aws:kms" and kms_master_key_id set to ${CMK}`,
  },
  aws_s3_bucket_server_side_encryption_configuration: {
    how: `In apply_server_side_encryption_by_default, set sse_algorithm = "aws:kms" and kms_master_key_id to ${CMK}`,
  },
  aws_s3_object: { how: `Set server_side_encryption = "aws:kms" and kms_key_id to ${CMK}` },
  aws_s3_bucket_object: { how: `Set server_side_encryption = "aws:kms" and kms_key_id to ${CMK}` },
  aws_s3_object_copy: { how: `Set server_side_encryption = "aws:kms" and kms_key_id to ${CMK}` },
  // SSE-SQS and a KMS key exclude each other: the key replaces the switch.
  aws_sqs_queue: { how: `Set kms_master_key_id to ${CMK}` },
  'AWS::SQS::Queue': { how: `Set KmsMasterKeyId to ${CMK}` },
  'AWS::S3::Bucket': { how: `In BucketEncryption ServerSideEncryptionByDefault, set SSEAlgorithm: aws:kms and KMSMasterKeyID to ${CMK}` },
  aws_dynamodb_table: { how: `In server_side_encryption, set enabled = true and kms_key_arn to ${CMK}` },
  'AWS::DynamoDB::Table': { how: `In SSESpecification, set SSEEnabled: true, SSEType: KMS and KMSMasterKeyId to ${CMK}` },
  'AWS::DynamoDB::GlobalTable': {
    how: `In SSESpecification, set SSEEnabled: true and SSEType: KMS, and set each replica's SSESpecification.KMSMasterKeyId to ${CMK}`,
  },
  'AWS::Serverless::SimpleTable': {
    how: `AWS::Serverless::SimpleTable cannot take a customer managed key: use AWS::DynamoDB::Table with SSESpecification.KMSMasterKeyId set to ${CMK}`,
    always: true,
  },
  aws_kinesis_stream: { how: `Set encryption_type = "KMS" and kms_key_id to ${CMK}` },
  'AWS::Kinesis::Stream': { how: `In StreamEncryption, set EncryptionType: KMS and KeyId to ${CMK}` },
  aws_ecr_repository: { how: `In encryption_configuration, set encryption_type = "KMS" and kms_key to ${CMK}` },
  aws_ecr_repository_creation_template: { how: `In encryption_configuration, set encryption_type = "KMS" and kms_key to ${CMK}` },
  'AWS::ECR::Repository': { how: `In EncryptionConfiguration, set EncryptionType: KMS and KmsKey to ${CMK}` },
  aws_eks_cluster: { how: `Add encryption_config with resources = ["secrets"] and provider.key_arn set to ${CMK}` },
  'AWS::EKS::Cluster': { how: `Add EncryptionConfig with Resources: [secrets] and Provider.KeyArn set to ${CMK}` },
  aws_sfn_state_machine: { how: `In encryption_configuration, set type = "CUSTOMER_MANAGED_KMS_KEY" and kms_key_id to ${CMK}` },
  aws_sfn_activity: { how: `In encryption_configuration, set type = "CUSTOMER_MANAGED_KMS_KEY" and kms_key_id to ${CMK}` },
  'AWS::StepFunctions::StateMachine': { how: `In EncryptionConfiguration, set Type: CUSTOMER_MANAGED_KMS_KEY and KmsKeyId to ${CMK}` },
  'AWS::StepFunctions::Activity': { how: `In EncryptionConfiguration, set Type: CUSTOMER_MANAGED_KMS_KEY and KmsKeyId to ${CMK}` },
  aws_keyspaces_table: { how: `In encryption_specification, set type = "CUSTOMER_MANAGED_KMS_KEY" and kms_key_identifier to ${CMK}` },
  'AWS::Cassandra::Table': { how: `In EncryptionSpecification, set EncryptionType: CUSTOMER_MANAGED_KMS_KEY and KmsKeyIdentifier to ${CMK}` },
  aws_mq_broker: { how: `In encryption_options, set use_aws_owned_key = false and kms_key_id to ${CMK}` },
  'AWS::AmazonMQ::Broker': { how: `In EncryptionOptions, set UseAwsOwnedKey: false and KmsKeyId to ${CMK}` },
  aws_xray_encryption_config: { how: `Set type = "KMS" and key_id to ${CMK}` },
  aws_glue_data_catalog_encryption_settings: {
    how: `In encryption_at_rest, set catalog_encryption_mode = "SSE-KMS" and sse_aws_kms_key_id to ${CMK}`,
  },
  'AWS::Glue::DataCatalogEncryptionSettings': { how: `In EncryptionAtRest, set CatalogEncryptionMode: SSE-KMS and SseAwsKmsKeyId to ${CMK}` },
  aws_workspaces_workspace: {
    how: `Turn on root_volume_encryption_enabled and user_volume_encryption_enabled and set volume_encryption_key to ${CMK}`,
  },
  'AWS::WorkSpaces::Workspace': {
    how: `Turn on RootVolumeEncryptionEnabled and UserVolumeEncryptionEnabled and set VolumeEncryptionKey to ${CMK}`,
  },
  aws_codepipeline: { how: `In artifact_store, add encryption_key with type = "KMS" and id set to ${CMK}` },
  'AWS::CodePipeline::Pipeline': { how: `In ArtifactStore, add EncryptionKey with Type: KMS and Id set to ${CMK}` },
  aws_ssm_parameter: { how: `Set key_id of the SecureString parameter to ${CMK}` },
  aws_kinesis_firehose_delivery_stream: {
    how: `In server_side_encryption, set enabled = true, key_type = "CUSTOMER_MANAGED_CMK" and key_arn to ${CMK}`,
  },
  'AWS::KinesisFirehose::DeliveryStream': {
    how: `In DeliveryStreamEncryptionConfigurationInput, set KeyType: CUSTOMER_MANAGED_CMK and KeyARN to ${CMK}`,
  },
};

const PROTECTION: Record<'aws-owned' | 'aws-managed' | 'unencrypted', string> = {
  'aws-owned': 'is encrypted only with an AWS owned key',
  'aws-managed': 'is encrypted with the AWS managed key of the service',
  unencrypted: 'is not encrypted',
};

interface Case {
  key?: string;
  resource: string;
  service: string;
  classes: Classifications;
  /** What protects it now, as a verb phrase. */
  state: string;
  /** What to do: one sentence without the final full stop. */
  how: string;
  location: Location;
  evidence: Record<string, unknown>;
  identity: string;
}

function draft(ctx: RuleContext, c: Case): FindingDraft {
  const known = [c.classes.environment?.value, c.classes.dataClass?.value].filter((v): v is string => Boolean(v));
  const context = [serviceName(c.service), ...known].join(', ');
  const severity = severityOf(c.classes);
  return {
    ...(c.key ? { key: c.key } : {}),
    subjects: [c.resource],
    message: `${nameOf(ctx, c.resource)} (${context}) ${c.state}. ${c.how}.`,
    evidence: {
      ...c.evidence,
      service: c.service,
      environment: classificationEvidence(c.classes.environment),
      dataClass: classificationEvidence(c.classes.dataClass),
    },
    location: c.location,
    ...(severity ? { severity } : {}),
    identity: c.identity,
  };
}

/** Medium in production or for classified data; otherwise the rule's default (low). */
function severityOf(classes: Classifications): Severity | undefined {
  return isProduction(classes.environment) || isClassifiedData(classes.dataClass) ? 'medium' : undefined;
}
