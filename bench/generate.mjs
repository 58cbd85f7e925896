#!/usr/bin/env node
/**
 * Writes a synthetic, deterministic IaC monorepo for the benchmark: Terraform roots under
 * `envs/<env>/<service>/` with keys, policies, aliases and consumers, a shared local module, and
 * CloudFormation stacks (YAML with short tags, JSON in long form) that import each other's exports.
 *
 *   node bench/generate.mjs <dir> [scale]     # scale multiplies roots and templates
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ENVS = ['prod', 'staging', 'dev'];
const ACCOUNTS = { prod: '111122223333', staging: '444455556666', dev: '777788889999' };
const REGIONS = ['eu-west-1', 'us-east-1', 'eu-central-1'];
const TEAMS = ['payments', 'identity', 'search', 'ledger', 'growth', 'platform'];
const DATA_CLASSES = ['confidential', 'internal', 'restricted', 'public'];
const KEY_PURPOSES = ['data', 'logs', 'secrets', 'backup', 'queue', 'app'];
/** Files after providers/variables/locals cycle through these; `kms` comes often enough that consumers have keys. */
const TF_KINDS = ['kms', 's3', 'rds', 'sqs', 'kms', 'sns', 'logs', 'secrets', 'dynamodb', 'module', 'iam', 'outputs'];

/** mulberry32: tiny, fast and good enough to vary synthetic content reproducibly. */
function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    uuid: () =>
      Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16))
        .join('')
        .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
  };
}

// ---------------------------------------------------------------- Terraform

function tfProviders(root) {
  return `terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket         = "acme-terraform-state-${root.account}"
    key            = "${root.dir}/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Environment = var.environment
      Service     = var.service_name
      Owner       = "team-${root.team}"
      ManagedBy   = "terraform"
      Repository  = "acme/infrastructure"
    }
  }
}

provider "aws" {
  alias  = "replica"
  region = "us-west-2"

  default_tags {
    tags = {
      Environment = var.environment
      Service     = var.service_name
      Owner       = "team-${root.team}"
    }
  }
}
`;
}

function tfVariables(root) {
  return `variable "environment" {
  description = "Deployment environment."
  type        = string
  default     = "${root.env}"

  validation {
    condition     = contains(["prod", "staging", "dev"], var.environment)
    error_message = "environment must be prod, staging or dev."
  }
}

variable "region" {
  type    = string
  default = "${root.region}"
}

variable "service_name" {
  type    = string
  default = "${root.service}"
}

variable "data_class" {
  description = "Classification of the data this service stores."
  type        = string
  default     = "${root.dataClass}"
}

variable "deletion_window_in_days" {
  type    = number
  default = ${root.env === 'prod' ? 30 : 7}
}

variable "enable_rotation" {
  type    = bool
  default = true
}

variable "log_retention_days" {
  type    = number
  default = ${root.env === 'prod' ? 365 : 30}
}

variable "allowed_account_ids" {
  type    = list(string)
  default = ["${root.account}"]
}
`;
}

function tfLocals(root) {
  return `data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  name_prefix = "\${var.environment}-\${var.service_name}"
  account_id  = data.aws_caller_identity.current.account_id
  partition   = data.aws_partition.current.partition
  queues      = toset(["orders", "events", "audit"])

  common_tags = {
    Service   = var.service_name
    DataClass = var.data_class
    CostCenter = "cc-${root.index % 17}"
  }

  admin_role_arn = "arn:\${local.partition}:iam::\${local.account_id}:role/platform-admin"
}
`;
}

function tfJsonencodeKey(name, purpose, root) {
  return `resource "aws_kms_key" "${name}" {
  description             = "\${local.name_prefix} ${purpose} key"
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = var.enable_rotation
  multi_region            = ${root.rng.chance(0.1)}

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableRootAccess"
        Effect    = "Allow"
        Principal = { AWS = "arn:\${local.partition}:iam::\${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AllowKeyAdministration"
        Effect    = "Allow"
        Principal = { AWS = local.admin_role_arn }
        Action    = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]
        Resource  = "*"
      },
      {
        Sid       = "AllowUseThroughServices"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = local.account_id
            "kms:ViaService"    = ["s3.\${var.region}.amazonaws.com", "rds.\${var.region}.amazonaws.com", "sqs.\${var.region}.amazonaws.com"]
          }
        }
      }
    ]
  })

  tags = merge(local.common_tags, {
    Name    = "\${local.name_prefix}-${purpose}"
    Purpose = "${purpose}"
  })
}

resource "aws_kms_alias" "${name}" {
  name          = "alias/\${local.name_prefix}-${name.replaceAll('_', '-')}"
  target_key_id = aws_kms_key.${name}.key_id
}
`;
}

