/**
 * The registry modules that real repositories use most to create key consumers, reduced to what
 * matters for keys (see modules.ts for the form): the inputs with their real names and defaults,
 * the resources of the real types (so the consumer catalogue gives service, attribute and whether
 * a key change replaces the resource), and a few outputs. Each says which major version it
 * describes; inputs of other majors that share a name behave the same here.
 *
 * Simplifications, on purpose: resources a module creates through its own submodules are declared
 * directly (`module.db.aws_db_instance.this[0]`, not `module.db.module.db_instance.…`); variants
 * chosen by flags that do not touch keys (DynamoDB `autoscaled`, EC2 spot / `ignore_ami_changes`
 * instances) are left out; IAM roles, policies and network resources are not described.
 */

export interface ModuleRow {
  /** Registry address, with `//subfolder` for a submodule. */
  source: string;
  hcl: string;
}

/**
 * cloudposse's null-label inputs: `namespace`, `tenant`, `environment`, `stage`, `name` (or the
 * same fields of `context`) make the id, the `Name` tag and the label tags.
 */
export const CLOUDPOSSE_LABEL = `
variable "context" { default = {} }
variable "enabled" { default = true }
variable "namespace" { default = null }
variable "tenant" { default = null }
variable "environment" { default = null }
variable "stage" { default = null }
variable "name" { default = null }
variable "attributes" { default = [] }
variable "delimiter" { default = "-" }
variable "tags" { default = {} }

locals {
  enabled = var.enabled
  label = {
    namespace   = var.namespace != null ? var.namespace : try(var.context.namespace, null)
    tenant      = var.tenant != null ? var.tenant : try(var.context.tenant, null)
    environment = var.environment != null ? var.environment : try(var.context.environment, null)
    stage       = var.stage != null ? var.stage : try(var.context.stage, null)
    name        = var.name != null ? var.name : try(var.context.name, null)
  }
  id = join(var.delimiter, compact(concat([local.label.namespace, local.label.tenant, local.label.environment, local.label.stage, local.label.name], var.attributes)))
  label_tags = {
    Name        = local.id
    Namespace   = local.label.namespace
    Tenant      = local.label.tenant
    Environment = local.label.environment
    Stage       = local.label.stage
  }
  tags = merge(try(var.context.tags, {}), { for k, v in local.label_tags : k => v if v != null && v != "" }, var.tags)
}
`;

/** terraform-aws-modules/s3-bucket/aws v4: SSE is a map input turned into dynamic blocks. */
const TAM_S3_BUCKET = `
variable "create_bucket" { default = true }
variable "bucket" { default = null }
variable "bucket_prefix" { default = null }
variable "force_destroy" { default = false }
variable "expected_bucket_owner" { default = null }
variable "server_side_encryption_configuration" { default = {} }
variable "tags" { default = {} }

resource "aws_s3_bucket" "this" {
  count         = var.create_bucket ? 1 : 0
  bucket        = var.bucket
  bucket_prefix = var.bucket_prefix
  force_destroy = var.force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count                 = var.create_bucket && length(keys(var.server_side_encryption_configuration)) > 0 ? 1 : 0
  bucket                = aws_s3_bucket.this[0].id
  expected_bucket_owner = var.expected_bucket_owner

  dynamic "rule" {
    for_each = try(flatten([var.server_side_encryption_configuration["rule"]]), [])
    content {
      bucket_key_enabled = try(rule.value.bucket_key_enabled, null)
      dynamic "apply_server_side_encryption_by_default" {
        for_each = try([rule.value.apply_server_side_encryption_by_default], [])
        content {
          sse_algorithm     = apply_server_side_encryption_by_default.value.sse_algorithm
          kms_master_key_id = try(apply_server_side_encryption_by_default.value.kms_master_key_id, null)
        }
      }
    }
  }
}

output "s3_bucket_id" { value = aws_s3_bucket.this[0].id }
output "s3_bucket_arn" { value = aws_s3_bucket.this[0].arn }
`;

