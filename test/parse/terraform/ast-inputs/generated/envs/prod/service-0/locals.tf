data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  name_prefix = "${var.environment}-${var.service_name}"
  account_id  = data.aws_caller_identity.current.account_id
  partition   = data.aws_partition.current.partition
  queues      = toset(["orders", "events", "audit"])

  common_tags = {
    Service   = var.service_name
    DataClass = var.data_class
    CostCenter = "cc-0"
  }

  admin_role_arn = "arn:${local.partition}:iam::${local.account_id}:role/platform-admin"
}
