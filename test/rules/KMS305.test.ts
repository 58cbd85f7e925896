import { describe, expect, it } from 'vitest';
import { kms305 } from '../../src/rules/kms305-asymmetric-key-for-service.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms305] })).findings;

describe('KMS305 asymmetric-key-for-service', () => {
  it('fires once per at-rest consumer of an asymmetric key', async () => {
    const findings = await run({
      'kms.tf': `resource "aws_kms_key" "signing" {
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}
resource "aws_kms_alias" "signing" {
  name          = "alias/signing-prod"
  target_key_id = aws_kms_key.signing.key_id
}
resource "aws_sqs_queue" "jobs" {
  kms_master_key_id = aws_kms_key.signing.arn
}
`,
    });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('high');
    expect(f.subjects).toEqual(['.:aws_sqs_queue.jobs']);
    expect(f.message).toBe(
      'aws_sqs_queue.jobs (sqs messages) encrypts at rest with key aws_kms_key.signing (alias/signing-prod), which is RSA_2048 SIGN_VERIFY (rsa); services accept only symmetric encryption keys (SYMMETRIC_DEFAULT). Point kms_master_key_id at a symmetric key.',
    );
    expect(f.location).toEqual({ file: 'kms.tf', startLine: 10, endLine: 10 });
    expect(f.evidence).toMatchObject({ spec: 'RSA_2048', usage: 'SIGN_VERIFY', family: 'rsa', attribute: 'kms_master_key_id', location: 'kms.tf:10' });
  });

  it('fires on an HMAC key in CloudFormation', async () => {
    const findings = await run({
      'template.yaml': `Resources:
  MacKey:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: HMAC_256
      KeyUsage: GENERATE_VERIFY_MAC
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      SSESpecification:
        SSEEnabled: true
        SSEType: KMS
        KMSMasterKeyId: !GetAtt MacKey.Arn
`,
    });
    expect(findings.map((f) => [f.message, f.location?.startLine])).toEqual([
      [
        'Table (dynamodb storage) encrypts at rest with key MacKey, which is HMAC_256 GENERATE_VERIFY_MAC (hmac); services accept only symmetric encryption keys (SYMMETRIC_DEFAULT). Point SSESpecification.KMSMasterKeyId at a symmetric key.',
        13,
      ],
    ]);
  });

  it('stays quiet for DNSSEC signing, symmetric keys and unknown specs', async () => {
    const findings = await run({
      'dns.tf': `variable "spec" {
  type = string
}
resource "aws_kms_key" "dnssec" {
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}
resource "aws_route53_key_signing_key" "zone" {
  hosted_zone_id             = "Z123"
  key_management_service_arn = aws_kms_key.dnssec.arn
  name                       = "zone"
}
resource "aws_kms_key" "data" {
  enable_key_rotation = true
}
resource "aws_kms_key" "maybe" {
  customer_master_key_spec = var.spec
}
resource "aws_sqs_queue" "a" {
  kms_master_key_id = aws_kms_key.data.arn
}
resource "aws_sqs_queue" "b" {
  kms_master_key_id = aws_kms_key.maybe.arn
}
`,
    });
    expect(findings).toEqual([]);
  });
});