/** terraform-aws-modules/rds/aws v6 (the db_instance submodule's resources, declared here). */
const TAM_RDS = `
variable "create_db_instance" { default = true }
variable "identifier" { default = null }
variable "engine" { default = null }
variable "instance_class" { default = null }
variable "replicate_source_db" { default = null }
variable "storage_encrypted" { default = true }
variable "kms_key_id" { default = null }
variable "performance_insights_enabled" { default = false }
variable "performance_insights_kms_key_id" { default = null }
variable "manage_master_user_password" { default = true }
variable "master_user_secret_kms_key_id" { default = null }
variable "create_cloudwatch_log_group" { default = false }
variable "cloudwatch_log_group_kms_key_id" { default = null }
variable "enabled_cloudwatch_logs_exports" { default = [] }
variable "tags" { default = {} }
variable "db_instance_tags" { default = {} }

resource "aws_db_instance" "this" {
  count                           = var.create_db_instance ? 1 : 0
  identifier                      = var.identifier
  engine                          = var.engine
  instance_class                  = var.instance_class
  replicate_source_db             = var.replicate_source_db
  storage_encrypted               = var.storage_encrypted
  kms_key_id                      = var.kms_key_id
  performance_insights_enabled    = var.performance_insights_enabled
  performance_insights_kms_key_id = var.performance_insights_enabled ? var.performance_insights_kms_key_id : null
  manage_master_user_password     = var.replicate_source_db != null ? null : var.manage_master_user_password
  master_user_secret_kms_key_id   = var.manage_master_user_password ? var.master_user_secret_kms_key_id : null
  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports
  tags                            = merge(var.tags, var.db_instance_tags)
}

resource "aws_cloudwatch_log_group" "this" {
  for_each   = toset([for log in var.enabled_cloudwatch_logs_exports : log if var.create_db_instance && var.create_cloudwatch_log_group])
  name       = "/aws/rds/instance/\${var.identifier}/\${each.value}"
  kms_key_id = var.cloudwatch_log_group_kms_key_id
  tags       = var.tags
}

output "db_instance_arn" { value = aws_db_instance.this[0].arn }
output "db_instance_identifier" { value = aws_db_instance.this[0].identifier }
`;

/** terraform-aws-modules/rds-aurora/aws v9: the cluster, its instances (a map), its log groups. */
const TAM_RDS_AURORA = `
variable "create" { default = true }
variable "name" { default = "" }
variable "engine" { default = null }
variable "storage_encrypted" { default = true }
variable "kms_key_id" { default = null }
variable "manage_master_user_password" { default = true }
variable "master_user_secret_kms_key_id" { default = null }
variable "cluster_performance_insights_enabled" { default = null }
variable "cluster_performance_insights_kms_key_id" { default = null }
variable "performance_insights_enabled" { default = null }
variable "performance_insights_kms_key_id" { default = null }
variable "instances" { default = {} }
variable "create_cloudwatch_log_group" { default = false }
variable "cloudwatch_log_group_kms_key_id" { default = null }
variable "enabled_cloudwatch_logs_exports" { default = [] }
variable "tags" { default = {} }
variable "cluster_tags" { default = {} }

resource "aws_rds_cluster" "this" {
  count                           = var.create ? 1 : 0
  cluster_identifier              = var.name
  engine                          = var.engine
  storage_encrypted               = var.storage_encrypted
  kms_key_id                      = var.kms_key_id
  manage_master_user_password     = var.manage_master_user_password
  master_user_secret_kms_key_id   = var.manage_master_user_password ? var.master_user_secret_kms_key_id : null
  performance_insights_enabled    = var.cluster_performance_insights_enabled
  performance_insights_kms_key_id = var.cluster_performance_insights_kms_key_id
  tags                            = merge(var.tags, var.cluster_tags)
}

resource "aws_rds_cluster_instance" "this" {
  for_each                        = { for k, v in var.instances : k => v if var.create }
  identifier                      = try(each.value.identifier, "\${var.name}-\${each.key}")
  cluster_identifier              = aws_rds_cluster.this[0].id
  performance_insights_enabled    = try(each.value.performance_insights_enabled, var.performance_insights_enabled)
  performance_insights_kms_key_id = try(each.value.performance_insights_kms_key_id, var.performance_insights_kms_key_id)
  tags                            = merge(var.tags, try(each.value.tags, {}))
}

resource "aws_cloudwatch_log_group" "this" {
  for_each   = toset([for log in var.enabled_cloudwatch_logs_exports : log if var.create && var.create_cloudwatch_log_group])
  name       = "/aws/rds/cluster/\${var.name}/\${each.value}"
  kms_key_id = var.cloudwatch_log_group_kms_key_id
  tags       = var.tags
}

output "cluster_arn" { value = aws_rds_cluster.this[0].arn }
output "cluster_id" { value = aws_rds_cluster.this[0].id }
`;

