/**
 * Registry modules whose KMS behaviour is known, so a call to them yields the keys, aliases and
 * grants they create without downloading anything.
 *
 * Each entry describes the module *in its own language*: a reduced `main.tf` that declares the
 * module's inputs (with the real defaults), the resources it creates from them, and its outputs.
 * The Terraform parser evaluates it exactly like a local module, so inputs, defaults, `count`,
 * `for_each`, and the key policy synthesised through `data "aws_iam_policy_document"` follow the
 * same rules as everything else. Only KMS-relevant resources and inputs are described. The key
 * modules are here; the consumer modules (buckets, databases, queues…) in consumer-modules.ts.
 */

import { CLOUDPOSSE_LABEL, CONSUMER_MODULES, type ModuleRow } from './consumer-modules.js';
import type { ServiceId } from './services.js';

export interface RegistryModule {
  /** Canonical registry source. */
  source: string;
  /** Source strings that name this module (registry, `tfr://`, git URLs). */
  matches: RegExp;
  /** The reduced module: input defaults, resources, outputs, as HCL. */
  hcl: string;
}

/** terraform-aws-modules/kms/aws v2/v3: policy statements and action lists as the module writes them. */
const TERRAFORM_AWS_MODULES_KMS = `
variable "create" { default = true }
variable "description" { default = null }
variable "key_usage" { default = null }
variable "customer_master_key_spec" { default = null }
variable "custom_key_store_id" { default = null }
variable "bypass_policy_lockout_safety_check" { default = null }
variable "deletion_window_in_days" { default = null }
variable "is_enabled" { default = null }
variable "enable_key_rotation" { default = true }
variable "rotation_period_in_days" { default = null }
variable "multi_region" { default = false }
variable "policy" { default = null }
variable "tags" { default = {} }
variable "enable_default_policy" { default = true }
variable "key_owners" { default = [] }
variable "key_administrators" { default = [] }
variable "key_users" { default = [] }
variable "key_service_users" { default = [] }
variable "source_policy_documents" { default = [] }
variable "override_policy_documents" { default = [] }
variable "aliases" { default = [] }
variable "computed_aliases" { default = {} }
variable "aliases_use_name_prefix" { default = false }
variable "grants" { default = {} }

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  aliases    = { for k, v in toset(var.aliases) : k => { name = v } }
}

resource "aws_kms_key" "this" {
  count                              = var.create ? 1 : 0
  bypass_policy_lockout_safety_check = var.bypass_policy_lockout_safety_check
  customer_master_key_spec           = var.customer_master_key_spec
  custom_key_store_id                = var.custom_key_store_id
  deletion_window_in_days            = var.deletion_window_in_days
  description                        = var.description
  enable_key_rotation                = var.enable_key_rotation
  is_enabled                         = var.is_enabled
  key_usage                          = var.key_usage
  multi_region                       = var.multi_region
  policy                             = coalesce(var.policy, data.aws_iam_policy_document.this[0].json)
  rotation_period_in_days            = var.rotation_period_in_days
  tags                               = var.tags
}

data "aws_iam_policy_document" "this" {
  count                     = var.create ? 1 : 0
  source_policy_documents   = var.source_policy_documents
  override_policy_documents = var.override_policy_documents

  dynamic "statement" {
    for_each = var.enable_default_policy ? [1] : []
    content {
      sid       = "Default"
      actions   = ["kms:*"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = ["arn:\${local.partition}:iam::\${local.account_id}:root"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_owners) > 0 ? [1] : []
    content {
      sid       = "KeyOwner"
      actions   = ["kms:*"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.key_owners
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_administrators) > 0 ? [1] : []
    content {
      sid = "KeyAdministration"
      actions = [
        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
        "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
        "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
        "kms:ReplicateKey", "kms:ImportKeyMaterial"
      ]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.key_administrators
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_users) > 0 ? [1] : []
    content {
      sid       = "KeyUsage"
      actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.key_users
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_service_users) > 0 ? [1] : []
    content {
      sid       = "KeyServiceUsage"
      actions   = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.key_service_users
      }
      condition {
        test     = "Bool"
        variable = "kms:GrantIsForAWSResource"
        values   = [true]
      }
    }
  }
}

resource "aws_kms_alias" "this" {
  for_each      = { for k, v in merge(local.aliases, var.computed_aliases) : k => v if var.create }
  name          = var.aliases_use_name_prefix ? null : "alias/\${each.value.name}"
  name_prefix   = var.aliases_use_name_prefix ? "alias/\${each.value.name}-" : null
  target_key_id = aws_kms_key.this[0].key_id
}

resource "aws_kms_grant" "this" {
  for_each              = { for k, v in var.grants : k => v if var.create }
  name                  = try(each.value.name, each.key)
  key_id                = aws_kms_key.this[0].key_id
  grantee_principal     = each.value.grantee_principal
  operations            = each.value.operations
  retiring_principal    = try(each.value.retiring_principal, null)
  grant_creation_tokens = try(each.value.grant_creation_tokens, null)
  retire_on_delete      = try(each.value.retire_on_delete, null)

  dynamic "constraints" {
    for_each = try([each.value.constraints], [])
    content {
      encryption_context_equals = try(constraints.value.encryption_context_equals, null)
      encryption_context_subset = try(constraints.value.encryption_context_subset, null)
    }
  }
}

output "key_arn" { value = aws_kms_key.this[0].arn }
output "key_id" { value = aws_kms_key.this[0].key_id }
output "key_policy" { value = aws_kms_key.this[0].policy }
output "aliases" { value = aws_kms_alias.this }
output "grants" { value = aws_kms_grant.this }
`;

