/**
 * KMS404 on the resource types the catalogue grew to, and its near misses: which resources fire,
 * with which protection, on which line, with what advice; and where it must stay quiet (plain SSM
 * parameters, data taken from a cluster, replica or snapshot, a key attribute the catalogue does
 * not list, unknown switches).
 */
import { describe, expect, it } from 'vitest';
import { kms404 } from '../../src/rules/kms404-no-customer-managed-key.js';
import { analyseFiles, analyseFolder } from '../harness.js';

const dir = 'fixtures/rules/KMS404';
const findingsOf = async (
  analysis: Promise<{ findings: { rule: string; subjects: string[]; message: string; evidence: Record<string, unknown>; location?: { startLine: number } }[] }>,
) => (await analysis).findings.filter((f) => f.rule === 'KMS404');
const folder = (name: string) => findingsOf(analyseFolder(`${dir}/${name}`, { rules: [kms404] }));
const files = (f: Record<string, string>) => findingsOf(analyseFiles(f, { rules: [kms404] }));
const CMK = 'a customer managed key of its workload and environment';

describe('KMS404 on the grown catalogue', () => {
  it('Kinesis: encryption_type NONE, or no type, encrypts nothing even with a key; the finding sits on the switch', async () => {
    const findings = await folder('fires/kinesis-encryption-none');
    expect(findings.map((f) => [f.subjects[0], f.evidence.protection, f.location?.startLine, f.message])).toEqual([
      [
        '.:aws_kinesis_stream.events',
        'unencrypted',
        10,
        `aws_kinesis_stream.events (Amazon Kinesis Data Streams) is not encrypted. Set encryption_type = "KMS" and kms_key_id to ${CMK}.`,
      ],
      [
        '.:aws_kinesis_stream.clicks',
        'unencrypted',
        14,
        `aws_kinesis_stream.clicks (Amazon Kinesis Data Streams) is not encrypted. Set encryption_type = "KMS" and kms_key_id to ${CMK}.`,
      ],
    ]);
    expect(findings[0].evidence).toMatchObject({ attribute: 'kms_key_id', switch: 'encryption_type' });
  });

  it('SageMaker endpoint configurations, data quality jobs and flow definitions without keys', async () => {
    const findings = await folder('fires/sagemaker-without-keys');
    expect(findings.map((f) => [f.subjects[0], f.evidence.protection, f.message.slice(f.message.indexOf('. ') + 2)])).toEqual([
      ['.:aws_sagemaker_endpoint_configuration.scoring', 'aws-managed', `Set kms_key_arn to ${CMK}.`],
      ['.:aws_sagemaker_data_quality_job_definition.drift', 'aws-managed', `Set data_quality_job_output_config.kms_key_id to ${CMK}.`],
      ['.:aws_sagemaker_flow_definition.review', 'aws-managed', `Set output_config.kms_key_id to ${CMK}.`],
    ]);
    expect(findings[0].message).toBe(
      `aws_sagemaker_endpoint_configuration.scoring (Amazon SageMaker) is encrypted with the AWS managed key of the service. Set kms_key_arn to ${CMK}.`,
    );
  });

  it('a data quality job whose results have a key but whose volumes do not names the volumes', async () => {
    const [finding, ...rest] = await files({
      'main.tf':
        'resource "aws_sagemaker_data_quality_job_definition" "drift" {\n  name = "drift"\n  data_quality_job_output_config {\n    kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"\n  }\n  job_resources {\n    cluster_config {\n      instance_count = 1\n    }\n  }\n}\n',
    });
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      `aws_sagemaker_data_quality_job_definition.drift (Amazon SageMaker) is encrypted with the AWS managed key of the service for its job volumes. Set job_resources.cluster_config.volume_kms_key_id to ${CMK}.`,
    );
  });

  it('S3 objects: AES256 is AWS owned, aws:kms without a key is aws/s3', async () => {
    const findings = await folder('fires/s3-objects-sse-s3');
    expect(findings.map((f) => [f.subjects[0], f.evidence.protection])).toEqual([
      ['.:aws_s3_object.report', 'aws-owned'],
      ['.:aws_s3_bucket_object.legacy', 'aws-managed'],
      ['.:aws_s3_object_copy.copy', 'aws-owned'],
    ]);
    expect(findings[2].message).toBe(
      `aws_s3_object_copy.copy (Amazon S3) is encrypted only with an AWS owned key. Set server_side_encryption = "aws:kms" and kms_key_id to ${CMK}.`,
    );
  });

  it('Glue: a DISABLED catalog is unencrypted despite nothing else; a security configuration with logs DISABLED names the logs', async () => {
    const findings = await folder('fires/glue-encryption-disabled');
    expect(findings.map((f) => f.message)).toEqual([
      `aws_glue_data_catalog_encryption_settings.catalog (AWS Glue) is not encrypted. In encryption_at_rest, set catalog_encryption_mode = "SSE-KMS" and sse_aws_kms_key_id to ${CMK}.`,
      `aws_glue_security_configuration.etl (AWS Glue) is not encrypted for its logs. Set encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode to SSE-KMS and encryption_configuration.cloudwatch_encryption.kms_key_arn to ${CMK}.`,
    ]);
    expect(findings.map((f) => f.location?.startLine)).toEqual([8, 21]);
  });

  it('CloudFormation: Scheduler, Kendra, a Kinesis stream without StreamEncryption, a model bias job', async () => {
    const findings = await folder('fires/cfn-scheduler-kendra-kinesis');
    expect(findings.map((f) => [f.subjects[0], f.evidence.protection])).toEqual([
      ['template.yaml:Nightly', 'aws-owned'],
      ['template.yaml:Search', 'aws-owned'],
      ['template.yaml:Clicks', 'unencrypted'],
      ['template.yaml:Bias', 'aws-managed'],
    ]);
    expect(findings.map((f) => f.message.slice(f.message.indexOf('. ') + 2))).toEqual([
      `Set KmsKeyArn to ${CMK}.`,
      `Set ServerSideEncryptionConfiguration.KmsKeyId to ${CMK}.`,
      `In StreamEncryption, set EncryptionType: KMS and KeyId to ${CMK}.`,
      `Set ModelBiasJobOutputConfig.KmsKeyId to ${CMK}.`,
    ]);
  });

  it('DynamoDB without server_side_encryption has an AWS owned key', async () => {
    const [finding] = await files({ 'main.tf': 'resource "aws_dynamodb_table" "t" {\n  name     = "t"\n  hash_key = "id"\n}\n' });
    expect(finding.evidence.protection).toBe('aws-owned');
  });
});

