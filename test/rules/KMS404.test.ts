import { describe, expect, it } from 'vitest';
import { kms404 } from '../../src/rules/kms404-no-customer-managed-key.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms404] })).findings.filter((f) => f.rule === 'KMS404');

describe('KMS404 no-customer-managed-key', () => {
  it('fires low on a resource with AWS owned encryption and no classification', async () => {
    const [finding, ...rest] = await run({ 'main.tf': 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'low',
      subjects: ['.:aws_sqs_queue.jobs'],
      message:
        'aws_sqs_queue.jobs (Amazon SQS) is encrypted only with an AWS owned key. Set kms_master_key_id to a customer managed key of its workload and environment.',
      location: { file: 'main.tf', startLine: 1, endLine: 3 },
      evidence: { protection: 'aws-owned', service: 'sqs', environment: null, dataClass: null },
    });
    expect(finding.key).toBeUndefined();
  });

  it('is medium in prod and for classified data, low for public data', async () => {
    const bucket = (tags: string) => ({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = ${tags}\n}\n` });
    const [prod] = await run(bucket('{ Environment = "production" }'));
    expect(prod.severity).toBe('medium');
    expect(prod.message).toBe(
      'aws_s3_bucket.b (Amazon S3, prod) is encrypted only with an AWS owned key. ' +
        'Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = "aws:kms" and kms_master_key_id set to a customer managed key of its workload and environment.',
    );
    expect(prod.evidence.environment).toEqual({ value: 'prod', from: 'tag', detail: 'tag Environment=production on aws_s3_bucket.b' });
    expect((await run(bucket('{ Environment = "dev", DataClass = "pii" }')))[0].severity).toBe('medium');
    expect((await run(bucket('{ Environment = "dev", DataClass = "Internal-Only" }')))[0].severity).toBe('low');
    expect((await run(bucket('{ DataClass = "public" }')))[0].severity).toBe('low');
  });

  it('fires on consumers of an AWS managed key, at the key attribute', async () => {
    const [finding] = await run({ 'main.tf': 'resource "aws_sns_topic" "t" {\n  name = "t"\n  kms_master_key_id = "alias/aws/sns"\n}\n' });
    expect(finding).toMatchObject({
      severity: 'low',
      key: 'alias/aws/sns',
      subjects: ['.:aws_sns_topic.t'],
      message:
        'aws_sns_topic.t (Amazon SNS) uses the AWS managed key alias/aws/sns. Point kms_master_key_id at a customer managed key of its workload and environment.',
      location: { file: 'main.tf', startLine: 3, endLine: 3 },
      evidence: { protection: 'aws-managed', via: 'AWS managed key', service: 'sns' },
    });
  });

  it('says how to turn encryption on when it is off', async () => {
    const [finding] = await run({
      'main.tf': 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  encrypted = false\n}\n',
    });
    expect(finding.message).toBe(
      'aws_ebs_volume.v (Amazon EBS) is not encrypted. Turn on encrypted and set kms_key_id to a customer managed key of its workload and environment.',
    );
    expect(finding.evidence).toMatchObject({ protection: 'unencrypted' });
  });

  it('reads CloudFormation', async () => {
    const findings = await run({
      'template.yaml':
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: alias/aws/sqs\n",
    });
    expect(findings.map((f) => [f.message, f.location])).toEqual([
      [
        'Q (Amazon SQS) uses the AWS managed key alias/aws/sqs. Point KmsMasterKeyId at a customer managed key of its workload and environment.',
        { file: 'template.yaml', startLine: 6, endLine: 6 },
      ],
    ]);
  });

  it('gives advice the resource type can follow', async () => {
    const cfn = (type: string, props: string) =>
      `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  R:\n    Type: ${type}\n    Properties:\n${props}`;
    const advice = async (files: Record<string, string>) => (await run(files)).map((f) => f.message.slice(f.message.indexOf('. ') + 2));
    // SAM SimpleTable cannot take a customer managed key at all.
    expect(await advice({ 'template.yaml': cfn('AWS::Serverless::SimpleTable', '      SSESpecification:\n        SSEEnabled: true\n') })).toEqual([
      'AWS::Serverless::SimpleTable cannot take a customer managed key: use AWS::DynamoDB::Table with SSESpecification.KMSMasterKeyId set to a customer managed key of its workload and environment.',
    ]);
    expect(await advice({ 'template.yaml': cfn('AWS::DynamoDB::Table', '      SSESpecification:\n        SSEEnabled: true\n') })).toEqual([
      'In SSESpecification, set SSEEnabled: true, SSEType: KMS and KMSMasterKeyId to a customer managed key of its workload and environment.',
    ]);
    expect(await advice({ 'main.tf': 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n}\n' })).toEqual([
      'In server_side_encryption, set enabled = true and kms_key_arn to a customer managed key of its workload and environment.',
    ]);
    expect(await advice({ 'main.tf': 'resource "aws_kinesis_stream" "s" {\n  shard_count = 1\n}\n' })).toEqual([
      'Set encryption_type = "KMS" and kms_key_id to a customer managed key of its workload and environment.',
    ]);
    expect(await advice({ 'main.tf': 'resource "aws_ecr_repository" "r" {\n  name = "r"\n}\n' })).toEqual([
      'In encryption_configuration, set encryption_type = "KMS" and kms_key to a customer managed key of its workload and environment.',
    ]);
  });

  it('stays quiet with a CMK, with a separate S3 encryption resource, and when encryption is not known', async () => {
    const cmk = `resource "aws_kms_key" "k" {}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n      kms_master_key_id = aws_kms_key.k.arn\n    }\n  }\n}\n`;
    expect(await run({ 'main.tf': cmk })).toEqual([]);
    const unknown = 'variable "enc" {}\nresource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  encrypted = var.enc\n}\n';
    expect(await run({ 'main.tf': unknown })).toEqual([]);
  });
});