/** cloudposse/kms-key/aws v0: the label names the alias and tags the key. */
const CLOUDPOSSE_KMS_KEY = `${CLOUDPOSSE_LABEL}
variable "deletion_window_in_days" { default = 10 }
variable "enable_key_rotation" { default = true }
variable "rotation_period_in_days" { default = null }
variable "alias" { default = "" }
variable "policy" { default = "" }
variable "key_usage" { default = "ENCRYPT_DECRYPT" }
variable "customer_master_key_spec" { default = "SYMMETRIC_DEFAULT" }
variable "multi_region" { default = false }
variable "description" { default = "Parameter Store KMS master key" }

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  policy = var.policy == "" ? data.aws_iam_policy_document.default.json : var.policy
}

data "aws_iam_policy_document" "default" {
  statement {
    sid       = "Enable IAM User Permissions"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:\${data.aws_partition.current.partition}:iam::\${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_kms_key" "default" {
  count                    = var.enabled ? 1 : 0
  deletion_window_in_days  = var.deletion_window_in_days
  enable_key_rotation      = var.enable_key_rotation
  rotation_period_in_days  = var.rotation_period_in_days
  policy                   = local.policy
  tags                     = local.tags
  description              = var.description
  key_usage                = var.key_usage
  customer_master_key_spec = var.customer_master_key_spec
  multi_region             = var.multi_region
}

resource "aws_kms_alias" "default" {
  count         = var.enabled ? 1 : 0
  name          = coalesce(var.alias, format("alias/%v", local.id))
  target_key_id = aws_kms_key.default[0].id
}

output "key_arn" { value = aws_kms_key.default[0].arn }
output "key_id" { value = aws_kms_key.default[0].key_id }
output "alias_arn" { value = aws_kms_alias.default[0].arn }
output "alias_name" { value = aws_kms_alias.default[0].name }
`;

const MODULE_ROWS: readonly ModuleRow[] = [
  { source: 'terraform-aws-modules/kms/aws', hcl: TERRAFORM_AWS_MODULES_KMS },
  { source: 'cloudposse/kms-key/aws', hcl: CLOUDPOSSE_KMS_KEY },
  ...CONSUMER_MODULES,
];

export const REGISTRY_MODULES: readonly RegistryModule[] = MODULE_ROWS.map((row) => ({ ...row, matches: sourcePattern(row.source) }));

/**
 * The source strings that name a registry module `namespace/name/provider[//subfolder]`: the
 * registry address (`tfr://`, `registry.terraform.io/` prefixes allowed) and its GitHub repository
 * `namespace/terraform-provider-name` as a git source; any `?ref=` query. A submodule matches only
 * with its subfolder, and a module without one only without.
 */
function sourcePattern(source: string): RegExp {
  const [address, subfolder] = source.split('//');
  const [namespace, name, provider] = address.split('/').map(escapeRegExp);
  const registry = `(?:tfr:\\/\\/\\/?)?(?:registry\\.terraform\\.io\\/)?${namespace}\\/${name}\\/${provider}`;
  const git = `(?:git::)?(?:https:\\/\\/|ssh:\\/\\/git@|git@)?github\\.com[/:]${namespace}\\/terraform-${provider}-${name}(?:\\.git)?`;
  const sub = subfolder ? `\\/\\/${escapeRegExp(subfolder)}` : '';
  return new RegExp(`^(?:${registry}|${git})${sub}\\/?(?:\\?.*)?$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function registryModuleFor(source: string): RegistryModule | undefined {
  return REGISTRY_MODULES.find((m) => m.matches.test(source.trim()));
}

/**
 * The service a module we cannot read is named after (`terraform-aws-modules/sqs/aws`,
 * `git::…/terraform-aws-s3-bucket.git?ref=v4`, `…//modules/orders-db`): the first word of its
 * source that names one (the query string aside). A guess, used only for the consumer's service.
 */
const MODULE_NAME_WORDS: Readonly<Record<string, ServiceId>> = {
  s3: 's3',
  bucket: 's3',
  rds: 'rds',
  aurora: 'rds',
  db: 'rds',
  dynamodb: 'dynamodb',
  sqs: 'sqs',
  sns: 'sns',
  lambda: 'lambda',
  eks: 'eks',
  ecr: 'ecr',
  efs: 'efs',
  ebs: 'ebs',
  ec2: 'ebs',
  kinesis: 'kinesis',
  secrets: 'secretsmanager',
  secretsmanager: 'secretsmanager',
  ssm: 'ssm',
  logs: 'logs',
  log: 'logs',
  cloudwatch: 'logs',
  redshift: 'redshift',
  elasticache: 'elasticache',
  opensearch: 'opensearch',
  firehose: 'firehose',
};

export function moduleServiceGuess(source: string): ServiceId | undefined {
  const words = source
    .replace(/[?#].*$/, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const hit = words.find((w) => Object.hasOwn(MODULE_NAME_WORDS, w));
  return hit ? MODULE_NAME_WORDS[hit] : undefined;
}
