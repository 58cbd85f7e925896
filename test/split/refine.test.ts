/**
 * A split answers the principle findings it was proposed for: a group whose key would still raise
 * KMS104 or KMS107 is split per service, only as far as needed, and what no split clears is said.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { planSplit } from '../../src/split/index.js';
import { analyseFiles } from '../harness.js';

const KEY = `
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { Environment = "prod", Owner = "team-shop" }
  }
}

resource "aws_kms_key" "shared" {
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_kms_alias" "shared" {
  name          = "alias/shop-prod"
  target_key_id = aws_kms_key.shared.key_id
}

resource "aws_secretsmanager_secret" "billing" {
  kms_key_id = aws_kms_key.shared.arn
  tags       = { Application = "billing", DataClass = "financial" }
}
`;

const bucket = (tags: string) => `
resource "aws_s3_bucket" "orders" {
  bucket = "orders"
  tags   = ${tags}
}

resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
  bucket = aws_s3_bucket.orders.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.shared.arn
    }
    bucket_key_enabled = true
  }
}
`;

const ORDERS = `{ Application = "orders", DataClass = "confidential" }`;
const table = `
resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.shared.arn
  }
  tags = ${ORDERS}
}
`;
const logs = `
resource "aws_cloudwatch_log_group" "orders" {
  kms_key_id = aws_kms_key.shared.arn
  tags       = ${ORDERS}
}
`;
const queue = (name: string, tags = ORDERS) => `
resource "aws_sqs_queue" "${name}" {
  kms_master_key_id = aws_kms_key.shared.arn
  tags              = ${tags}
}
`;

const config = parseConfig('').config;
const plan = async (files: string) => planSplit('aws_kms_key.shared', await analyseFiles({ 'kms.tf': KEY, 'apps.tf': files }), config);
const summary = (p: Awaited<ReturnType<typeof plan>>) => p.newKeys.map((k) => `${k.alias}: ${[...k.group.consumers].sort().join(' ')}`);

describe('split per service where environment, workload and data class are not enough', () => {
  it('KMS107: one workload over the service threshold gets its high-volume services apart (one key for them), the rest together', async () => {
    const p = await plan(bucket(ORDERS) + table + logs + queue('orders'));
    expect(summary(p)).toEqual([
      'alias/billing-prod: .:aws_secretsmanager_secret.billing',
      'alias/orders-dynamodb-s3-prod: .:aws_dynamodb_table.orders .:aws_s3_bucket_server_side_encryption_configuration.orders',
      'alias/orders-prod: .:aws_cloudwatch_log_group.orders .:aws_sqs_queue.orders',
    ]);
    expect(p.groups.map((g) => g.service)).toEqual([undefined, 'dynamodb+s3', undefined]);
    expect(p.newKeys.flatMap((k) => k.notes.filter((n) => n.includes('does not clear')))).toEqual([]);
    expect(p.files['kms-orders-prod.tf']).toContain('description             = "Orders DynamoDB and S3 data key (prod)"');
    expect(p.files['kms-orders-prod.tf']).toContain('# orders in prod: one key per service,');
  });

  it('near miss: three services of one kind of data stay on one key', async () => {
    const p = await plan(bucket(ORDERS) + logs + queue('orders'));
    expect(summary(p)).toEqual([
      'alias/billing-prod: .:aws_secretsmanager_secret.billing',
      'alias/orders-prod: .:aws_cloudwatch_log_group.orders .:aws_s3_bucket_server_side_encryption_configuration.orders .:aws_sqs_queue.orders',
    ]);
    expect(p.groups.every((g) => g.service === undefined)).toBe(true);
  });

  it('KMS104: a high-volume service with consumers of unknown data class gets its own key', async () => {
    const unclassified = `{ Application = "orders" }`;
    const p = await plan(bucket(unclassified) + queue('orders', unclassified));
    expect(summary(p)).toEqual([
      'alias/billing-prod: .:aws_secretsmanager_secret.billing',
      'alias/orders-s3-prod: .:aws_s3_bucket_server_side_encryption_configuration.orders',
      'alias/orders-prod: .:aws_sqs_queue.orders',
    ]);
  });

  it('says what no split clears: twelve queues of one workload stay over the consumer threshold', async () => {
    const p = await plan(Array.from({ length: 12 }, (_, i) => queue(`orders_${i}`)).join(''));
    const orders = p.newKeys.find((k) => k.alias === 'alias/orders-prod');
    expect(orders?.group.consumers).toHaveLength(12);
    expect(orders?.notes.filter((n) => n.includes('does not clear'))).toEqual([
      'Splitting per environment, workload, data class and service does not clear KMS107 on this key (Key alias/orders-prod exceeds the blast-radius thresholds: 12 consumers > 10): the patch does not fix it; decide by hand (a threshold in .github/kms-review.yml, or a split of your own).',
    ]);
    expect(p.newKeys.find((k) => k.alias === 'alias/billing-prod')?.notes.filter((n) => n.includes('does not clear'))).toEqual([]);
  });
});
