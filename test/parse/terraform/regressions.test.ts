/**
 * Regressions found reviewing the scenario fixtures: indexed policy documents, state leaking from
 * one unit into the next through shared syntax trees, provider settings of opaque module calls, and
 * instances in value descriptions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/model/source.js';
import { describeValue } from '../../../src/model/value.js';
import { variablesRead } from '../../../src/parse/terraform/ast.js';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { parseHclFile } from '../../../src/parse/terraform/syntax.js';
import { byId, parseRepo } from './helpers.js';

beforeAll(() => terraformParser.init?.());

const ref = (address: string, attr: string, unit = '.') => ({ $kind: 'ref', unit, address, attr });

/** A key policy statement as `policyJsonFromDocument` writes it for these fixtures. */
const allow = (sid: string, principal: string, actions: string[]) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { AWS: [principal] },
  Action: actions,
  Resource: ['*'],
});

describe('indexed data "aws_iam_policy_document"', () => {
  const perWorkload = `variable "workloads" {
  default = {
    orders  = { roles = ["orders-api", "orders-worker"] }
    catalog = { roles = ["catalog-api"] }
  }
}

data "aws_iam_policy_document" "key" {
  for_each = var.workloads

  statement {
    sid       = "Root"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }

  dynamic "statement" {
    for_each = each.value.roles
    content {
      sid       = "Use\${statement.key}"
      actions   = ["kms:Decrypt"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = ["arn:aws:iam::111122223333:role/\${statement.value}"]
      }
    }
  }
}

resource "aws_kms_key" "workload" {
  for_each    = var.workloads
  description = each.key
  policy      = data.aws_iam_policy_document.key[each.key].json
}
`;

  it('gives each for_each instance of a key the document of the same instance (each.key / each.value of that instance)', () => {
    const out = parseRepo({ 'main.tf': perWorkload });
    expect(byId(out, '.:aws_kms_key.workload["orders"]').attrs.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        allow('Root', 'arn:aws:iam::111122223333:root', ['kms:*']),
        allow('Use0', 'arn:aws:iam::111122223333:role/orders-api', ['kms:Decrypt']),
        allow('Use1', 'arn:aws:iam::111122223333:role/orders-worker', ['kms:Decrypt']),
      ],
    });
    expect(byId(out, '.:aws_kms_key.workload["catalog"]').attrs.policy).toEqual({
      Version: '2012-10-17',
      Statement: [allow('Root', 'arn:aws:iam::111122223333:root', ['kms:*']), allow('Use0', 'arn:aws:iam::111122223333:role/catalog-api', ['kms:Decrypt'])],
    });
  });

  it('evaluates a static index in the referring scope; a missing instance is an error, an index not known statically the document of all instances', () => {
    const out = parseRepo({
      'main.tf': `${perWorkload}
variable "pick" {}
resource "aws_kms_key" "fixed" { policy = data.aws_iam_policy_document.key["catalog"].json }
resource "aws_kms_key" "missing" { policy = data.aws_iam_policy_document.key["nope"].json }
resource "aws_kms_key" "picked" { policy = data.aws_iam_policy_document.key[var.pick].json }
`,
    });
    expect(byId(out, '.:aws_kms_key.fixed').attrs.policy).toEqual(byId(out, '.:aws_kms_key.workload["catalog"]').attrs.policy);
    expect(byId(out, '.:aws_kms_key.missing').attrs.policy).toEqual({
      $kind: 'unknown',
      expr: 'data.aws_iam_policy_document.key["nope"].json',
      reason: 'no instance ["nope"] of data.aws_iam_policy_document.key',
    });
    // The data source itself is one declaration: its document binds each.key / each.value to all instances.
    expect(byId(out, '.:aws_kms_key.picked').attrs.policy).toEqual(byId(out, '.:data.aws_iam_policy_document.key').attrs.json);
  });

  it('resolves the catalog module policy `coalesce(var.policy, data.aws_iam_policy_document.this[0].json)`: null and given var.policy', () => {
    const out = parseRepo({
      'main.tf': `module "generated" {
  source                = "terraform-aws-modules/kms/aws"
  enable_default_policy = false
  key_users             = ["arn:aws:iam::111122223333:role/app"]
}
module "given" {
  source = "terraform-aws-modules/kms/aws"
  policy = "{\\"Statement\\":[]}"
}
module "empty" {
  source = "terraform-aws-modules/kms/aws"
  policy = ""
  enable_default_policy = false
  key_owners = ["arn:aws:iam::111122223333:role/owner"]
}
`,
    });
    const usage = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
    expect(byId(out, '.:module.generated.aws_kms_key.this[0]').attrs.policy).toEqual({
      Version: '2012-10-17',
      Statement: [allow('KeyUsage', 'arn:aws:iam::111122223333:role/app', usage)],
    });
    expect(byId(out, '.:module.given.aws_kms_key.this[0]').attrs.policy).toBe('{"Statement":[]}');
    expect(byId(out, '.:module.empty.aws_kms_key.this[0]').attrs.policy).toEqual({
      Version: '2012-10-17',
      Statement: [allow('KeyOwner', 'arn:aws:iam::111122223333:role/owner', ['kms:*'])],
    });
  });
});

