resource "aws_cloudwatch_log_group" "logs_6_0" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/${var.environment}/${var.service_name}/logs_6_0-${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.data_24a.arn

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "logs_6_0_errors" {
  name           = "logs_6_0-errors"
  log_group_name = aws_cloudwatch_log_group.logs_6_0[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "logs_6_0-errors"
    namespace = "Acme/${var.service_name}"
    value     = "1"
  }
}

resource "aws_cloudwatch_log_group" "logs_6_1" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/${var.environment}/${var.service_name}/logs_6_1-${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.app_0b.arn

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "logs_6_1_errors" {
  name           = "logs_6_1-errors"
  log_group_name = aws_cloudwatch_log_group.logs_6_1[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "logs_6_1-errors"
    namespace = "Acme/${var.service_name}"
    value     = "1"
  }
}

resource "aws_cloudwatch_log_group" "logs_6_2" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/${var.environment}/${var.service_name}/logs_6_2-${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.data_24a.arn

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "logs_6_2_errors" {
  name           = "logs_6_2-errors"
  log_group_name = aws_cloudwatch_log_group.logs_6_2[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "logs_6_2-errors"
    namespace = "Acme/${var.service_name}"
    value     = "1"
  }
}

resource "aws_cloudwatch_log_group" "logs_6_3" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/${var.environment}/${var.service_name}/logs_6_3-${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.app_0b.arn

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "logs_6_3_errors" {
  name           = "logs_6_3-errors"
  log_group_name = aws_cloudwatch_log_group.logs_6_3[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "logs_6_3-errors"
    namespace = "Acme/${var.service_name}"
    value     = "1"
  }
}

resource "aws_cloudwatch_log_group" "logs_6_4" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/${var.environment}/${var.service_name}/logs_6_4-${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = "arn:aws:kms:us-east-1:111122223333:key/cc35b030-4e56-a2ac-a716-e7ef93a99e5e"

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "logs_6_4_errors" {
  name           = "logs_6_4-errors"
  log_group_name = aws_cloudwatch_log_group.logs_6_4[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "logs_6_4-errors"
    namespace = "Acme/${var.service_name}"
    value     = "1"
  }
}

resource "aws_cloudwatch_log_group" "logs_6_5" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/${var.environment}/${var.service_name}/logs_6_5-${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = "arn:aws:kms:us-east-1:111122223333:key/73087c4c-e628-85fa-8706-38085832444a"

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "logs_6_5_errors" {
  name           = "logs_6_5-errors"
  log_group_name = aws_cloudwatch_log_group.logs_6_5[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "logs_6_5-errors"
    namespace = "Acme/${var.service_name}"
    value     = "1"
  }
}

resource "aws_cloudwatch_log_group" "logs_6_6" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/${var.environment}/${var.service_name}/logs_6_6-${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.app_0b.arn

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "logs_6_6_errors" {
  name           = "logs_6_6-errors"
  log_group_name = aws_cloudwatch_log_group.logs_6_6[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "logs_6_6-errors"
    namespace = "Acme/${var.service_name}"
    value     = "1"
  }
}

resource "aws_cloudwatch_log_group" "logs_6_7" {
  count = var.environment == "dev" ? 1 : 2

  name              = "/acme/${var.environment}/${var.service_name}/logs_6_7-${count.index}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.backup_4a.arn

  tags = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "logs_6_7_errors" {
  name           = "logs_6_7-errors"
  log_group_name = aws_cloudwatch_log_group.logs_6_7[0].name
  pattern        = "ERROR"

  metric_transformation {
    name      = "logs_6_7-errors"
    namespace = "Acme/${var.service_name}"
    value     = "1"
  }
}