/** terraform-aws-modules/dynamodb-table/aws v4 (the table without autoscaling). */
const TAM_DYNAMODB_TABLE = `
variable "create_table" { default = true }
variable "name" { default = null }
variable "hash_key" { default = null }
variable "server_side_encryption_enabled" { default = false }
variable "server_side_encryption_kms_key_arn" { default = null }
variable "replica_regions" { default = [] }
variable "tags" { default = {} }

resource "aws_dynamodb_table" "this" {
  count    = var.create_table ? 1 : 0
  name     = var.name
  hash_key = var.hash_key

  server_side_encryption {
    enabled     = var.server_side_encryption_enabled
    kms_key_arn = var.server_side_encryption_kms_key_arn
  }

  dynamic "replica" {
    for_each = var.replica_regions
    content {
      region_name = replica.value.region_name
      kms_key_arn = lookup(replica.value, "kms_key_arn", null)
    }
  }

  tags = merge(var.tags, { Name = format("%s", var.name) })
}

output "dynamodb_table_arn" { value = aws_dynamodb_table.this[0].arn }
output "dynamodb_table_id" { value = aws_dynamodb_table.this[0].id }
`;

/** terraform-aws-modules/sqs/aws v4: the queue and its optional dead-letter queue. */
const TAM_SQS = `
variable "create" { default = true }
variable "name" { default = null }
variable "fifo_queue" { default = false }
variable "kms_master_key_id" { default = null }
variable "kms_data_key_reuse_period_seconds" { default = null }
variable "sqs_managed_sse_enabled" { default = true }
variable "create_dlq" { default = false }
variable "dlq_name" { default = null }
variable "dlq_kms_master_key_id" { default = null }
variable "dlq_sqs_managed_sse_enabled" { default = true }
variable "tags" { default = {} }
variable "dlq_tags" { default = {} }

resource "aws_sqs_queue" "this" {
  count                             = var.create ? 1 : 0
  name                              = var.name
  fifo_queue                        = var.fifo_queue
  kms_master_key_id                 = var.kms_master_key_id
  kms_data_key_reuse_period_seconds = var.kms_data_key_reuse_period_seconds
  sqs_managed_sse_enabled           = var.kms_master_key_id != null ? null : var.sqs_managed_sse_enabled
  tags                              = var.tags
}

resource "aws_sqs_queue" "dlq" {
  count                   = var.create && var.create_dlq ? 1 : 0
  name                    = var.dlq_name != null ? var.dlq_name : "\${var.name}-dlq"
  kms_master_key_id       = var.dlq_kms_master_key_id
  sqs_managed_sse_enabled = var.dlq_kms_master_key_id != null ? null : var.dlq_sqs_managed_sse_enabled
  tags                    = merge(var.tags, var.dlq_tags)
}

output "queue_arn" { value = aws_sqs_queue.this[0].arn }
output "queue_url" { value = aws_sqs_queue.this[0].url }
output "dead_letter_queue_arn" { value = aws_sqs_queue.dlq[0].arn }
`;

/** terraform-aws-modules/sns/aws v6. */
const TAM_SNS = `
variable "create" { default = true }
variable "name" { default = null }
variable "fifo_topic" { default = false }
variable "kms_master_key_id" { default = null }
variable "tags" { default = {} }

resource "aws_sns_topic" "this" {
  count             = var.create ? 1 : 0
  name              = var.fifo_topic ? "\${var.name}.fifo" : var.name
  fifo_topic        = var.fifo_topic
  kms_master_key_id = var.kms_master_key_id
  tags              = var.tags
}

output "topic_arn" { value = aws_sns_topic.this[0].arn }
`;

