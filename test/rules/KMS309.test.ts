import { describe, expect, it } from 'vitest';
import { kms309 } from '../../src/rules/kms309-s3-bucket-key-disabled.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms309] })).findings;

const KEY = 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n';
const SSE = (extra: string) => `resource "aws_s3_bucket" "data" {
  bucket = "data"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
${extra}    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}
`;

describe('KMS309 s3-bucket-key-disabled', () => {
  it('fires when bucket_key_enabled is false, with an in-place fix', async () => {
    const findings = await run({ 'kms.tf': KEY, 's3.tf': SSE('    bucket_key_enabled = false\n') });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('low');
    expect(f.key).toBe('.:aws_kms_key.data');
    expect(f.message).toBe(
      'aws_s3_bucket_server_side_encryption_configuration.data encrypts with SSE-KMS (key aws_kms_key.data) without an S3 Bucket Key: bucket_key_enabled is false at s3.tf:7, so every object request calls KMS. Set bucket_key_enabled to true.',
    );
    expect(f.location).toEqual({ file: 's3.tf', startLine: 7, endLine: 7 });
    expect(f.fix).toEqual({
      location: { file: 's3.tf', startLine: 7, endLine: 7 },
      replacement: '    bucket_key_enabled = true',
      description: 'Turn on the S3 Bucket Key',
    });
  });

  it('fires when absent, inserts the switch, and is medium when the key is shared', async () => {
    const findings = await run({
      'kms.tf': KEY,
      's3.tf': SSE(''),
      'sqs.tf': 'resource "aws_sqs_queue" "q" {\n  kms_master_key_id = aws_kms_key.data.arn\n}\n',
    });
    const [f] = findings;
    expect(f.severity).toBe('medium');
    expect(f.message).toBe(
      "aws_s3_bucket_server_side_encryption_configuration.data encrypts with SSE-KMS (key aws_kms_key.data) without an S3 Bucket Key: bucket_key_enabled is not set, so every object request calls KMS, and 1 other resource shares that key's request quota. Set bucket_key_enabled to true.",
    );
    expect(f.location).toEqual({ file: 's3.tf', startLine: 7, endLine: 7 });
    expect(f.fix?.replacement).toBe('    bucket_key_enabled = true\n    apply_server_side_encryption_by_default {');
    expect(f.evidence).toEqual({ sseAlgorithm: 'aws:kms', bucketKeyEnabled: null, key: '.:aws_kms_key.data', sharedWith: ['.:aws_sqs_queue.q'] });
  });

  it('fires on a CloudFormation bucket using the AWS managed key, moving the list dash', async () => {
    const [f] = await run({
      'template.yaml': `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
`,
    });
    expect(f.key).toBeUndefined();
    expect(f.message).toBe(
      'Bucket encrypts with SSE-KMS (the AWS managed key aws/s3) without an S3 Bucket Key: BucketKeyEnabled is not set, so every object request calls KMS. Set BucketKeyEnabled to true.',
    );
    expect(f.fix).toEqual({
      location: { file: 'template.yaml', startLine: 7, endLine: 7 },
      replacement: '          - BucketKeyEnabled: true\n            ServerSideEncryptionByDefault:',
      description: 'Turn on the S3 Bucket Key',
    });
  });

  it('stays quiet with a bucket key, SSE-S3, DSSE-KMS and an unknown switch', async () => {
    const findings = await run({
      'kms.tf': KEY,
      's3.tf': `variable "bucket_key" {
  type = bool
}
resource "aws_s3_bucket_server_side_encryption_configuration" "on" {
  bucket = "on"
  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "s3" {
  bucket = "s3"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "dsse" {
  bucket = "dsse"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms:dsse"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "unknown" {
  bucket = "unknown"
  rule {
    bucket_key_enabled = var.bucket_key
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}
`,
    });
    expect(findings).toEqual([]);
  });
});