function tfPolicyDocumentKey(name, purpose) {
  return `data "aws_iam_policy_document" "${name}" {
  statement {
    sid       = "EnableRootAccess"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:\${local.partition}:iam::\${local.account_id}:root"]
    }
  }

  statement {
    sid       = "AllowCloudWatchLogs"
    effect    = "Allow"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.\${var.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:\${local.partition}:logs:\${var.region}:\${local.account_id}:log-group:*"]
    }
  }

  statement {
    sid       = "AllowCrossAccountDecrypt"
    effect    = "Allow"
    actions   = ["kms:Decrypt", "kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [for id in var.allowed_account_ids : "arn:aws:iam::\${id}:root"]
    }
  }
}

resource "aws_kms_key" "${name}" {
  description             = "\${local.name_prefix} ${purpose} key (policy document)"
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = true
  rotation_period_in_days = 180
  policy                  = data.aws_iam_policy_document.${name}.json

  tags = merge(local.common_tags, { Name = "\${local.name_prefix}-${purpose}" })
}

resource "aws_kms_alias" "${name}" {
  name          = "alias/\${local.name_prefix}-${name.replaceAll('_', '-')}"
  target_key_id = aws_kms_key.${name}.key_id
}
`;
}

function tfKms(root, file) {
  const [first, second] = [`${root.rng.pick(KEY_PURPOSES)}_${file}a`, `${root.rng.pick(KEY_PURPOSES)}_${file}b`];
  return `${tfJsonencodeKey(first, first.split('_')[0], root)}\n${tfPolicyDocumentKey(second, second.split('_')[0])}`;
}

/** The key expression a consumer uses: mostly a reference, sometimes an ARN literal pasted from the console. */
function keyRef(root, attr = 'arn') {
  if (root.keys.length === 0 || root.rng.chance(0.15)) {
    return `"arn:aws:kms:${root.region}:${root.account}:key/${root.rng.uuid()}"`;
  }
  return `aws_kms_key.${root.rng.pick(root.keys)}.${attr}`;
}

const TF_CONSUMERS = {
  s3: (root, name) => `resource "aws_s3_bucket" "${name}" {
  bucket = "\${local.name_prefix}-${name.replaceAll('_', '-')}"

  tags = merge(local.common_tags, { Name = "${name}" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "${name}" {
  bucket = aws_s3_bucket.${name}.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = ${keyRef(root)}
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "${name}" {
  bucket = aws_s3_bucket.${name}.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "${name}" {
  bucket                  = aws_s3_bucket.${name}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
  rds: (root, name) => `resource "aws_db_subnet_group" "${name}" {
  name       = "\${local.name_prefix}-${name.replaceAll('_', '-')}"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
}

resource "aws_db_instance" "${name}" {
  identifier                      = "\${local.name_prefix}-${name.replaceAll('_', '-')}"
  engine                          = "postgres"
  engine_version                  = "15.5"
  instance_class                  = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage               = ${root.rng.int(20, 500)}
  storage_encrypted               = true
  kms_key_id                      = ${keyRef(root)}
  performance_insights_enabled    = true
  performance_insights_kms_key_id = ${keyRef(root)}
  db_subnet_group_name            = aws_db_subnet_group.${name}.name
  username                        = "app"
  manage_master_user_password     = true
  master_user_secret_kms_key_id   = ${keyRef(root, 'key_id')}
  backup_retention_period         = var.environment == "prod" ? 14 : 1
  deletion_protection             = var.environment == "prod"
  skip_final_snapshot             = var.environment != "prod"

  tags = merge(local.common_tags, { Name = "${name}" })
}
`,
  sqs: (root, name) => `resource "aws_sqs_queue" "${name}_dlq" {
  name                      = "\${local.name_prefix}-${name.replaceAll('_', '-')}-dlq"
  kms_master_key_id         = ${keyRef(root, 'id')}
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "${name}" {
  for_each = local.queues

  name                              = "\${local.name_prefix}-\${each.key}-${name.replaceAll('_', '-')}"
  kms_master_key_id                 = ${keyRef(root)}
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = 60

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.${name}_dlq.arn
    maxReceiveCount     = 5
  })

  tags = local.common_tags
}
`,
  sns: (root, name) => `resource "aws_sns_topic" "${name}" {
  name              = "\${local.name_prefix}-${name.replaceAll('_', '-')}"
  kms_master_key_id = ${root.keys.length > 0 ? `aws_kms_alias.${root.rng.pick(root.keys)}.name` : '"alias/aws/sns"'}

  tags = local.common_tags
}