/** terraform-aws-modules/lambda/aws v7: the function (environment variables key) and its log group. */
const TAM_LAMBDA = `
variable "create" { default = true }
variable "create_function" { default = true }
variable "create_layer" { default = false }
variable "function_name" { default = "" }
variable "kms_key_arn" { default = null }
variable "use_existing_cloudwatch_log_group" { default = false }
variable "cloudwatch_logs_retention_in_days" { default = null }
variable "cloudwatch_logs_kms_key_id" { default = null }
variable "cloudwatch_logs_tags" { default = {} }
variable "tags" { default = {} }
variable "function_tags" { default = {} }

resource "aws_lambda_function" "this" {
  count         = var.create && var.create_function && !var.create_layer ? 1 : 0
  function_name = var.function_name
  kms_key_arn   = var.kms_key_arn
  tags          = merge(var.tags, var.function_tags)
}

resource "aws_cloudwatch_log_group" "lambda" {
  count             = var.create && var.create_function && !var.create_layer && !var.use_existing_cloudwatch_log_group ? 1 : 0
  name              = "/aws/lambda/\${var.function_name}"
  retention_in_days = var.cloudwatch_logs_retention_in_days
  kms_key_id        = var.cloudwatch_logs_kms_key_id
  tags              = merge(var.tags, var.cloudwatch_logs_tags)
}

output "lambda_function_arn" { value = aws_lambda_function.this[0].arn }
`;

/**
 * terraform-aws-modules/eks/aws v20: the cluster's secrets key comes from the module's own call of
 * terraform-aws-modules/kms/aws (`create_kms_key`, default true) or from
 * `cluster_encryption_config.provider_key_arn`; the control-plane log group takes its own key.
 */
const TAM_EKS = `
variable "create" { default = true }
variable "cluster_name" { default = "" }
variable "iam_role_arn" { default = null }
variable "create_kms_key" { default = true }
variable "cluster_encryption_config" { default = { resources = ["secrets"] } }
variable "kms_key_description" { default = null }
variable "kms_key_deletion_window_in_days" { default = null }
variable "enable_kms_key_rotation" { default = true }
variable "kms_key_enable_default_policy" { default = true }
variable "kms_key_owners" { default = [] }
variable "kms_key_administrators" { default = [] }
variable "kms_key_users" { default = [] }
variable "kms_key_service_users" { default = [] }
variable "kms_key_aliases" { default = [] }
variable "create_cloudwatch_log_group" { default = true }
variable "cloudwatch_log_group_retention_in_days" { default = 90 }
variable "cloudwatch_log_group_kms_key_id" { default = null }
variable "tags" { default = {} }
variable "cluster_tags" { default = {} }

data "aws_caller_identity" "current" {}
data "aws_iam_session_context" "current" {
  arn = data.aws_caller_identity.current.arn
}

locals {
  encrypt = length(var.cluster_encryption_config) > 0
}

resource "aws_eks_cluster" "this" {
  count    = var.create ? 1 : 0
  name     = var.cluster_name
  role_arn = var.iam_role_arn

  dynamic "encryption_config" {
    for_each = local.encrypt ? [var.cluster_encryption_config] : []
    content {
      provider {
        key_arn = var.create_kms_key ? module.kms.key_arn : encryption_config.value.provider_key_arn
      }
      resources = encryption_config.value.resources
    }
  }

  tags = merge(var.tags, var.cluster_tags)
}

resource "aws_cloudwatch_log_group" "this" {
  count             = var.create && var.create_cloudwatch_log_group ? 1 : 0
  name              = "/aws/eks/\${var.cluster_name}/cluster"
  retention_in_days = var.cloudwatch_log_group_retention_in_days
  kms_key_id        = var.cloudwatch_log_group_kms_key_id
  tags              = var.tags
}

module "kms" {
  source                  = "terraform-aws-modules/kms/aws"
  create                  = var.create && var.create_kms_key && local.encrypt
  description             = var.kms_key_description != null ? var.kms_key_description : "\${var.cluster_name} cluster encryption key"
  deletion_window_in_days = var.kms_key_deletion_window_in_days
  enable_key_rotation     = var.enable_kms_key_rotation
  enable_default_policy   = var.kms_key_enable_default_policy
  key_owners              = var.kms_key_owners
  key_administrators      = coalescelist(var.kms_key_administrators, [data.aws_iam_session_context.current.issuer_arn])
  key_users               = concat([var.iam_role_arn], var.kms_key_users)
  key_service_users       = var.kms_key_service_users
  aliases                 = var.kms_key_aliases
  computed_aliases        = { cluster = { name = "eks/\${var.cluster_name}" } }
  tags                    = merge({ terraform-aws-modules = "eks" }, var.tags)
}

output "cluster_arn" { value = aws_eks_cluster.this[0].arn }
output "kms_key_arn" { value = module.kms.key_arn }
`;

