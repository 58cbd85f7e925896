import { describe, expect, it } from 'vitest';
import { kms304 } from '../../src/rules/kms304-disabled-key-in-use.js';
import { analyseFiles } from '../harness.js';

const KEY = `resource "aws_kms_key" "archive" {
  enable_key_rotation = true
  is_enabled          = false
}
`;

describe('KMS304 disabled-key-in-use', () => {
  it('fires on a disabled key with consumers and names them', async () => {
    const { findings } = await analyseFiles(
      {
        'kms.tf': KEY,
        'data.tf': `resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.archive.arn
}
resource "aws_cloudwatch_log_group" "app" {
  name       = "/app"
  kms_key_id = aws_kms_key.archive.arn
}
`,
      },
      { rules: [kms304] },
    );
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('high');
    expect(f.subjects).toEqual(['.:aws_cloudwatch_log_group.app', '.:aws_sqs_queue.jobs']);
    expect(f.message).toBe(
      'Key aws_kms_key.archive is disabled (is_enabled = false at kms.tf:3) but 2 resources still use it: aws_cloudwatch_log_group.app (logs), aws_sqs_queue.jobs (sqs messages). They cannot read or write their data; move them to another key first, or enable the key.',
    );
    expect(f.location).toEqual({ file: 'kms.tf', startLine: 3, endLine: 3 });
    expect(f.evidence.consumers).toEqual([
      { resource: '.:aws_cloudwatch_log_group.app', service: 'logs', attribute: 'kms_key_id', location: 'data.tf:7' },
      { resource: '.:aws_sqs_queue.jobs', service: 'sqs', attribute: 'kms_master_key_id', location: 'data.tf:3' },
    ]);
  });

  it('fires in CloudFormation', async () => {
    const { findings } = await analyseFiles(
      {
        'template.yaml': `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Enabled: false
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref Key
`,
      },
      { rules: [kms304] },
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Key Key is disabled (Enabled: false at template.yaml:5) but 1 resource still uses it: Queue (sqs messages). They cannot read or write their data; move them to another key first, or enable the key.',
    ]);
  });

  it('stays quiet for a disabled key without consumers, an enabled key and an unknown state', async () => {
    const { findings } = await analyseFiles(
      {
        'kms.tf': `${KEY}variable "on" {
  type = bool
}
resource "aws_kms_key" "maybe" {
  is_enabled = var.on
}
resource "aws_sqs_queue" "q" {
  kms_master_key_id = aws_kms_key.maybe.arn
}
`,
      },
      { rules: [kms304] },
    );
    expect(findings).toEqual([]);
  });
});