resource "aws_sns_topic_policy" "${name}" {
  arn = aws_sns_topic.${name}.arn

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowPublishFromAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::\${local.account_id}:root" }
      Action    = ["sns:Publish"]
      Resource  = aws_sns_topic.${name}.arn
    }]
  })
}
`,
  logs: (root, name) => `resource "aws_cloudwatch_log_group" "${name}" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/\${var.environment}/\${var.service_name}/${name}-\${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = ${keyRef(root)}

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "${name}_errors" {
  name           = "${name}-errors"
  log_group_name = aws_cloudwatch_log_group.${name}[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "${name}-errors"
    namespace = "Acme/\${var.service_name}"
    value     = "1"
  }
}
`,
  secrets: (root, name) => `resource "aws_secretsmanager_secret" "${name}" {
  name                    = "\${var.environment}/\${var.service_name}/${name}"
  description             = "Credentials for ${name}"
  kms_key_id              = ${keyRef(root)}
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "${name}" {
  name   = "/\${var.environment}/\${var.service_name}/${name}/endpoint"
  type   = "SecureString"
  value  = "https://${name}.internal.acme.example"
  key_id = ${keyRef(root, 'key_id')}
}
`,
  dynamodb: (root, name) => `resource "aws_dynamodb_table" "${name}" {
  name         = "\${local.name_prefix}-${name.replaceAll('_', '-')}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = ${keyRef(root)}
  }

  point_in_time_recovery {
    enabled = var.environment == "prod"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  tags = local.common_tags
}
`,
  module: (root, name) => `module "${name}" {
  source = "../../../modules/bucket"

  name        = "\${local.name_prefix}-${name.replaceAll('_', '-')}"
  kms_key_arn = ${keyRef(root)}
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}
`,
  iam: (root, name) => `resource "aws_iam_role" "${name}" {
  name = "\${local.name_prefix}-${name.replaceAll('_', '-')}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "${name}_kms" {
  name = "kms-use"
  role = aws_iam_role.${name}.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseServiceKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource = [${keyRef(root)}, ${keyRef(root)}]
    }]
  })
}
`,
  outputs: (root, name) =>
    root.keys
      .map(
        (key) => `output "${name}_${key}_arn" {
  description = "ARN of the ${key} key."
  value       = aws_kms_key.${key}.arn
}
`,
      )
      .join('\n') || `output "${name}_region" {\n  value = var.region\n}\n`,
};

/** Consumer files hold a few resources each, so the average file is a few KB as in real repos. */
function tfConsumerFile(root, kind, file) {
  const count = kind === 'outputs' ? 1 : root.rng.int(5, 8);
  return Array.from({ length: count }, (_, i) => TF_CONSUMERS[kind](root, `${kind}_${file}_${i}`)).join('\n');
}

function tfRootFiles(root, filesPerRoot) {
  const files = [];
  const fixed = [
    ['providers.tf', () => tfProviders(root)],
    ['variables.tf', () => tfVariables(root)],
    ['locals.tf', () => tfLocals(root)],
  ];
  for (const [name, render] of fixed.slice(0, filesPerRoot)) files.push([name, render()]);
  const kinds = Array.from({ length: Math.max(0, filesPerRoot - fixed.length) }, (_, i) => TF_KINDS[i % TF_KINDS.length]);
  // Keys first, so every consumer file can refer to keys of its root.
  kinds.forEach((kind, file) => {
    if (kind !== 'kms') return;
    const text = tfKms(root, file);
    for (const match of text.matchAll(/resource "aws_kms_key" "(\w+)"/g)) root.keys.push(match[1]);
    files.push([`kms-${file}.tf`, text]);
  });
  kinds.forEach((kind, file) => {
    if (kind !== 'kms') files.push([`${kind}-${file}.tf`, tfConsumerFile(root, kind, file)]);
  });
  files.push([
    'terraform.tfvars',
    `environment  = "${root.env}"\nregion       = "${root.region}"\nservice_name = "${root.service}"\ndata_class   = "${root.dataClass}"\n`,
  ]);
  return files;
}

const BUCKET_MODULE = [
  [
    'modules/bucket/variables.tf',
    `variable "name" {
  type = string
}

variable "kms_key_arn" {
  description = "Key that encrypts the bucket; null means SSE-S3."
  type        = string
  default     = null
}