/** terraform-aws-modules/cloudwatch/aws v5, submodule log-group. */
const TAM_LOG_GROUP = `
variable "create" { default = true }
variable "name" { default = null }
variable "name_prefix" { default = null }
variable "retention_in_days" { default = null }
variable "kms_key_id" { default = null }
variable "log_group_class" { default = null }
variable "tags" { default = {} }

resource "aws_cloudwatch_log_group" "this" {
  count             = var.create ? 1 : 0
  name              = var.name
  name_prefix       = var.name_prefix
  retention_in_days = var.retention_in_days
  kms_key_id        = var.kms_key_id
  log_group_class   = var.log_group_class
  tags              = var.tags
}

output "cloudwatch_log_group_arn" { value = aws_cloudwatch_log_group.this[0].arn }
output "cloudwatch_log_group_name" { value = aws_cloudwatch_log_group.this[0].name }
`;

/** terraform-aws-modules/secrets-manager/aws v1: the secret and its replicas (a map by region). */
const TAM_SECRETS_MANAGER = `
variable "create" { default = true }
variable "name" { default = null }
variable "name_prefix" { default = null }
variable "kms_key_id" { default = null }
variable "recovery_window_in_days" { default = null }
variable "replica" { default = {} }
variable "tags" { default = {} }

resource "aws_secretsmanager_secret" "this" {
  count                   = var.create ? 1 : 0
  name                    = var.name
  name_prefix             = var.name_prefix
  kms_key_id              = var.kms_key_id
  recovery_window_in_days = var.recovery_window_in_days

  dynamic "replica" {
    for_each = var.replica
    content {
      kms_key_id = try(replica.value.kms_key_id, null)
      region     = try(replica.value.region, replica.key)
    }
  }

  tags = var.tags
}

output "secret_arn" { value = aws_secretsmanager_secret.this[0].arn }
`;

/** terraform-aws-modules/ec2-instance/aws v5: volumes are lists of maps (`root_block_device`, `ebs_block_device`). */
const TAM_EC2_INSTANCE = `
variable "create" { default = true }
variable "name" { default = "" }
variable "ami" { default = null }
variable "instance_type" { default = "t3.micro" }
variable "root_block_device" { default = [] }
variable "ebs_block_device" { default = [] }
variable "tags" { default = {} }
variable "instance_tags" { default = {} }

resource "aws_instance" "this" {
  count         = var.create ? 1 : 0
  ami           = var.ami
  instance_type = var.instance_type

  dynamic "root_block_device" {
    for_each = var.root_block_device
    content {
      encrypted   = try(root_block_device.value.encrypted, null)
      kms_key_id  = lookup(root_block_device.value, "kms_key_id", null)
      volume_size = try(root_block_device.value.volume_size, null)
    }
  }

  dynamic "ebs_block_device" {
    for_each = var.ebs_block_device
    content {
      device_name = ebs_block_device.value.device_name
      encrypted   = try(ebs_block_device.value.encrypted, null)
      kms_key_id  = lookup(ebs_block_device.value, "kms_key_id", null)
    }
  }

  tags = merge({ Name = var.name }, var.instance_tags, var.tags)
}

output "arn" { value = aws_instance.this[0].arn }
`;

/** cloudposse/s3-bucket/aws v4: SSE from `sse_algorithm` and `kms_master_key_arn`. */
const CP_S3_BUCKET = `${CLOUDPOSSE_LABEL}
variable "bucket_name" { default = null }
variable "sse_algorithm" { default = "AES256" }
variable "kms_master_key_arn" { default = "" }
variable "bucket_key_enabled" { default = false }
variable "force_destroy" { default = false }

resource "aws_s3_bucket" "default" {
  count         = local.enabled ? 1 : 0
  bucket        = var.bucket_name != null && var.bucket_name != "" ? var.bucket_name : local.id
  force_destroy = var.force_destroy
  tags          = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "default" {
  count  = local.enabled ? 1 : 0
  bucket = aws_s3_bucket.default[0].id

  rule {
    bucket_key_enabled = var.bucket_key_enabled
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_master_key_arn
    }
  }
}

output "bucket_id" { value = aws_s3_bucket.default[0].id }
output "bucket_arn" { value = aws_s3_bucket.default[0].arn }
`;

