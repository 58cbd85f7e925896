import { describe, expect, it } from 'vitest';
import { kms104 } from '../../src/rules/kms104-high-volume-service-coupling.js';
import { analyseFiles, analyseFolder } from '../harness.js';

const KEY = `resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_kms_alias" "data" {
  name          = "alias/data-prod"
  target_key_id = aws_kms_key.data.key_id
}
`;

const table = (name: string, tags: string) => `
resource "aws_dynamodb_table" "${name}" {
  name     = "${name}"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
  tags = { ${tags} }
}
`;
const queue = (name: string, tags: string) => `
resource "aws_sqs_queue" "${name}" {
  kms_master_key_id = aws_kms_key.data.arn
  tags              = { ${tags} }
}
`;
const stream = (name: string, tags: string) => `
resource "aws_kinesis_stream" "${name}" {
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.data.arn
  tags            = { ${tags} }
}
`;

const run = async (body: string) => (await analyseFiles({ 'envs/prod/main.tf': KEY + body }, { rules: [kms104] })).findings;

describe('KMS104 high-volume-service-coupling', () => {
  it('counts the high-volume services and the others they share a key with', async () => {
    const [f, ...rest] = await run(
      table('orders', 'Application = "orders", DataClass = "pii"') +
        queue('emails', 'Application = "notify", DataClass = "internal"') +
        queue('sms', 'Application = "notify"'),
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'KMS104',
      severity: 'medium',
      key: 'envs/prod:aws_kms_key.data',
      subjects: ['envs/prod:aws_dynamodb_table.orders', 'envs/prod:aws_sqs_queue.emails', 'envs/prod:aws_sqs_queue.sms'],
      location: { file: 'envs/prod/main.tf', startLine: 1, endLine: 3 },
    });
    expect(f.message).toBe(
      'alias/data-prod: high-volume DynamoDB shares one KMS request quota with SQS (2). ' +
        // Named after the workload of the DynamoDB consumer, not the key's.
        'Give the high-volume service its own key (alias/orders-dynamodb-prod).',
    );
    expect(f.evidence).toMatchObject({
      dimension: 'service',
      groups: { sqs: ['envs/prod:aws_sqs_queue.emails', 'envs/prod:aws_sqs_queue.sms'], dynamodb: ['envs/prod:aws_dynamodb_table.orders'] },
      provenance: { sqs: ['resource type aws_sqs_queue'], dynamodb: ['resource type aws_dynamodb_table'] },
      highVolume: ['dynamodb'],
      others: ['sqs'],
    });
  });

  it('couples two high-volume services with each other', async () => {
    const [f] = await run(table('orders', 'Application = "orders"') + stream('clicks', 'Application = "analytics"'));
    expect(f.evidence).toMatchObject({ highVolume: ['dynamodb'], others: ['kinesis'] });
    expect(f.message).toContain('alias/data-prod: high-volume DynamoDB shares one KMS request quota with Kinesis Data Streams.');
  });

  it('fires when the kind of data cannot be established (unclassified consumers)', async () => {
    const [f, ...rest] = await run(table('orders', 'Name = "orders"') + queue('emails', 'Name = "emails"'));
    expect(rest).toEqual([]);
    expect(f.message).toBe(
      'alias/data-prod: high-volume DynamoDB shares one KMS request quota with SQS. ' +
        '2 of 2 consumers have no known workload or data class: tag them if they hold the same data, or give the high-volume service its own key (alias/data-dynamodb-prod).',
    );
    // No consumer workload: the key's own (from alias/data-prod) names the suggestion.
    expect(f.evidence.unclassified).toEqual(['envs/prod:aws_dynamodb_table.orders', 'envs/prod:aws_sqs_queue.emails']);
  });

  it('says how many consumers are unclassified when the known ones are one workload and one data class', async () => {
    const same = 'Application = "orders", DataClass = "pii"';
    const [f] = await run(table('orders', same) + queue('emails', same) + queue('retries', 'Application = "orders"'));
    expect(f.message).toBe(
      'alias/data-prod: high-volume DynamoDB shares one KMS request quota with SQS (2). ' +
        '1 of 3 consumers has no known data class: tag it if it holds the same data, or give the high-volume service its own key (alias/orders-dynamodb-prod).',
    );
    expect(f.message).not.toMatch(/1 workload|1 data class/);
    expect(f.evidence.unclassified).toEqual(['envs/prod:aws_sqs_queue.retries']);
  });

  it('stays short on the env-wide shared key: counts in the message, consumers in the evidence, no placeholders', async () => {
    const findings = (await analyseFolder('fixtures/scenarios/env-wide-shared-key/after', { rules: [kms104] })).findings;
    const prod = findings.find((f) => f.key === 'envs/prod:aws_kms_key.platform');
    expect(prod?.message).toBe(
      'alias/platform-prod: high-volume S3 (2), DynamoDB, EBS and RDS share one KMS request quota with SQS (2), Logs and Secrets Manager. ' +
        'Give the high-volume services their own keys (alias/billing-s3-prod, …).',
    );
    expect(prod?.evidence.groups).toMatchObject({ sqs: ['envs/dev:aws_sqs_queue.billing_replay', 'envs/prod:aws_sqs_queue.order_events'] });
    for (const f of findings) {
      expect(f.message.length).toBeLessThan(300);
      expect(f.message).not.toMatch(/<[a-z]+>|Blast radius/);
    }
  });

  it('stays quiet for one kind of data across services (principle 3), one service, and low-volume services only', async () => {
    const same = 'Application = "orders", DataClass = "pii"';
    expect(await run(table('orders', same) + queue('emails', same))).toEqual([]);
    expect(await run(table('orders', 'Application = "orders"') + table('carts', 'Application = "carts"'))).toEqual([]);
    expect(await run(queue('emails', 'Application = "a"') + queue('sms', 'Application = "b"'))).toEqual([]);
    expect((await analyseFolder('fixtures/rules/KMS104/quiet/per-service-keys', { rules: [kms104] })).findings).toEqual([]);
  });

  it('fires on the CloudFormation fixture', async () => {
    const [f] = (await analyseFolder('fixtures/rules/KMS104/fires/cfn-dynamodb-with-sns', { rules: [kms104] })).findings;
    expect(f.key).toBe('template.json:LoyaltyKey');
    expect(f.evidence).toMatchObject({ highVolume: ['dynamodb'], others: ['sns'] });
  });
});