variable "versioning" {
  type    = bool
  default = true
}

variable "tags" {
  type    = map(string)
  default = {}
}
`,
  ],
  [
    'modules/bucket/main.tf',
    `resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = var.versioning ? "Enabled" : "Suspended"
  }
}
`,
  ],
  [
    'modules/bucket/outputs.tf',
    `output "bucket_arn" {
  value = aws_s3_bucket.this.arn
}

output "bucket_name" {
  value = aws_s3_bucket.this.id
}
`,
  ],
];

// ---------------------------------------------------------------- CloudFormation

/** An intrinsic function; YAML writes it as a short tag, JSON in long form. */
const fn = (tag, value) => ({ $fn: tag, value });
const LONG_FORM = { Ref: 'Ref', GetAtt: 'Fn::GetAtt', Sub: 'Fn::Sub', ImportValue: 'Fn::ImportValue', If: 'Fn::If', Equals: 'Fn::Equals' };

function toJsonForm(value) {
  if (Array.isArray(value)) return value.map(toJsonForm);
  if (value === null || typeof value !== 'object') return value;
  if ('$fn' in value) {
    const inner = value.$fn === 'GetAtt' ? value.value.split('.') : toJsonForm(value.value);
    return { [LONG_FORM[value.$fn]]: inner };
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonForm(item)]));
}

/** Plain when unambiguous; `*` alone would be an alias and `a:b` inside `[...]` trips some parsers. */
function yamlScalar(value, inFlow = false) {
  if (typeof value !== 'string') return String(value);
  const plain = (inFlow ? /^[A-Za-z_/][\w./*-]*$/ : /^[A-Za-z_/][\w./:*-]*$/).test(value);
  return plain && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value) ? value : `'${value.replaceAll("'", "''")}'`;
}

/** Flow form for intrinsics and short lists: `!If [IsProd, !GetAtt Key.Arn, !Ref AWS::NoValue]`. */
function yamlInline(value, inFlow = false) {
  if (Array.isArray(value)) return `[${value.map((item) => yamlInline(item, true)).join(', ')}]`;
  if (value !== null && typeof value === 'object' && '$fn' in value) return `!${value.$fn} ${yamlInline(value.value, inFlow)}`;
  return yamlScalar(value, inFlow);
}

const isBlock = (value) =>
  value !== null &&
  typeof value === 'object' &&
  !('$fn' in value) &&
  (!Array.isArray(value) || value.some((item) => typeof item === 'object' && item !== null && !('$fn' in item)));

function yamlLines(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isBlock(item)) return [`${pad}- ${yamlInline(item)}`];
      const [first, ...rest] = yamlLines(item, indent + 2);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    });
  }
  return Object.entries(value).flatMap(([key, item]) =>
    isBlock(item) ? [`${pad}${yamlScalar(key)}:`, ...yamlLines(item, indent + 2)] : [`${pad}${yamlScalar(key)}: ${yamlInline(item)}`],
  );
}

