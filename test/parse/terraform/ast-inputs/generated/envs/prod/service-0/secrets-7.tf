resource "aws_secretsmanager_secret" "secrets_7_0" {
  name                    = "${var.environment}/${var.service_name}/secrets_7_0"
  description             = "Credentials for secrets_7_0"
  kms_key_id              = aws_kms_key.backup_4a.arn
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "secrets_7_0" {
  name   = "/${var.environment}/${var.service_name}/secrets_7_0/endpoint"
  type   = "SecureString"
  value  = "https://secrets_7_0.internal.acme.example"
  key_id = aws_kms_key.app_0a.key_id
}

resource "aws_secretsmanager_secret" "secrets_7_1" {
  name                    = "${var.environment}/${var.service_name}/secrets_7_1"
  description             = "Credentials for secrets_7_1"
  kms_key_id              = "arn:aws:kms:us-east-1:111122223333:key/59f69866-19a8-051a-fe7c-704e05dd6cd9"
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "secrets_7_1" {
  name   = "/${var.environment}/${var.service_name}/secrets_7_1/endpoint"
  type   = "SecureString"
  value  = "https://secrets_7_1.internal.acme.example"
  key_id = aws_kms_key.app_0a.key_id
}

resource "aws_secretsmanager_secret" "secrets_7_2" {
  name                    = "${var.environment}/${var.service_name}/secrets_7_2"
  description             = "Credentials for secrets_7_2"
  kms_key_id              = aws_kms_key.data_24a.arn
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "secrets_7_2" {
  name   = "/${var.environment}/${var.service_name}/secrets_7_2/endpoint"
  type   = "SecureString"
  value  = "https://secrets_7_2.internal.acme.example"
  key_id = aws_kms_key.secrets_16b.key_id
}

resource "aws_secretsmanager_secret" "secrets_7_3" {
  name                    = "${var.environment}/${var.service_name}/secrets_7_3"
  description             = "Credentials for secrets_7_3"
  kms_key_id              = aws_kms_key.app_12a.arn
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "secrets_7_3" {
  name   = "/${var.environment}/${var.service_name}/secrets_7_3/endpoint"
  type   = "SecureString"
  value  = "https://secrets_7_3.internal.acme.example"
  key_id = aws_kms_key.secrets_28a.key_id
}

resource "aws_secretsmanager_secret" "secrets_7_4" {
  name                    = "${var.environment}/${var.service_name}/secrets_7_4"
  description             = "Credentials for secrets_7_4"
  kms_key_id              = aws_kms_key.app_0b.arn
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "secrets_7_4" {
  name   = "/${var.environment}/${var.service_name}/secrets_7_4/endpoint"
  type   = "SecureString"
  value  = "https://secrets_7_4.internal.acme.example"
  key_id = aws_kms_key.secrets_16b.key_id
}

resource "aws_secretsmanager_secret" "secrets_7_5" {
  name                    = "${var.environment}/${var.service_name}/secrets_7_5"
  description             = "Credentials for secrets_7_5"
  kms_key_id              = aws_kms_key.logs_36a.arn
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "secrets_7_5" {
  name   = "/${var.environment}/${var.service_name}/secrets_7_5/endpoint"
  type   = "SecureString"
  value  = "https://secrets_7_5.internal.acme.example"
  key_id = aws_kms_key.app_12a.key_id
}

resource "aws_secretsmanager_secret" "secrets_7_6" {
  name                    = "${var.environment}/${var.service_name}/secrets_7_6"
  description             = "Credentials for secrets_7_6"
  kms_key_id              = aws_kms_key.queue_28b.arn
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "secrets_7_6" {
  name   = "/${var.environment}/${var.service_name}/secrets_7_6/endpoint"
  type   = "SecureString"
  value  = "https://secrets_7_6.internal.acme.example"
  key_id = aws_kms_key.queue_28b.key_id
}

resource "aws_secretsmanager_secret" "secrets_7_7" {
  name                    = "${var.environment}/${var.service_name}/secrets_7_7"
  description             = "Credentials for secrets_7_7"
  kms_key_id              = aws_kms_key.logs_36a.arn
  recovery_window_in_days = var.environment == "prod" ? 30 : 0

  tags = merge(local.common_tags, { DataClass = "restricted" })
}

resource "aws_ssm_parameter" "secrets_7_7" {
  name   = "/${var.environment}/${var.service_name}/secrets_7_7/endpoint"
  type   = "SecureString"
  value  = "https://secrets_7_7.internal.acme.example"
  key_id = aws_kms_key.secrets_28a.key_id
}