describe('units do not leak state into each other', () => {
  const cloudposse = {
    'infra/main.tf': `variable "environment" {}
module "logs_kms" {
  source    = "cloudposse/kms-key/aws"
  namespace = "acme"
  stage     = var.environment
  name      = "ledger-logs"
  alias     = "alias/ledger-logs-\${var.environment}"
}
`,
    'infra/a.tfvars': 'environment = "dev"\n',
    'infra/b.tfvars': 'environment = "prod"\n',
    'infra/c.tfvars': 'environment = "test"\n',
  };

  it('a catalog module call gives every unit its own alias (not only the first unit evaluated)', () => {
    const out = parseRepo(cloudposse);
    expect(out.units.map((u) => u.id)).toEqual(['infra#a', 'infra#b', 'infra#c']);
    expect(out.resources.filter((r) => r.type === 'aws_kms_alias').map((r) => [r.id, r.attrs.name])).toEqual([
      ['infra#a:module.logs_kms.aws_kms_alias.default[0]', 'alias/ledger-logs-dev'],
      ['infra#b:module.logs_kms.aws_kms_alias.default[0]', 'alias/ledger-logs-prod'],
      ['infra#c:module.logs_kms.aws_kms_alias.default[0]', 'alias/ledger-logs-test'],
    ]);
    expect(byId(out, 'infra#b:module.logs_kms.aws_kms_key.default[0]').tags).toEqual({ Name: 'acme-prod-ledger-logs', Namespace: 'acme', Stage: 'prod' });
  });

  it('reading which variables an expression uses leaves the shared syntax tree as it was', () => {
    const file = parseHclFile({ path: 'main.tf', text: 'x = coalesce(var.a, format("alias/%v", var.b), [var.c, var.d])\n', size: 0 }, DEFAULT_LIMITS);
    const expr = file.body.attributes[0].expr;
    const before = JSON.stringify(expr);
    expect(variablesRead(expr)).toEqual(['a', 'b', 'c', 'd']);
    expect(variablesRead(expr)).toEqual(['a', 'b', 'c', 'd']);
    expect(JSON.stringify(expr)).toBe(before);
  });
});

describe('opaque module calls and the provider', () => {
  it('get the default tags and region of the provider their resources are created with (passed in `providers` or inherited)', () => {
    const out = parseRepo({
      'main.tf': `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { Environment = "prod", Team = "ledger" }
  }
}
provider "aws" {
  alias  = "us"
  region = "us-east-1"
  default_tags {
    tags = { Environment = "prod-us" }
  }
}
resource "aws_kms_key" "k" {}
module "queue" {
  source            = "app.terraform.io/acme/queue/aws"
  kms_master_key_id = aws_kms_key.k.arn
}
module "queue_us" {
  source            = "app.terraform.io/acme/queue/aws"
  providers         = { aws = aws.us }
  kms_master_key_id = aws_kms_key.k.arn
}
module "wrapper" {
  source = "./wrapper"
  providers = { aws = aws.us }
}
`,
      'wrapper/main.tf': `module "inner" {
  source     = "git::https://example.com/inner.git"
  kms_key_id = "alias/inner"
}
`,
    });
    const queue = byId(out, '.:module.queue');
    expect(queue.attrs.kms_master_key_id).toEqual(ref('aws_kms_key.k', 'arn'));
    expect([queue.defaultTags, queue.region]).toEqual([{ Environment: 'prod', Team: 'ledger' }, 'eu-west-1']);
    const queueUs = byId(out, '.:module.queue_us');
    expect([queueUs.defaultTags, queueUs.region]).toEqual([{ Environment: 'prod-us' }, 'us-east-1']);
    const inner = byId(out, '.:module.wrapper.module.inner');
    expect([inner.defaultTags, inner.region]).toEqual([{ Environment: 'prod-us' }, 'us-east-1']);
  });
});

describe('describeValue', () => {
  it('keeps the instance of a reference', () => {
    expect(describeValue({ $kind: 'ref', unit: '.', address: 'aws_kms_key.workload', attr: 'arn', instance: 'orders' })).toBe(
      'aws_kms_key.workload["orders"].arn',
    );
    expect(describeValue({ $kind: 'ref', unit: '.', address: 'module.kms.aws_kms_key.this', attr: 'key_id', instance: 0 })).toBe(
      'module.kms.aws_kms_key.this[0].key_id',
    );
    expect(describeValue({ $kind: 'ref', unit: '.', address: 'aws_kms_key.k', attr: '', instance: 'a' })).toBe('aws_kms_key.k["a"]');
    expect(describeValue({ $kind: 'ref', unit: '.', address: 'aws_kms_key.main', attr: 'arn' })).toBe('aws_kms_key.main.arn');
    expect(describeValue({ $kind: 'ref', unit: 'stack', address: 'Key', attr: 'Ref' })).toBe('!Ref Key');
  });
});