/** Exports are named `<env>-<stack>-key-arn`; a stack imports only from stacks of its own environment. */
function cfnTemplate(stack, rng, exportsSoFar) {
  const sameEnv = exportsSoFar.filter((name) => name.startsWith(`${stack.env}-`));
  const imported = sameEnv.length > 0 && rng.chance(0.6) ? rng.pick(sameEnv) : undefined;
  const importedKey = imported
    ? rng.chance(0.5)
      ? fn('ImportValue', imported)
      : { 'Fn::ImportValue': fn('Sub', `\${Environment}-${imported.slice(stack.env.length + 1)}`) }
    : fn('GetAtt', 'DataKey.Arn');
  const tags = [
    { Key: 'Environment', Value: fn('Ref', 'Environment') },
    { Key: 'Team', Value: stack.team },
    { Key: 'DataClass', Value: rng.pick(DATA_CLASSES) },
  ];
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${stack.name}: data stores of the ${stack.team} team`,
    Parameters: {
      Environment: { Type: 'String', Default: stack.env, AllowedValues: ENVS },
      RetentionInDays: { Type: 'Number', Default: 90 },
    },
    Conditions: { IsProd: fn('Equals', [fn('Ref', 'Environment'), 'prod']) },
    Resources: {
      DataKey: {
        Type: 'AWS::KMS::Key',
        DeletionPolicy: 'Retain',
        Properties: {
          Description: fn('Sub', `\${Environment} ${stack.name} data key`),
          EnableKeyRotation: true,
          PendingWindowInDays: fn('If', ['IsProd', 30, 7]),
          KeyPolicy: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'EnableRootAccess',
                Effect: 'Allow',
                Principal: { AWS: fn('Sub', `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root`) },
                Action: 'kms:*',
                Resource: '*',
              },
              {
                Sid: 'AllowServiceUse',
                Effect: 'Allow',
                Principal: { AWS: '*' },
                Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
                Resource: '*',
                Condition: {
                  StringEquals: {
                    'kms:CallerAccount': fn('Ref', 'AWS::AccountId'),
                    'kms:ViaService': [fn('Sub', `s3.\${AWS::Region}.amazonaws.com`), fn('Sub', `sqs.\${AWS::Region}.amazonaws.com`)],
                  },
                },
              },
            ],
          },
          Tags: tags,
        },
      },
      DataKeyAlias: {
        Type: 'AWS::KMS::Alias',
        Properties: { AliasName: fn('Sub', `alias/\${Environment}-${stack.name}`), TargetKeyId: fn('Ref', 'DataKey') },
      },
      Bucket: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketName: fn('Sub', `\${Environment}-${stack.name}-\${AWS::AccountId}`),
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: fn('GetAtt', 'DataKey.Arn') }, BucketKeyEnabled: true },
            ],
          },
          Tags: tags,
        },
      },
      Queue: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: fn('Ref', 'DataKey'), MessageRetentionPeriod: 345600 } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: fn('Ref', 'DataKeyAlias') } },
      LogGroup: {
        Type: 'AWS::Logs::LogGroup',
        Properties: { LogGroupName: fn('Sub', `/acme/\${Environment}/${stack.name}`), RetentionInDays: fn('Ref', 'RetentionInDays'), KmsKeyId: importedKey },
      },
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: fn('GetAtt', 'DataKey.Arn') },
        },
      },
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { Description: `${stack.name} credentials`, KmsKeyId: importedKey } },
    },
    Outputs: {
      DataKeyArn: { Value: fn('GetAtt', 'DataKey.Arn'), Export: { Name: `${stack.env}-${stack.name}-key-arn` } },
    },
  };
  return template;
}

function cfnFiles(templates, rng) {
  const files = [];
  const exportsSoFar = [];
  for (let i = 0; i < templates; i++) {
    const stack = { name: `stack-${i}`, env: ENVS[i % ENVS.length], team: TEAMS[i % TEAMS.length] };
    const template = cfnTemplate(stack, rng, exportsSoFar);
    exportsSoFar.push(template.Outputs.DataKeyArn.Export.Name);
    const base = `stacks/${stack.team}/${stack.name}`;
    files.push(
      i % 3 === 2 ? [`${base}.json`, `${JSON.stringify(toJsonForm(template), null, 2)}\n`] : [`${base}.yaml`, `${yamlLines(template, 0).join('\n')}\n`],
    );
  }
  return files;
}

// ---------------------------------------------------------------- entry points

/**
 * Writes the monorepo into `dir`, which must be absent or empty (a leftover larger run would skew
 * the benchmark). Synchronous: it is set-up, not something to overlap with the measurement.
 */
export function generateMonorepo(dir, { roots = 100, filesPerRoot = 40, templates = 300, seed = 1 } = {}) {
  try {
    if (readdirSync(dir).length > 0) throw new Error(`generateMonorepo: ${dir} is not empty`);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const rng = prng(seed);
  const files = [...BUCKET_MODULE];
  for (let index = 0; index < roots; index++) {
    const env = ENVS[index % ENVS.length];
    const service = `service-${Math.floor(index / ENVS.length)}`;
    const root = {
      index,
      env,
      service,
      dir: `envs/${env}/${service}`,
      account: ACCOUNTS[env],
      region: rng.pick(REGIONS),
      team: rng.pick(TEAMS),
      dataClass: rng.pick(DATA_CLASSES),
      keys: [],
      rng,
    };
    for (const [name, text] of tfRootFiles(root, filesPerRoot)) files.push([`${root.dir}/${name}`, text]);
  }
  files.push(...cfnFiles(templates, rng));

  let bytes = 0;
  for (const [path, text] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.length, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, scaleArg = '1'] = process.argv.slice(2);
  const scale = Number(scaleArg);
  if (!dir || !(scale > 0)) {
    console.error('usage: node bench/generate.mjs <dir> [scale]');
    process.exit(2);
  }
  const started = performance.now();
  const { files, bytes } = generateMonorepo(dir, { roots: Math.round(100 * scale), templates: Math.round(300 * scale) });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`${dir}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s`);
}
