import { beforeAll, describe, expect, it } from 'vitest';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { byId, parseRepo } from './helpers.js';

beforeAll(() => terraformParser.init?.());

const ref = (address: string, attr: string, unit = '.') => ({ $kind: 'ref', unit, address, attr });
/** A reference to one instance of a count / for_each resource: `aws_kms_key.this[0].arn`. */
const instanceRef = (address: string, attr: string, instance: string | number) => ({ ...ref(address, attr), instance });

describe('modules', () => {
  it('a key in a local module consumed via module.kms.key_arn resolves to a Ref to module.kms.aws_kms_key.this', () => {
    const out = parseRepo({
      'main.tf': `module "kms" {
  source = "./modules/kms"
  name   = "orders"
}

resource "aws_sqs_queue" "q" {
  kms_master_key_id = module.kms.key_arn
}
`,
      'modules/kms/main.tf': `variable "name" {}
module "inner" {
  source = "../inner"
}
resource "aws_kms_key" "this" {
  description = "\${var.name} key"
}
output "key_arn" { value = aws_kms_key.this.arn }
output "inner_arn" { value = module.inner.arn }
`,
      'modules/inner/main.tf': 'resource "aws_kms_key" "deep" {}\noutput "arn" { value = aws_kms_key.deep.arn }\n',
    });
    expect(out.units.map((u) => u.id)).toEqual(['.']);
    expect(byId(out, '.:aws_sqs_queue.q').attrs.kms_master_key_id).toEqual(ref('module.kms.aws_kms_key.this', 'arn'));
    expect(byId(out, '.:module.kms.aws_kms_key.this').attrs.description).toBe('orders key');
    expect(byId(out, '.:module.kms.module.inner.aws_kms_key.deep').location).toEqual({ file: 'modules/inner/main.tf', startLine: 1, endLine: 1 });
  });

  it('terraform-aws-modules/kms/aws: key, policy, aliases and grants from inputs, located at the call', () => {
    const out = parseRepo({
      'main.tf': `module "kms" {
  source  = "terraform-aws-modules/kms/aws"
  version = "~> 3.0"

  deletion_window_in_days = 14
  key_administrators      = ["arn:aws:iam::111122223333:role/admin"]
  key_users               = [aws_iam_role.app.arn]
  aliases                 = ["orders-prod"]
  grants = {
    lambda = { grantee_principal = "arn:aws:iam::111122223333:role/fn", operations = ["Decrypt"] }
  }
}

resource "aws_s3_bucket" "b" {
  bucket = module.kms.key_arn
}
`,
    });
    const key = byId(out, '.:module.kms.aws_kms_key.this[0]');
    expect(key.location).toEqual({ file: 'main.tf', startLine: 1, endLine: 12 });
    expect(key.attrLocations.deletion_window_in_days).toEqual({ file: 'main.tf', startLine: 5, endLine: 5 });
    expect(key.attrLocations.enable_key_rotation).toEqual({ file: 'main.tf', startLine: 1, endLine: 12 });
    expect(key.displayName).toBe('module.kms (terraform-aws-modules/kms/aws)');
    expect(key.multiplicity).toEqual({ kind: 'count', keys: [0] });
    expect(key.attrs).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 14, multi_region: false });
    const policy = key.attrs.policy as { Statement: { Sid: string; Action: string[]; Principal: { AWS: unknown[] } }[] };
    expect(policy.Statement.map((s) => s.Sid)).toEqual(['Default', 'KeyAdministration', 'KeyUsage']);
    expect(policy.Statement[1].Action).toContain('kms:ScheduleKeyDeletion');
    expect(policy.Statement[2].Principal.AWS).toEqual([ref('aws_iam_role.app', 'arn')]);
    const alias = byId(out, '.:module.kms.aws_kms_alias.this["orders-prod"]');
    expect(alias.attrs.name).toBe('alias/orders-prod');
    expect(alias.attrs.target_key_id).toEqual(instanceRef('module.kms.aws_kms_key.this', 'key_id', 0));
    expect(alias.multiplicity).toEqual({ kind: 'for_each', keys: ['orders-prod'] });
    const grant = byId(out, '.:module.kms.aws_kms_grant.this["lambda"]');
    expect(grant.multiplicity).toEqual({ kind: 'for_each', keys: ['lambda'] });
    expect(grant.attrs).toMatchObject({ name: 'lambda', grantee_principal: 'arn:aws:iam::111122223333:role/fn', operations: ['Decrypt'] });
    expect(byId(out, '.:aws_s3_bucket.b').attrs.bucket).toEqual(instanceRef('module.kms.aws_kms_key.this', 'arn', 0));
    expect(out.units[0].files).toEqual(['main.tf']);
  });

  it('terraform-aws-modules/kms/aws honours its inputs: no rotation, no default policy, create = false', () => {
    const out = parseRepo({
      'main.tf': `module "a" {
  source                = "terraform-aws-modules/kms/aws"
  enable_key_rotation   = false
  enable_default_policy = false
  key_owners            = ["arn:aws:iam::111122223333:root"]
}
module "off" {
  source = "terraform-aws-modules/kms/aws"
  create = false
}
`,
    });
    const key = byId(out, '.:module.a.aws_kms_key.this[0]');
    expect(key.multiplicity).toEqual({ kind: 'count', keys: [0] });
    expect(key.attrs.enable_key_rotation).toBe(false);
    expect(key.attrLocations.enable_key_rotation).toEqual({ file: 'main.tf', startLine: 3, endLine: 3 });
    expect((key.attrs.policy as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid)).toEqual(['KeyOwner']);
    expect(out.resources.filter((r) => r.address.startsWith('module.off.') && r.mode === 'managed')).toEqual([]);
  });

  it('cloudposse/kms-key/aws: key and alias named from the label, outputs followed', () => {
    const out = parseRepo({
      'main.tf': `module "kms_key" {
  source      = "cloudposse/kms-key/aws"
  version     = "0.12.2"
  namespace   = "eg"
  stage       = "prod"
  name        = "app"
  description = "KMS key for app"
}
resource "aws_ssm_parameter" "p" {
  key_id = module.kms_key.key_id
}
`,
    });
    const key = byId(out, '.:module.kms_key.aws_kms_key.default[0]');
    expect(key.multiplicity).toEqual({ kind: 'count', keys: [0] });
    expect(key.attrs).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 10, description: 'KMS key for app', key_usage: 'ENCRYPT_DECRYPT' });
    expect(key.tags).toEqual({ Name: 'eg-prod-app', Namespace: 'eg', Stage: 'prod' });
    expect((key.attrs.policy as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid)).toEqual(['Enable IAM User Permissions']);
    const alias = byId(out, '.:module.kms_key.aws_kms_alias.default[0]');
    expect(alias.attrs.name).toBe('alias/eg-prod-app');
    expect(alias.attrs.target_key_id).toEqual(instanceRef('module.kms_key.aws_kms_key.default', 'id', 0));
    expect(byId(out, '.:aws_ssm_parameter.p').attrs.key_id).toEqual(instanceRef('module.kms_key.aws_kms_key.default', 'key_id', 0));
  });

  it('other remote modules become a module resource with their inputs; outputs are refs to the call', () => {
    const out = parseRepo({
      'main.tf': `module "db" {
  source            = "app.terraform.io/acme/rds/aws"
  kms_key_id        = aws_kms_key.db.arn
  identifier        = "orders"
}
resource "aws_sns_topic" "t" {
  kms_master_key_id = module.db.kms_key
}
`,
    });
    expect(byId(out, '.:module.db')).toMatchObject({
      type: 'module',
      mode: 'managed',
      attrs: { source: 'app.terraform.io/acme/rds/aws', kms_key_id: ref('aws_kms_key.db', 'arn'), identifier: 'orders' },
      location: { file: 'main.tf', startLine: 1, endLine: 5 },
      attrLocations: { kms_key_id: { file: 'main.tf', startLine: 3, endLine: 3 } },
    });
    expect(byId(out, '.:aws_sns_topic.t').attrs.kms_master_key_id).toEqual(ref('module.db', 'kms_key'));
  });

  it('a local module folder that is missing, or that calls itself, is a located problem', () => {
    const out = parseRepo({
      'main.tf': 'module "gone" {\n  source = "./nowhere"\n}\nmodule "loop" {\n  source = "./loop"\n}\n',
      'loop/main.tf': 'module "again" {\n  source = "../loop"\n}\nresource "aws_kms_key" "k" {}\n',
    });
    expect(out.problems).toEqual([
      {
        rule: 'KMS000',
        message: 'module source ./nowhere (nowhere) has no Terraform files in the scanned tree',
        location: { file: 'main.tf', startLine: 1, endLine: 3 },
      },
      {
        rule: 'KMS000',
        message: 'module ../loop calls itself or nests deeper than 16; not followed',
        location: { file: 'loop/main.tf', startLine: 1, endLine: 3 },
      },
    ]);
    expect(out.resources.map((r) => r.id)).toEqual(['.:module.gone', '.:module.loop.module.again', '.:module.loop.aws_kms_key.k']);
  });
});