/** cloudposse/rds/aws v1. */
const CP_RDS = `${CLOUDPOSSE_LABEL}
variable "engine" { default = null }
variable "instance_class" { default = null }
variable "storage_encrypted" { default = true }
variable "kms_key_arn" { default = "" }
variable "performance_insights_enabled" { default = false }
variable "performance_insights_kms_key_id" { default = null }
variable "manage_master_user_password" { default = false }
variable "master_user_secret_kms_key_id" { default = null }

resource "aws_db_instance" "default" {
  count                           = local.enabled ? 1 : 0
  identifier                      = local.id
  engine                          = var.engine
  instance_class                  = var.instance_class
  storage_encrypted               = var.storage_encrypted
  kms_key_id                      = var.kms_key_arn
  performance_insights_enabled    = var.performance_insights_enabled
  performance_insights_kms_key_id = var.performance_insights_enabled ? var.performance_insights_kms_key_id : null
  manage_master_user_password     = var.manage_master_user_password ? var.manage_master_user_password : null
  master_user_secret_kms_key_id   = var.manage_master_user_password ? var.master_user_secret_kms_key_id : null
  tags                            = local.tags
}

output "instance_arn" { value = aws_db_instance.default[0].arn }
`;

/** cloudposse/rds-cluster/aws v1 (a regional cluster of `cluster_size` instances). */
const CP_RDS_CLUSTER = `${CLOUDPOSSE_LABEL}
variable "engine" { default = "aurora" }
variable "cluster_size" { default = 2 }
variable "storage_encrypted" { default = true }
variable "kms_key_arn" { default = "" }
variable "performance_insights_enabled" { default = false }
variable "performance_insights_kms_key_id" { default = "" }

resource "aws_rds_cluster" "primary" {
  count              = local.enabled ? 1 : 0
  cluster_identifier = local.id
  engine             = var.engine
  storage_encrypted  = var.storage_encrypted
  kms_key_id         = var.kms_key_arn
  tags               = local.tags
}

resource "aws_rds_cluster_instance" "default" {
  count                           = local.enabled ? var.cluster_size : 0
  identifier                      = "\${local.id}-\${count.index + 1}"
  cluster_identifier              = aws_rds_cluster.primary[0].id
  performance_insights_enabled    = var.performance_insights_enabled
  performance_insights_kms_key_id = var.performance_insights_enabled ? var.performance_insights_kms_key_id : null
  tags                            = local.tags
}

output "arn" { value = aws_rds_cluster.primary[0].arn }
`;

/** cloudposse/dynamodb/aws v0: KMS encryption on by default, with the AWS managed key unless a key is given. */
const CP_DYNAMODB = `${CLOUDPOSSE_LABEL}
variable "hash_key" { default = null }
variable "enable_encryption" { default = true }
variable "server_side_encryption_kms_key_arn" { default = null }

resource "aws_dynamodb_table" "default" {
  count    = local.enabled ? 1 : 0
  name     = local.id
  hash_key = var.hash_key

  server_side_encryption {
    enabled     = var.enable_encryption
    kms_key_arn = var.server_side_encryption_kms_key_arn
  }

  tags = local.tags
}

output "table_arn" { value = aws_dynamodb_table.default[0].arn }
`;

