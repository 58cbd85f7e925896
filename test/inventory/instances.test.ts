import { describe, expect, it } from 'vitest';
import type { Inventory, Key } from '../../src/inventory/types.js';
import { analyseFiles } from '../harness.js';

const PER_WORKLOAD = `locals {
  workloads = toset(["orders", "billing"])
}
resource "aws_kms_key" "workload" {
  for_each            = local.workloads
  description         = "\${each.key} data"
  enable_key_rotation = true
  tags                = { Workload = each.key }
}
resource "aws_kms_alias" "workload" {
  for_each      = local.workloads
  name          = "alias/\${each.key}-prod"
  target_key_id = aws_kms_key.workload[each.key].key_id
}
resource "aws_s3_bucket" "data" {
  for_each = local.workloads
  bucket   = "\${each.key}-data-prod"
  tags     = { Workload = each.key }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.workload[each.key].arn
      }
    }
  }
}
module "kms" {
  source  = "terraform-aws-modules/kms/aws"
  aliases = ["jobs-prod"]
}
resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = module.kms.key_arn
}
`;

function key(inventory: Inventory, id: string): Key {
  const found = inventory.keys.find((k) => k.id === id);
  if (!found) throw new Error(`no key ${id}; have ${inventory.keys.map((k) => k.id).join(', ')}`);
  return found;
}

describe('inventory of for_each / count instances', () => {
  it('one key per for_each instance, each with its own alias and its own bucket; a catalog module key is this[0]', async () => {
    const { inventory } = await analyseFiles({ 'main.tf': PER_WORKLOAD }, { rules: [] });
    expect(inventory.keys.map((k) => k.id).sort()).toEqual([
      '.:aws_kms_key.workload["billing"]',
      '.:aws_kms_key.workload["orders"]',
      '.:module.kms.aws_kms_key.this[0]',
    ]);
    for (const workload of ['orders', 'billing']) {
      const k = key(inventory, `.:aws_kms_key.workload["${workload}"]`);
      expect(k.declared).toBe(true);
      expect(k.aliases).toEqual([`alias/${workload}-prod`]);
      expect(k.multiplicity).toEqual({ kind: 'for_each', keys: [workload] });
      expect(k.description).toBe(`${workload} data`);
      expect(k.tags).toEqual({ Workload: workload });
      expect(k.workload).toMatchObject({ value: workload, from: 'tag' });
      expect(k.consumers.map((c) => [c.resource, c.type, c.attribute])).toEqual([
        [
          `.:aws_s3_bucket.data["${workload}"]`,
          'aws_s3_bucket',
          'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id',
        ],
      ]);
      expect(k.consumers[0].multiplicity).toEqual({ kind: 'for_each', keys: [workload] });
      expect(k.consumers[0].conditional).toBeUndefined();
      expect(k.consumers[0].workload).toMatchObject({ value: workload, from: 'tag' });
      expect(k.blastRadius).toMatchObject({ consumers: 1, services: 1, workloads: 1 });
    }
    expect(inventory.aliases.map((a) => [a.name, a.key, a.resource])).toEqual([
      ['alias/billing-prod', '.:aws_kms_key.workload["billing"]', '.:aws_kms_alias.workload["billing"]'],
      ['alias/jobs-prod', '.:module.kms.aws_kms_key.this[0]', '.:module.kms.aws_kms_alias.this["jobs-prod"]'],
      ['alias/orders-prod', '.:aws_kms_key.workload["orders"]', '.:aws_kms_alias.workload["orders"]'],
    ]);
    const moduleKey = key(inventory, '.:module.kms.aws_kms_key.this[0]');
    expect(moduleKey.consumers.map((c) => [c.resource, c.service, c.attribute])).toEqual([['.:aws_sqs_queue.jobs', 'sqs', 'kms_master_key_id']]);
    expect(moduleKey.blastRadius.consumers).toBe(1);
    expect(inventory.unresolved).toEqual([]);
    expect(inventory.withoutCmk).toEqual([]);
  });

  it('an SSE companion configures the bucket instance it names, and an unexpanded (conditional) bucket through [0]', async () => {
    const { inventory } = await analyseFiles(
      {
        'main.tf': `variable "create" {}
resource "aws_kms_key" "k" {}
resource "aws_s3_bucket" "data" {
  for_each = toset(["orders", "billing"])
  bucket   = each.key
  tags     = { Workload = each.key }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  for_each = toset(["orders", "billing"])
  bucket   = aws_s3_bucket.data[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k.arn
    }
  }
}
resource "aws_s3_bucket" "maybe" {
  count  = var.create ? 1 : 0
  bucket = "maybe"
  tags   = { Workload = "reports" }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "maybe" {
  count  = var.create ? 1 : 0
  bucket = aws_s3_bucket.maybe[0].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k.arn
    }
  }
}
`,
      },
      { rules: [] },
    );
    const k = key(inventory, '.:aws_kms_key.k');
    expect(k.consumers.map((c) => [c.resource, c.workload?.value])).toEqual([
      ['.:aws_s3_bucket_server_side_encryption_configuration.data["billing"]', 'billing'],
      ['.:aws_s3_bucket_server_side_encryption_configuration.data["orders"]', 'orders'],
      ['.:aws_s3_bucket_server_side_encryption_configuration.maybe', 'reports'],
    ]);
    expect(k.consumers[2].conditional).toBe('count = var.create ? 1 : 0');
    expect(k.blastRadius).toMatchObject({ consumers: 3, workloads: 3 });
    // Buckets encrypted by a companion are not "without a customer managed key".
    expect(inventory.withoutCmk).toEqual([]);
  });
});

describe('a reference to an unknown instance', () => {
  it('resolves to every instance, each marked conditional', async () => {
    const { inventory, findings } = await analyseFiles(
      {
        'main.tf': [
          'variable "workload" {}',
          'resource "aws_kms_key" "k" {',
          '  for_each = toset(["orders", "billing"])',
          '}',
          'resource "aws_sqs_queue" "q" {',
          '  kms_master_key_id = aws_kms_key.k[var.workload].arn',
          '}',
          '',
        ].join('\n'),
      },
      { rules: [] },
    );
    expect(findings).toEqual([]);
    expect(inventory.unresolved).toEqual([]);
    for (const id of ['.:aws_kms_key.k["orders"]', '.:aws_kms_key.k["billing"]']) {
      const key = inventory.keys.find((k) => k.id === id);
      expect(key?.consumers.map((c) => [c.resource, c.conditional])).toEqual([
        ['.:aws_sqs_queue.q', 'which instance of aws_kms_key.k is not known statically'],
      ]);
    }
  });
});
