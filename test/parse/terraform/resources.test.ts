import { beforeAll, describe, expect, it } from 'vitest';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { byId, parseRepo } from './helpers.js';

beforeAll(() => terraformParser.init?.());

const ref = (address: string, attr: string) => ({ $kind: 'ref', unit: '.', address, attr });

describe('resources', () => {
  it('claims Terraform files only', () => {
    const claims = (path: string) => terraformParser.claims({ path, text: '', size: 0 });
    expect(['a.tf', 'a.tf.json', 'x/prod.tfvars', 'x/p.tfvars.json', 'live/terragrunt.hcl'].map(claims)).toEqual([true, true, true, true, true]);
    expect(['a.hcl', 'a.json', 'tf', 'root.hcl'].map(claims)).toEqual([false, false, false, false]);
  });

  it('past the bounds of the shared name and path tables (20,000 identifiers, 10,000 nested paths), names and locations stay exact', () => {
    // Every block type and attribute name is new: the tables fill up and the rest are made as they come.
    const blocks = Array.from({ length: 12_000 }, (_, i) => `  outer_${i} {\n    inner_${i} {\n      leaf_${i} = ${i}\n    }\n  }`);
    const out = parseRepo({ 'main.tf': `resource "aws_s3_bucket" "many" {\n${blocks.join('\n')}\n}\n` });
    const many = byId(out, '.:aws_s3_bucket.many');
    for (const i of [0, 4_999, 5_000, 9_999, 11_999]) {
      const line = 2 + 5 * i;
      expect(many.attrs[`outer_${i}`]).toEqual([{ [`inner_${i}`]: [{ [`leaf_${i}`]: i }] }]);
      expect(many.attrLocations[`outer_${i}.inner_${i}.leaf_${i}`]).toEqual({ file: 'main.tf', startLine: line + 2, endLine: line + 2 });
      expect(many.attrLocations[`outer_${i}.inner_${i}`]).toEqual({ file: 'main.tf', startLine: line + 1, endLine: line + 3 });
    }
  });

  it('dynamic blocks expand over a static for_each; an unknown one gives one element with the iterator unknown', () => {
    const out = parseRepo({
      'main.tf': `variable "rules" {
  default = [{ key = "k1" }, { key = "k2" }]
}
variable "unknown_rules" {}
resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  dynamic "rule" {
    for_each = var.rules
    iterator = r
    content {
      apply_server_side_encryption_by_default {
        kms_master_key_id = "\${r.value.key}-\${r.key}"
      }
    }
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "u" {
  dynamic "rule" {
    for_each = var.unknown_rules
    content {
      bucket_key_enabled = rule.value.bucket_key
    }
  }
}
`,
    });
    const b = byId(out, '.:aws_s3_bucket_server_side_encryption_configuration.b');
    expect(b.attrs).toEqual({
      rule: [
        { apply_server_side_encryption_by_default: [{ kms_master_key_id: 'k1-0' }] },
        { apply_server_side_encryption_by_default: [{ kms_master_key_id: 'k2-1' }] },
      ],
    });
    expect(b.attrLocations['rule.apply_server_side_encryption_by_default.kms_master_key_id']).toEqual({ file: 'main.tf', startLine: 11, endLine: 11 });
    expect(b.attrLocations.rule).toEqual({ file: 'main.tf', startLine: 6, endLine: 14 });
    expect(byId(out, '.:aws_s3_bucket_server_side_encryption_configuration.u').attrs).toEqual({
      rule: [{ bucket_key_enabled: { $kind: 'unknown', expr: 'rule.value', reason: 'for_each var.unknown_rules is not known statically' } }],
    });
  });

  it('count and for_each: static keys, conditional count, count = 0 creates nothing, each.* bound', () => {
    const out = parseRepo({
      'main.tf': `variable "create" {}
variable "keys" { default = { orders = "o", billing = "b" } }
resource "aws_kms_key" "static" {
  count       = 2
  description = "key \${count.index}"
}
resource "aws_kms_key" "maybe" {
  count = var.create ? 1 : 0
}
resource "aws_kms_key" "never" {
  count = 0
}
resource "aws_kms_key" "per_app" {
  for_each    = var.keys
  description = each.value
}
resource "aws_kms_key" "one" {
  for_each    = toset(["solo"])
  description = "\${each.key}=\${each.value}"
}
`,
    });
    expect(out.resources.map((r) => r.address)).toEqual([
      'aws_kms_key.static[0]',
      'aws_kms_key.static[1]',
      'aws_kms_key.maybe',
      'aws_kms_key.per_app["orders"]',
      'aws_kms_key.per_app["billing"]',
      'aws_kms_key.one["solo"]',
    ]);
    const stat = [byId(out, '.:aws_kms_key.static[0]'), byId(out, '.:aws_kms_key.static[1]')];
    expect(stat.map((r) => r.multiplicity)).toEqual([
      { kind: 'count', keys: [0] },
      { kind: 'count', keys: [1] },
    ]);
    expect(stat.map((r) => r.attrs.description)).toEqual(['key 0', 'key 1']);
    expect(stat.map((r) => r.conditional)).toEqual([undefined, undefined]);
    const maybe = byId(out, '.:aws_kms_key.maybe');
    expect([maybe.multiplicity, maybe.conditional]).toEqual([{ kind: 'count' }, 'count = var.create ? 1 : 0']);
    const perApp = [byId(out, '.:aws_kms_key.per_app["orders"]'), byId(out, '.:aws_kms_key.per_app["billing"]')];
    expect(perApp.map((r) => r.multiplicity)).toEqual([
      { kind: 'for_each', keys: ['orders'] },
      { kind: 'for_each', keys: ['billing'] },
    ]);
    expect(perApp.map((r) => r.attrs.description)).toEqual(['o', 'b']);
    const one = byId(out, '.:aws_kms_key.one["solo"]');
    expect([one.attrs.description, one.multiplicity]).toEqual(['solo=solo', { kind: 'for_each', keys: ['solo'] }]);
  });

  it('each instance is evaluated on its own: tags and description stay paired with their key', () => {
    const out = parseRepo({
      'main.tf': `variable "owners" { default = { orders = "team-o", billing = "team-b" } }
resource "aws_kms_key" "workload" {
  for_each    = var.owners
  description = "\${each.key} data"
  tags        = { Workload = each.key, Owner = each.value }
}
resource "aws_kms_key" "shard" {
  count = 2
  tags  = { Name = "shard-\${count.index}" }
}
`,
    });
    const orders = byId(out, '.:aws_kms_key.workload["orders"]');
    const billing = byId(out, '.:aws_kms_key.workload["billing"]');
    expect([orders.address, orders.unit, orders.attrs.description, orders.tags]).toEqual([
      'aws_kms_key.workload["orders"]',
      '.',
      'orders data',
      { Workload: 'orders', Owner: 'team-o' },
    ]);
    expect([billing.address, billing.attrs.description, billing.tags]).toEqual([
      'aws_kms_key.workload["billing"]',
      'billing data',
      { Workload: 'billing', Owner: 'team-b' },
    ]);
    // Every instance points at the one block that declares them all.
    expect([orders.location, billing.location]).toEqual([
      { file: 'main.tf', startLine: 2, endLine: 6 },
      { file: 'main.tf', startLine: 2, endLine: 6 },
    ]);
    expect(orders.attrLocations.tags).toEqual({ file: 'main.tf', startLine: 5, endLine: 5 });
    expect([byId(out, '.:aws_kms_key.shard[0]').tags, byId(out, '.:aws_kms_key.shard[1]').tags]).toEqual([{ Name: 'shard-0' }, { Name: 'shard-1' }]);
  });

  it('more than 50 instances stay one resource marked as many; up to 50 are expanded; data sources never are', () => {
    const out = parseRepo({
      'main.tf': `resource "aws_kms_key" "many" {
  for_each    = toset([for i in range(60) : "k\${i}"])
  description = each.key
}
resource "aws_kms_key" "counted" {
  count       = 51
  description = "k-\${count.index}"
}
resource "aws_kms_key" "fifty" {
  count = 50
}
data "aws_kms_key" "d" {
  for_each = toset(["a", "b"])
  key_id   = each.value
}
`,
    });
    const many = byId(out, '.:aws_kms_key.many');
    expect(many.multiplicity).toEqual({ kind: 'for_each', keys: Array.from({ length: 60 }, (_, i) => `k${i}`) });
    expect(many.attrs.description).toEqual({
      $kind: 'unknown',
      expr: 'each.key',
      reason: 'for_each = toset([for i in range(60) : "k${i}"]) has 60 instances',
    });
    const counted = byId(out, '.:aws_kms_key.counted');
    expect(counted.multiplicity).toEqual({ kind: 'count', keys: Array.from({ length: 51 }, (_, i) => i) });
    expect(counted.attrs.description).toMatchObject({ $kind: 'unknown', reason: 'interpolates values not known statically' });
    expect(out.resources.filter((r) => r.address.startsWith('aws_kms_key.fifty')).map((r) => r.address)).toEqual(
      Array.from({ length: 50 }, (_, i) => `aws_kms_key.fifty[${i}]`),
    );
    const data = byId(out, '.:data.aws_kms_key.d');
    expect(data.multiplicity).toEqual({ kind: 'for_each', keys: ['a', 'b'] });
    expect(data.attrs.key_id).toEqual({ $kind: 'oneOf', options: ['a', 'b'], reason: 'for_each = toset(["a", "b"])' });
    expect(out.resources.map((r) => r.id).filter((id) => id.startsWith('.:data.'))).toEqual(['.:data.aws_kms_key.d']);
  });

  it('resources of a module called with for_each are not expanded: one declaration marked as many, values OneOf', () => {
    const out = parseRepo({
      'main.tf': `module "m" {
  source   = "./m"
  for_each = toset(["a", "b"])
  name     = each.key
}
`,
      'm/main.tf': `variable "name" {}
resource "aws_kms_key" "k" {
  count       = 2
  description = var.name
}
resource "aws_kms_alias" "a" {
  name          = "alias/\${var.name}"
  target_key_id = aws_kms_key.k[0].key_id
}
`,
    });
    expect(out.resources.map((r) => r.id)).toEqual(['.:module.m.aws_kms_key.k', '.:module.m.aws_kms_alias.a']);
    const key = byId(out, '.:module.m.aws_kms_key.k');
    expect(key.multiplicity).toEqual({ kind: 'count', keys: [0, 1] });
    expect(key.attrs.description).toEqual({ $kind: 'oneOf', options: ['a', 'b'], reason: 'for_each = toset(["a", "b"])' });
    const alias = byId(out, '.:module.m.aws_kms_alias.a');
    expect(alias.multiplicity).toEqual({ kind: 'for_each', keys: ['a', 'b'] });
    expect(alias.attrs.target_key_id).toEqual({ $kind: 'ref', unit: '.', address: 'module.m.aws_kms_key.k', attr: 'key_id', instance: 0 });
  });

  it('tags, default_tags of the default and aliased providers (also through module providers), prevent_destroy', () => {
    const out = parseRepo({
      'main.tf': `provider "aws" {
  default_tags {
    tags = { Environment = "prod" }
  }
}
provider "aws" {
  alias = "dr"
  default_tags {
    tags = { Environment = "dr" }
  }
}
resource "aws_kms_key" "k" {
  tags = { Owner = "team-a", Computed = aws_iam_role.r.arn }
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_replica_key" "r" {
  provider        = aws.dr
  primary_key_arn = aws_kms_key.k.arn
}
module "m" {
  source    = "./m"
  providers = { aws = aws.dr }
}
`,
      'm/main.tf': 'resource "aws_kms_key" "inner" {}\n',
    });
    const key = byId(out, '.:aws_kms_key.k');
    expect([key.tags, key.defaultTags, key.protectedFromDeletion]).toEqual([{ Owner: 'team-a' }, { Environment: 'prod' }, true]);
    expect(key.attrs.lifecycle).toBeUndefined();
    const replica = byId(out, '.:aws_kms_replica_key.r');
    expect([replica.defaultTags, replica.attrs.provider, replica.attrs.primary_key_arn]).toEqual([
      { Environment: 'dr' },
      'aws.dr',
      ref('aws_kms_key.k', 'arn'),
    ]);
    expect(byId(out, '.:module.m.aws_kms_key.inner').defaultTags).toEqual({ Environment: 'dr' });
  });

  it('moved blocks are emitted for the diff stage', () => {
    const out = parseRepo({ 'main.tf': 'moved {\n  from = aws_kms_key.old\n  to   = aws_kms_key.new["a"]\n}\n' });
    expect(byId(out, '.:moved.aws_kms_key.old')).toMatchObject({
      type: 'moved',
      attrs: { from: 'aws_kms_key.old', to: 'aws_kms_key.new["a"]' },
      location: { file: 'main.tf', startLine: 1, endLine: 4 },
      attrLocations: { from: { file: 'main.tf', startLine: 2, endLine: 2 }, to: { file: 'main.tf', startLine: 3, endLine: 3 } },
    });
  });

  it('data "aws_iam_policy_document": a json attribute, and references to .json evaluate to the document', () => {
    const out = parseRepo({
      'main.tf': `data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Root"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
data "aws_iam_policy_document" "key" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Use"
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.app.arn]
    }
  }
}
resource "aws_kms_key_policy" "p" {
  key_id = aws_kms_key.k.id
  policy = data.aws_iam_policy_document.key.json
}
`,
    });
    const policy = byId(out, '.:aws_kms_key_policy.p').attrs.policy as { Statement: { Sid: string; Principal: unknown }[] };
    expect(policy.Statement.map((s) => s.Sid)).toEqual(['Root', 'Use']);
    expect(policy.Statement[1].Principal).toEqual({ AWS: [ref('aws_iam_role.app', 'arn')] });
    expect(byId(out, '.:data.aws_iam_policy_document.key').attrs.json).toEqual(policy);
    expect(byId(out, '.:data.aws_iam_policy_document.key').attrLocations['statement.principals.identifiers']).toEqual({
      file: 'main.tf',
      startLine: 20,
      endLine: 20,
    });
  });

  it('.tf.json resources evaluate like native ones', () => {
    const out = parseRepo({
      'main.tf.json': JSON.stringify(
        {
          variable: { env: { default: 'prod' } },
          resource: {
            aws_kms_key: { k: { description: 'key-${var.env}', enable_key_rotation: true, tags: { Environment: '${var.env}' } } },
            aws_kms_alias: { a: { name: 'alias/app-${var.env}', target_key_id: '${aws_kms_key.k.key_id}' } },
          },
        },
        null,
        2,
      ),
    });
    expect(byId(out, '.:aws_kms_key.k')).toMatchObject({
      attrs: { description: 'key-prod', enable_key_rotation: true },
      tags: { Environment: 'prod' },
      location: { file: 'main.tf.json', startLine: 9, endLine: 15 },
    });
    expect(byId(out, '.:aws_kms_alias.a').attrs.target_key_id).toEqual(ref('aws_kms_key.k', 'key_id'));
  });

  it('a malformed file and a binary .tf give located problems; the rest of the unit is still read', () => {
    const out = parseRepo({
      'broken.tf': 'resource "aws_kms_key" "a" {\n  description = \n  enable_key_rotation = true\n}\nresource "aws_kms_key" "b" {\n  multi_region = true\n}\n',
      'blob.tf': '\u0000\u0001binary',
      'ok.tf': 'resource "aws_sqs_queue" "q" {\n  kms_master_key_id = aws_kms_key.b.arn\n}\n',
    });
    expect(out.problems).toEqual([
      { rule: 'KMS000', message: 'syntax error near "= enable_key_rotation"', location: { file: 'broken.tf', startLine: 2, endLine: 3 } },
      { rule: 'KMS000', message: 'file contains NUL bytes (binary); not parsed', location: { file: 'blob.tf', startLine: 1, endLine: 1 } },
    ]);
    expect(out.resources.map((r) => r.id)).toEqual(['.:aws_kms_key.a', '.:aws_kms_key.b', '.:aws_sqs_queue.q']);
    expect(byId(out, '.:aws_kms_key.b').attrs.multi_region).toBe(true);
  });
});