/** cloudposse/sns-topic/aws v0: encrypted with alias/aws/sns unless told otherwise; an optional SQS dead-letter queue. */
const CP_SNS_TOPIC = `${CLOUDPOSSE_LABEL}
variable "encryption_enabled" { default = true }
variable "kms_master_key_id" { default = "alias/aws/sns" }
variable "sqs_dlq_enabled" { default = false }
variable "sqs_queue_kms_master_key_id" { default = "alias/aws/sqs" }

resource "aws_sns_topic" "this" {
  count             = local.enabled ? 1 : 0
  name              = local.id
  kms_master_key_id = var.encryption_enabled ? var.kms_master_key_id : ""
  tags              = local.tags
}

resource "aws_sqs_queue" "dead_letter_queue" {
  count             = local.enabled && var.sqs_dlq_enabled ? 1 : 0
  name              = "\${local.id}-dlq"
  kms_master_key_id = var.sqs_queue_kms_master_key_id
  tags              = local.tags
}

output "sns_topic_arn" { value = aws_sns_topic.this[0].arn }
`;

/** cloudposse/sqs-queue/aws v1. */
const CP_SQS_QUEUE = `${CLOUDPOSSE_LABEL}
variable "kms_master_key_id" { default = null }
variable "kms_data_key_reuse_period_seconds" { default = 300 }
variable "sqs_managed_sse_enabled" { default = true }

resource "aws_sqs_queue" "default" {
  count                             = local.enabled ? 1 : 0
  name                              = local.id
  kms_master_key_id                 = var.kms_master_key_id
  kms_data_key_reuse_period_seconds = var.kms_data_key_reuse_period_seconds
  sqs_managed_sse_enabled           = var.kms_master_key_id != null ? null : var.sqs_managed_sse_enabled
  tags                              = local.tags
}

output "arn" { value = aws_sqs_queue.default[0].arn }
`;

/** cloudposse/lambda-function/aws v0: the function; its log group through cloudposse/cloudwatch-logs/aws. */
const CP_LAMBDA_FUNCTION = `${CLOUDPOSSE_LABEL}
variable "function_name" { default = null }
variable "kms_key_arn" { default = "" }
variable "cloudwatch_logs_retention_in_days" { default = null }
variable "cloudwatch_logs_kms_key_arn" { default = null }

resource "aws_lambda_function" "this" {
  count         = local.enabled ? 1 : 0
  function_name = var.function_name
  kms_key_arn   = var.kms_key_arn
  tags          = local.tags
}

module "cloudwatch_log_group" {
  source            = "cloudposse/cloudwatch-logs/aws"
  enabled           = local.enabled
  name              = "/aws/lambda/\${var.function_name}"
  kms_key_arn       = var.cloudwatch_logs_kms_key_arn
  retention_in_days = var.cloudwatch_logs_retention_in_days
  tags              = local.tags
}

output "arn" { value = aws_lambda_function.this[0].arn }
`;

/** cloudposse/cloudwatch-logs/aws v0. */
const CP_CLOUDWATCH_LOGS = `${CLOUDPOSSE_LABEL}
variable "kms_key_arn" { default = "" }
variable "retention_in_days" { default = 30 }

resource "aws_cloudwatch_log_group" "default" {
  count             = local.enabled ? 1 : 0
  name              = local.id
  retention_in_days = var.retention_in_days
  kms_key_id        = var.kms_key_arn
  tags              = local.tags
}

output "log_group_arn" { value = aws_cloudwatch_log_group.default[0].arn }
output "log_group_name" { value = aws_cloudwatch_log_group.default[0].name }
`;

/**
 * cloudposse/eks-cluster/aws v4: secrets encryption on by default with a key the module creates
 * (`aws_kms_key.cluster`) unless `cluster_encryption_config_kms_key_id` names one.
 */