describe('KMS404 near misses', () => {
  it.each(['quiet/ssm-plain-parameters', 'quiet/cfn-data-from-elsewhere', 'quiet/new-types-with-cmk', 'quiet/s3-object-takes-bucket-default'])(
    '%s stays quiet',
    async (name) => {
      expect(await folder(name)).toEqual([]);
    },
  );

  it('an SSM SecureString without a key fires; the same parameter as String does not', async () => {
    const parameter = (type: string) => ({ 'main.tf': `resource "aws_ssm_parameter" "p" {\n  name  = "/p"\n  type  = "${type}"\n  value = "x"\n}\n` });
    expect((await files(parameter('SecureString'))).map((f) => f.evidence.protection)).toEqual(['aws-managed']);
    expect(await files(parameter('String'))).toEqual([]);
    expect(await files(parameter('StringList'))).toEqual([]);
  });

  it('a CloudFormation resource with a key property the catalogue does not list is not claimed to have no key', async () => {
    const template = (extra: string) =>
      `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: q\n${extra}`;
    expect((await files({ 'template.yaml': template('') })).map((f) => f.evidence.protection)).toEqual(['aws-owned']);
    expect(
      await files({ 'template.yaml': template('      RedriveKmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\n') }),
    ).toEqual([]);
    // A number or a switch with a key-like name is no key.
    expect((await files({ 'template.yaml': template('      KmsDataKeyReusePeriodSeconds: 300\n') })).length).toBe(1);
  });

  it('an unknown Kinesis encryption type or Glue mode says nothing', async () => {
    expect(
      await files({
        'main.tf': 'variable "t" {}\nresource "aws_kinesis_stream" "s" {\n  name = "s"\n  shard_count = 1\n  encryption_type = var.t\n}\n',
      }),
    ).toEqual([]);
    expect(
      await files({
        'main.tf':
          'variable "m" {}\nresource "aws_glue_data_catalog_encryption_settings" "c" {\n  data_catalog_encryption_settings {\n    connection_password_encryption {\n      return_connection_password_encrypted = true\n      aws_kms_key_id = "alias/glue"\n    }\n    encryption_at_rest {\n      catalog_encryption_mode = var.m\n    }\n  }\n}\n',
      }),
    ).toEqual([]);
  });
});
