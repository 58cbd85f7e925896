import { describe, expect, it } from 'vitest';
import { kms308 } from '../../src/rules/kms308-cross-region-key-reference.js';
import { analyseFiles } from '../harness.js';

const run = async (files: Record<string, string>) => (await analyseFiles(files, { rules: [kms308] })).findings;
const US_KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const PROVIDER = 'provider "aws" {\n  region = "eu-west-1"\n}\n';

describe('KMS308 cross-region-key-reference', () => {
  it('fires when the key ARN region differs from the provider region', async () => {
    const findings = await run({
      'providers.tf': PROVIDER,
      'main.tf': `resource "aws_sqs_queue" "jobs" {\n  name              = "jobs"\n  kms_master_key_id = "${US_KEY}"\n}\n`,
    });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('high');
    expect(f.key).toBe(US_KEY);
    expect(f.subjects).toEqual(['.:aws_sqs_queue.jobs']);
    expect(f.message).toBe(
      `aws_sqs_queue.jobs is in eu-west-1 (its aws provider's region "eu-west-1") but kms_master_key_id names a key in us-east-1: ${US_KEY}. KMS keys are region-bound; use a key in eu-west-1.`,
    );
    expect(f.location).toEqual({ file: 'main.tf', startLine: 3, endLine: 3 });
    expect(f.evidence).toEqual({
      keyRegion: 'us-east-1',
      consumerRegion: 'eu-west-1',
      regionFrom: 'its aws provider\'s region "eu-west-1"',
      attribute: 'kms_master_key_id',
      consumer: '.:aws_sqs_queue.jobs',
    });
  });

  it("fires on the resource's own region argument and suggests the replica of a multi-region key", async () => {
    const mrk = 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';
    const [f] = await run({
      'main.tf': `resource "aws_cloudwatch_log_group" "app" {\n  region     = "eu-central-1"\n  name       = "/app"\n  kms_key_id = "${mrk}"\n}\n`,
    });
    expect(f.message).toBe(
      `aws_cloudwatch_log_group.app is in eu-central-1 (region = "eu-central-1" at main.tf:2) but kms_key_id names a key in us-east-1: ${mrk}. KMS keys are region-bound; use a key in eu-central-1 (for this multi-region key, the ARN of its replica in eu-central-1).`,
    );
  });

  it('fires in CloudFormation when another ARN literal of the resource names another region', async () => {
    const [f] = await run({
      'template.yaml': `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/app
      Layers:
        - arn:aws:lambda:eu-west-1:111122223333:layer:shared:3
      KmsKeyArn: ${US_KEY}
`,
    });
    expect(f.message).toBe(
      `Fn is in eu-west-1 (Layers = arn:aws:lambda:eu-west-1:111122223333:layer:shared:3 at template.yaml:8) but KmsKeyArn names a key in us-east-1: ${US_KEY}. KMS keys are region-bound; use a key in eu-west-1.`,
    );
    expect(f.location).toEqual({ file: 'template.yaml', startLine: 10, endLine: 10 });
  });

  it('stays quiet when regions match, are unknown, ambiguous, or the reference is a replica', async () => {
    const findings = await run({
      'providers.tf': 'variable "region" {\n  type = string\n}\nprovider "aws" {\n  region = var.region\n}\n',
      'main.tf': `resource "aws_sqs_queue" "unknown_region" {
  kms_master_key_id = "${US_KEY}"
}
resource "aws_dynamodb_table" "global" {
  name         = "t"
  hash_key     = "id"
  billing_mode = "PAY_PER_REQUEST"
  replica {
    region_name = "us-east-1"
    kms_key_arn = "${US_KEY}"
  }
}
`,
      'east/providers.tf': 'provider "aws" {\n  region = "us-east-1"\n}\n',
      'east/main.tf': `resource "aws_sqs_queue" "same" {\n  kms_master_key_id = "${US_KEY}"\n}\n`,
      'aliased/providers.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias  = "use1"\n  region = "us-east-1"\n}\n',
      'aliased/main.tf': `resource "aws_sqs_queue" "picked" {\n  provider          = aws.use1\n  kms_master_key_id = "${US_KEY}"\n}\n`,
    });
    expect(findings).toEqual([]);
  });
});