const CP_EKS_CLUSTER = `${CLOUDPOSSE_LABEL}
variable "cluster_encryption_config_enabled" { default = true }
variable "cluster_encryption_config_kms_key_id" { default = "" }
variable "cluster_encryption_config_kms_key_enable_key_rotation" { default = true }
variable "cluster_encryption_config_kms_key_deletion_window_in_days" { default = 10 }
variable "cluster_encryption_config_kms_key_policy" { default = null }
variable "cluster_encryption_config_resources" { default = ["secrets"] }
variable "enabled_cluster_log_types" { default = [] }
variable "cloudwatch_log_group_kms_key_id" { default = null }

locals {
  create_key       = local.enabled && var.cluster_encryption_config_enabled && var.cluster_encryption_config_kms_key_id == ""
  provider_key_arn = var.cluster_encryption_config_kms_key_id != "" ? var.cluster_encryption_config_kms_key_id : aws_kms_key.cluster[0].arn
}

resource "aws_kms_key" "cluster" {
  count                   = local.create_key ? 1 : 0
  description             = "EKS Cluster \${local.id} Encryption Config KMS Key"
  enable_key_rotation     = var.cluster_encryption_config_kms_key_enable_key_rotation
  deletion_window_in_days = var.cluster_encryption_config_kms_key_deletion_window_in_days
  policy                  = var.cluster_encryption_config_kms_key_policy
  tags                    = local.tags
}

resource "aws_kms_alias" "cluster" {
  count         = local.create_key ? 1 : 0
  name          = format("alias/%v", local.id)
  target_key_id = aws_kms_key.cluster[0].key_id
}

resource "aws_eks_cluster" "default" {
  count = local.enabled ? 1 : 0
  name  = local.id

  dynamic "encryption_config" {
    for_each = var.cluster_encryption_config_enabled ? [1] : []
    content {
      resources = var.cluster_encryption_config_resources
      provider {
        key_arn = local.provider_key_arn
      }
    }
  }

  tags = local.tags
}

resource "aws_cloudwatch_log_group" "default" {
  count      = local.enabled && length(var.enabled_cluster_log_types) > 0 ? 1 : 0
  name       = "/aws/eks/\${local.id}/cluster"
  kms_key_id = var.cloudwatch_log_group_kms_key_id
  tags       = local.tags
}

output "eks_cluster_arn" { value = aws_eks_cluster.default[0].arn }
`;

/** cloudposse/efs/aws v1: encrypted by default, with aws/elasticfilesystem unless `kms_key_id` is given. */
const CP_EFS = `${CLOUDPOSSE_LABEL}
variable "encrypted" { default = true }
variable "kms_key_id" { default = null }

resource "aws_efs_file_system" "default" {
  count      = local.enabled ? 1 : 0
  encrypted  = var.encrypted
  kms_key_id = var.kms_key_id
  tags       = local.tags
}

output "arn" { value = aws_efs_file_system.default[0].arn }
`;

export const CONSUMER_MODULES: readonly ModuleRow[] = [
  { source: 'terraform-aws-modules/s3-bucket/aws', hcl: TAM_S3_BUCKET },
  { source: 'terraform-aws-modules/rds/aws', hcl: TAM_RDS },
  { source: 'terraform-aws-modules/rds-aurora/aws', hcl: TAM_RDS_AURORA },
  { source: 'terraform-aws-modules/dynamodb-table/aws', hcl: TAM_DYNAMODB_TABLE },
  { source: 'terraform-aws-modules/sqs/aws', hcl: TAM_SQS },
  { source: 'terraform-aws-modules/sns/aws', hcl: TAM_SNS },
  { source: 'terraform-aws-modules/lambda/aws', hcl: TAM_LAMBDA },
  { source: 'terraform-aws-modules/eks/aws', hcl: TAM_EKS },
  { source: 'terraform-aws-modules/cloudwatch/aws//modules/log-group', hcl: TAM_LOG_GROUP },
  { source: 'terraform-aws-modules/secrets-manager/aws', hcl: TAM_SECRETS_MANAGER },
  { source: 'terraform-aws-modules/ec2-instance/aws', hcl: TAM_EC2_INSTANCE },
  { source: 'cloudposse/s3-bucket/aws', hcl: CP_S3_BUCKET },
  { source: 'cloudposse/rds/aws', hcl: CP_RDS },
  { source: 'cloudposse/rds-cluster/aws', hcl: CP_RDS_CLUSTER },
  { source: 'cloudposse/dynamodb/aws', hcl: CP_DYNAMODB },
  { source: 'cloudposse/sns-topic/aws', hcl: CP_SNS_TOPIC },
  { source: 'cloudposse/sqs-queue/aws', hcl: CP_SQS_QUEUE },
  { source: 'cloudposse/lambda-function/aws', hcl: CP_LAMBDA_FUNCTION },
  { source: 'cloudposse/cloudwatch-logs/aws', hcl: CP_CLOUDWATCH_LOGS },
  { source: 'cloudposse/eks-cluster/aws', hcl: CP_EKS_CLUSTER },
  { source: 'cloudposse/efs/aws', hcl: CP_EFS },
];
