resource "aws_kms_key" "app_12a" {
  description             = "${local.name_prefix} app key"
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = var.enable_rotation
  multi_region            = true

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableRootAccess"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
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
            "kms:ViaService"    = ["s3.${var.region}.amazonaws.com", "rds.${var.region}.amazonaws.com", "sqs.${var.region}.amazonaws.com"]
          }
        }
      }
    ]
  })

  tags = merge(local.common_tags, {
    Name    = "${local.name_prefix}-app"
    Purpose = "app"
  })
}

resource "aws_kms_alias" "app_12a" {
  name          = "alias/${local.name_prefix}-app-12a"
  target_key_id = aws_kms_key.app_12a.key_id
}

data "aws_iam_policy_document" "secrets_12b" {
  statement {
    sid       = "EnableRootAccess"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "AllowCloudWatchLogs"
    effect    = "Allow"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${var.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${local.partition}:logs:${var.region}:${local.account_id}:log-group:*"]
    }
  }

  statement {
    sid       = "AllowCrossAccountDecrypt"
    effect    = "Allow"
    actions   = ["kms:Decrypt", "kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [for id in var.allowed_account_ids : "arn:aws:iam::${id}:root"]
    }
  }
}

resource "aws_kms_key" "secrets_12b" {
  description             = "${local.name_prefix} secrets key (policy document)"
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = true
  rotation_period_in_days = 180
  policy                  = data.aws_iam_policy_document.secrets_12b.json

  tags = merge(local.common_tags, { Name = "${local.name_prefix}-secrets" })
}

resource "aws_kms_alias" "secrets_12b" {
  name          = "alias/${local.name_prefix}-secrets-12b"
  target_key_id = aws_kms_key.secrets_12b.key_id
}
